import Foundation
import PostgresNIO
import RundschauStore

extension PostgresFeedStore {
    /// See ``FeedStore/prune(before:batchSize:)``. Space is reclaimed by autovacuum, not here.
    public func prune(before cutoff: Date, batchSize: Int) async throws -> PruneReport {
        guard batchSize > 0 else { throw invalidArgument("batch size must be positive, got \(batchSize)") }
        let cutoff = cutoff.storedPrecision
        var report = PruneReport()
        while true {
            let batch = try await write("cannot prune stories") { sql -> PruneReport? in
                let ids = try await sql.map(
                    """
                    SELECT c.id FROM cluster c
                    WHERE c.last_seen < \(cutoff)
                        AND NOT EXISTS (SELECT 1 FROM article a WHERE a.cluster_id = c.id AND a.first_seen >= \(cutoff))
                    ORDER BY c.last_seen LIMIT \(batchSize)
                    FOR UPDATE SKIP LOCKED
                    """
                ) { try $0("id", as: Int64.self) }
                guard !ids.isEmpty else { return nil }
                var part = PruneReport()
                part.stories = ids.count
                part.topicLinks = try await sql.map(
                    """
                    SELECT (SELECT COUNT(*) FROM cluster_topic WHERE cluster_id = ANY(\(ids)))
                         + (SELECT COUNT(*) FROM article_topic t JOIN article a ON a.id = t.article_id
                            WHERE a.cluster_id = ANY(\(ids))) AS n
                    """
                ) { try $0("n", as: Int64.self) }.first.map(Int.init) ?? 0
                part.articles = try await sql("DELETE FROM article WHERE cluster_id = ANY(\(ids)) RETURNING id").count
                _ = try await sql("DELETE FROM cluster WHERE id = ANY(\(ids))")
                return part
            }
            guard let batch else { break }
            report.add(batch)
        }
        while true {
            let batch = try await write("cannot prune articles") { sql -> PruneReport? in
                let ids = try await sql.map(
                    """
                    SELECT id FROM article WHERE first_seen < \(cutoff) AND cluster_id IS NULL
                    ORDER BY first_seen LIMIT \(batchSize) FOR UPDATE SKIP LOCKED
                    """
                ) { try $0("id", as: Int64.self) }
                guard !ids.isEmpty else { return nil }
                var part = PruneReport()
                part.topicLinks = try await sql.map(
                    "SELECT COUNT(*) AS n FROM article_topic WHERE article_id = ANY(\(ids))"
                ) { try $0("n", as: Int64.self) }.first.map(Int.init) ?? 0
                part.articles = try await sql("DELETE FROM article WHERE id = ANY(\(ids)) RETURNING id").count
                return part
            }
            guard let batch else { break }
            report.add(batch)
        }
        return report
    }
}
