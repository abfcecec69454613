import Foundation
import RundschauModel

/// Topics and the memberships of articles and stories (cluster, publish, `stories`).
public protocol TopicStore: Sendable {
    /// Creates a topic, or updates title and origin of the topic with that slug; returns it.
    func upsertTopic(_ definition: TopicDraft) async throws -> StoredTopic

    /// Removes a topic and its memberships; returns `false` when there was none.
    func removeTopic(slug: String) async throws -> Bool

    /// All topics, by slug.
    func topics() async throws -> [StoredTopic]

    /// Replaces the topics of each given article, in one transaction.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown article or topic (nothing is written then).
    func setArticleTopics(_ topics: [ArticleID: [TopicID]]) async throws

    /// Replaces the topics of each given cluster, in one transaction.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown cluster or topic (nothing is written then).
    func setClusterTopics(_ topics: [ClusterID: [TopicID]]) async throws

    /// The topics of many articles, by article (articles without topics are left out), each list by id; one
    /// query per few thousand articles.
    func topicIDs(forArticles ids: [ArticleID]) async throws -> [ArticleID: [TopicID]]
}

extension TopicStore {
    /// The topics of one article, by id.
    public func topicIDs(forArticle id: ArticleID) async throws -> [TopicID] {
        try await topicIDs(forArticles: [id])[id] ?? []
    }
}
