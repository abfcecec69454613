import RundschauModel
import Foundation
import GRDB
import RundschauStore

extension SQLiteFeedStore {
    public func startRun(command: String, at date: Date) async throws -> RunID {
        try await write("cannot record start of \(command)") { db in
            var record = RunRecord(
                id: nil, command: command, startedAt: date, finishedAt: nil, status: RunStatus.running.rawValue,
                countsJSON: "{}", message: nil)
            try record.insert(db)
            guard let id = record.id else { throw StoreError(code: .database, message: "run row without id") }
            return RunID(id)
        }
    }

    public func finishRun(
        _ id: RunID, at date: Date, status: RunStatus, counts: RunCounts, message: String?
    ) async throws {
        let countsJSON = try JSONColumn.encode(counts)
        try await write("cannot record end of run \(id)") { db in
            guard var record = try RunRecord.fetchOne(db, key: id.rawValue) else {
                throw StoreError(code: .notFound, message: "run \(id) not found")
            }
            record.finishedAt = date
            record.status = status.rawValue
            record.countsJSON = countsJSON
            record.message = message
            try record.update(db)
        }
    }

    public func lastRun() async throws -> StoredRun? {
        try await read("cannot read last run") { db in
            try Self.lastRun(in: db)
        }
    }

    public func status() async throws -> StoreStatus {
        try await read("cannot read status") { db in
            var byStatus: [FeedStatus: Int] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT status, COUNT(*) AS n FROM feed WHERE kind = 'feed' GROUP BY status")
            for row in rows {
                let raw: String = row["status"]
                guard let status = FeedStatus(rawValue: raw) else {
                    throw StoreError(code: .decoding, message: "unknown feed status '\(raw)'")
                }
                byStatus[status] = row["n"]
            }
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return StoreStatus(
                feedsByStatus: byStatus,
                dumpSources: try count("SELECT COUNT(*) FROM feed WHERE kind = 'dump'"),
                articles: try count("SELECT COUNT(*) FROM article"),
                duplicates: try count("SELECT COUNT(*) FROM article WHERE duplicate_of IS NOT NULL"),
                clusters: try count("SELECT COUNT(*) FROM cluster"),
                topics: try count("SELECT COUNT(*) FROM topic"),
                lastRun: try Self.lastRun(in: db))
        }
    }

    static func lastRun(in db: Database) throws -> StoredRun? {
        try RunRecord
            .order(RunRecord.Columns.startedAt.desc, RunRecord.Columns.id.desc)
            .fetchOne(db)?
            .stored()
    }
}
