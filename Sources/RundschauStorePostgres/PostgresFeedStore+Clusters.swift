import Foundation
import PostgresNIO
import RundschauStore

extension PostgresFeedStore {
    public func createCluster(_ draft: ClusterDraft) async throws -> ClusterID {
        try await write("cannot create cluster") { sql in
            if let representative = draft.representativeID { try await Self.requireArticles([representative], in: sql) }
            let now = Date().storedPrecision
            let ids = try await sql.map(
                """
                INSERT INTO cluster (label, first_seen, last_seen, representative_id, created_at, updated_at)
                VALUES (\(draft.label.postgresSafe), \(draft.firstSeen.storedPrecision), \(draft.lastSeen.storedPrecision),
                        \(draft.representativeID?.rawValue), \(now), \(now))
                RETURNING id
                """
            ) { try $0("id", as: Int64.self) }
            guard let id = ids.first else { throw StoreError(code: .database, message: "cluster insert returned no id") }
            return ClusterID(id)
        }
    }

    public func updateCluster(_ id: ClusterID, _ draft: ClusterDraft) async throws {
        try await write("cannot update cluster \(id)") { sql in
            guard try await Self.missingIDs([id.rawValue], table: "cluster", in: sql).isEmpty else {
                throw StoreError(code: .notFound, message: "cluster \(id) not found")
            }
            if let representative = draft.representativeID { try await Self.requireArticles([representative], in: sql) }
            try await sql(
                """
                UPDATE cluster SET label = \(draft.label.postgresSafe), first_seen = \(draft.firstSeen.storedPrecision),
                    last_seen = \(draft.lastSeen.storedPrecision), representative_id = \(draft.representativeID?.rawValue),
                    updated_at = \(Date().storedPrecision)
                WHERE id = \(id.rawValue)
                """)
            try await sql(
                "UPDATE cluster_topic SET last_seen = \(draft.lastSeen.storedPrecision) WHERE cluster_id = \(id.rawValue)")
        }
    }

    public func assignClusters(_ assignments: [ArticleID: ClusterID?]) async throws {
        try await write("cannot assign clusters") { sql in
            try await Self.requireArticles(Set(assignments.keys), in: sql)
            try await Self.requireClusters(Set(assignments.values.compactMap { $0 }), in: sql)
            try await Self.setColumn("cluster_id", assignments.map { ($0.key.rawValue, $0.value?.rawValue) }, in: sql)
        }
    }

    /// See ``FeedStore/mergeClusters(_:)``.
    public func mergeClusters(_ merges: [ClusterID: ClusterID]) async throws {
        guard !merges.isEmpty else { return }
        try await write("cannot merge clusters") { sql in
            try await Self.requireClusters(Set(merges.keys).union(merges.values), in: sql)
            for (from, into) in merges where from != into {
                try await sql("UPDATE article SET cluster_id = \(into.rawValue) WHERE cluster_id = \(from.rawValue)")
                try await sql("DELETE FROM cluster WHERE id = \(from.rawValue)")
            }
        }
    }

    /// Clusters with members and topics, read from one snapshot (see ``FeedStore/clusters(_:)``).
    public func clusters(_ query: ClusterQuery) async throws -> [StoredCluster] {
        if let limit = query.limit, limit < 0 { throw invalidArgument("negative limit \(limit)") }
        // A topic's newest stories come straight from its (topic, last seen) index.
        let byTopic = query.topicID != nil
        var builder = PostgresQueryBuilder(byTopic
            ? "SELECT c.id, c.label, c.first_seen, c.last_seen, c.representative_id FROM cluster_topic t JOIN cluster c ON c.id = t.cluster_id"
            : "SELECT c.id, c.label, c.first_seen, c.last_seen, c.representative_id FROM cluster c")
        if let ids = query.ids {
            builder.filter("c.id = ANY(", ids.map(\.rawValue))
            builder.append(")")
        }
        if let topicID = query.topicID { builder.filter("t.topic_id = ", topicID.rawValue) }
        if let date = query.lastSeenSince {
            builder.filter(byTopic ? "t.last_seen >= " : "c.last_seen >= ", date.storedPrecision)
        }
        builder.append(byTopic ? " ORDER BY t.last_seen DESC, t.cluster_id DESC" : " ORDER BY c.last_seen DESC, c.id DESC")
        if let limit = query.limit { builder.append(" LIMIT ", limit) }
        let select = builder.query

        return try await snapshot("cannot read clusters") { sql in
            let rows = try await sql.map(select) { row in
                (
                    id: try row("id", as: Int64.self), label: try row("label", as: String.self),
                    firstSeen: try row.date("first_seen"), lastSeen: try row.date("last_seen"),
                    representative: try row("representative_id", as: Int64?.self)
                )
            }
            let ids = rows.map(\.id)
            var members: [Int64: [ArticleID]] = [:]
            var topics: [Int64: [TopicID]] = [:]
            if !ids.isEmpty {
                let memberRows = try await sql.map(
                    "SELECT id, cluster_id FROM article WHERE cluster_id = ANY(\(ids)) ORDER BY id"
                ) { (try $0("cluster_id", as: Int64.self), try $0("id", as: Int64.self)) }
                for (cluster, article) in memberRows { members[cluster, default: []].append(ArticleID(article)) }
                let topicRows = try await sql.map(
                    "SELECT cluster_id, topic_id FROM cluster_topic WHERE cluster_id = ANY(\(ids)) ORDER BY topic_id"
                ) { (try $0("cluster_id", as: Int64.self), try $0("topic_id", as: Int64.self)) }
                for (cluster, topic) in topicRows { topics[cluster, default: []].append(TopicID(topic)) }
            }
            return rows.map { row in
                StoredCluster(
                    id: ClusterID(row.id), label: row.label, firstSeen: row.firstSeen, lastSeen: row.lastSeen,
                    representativeID: row.representative.map { ArticleID($0) }, articleIDs: members[row.id] ?? [],
                    topicIDs: topics[row.id] ?? [])
            }
        }
    }

    // MARK: Helpers

    /// `notFound` naming the smallest missing cluster, if any is missing.
    static func requireClusters(_ ids: Set<ClusterID>, in sql: PostgresStatements) async throws {
        guard let missing = try await missingIDs(Array(ids).map(\.rawValue), table: "cluster", in: sql).first else { return }
        throw StoreError(code: .notFound, message: "cluster \(missing) not found")
    }
}
