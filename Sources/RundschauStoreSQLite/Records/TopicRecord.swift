import Foundation
import GRDB
import RundschauStore

/// A row of `topic`.
struct TopicRecord: Codable, Sendable {
    var id: Int64?
    var slug: String
    var title: String
    var origin: String
    var createdAt: Date
    var rules: String?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, slug, title, origin, rules
        case createdAt = "created_at"
    }

    typealias Columns = CodingKeys
}

extension TopicRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "topic"

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension TopicRecord {
    /// The row as the protocol's value type.
    func stored() throws -> StoredTopic {
        guard let id else { throw StoreError(code: .decoding, message: "topic row without id") }
        guard let origin = TopicOrigin(rawValue: origin) else {
            throw StoreError(code: .decoding, message: "topic \(id): unknown origin '\(self.origin)'")
        }
        return StoredTopic(id: TopicID(id), slug: slug, title: title, origin: origin, createdAt: createdAt, rules: rules)
    }
}

/// A row of `article_topic`: an article belongs to a topic.
struct ArticleTopicRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "article_topic"
    var articleId: Int64
    var topicId: Int64

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case articleId = "article_id"
        case topicId = "topic_id"
    }

    typealias Columns = CodingKeys
}

/// A row of `cluster_topic`: a cluster belongs to a topic.
struct ClusterTopicRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "cluster_topic"
    var clusterId: Int64
    var topicId: Int64

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case clusterId = "cluster_id"
        case topicId = "topic_id"
    }

    typealias Columns = CodingKeys
}
