import Foundation
import GRDB
import RundschauStore

extension SQLiteFeedStore {
    public func prune(before cutoff: Date, batchSize: Int) async throws -> PruneReport {
        guard batchSize > 0 else {
            throw StoreError(code: .invalidArgument, message: "batch size must be positive, got \(batchSize)", location: path)
        }
        var report = PruneReport()
        // Stories last active before the cut-off whose articles were all first seen before it.
        while true {
            let batch = try await write("cannot prune stories") { db -> PruneReport? in
                let ids = try Int64.fetchAll(db, sql: """
                    SELECT c.id FROM cluster c
                    WHERE c.last_seen < ?
                        AND NOT EXISTS (SELECT 1 FROM article a WHERE a.cluster_id = c.id AND a.first_seen >= ?)
                    ORDER BY c.last_seen LIMIT ?
                    """, arguments: [cutoff, cutoff, batchSize])
                guard !ids.isEmpty else { return nil }
                let list = ids.map(String.init).joined(separator: ",")
                var part = PruneReport()
                part.stories = ids.count
                part.topicLinks = try Int.fetchOne(db, sql: """
                    SELECT (SELECT COUNT(*) FROM cluster_topic WHERE cluster_id IN (\(list)))
                         + (SELECT COUNT(*) FROM article_topic WHERE article_id IN
                                (SELECT id FROM article WHERE cluster_id IN (\(list))))
                    """) ?? 0
                try db.execute(sql: "DELETE FROM article WHERE cluster_id IN (\(list))")
                part.articles = db.changesCount
                try db.execute(sql: "DELETE FROM cluster WHERE id IN (\(list))")
                return part
            }
            guard let batch else { break }
            report.add(batch)
        }
        // Articles in no story (never clustered, or taken out of one) first seen before the cut-off.
        while true {
            let batch = try await write("cannot prune articles") { db -> PruneReport? in
                let ids = try Int64.fetchAll(db, sql: """
                    SELECT id FROM article WHERE first_seen < ? AND cluster_id IS NULL ORDER BY first_seen LIMIT ?
                    """, arguments: [cutoff, batchSize])
                guard !ids.isEmpty else { return nil }
                let list = ids.map(String.init).joined(separator: ",")
                var part = PruneReport()
                part.topicLinks = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_topic WHERE article_id IN (\(list))") ?? 0
                try db.execute(sql: "DELETE FROM article WHERE id IN (\(list))")
                part.articles = db.changesCount
                return part
            }
            guard let batch else { break }
            report.add(batch)
        }
        // Freed pages back to the file system, a slice at a time (databases created before incremental
        // auto-vacuum was switched on keep their free pages for reuse instead).
        while true {
            let freed = try await write("cannot vacuum") { db -> Int in
                let mode = try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") ?? 0
                let before = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
                guard mode == 2, before > 0 else { return 0 }
                try db.execute(sql: "PRAGMA incremental_vacuum(2000)")
                return before - (try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0)
            }
            if freed == 0 { break }
            report.pagesFreed += freed
        }
        return report
    }
}
