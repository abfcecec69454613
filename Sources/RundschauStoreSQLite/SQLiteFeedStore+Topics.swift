import Foundation
import GRDB
import RundschauStore

extension SQLiteFeedStore {
    public func upsertTopic(_ definition: TopicDraft) async throws -> StoredTopic {
        guard !definition.slug.isEmpty else {
            throw StoreError(code: .invalidArgument, message: "topic slug is empty", location: path)
        }
        return try await write("cannot store topic \(definition.slug)") { db in
            if var record = try TopicRecord.filter(TopicRecord.Columns.slug == definition.slug).fetchOne(db) {
                record.title = definition.title
                record.origin = definition.origin.rawValue
                record.rules = definition.rules
                try record.update(db)
                return try record.stored()
            }
            var record = TopicRecord(
                id: nil, slug: definition.slug, title: definition.title, origin: definition.origin.rawValue,
                createdAt: Date(), rules: definition.rules)
            try record.insert(db)
            return try record.stored()
        }
    }

    public func removeTopic(slug: String) async throws -> Bool {
        try await write("cannot remove topic \(slug)") { db in
            try TopicRecord.filter(TopicRecord.Columns.slug == slug).deleteAll(db) > 0
        }
    }

    public func topics() async throws -> [StoredTopic] {
        try await read("cannot list topics") { db in
            try TopicRecord.order(TopicRecord.Columns.slug).fetchAll(db).map { try $0.stored() }
        }
    }

    public func setArticleTopics(_ topics: [ArticleID: [TopicID]]) async throws {
        try await write("cannot store article topics") { db in
            try Self.requireArticles(Set(topics.keys), in: db)
            try Self.requireTopics(Set(topics.values.joined()), in: db)
            for (article, topicIDs) in topics {
                try ArticleTopicRecord.filter(ArticleTopicRecord.Columns.articleId == article.rawValue).deleteAll(db)
                for topic in Set(topicIDs) {
                    try ArticleTopicRecord(articleId: article.rawValue, topicId: topic.rawValue).insert(db)
                }
            }
        }
    }

    public func setClusterTopics(_ topics: [ClusterID: [TopicID]]) async throws {
        try await write("cannot store cluster topics") { db in
            try Self.requireClusters(Set(topics.keys), in: db)
            try Self.requireTopics(Set(topics.values.joined()), in: db)
            for (cluster, topicIDs) in topics {
                try ClusterTopicRecord.filter(ClusterTopicRecord.Columns.clusterId == cluster.rawValue).deleteAll(db)
                for topic in Set(topicIDs) {
                    // The story's last-seen date rides along for the topic's newest-first index.
                    try db.cachedStatement(sql: """
                        INSERT INTO cluster_topic (cluster_id, topic_id, last_seen)
                        SELECT id, ?, last_seen FROM cluster WHERE id = ?
                        """).execute(arguments: [topic.rawValue, cluster.rawValue])
                }
            }
        }
    }

    public func topicIDs(forArticles ids: [ArticleID]) async throws -> [ArticleID: [TopicID]] {
        try await read("cannot read topics of \(ids.count) article(s)") { db in
            var out: [ArticleID: [TopicID]] = [:]
            for chunk in Self.chunks(of: ids.map(\.rawValue)) {
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(
                    db, sql: "SELECT article_id, topic_id FROM article_topic WHERE article_id IN (\(placeholders)) ORDER BY topic_id",
                    arguments: StatementArguments(Array(chunk)))
                for row in rows {
                    out[ArticleID(row["article_id"] as Int64), default: []].append(TopicID(row["topic_id"] as Int64))
                }
            }
            return out
        }
    }

    // MARK: Helpers

    /// `notFound` naming the first missing topic, if any is missing.
    static func requireTopics(_ ids: Set<TopicID>, in db: Database) throws {
        for chunk in chunks(of: Array(ids).map(\.rawValue)) {
            let found = try Set(Int64.fetchAll(db, TopicRecord.select(TopicRecord.Columns.id).filter(keys: chunk)))
            if let missing = chunk.sorted().first(where: { !found.contains($0) }) {
                throw StoreError(code: .notFound, message: "topic \(missing) not found")
            }
        }
    }
}
