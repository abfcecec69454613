import Foundation
import GRDB
import RundschauStore

extension SQLiteFeedStore {
    public func createCluster(_ draft: ClusterDraft) async throws -> ClusterID {
        try await write("cannot create cluster") { db in
            if let representative = draft.representativeID { try Self.requireArticles([representative], in: db) }
            let now = Date()
            var record = ClusterRecord(
                id: nil, label: draft.label, firstSeen: draft.firstSeen, lastSeen: draft.lastSeen,
                representativeId: draft.representativeID?.rawValue, createdAt: now, updatedAt: now)
            try record.insert(db)
            guard let id = record.id else { throw StoreError(code: .database, message: "cluster row without id") }
            return ClusterID(id)
        }
    }

    public func updateCluster(_ id: ClusterID, _ draft: ClusterDraft) async throws {
        try await write("cannot update cluster \(id)") { db in
            guard var record = try ClusterRecord.fetchOne(db, key: id.rawValue) else {
                throw StoreError(code: .notFound, message: "cluster \(id) not found")
            }
            if let representative = draft.representativeID { try Self.requireArticles([representative], in: db) }
            record.apply(draft, at: Date())
            try record.update(db)
            try db.cachedStatement(sql: "UPDATE cluster_topic SET last_seen = ? WHERE cluster_id = ?")
                .execute(arguments: [record.lastSeen, id.rawValue])
        }
    }

    public func assignClusters(_ assignments: [ArticleID: ClusterID?]) async throws {
        try await write("cannot assign clusters") { db in
            try Self.requireArticles(Set(assignments.keys), in: db)
            try Self.requireClusters(Set(assignments.values.compactMap { $0 }), in: db)
            for (article, cluster) in assignments {
                try db.execute(
                    sql: "UPDATE article SET cluster_id = ? WHERE id = ?",
                    arguments: [cluster?.rawValue, article.rawValue])
            }
        }
    }

    public func mergeClusters(_ merges: [ClusterID: ClusterID]) async throws {
        guard !merges.isEmpty else { return }
        try await write("cannot merge clusters") { db in
            try Self.requireClusters(Set(merges.keys).union(merges.values), in: db)
            for (from, into) in merges where from != into {
                try db.execute(
                    sql: "UPDATE article SET cluster_id = ? WHERE cluster_id = ?", arguments: [into.rawValue, from.rawValue])
                try db.execute(sql: "DELETE FROM cluster WHERE id = ?", arguments: [from.rawValue])
            }
        }
    }

    public func clusters(_ query: ClusterQuery) async throws -> [StoredCluster] {
        if let limit = query.limit, limit < 0 {
            throw StoreError(code: .invalidArgument, message: "negative limit \(limit)", location: path)
        }
        return try await read("cannot read clusters") { db in
            let c = ClusterRecord.Columns.self
            let records: [ClusterRecord]
            if let topicID = query.topicID {
                // A topic's newest stories straight from its (topic, last seen) index.
                var sql = "SELECT cluster.* FROM cluster_topic JOIN cluster ON cluster.id = cluster_topic.cluster_id "
                    + "WHERE cluster_topic.topic_id = ?"
                var arguments: StatementArguments = [topicID.rawValue]
                if let ids = query.ids {
                    sql += " AND cluster.id IN (" + ids.map { String($0.rawValue) }.joined(separator: ",") + ")"
                }
                if let date = query.lastSeenSince {
                    sql += " AND cluster_topic.last_seen >= ?"
                    arguments += [date]
                }
                sql += " ORDER BY cluster_topic.last_seen DESC, cluster_topic.cluster_id DESC"
                if let limit = query.limit {
                    sql += " LIMIT ?"
                    arguments += [limit]
                }
                records = try ClusterRecord.fetchAll(db, sql: sql, arguments: arguments)
            } else {
                var request = ClusterRecord.all()
                if let ids = query.ids { request = request.filter(keys: ids.map(\.rawValue)) }
                if let date = query.lastSeenSince { request = request.filter(c.lastSeen >= date) }
                request = request.order(c.lastSeen.desc, c.id.desc)
                if let limit = query.limit { request = request.limit(limit) }
                records = try request.fetchAll(db)
            }

            var members: [Int64: [ArticleID]] = [:]
            var topics: [Int64: [TopicID]] = [:]
            for chunk in Self.chunks(of: records.compactMap(\.id)) {
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let arguments = StatementArguments(Array(chunk))
                let memberRows = try Row.fetchAll(
                    db, sql: "SELECT id, cluster_id FROM article WHERE cluster_id IN (\(placeholders)) ORDER BY id",
                    arguments: arguments)
                for row in memberRows {
                    let clusterID: Int64 = row["cluster_id"]
                    members[clusterID, default: []].append(ArticleID(row["id"] as Int64))
                }
                let topicRows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT cluster_id, topic_id FROM cluster_topic WHERE cluster_id IN (\(placeholders))
                        ORDER BY topic_id
                        """,
                    arguments: arguments)
                for row in topicRows {
                    let clusterID: Int64 = row["cluster_id"]
                    topics[clusterID, default: []].append(TopicID(row["topic_id"] as Int64))
                }
            }
            return try records.map { record in
                guard let id = record.id else { throw StoreError(code: .decoding, message: "cluster row without id") }
                return StoredCluster(
                    id: ClusterID(id), label: record.label, firstSeen: record.firstSeen, lastSeen: record.lastSeen,
                    representativeID: record.representativeId.map { ArticleID($0) },
                    articleIDs: members[id] ?? [], topicIDs: topics[id] ?? [])
            }
        }
    }

    // MARK: Helpers

    /// `notFound` naming the first missing cluster, if any is missing.
    static func requireClusters(_ ids: Set<ClusterID>, in db: Database) throws {
        for chunk in chunks(of: Array(ids).map(\.rawValue)) {
            let found = try Set(Int64.fetchAll(db, ClusterRecord.select(ClusterRecord.Columns.id).filter(keys: chunk)))
            if let missing = chunk.sorted().first(where: { !found.contains($0) }) {
                throw StoreError(code: .notFound, message: "cluster \(missing) not found")
            }
        }
    }
}
