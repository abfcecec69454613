import Foundation
import PostgresNIO
import RundschauStore

extension PostgresFeedStore {
    public func upsertTopic(_ definition: TopicDraft) async throws -> StoredTopic {
        guard !definition.slug.isEmpty else { throw invalidArgument("topic slug is empty") }
        return try await write("cannot store topic \(definition.slug)") { sql in
            let topics = try await sql.map(
                """
                INSERT INTO topic (slug, title, origin, created_at, rules)
                VALUES (\(definition.slug.postgresSafe), \(definition.title.postgresSafe), \(definition.origin.rawValue),
                        \(Date().storedPrecision), \(definition.rules?.postgresSafe))
                ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, origin = EXCLUDED.origin, rules = EXCLUDED.rules
                RETURNING id, slug, title, origin, created_at, rules
                """, Self.storedTopic)
            guard let topic = topics.first else { throw StoreError(code: .database, message: "topic upsert returned no row") }
            return topic
        }
    }

    public func removeTopic(slug: String) async throws -> Bool {
        try await write("cannot remove topic \(slug)") { sql in
            try await !sql("DELETE FROM topic WHERE slug = \(slug.postgresSafe) RETURNING id").isEmpty
        }
    }

    /// All topics, by slug in byte order (`COLLATE "C"`, as SQLite compares), whatever the database's locale.
    public func topics() async throws -> [StoredTopic] {
        try await read("cannot list topics") { sql in
            try await sql.map("SELECT id, slug, title, origin, created_at, rules FROM topic ORDER BY slug COLLATE \"C\"", Self.storedTopic)
        }
    }

    public func setArticleTopics(_ topics: [ArticleID: [TopicID]]) async throws {
        try await write("cannot store article topics") { sql in
            try await Self.requireArticles(Set(topics.keys), in: sql)
            try await Self.requireTopics(Set(topics.values.joined()), in: sql)
            // A few statements per few thousand articles, not two per article.
            let entries = Array(topics)
            var start = 0
            while start < entries.count {
                let chunk = entries[start..<min(start + 5_000, entries.count)]
                try await sql("DELETE FROM article_topic WHERE article_id = ANY(\(chunk.map(\.key.rawValue)))")
                var articles: [Int64] = [], topicIDs: [Int64] = []
                for (article, ids) in chunk {
                    for topic in Set(ids.map(\.rawValue)) {
                        articles.append(article.rawValue)
                        topicIDs.append(topic)
                    }
                }
                if !articles.isEmpty {
                    try await sql(
                        """
                        INSERT INTO article_topic (article_id, topic_id)
                        SELECT * FROM unnest(\(articles)::bigint[], \(topicIDs)::bigint[])
                        """)
                }
                start += chunk.count
            }
        }
    }

    public func setClusterTopics(_ topics: [ClusterID: [TopicID]]) async throws {
        try await write("cannot store cluster topics") { sql in
            try await Self.requireClusters(Set(topics.keys), in: sql)
            try await Self.requireTopics(Set(topics.values.joined()), in: sql)
            for (cluster, topicIDs) in topics {
                try await sql("DELETE FROM cluster_topic WHERE cluster_id = \(cluster.rawValue)")
                let distinct = Array(Set(topicIDs.map(\.rawValue)))
                guard !distinct.isEmpty else { continue }
                try await sql(
                    """
                    INSERT INTO cluster_topic (cluster_id, topic_id, last_seen)
                    SELECT \(cluster.rawValue), topic_id, (SELECT last_seen FROM cluster WHERE id = \(cluster.rawValue))
                    FROM unnest(\(distinct)) AS t(topic_id)
                    """)
            }
        }
    }

    public func topicIDs(forArticles ids: [ArticleID]) async throws -> [ArticleID: [TopicID]] {
        let raw = ids.map(\.rawValue)
        return try await read("cannot read topics of \(ids.count) article(s)") { sql in
            var out: [ArticleID: [TopicID]] = [:]
            let rows = try await sql.map(
                "SELECT article_id, topic_id FROM article_topic WHERE article_id = ANY(\(raw)) ORDER BY topic_id"
            ) { (ArticleID(try $0("article_id", as: Int64.self)), TopicID(try $0("topic_id", as: Int64.self))) }
            for (article, topic) in rows { out[article, default: []].append(topic) }
            return out
        }
    }

    // MARK: Helpers

    /// `notFound` naming the smallest missing topic, if any is missing.
    static func requireTopics(_ ids: Set<TopicID>, in sql: PostgresStatements) async throws {
        guard let missing = try await missingIDs(Array(ids).map(\.rawValue), table: "topic", in: sql).first else { return }
        throw StoreError(code: .notFound, message: "topic \(missing) not found")
    }

    /// A `topic` row as the protocol's value type.
    static func storedTopic(_ row: PostgresRowReader) throws -> StoredTopic {
        let id = try row("id", as: Int64.self)
        let rawOrigin = try row("origin", as: String.self)
        guard let origin = TopicOrigin(rawValue: rawOrigin) else {
            throw StoreError(code: .decoding, message: "topic \(id): unknown origin '\(rawOrigin)'")
        }
        return StoredTopic(
            id: TopicID(id), slug: try row("slug"), title: try row("title"), origin: origin,
            createdAt: try row.date("created_at"), rules: try row("rules", as: String?.self))
    }
}
