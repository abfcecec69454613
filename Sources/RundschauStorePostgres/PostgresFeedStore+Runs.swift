import RundschauModel
import Foundation
import PostgresNIO
import RundschauStore

extension PostgresFeedStore {
    public func startRun(command: String, at date: Date) async throws -> RunID {
        try await write("cannot record start of \(command)") { sql in
            let ids = try await sql.map(
                """
                INSERT INTO run (command, started_at, status, counts_json)
                VALUES (\(command.postgresSafe), \(date.storedPrecision), \(RunStatus.running.rawValue), '{}')
                RETURNING id
                """
            ) { try $0("id", as: Int64.self) }
            guard let id = ids.first else { throw StoreError(code: .database, message: "run insert returned no id") }
            return RunID(id)
        }
    }

    public func finishRun(
        _ id: RunID, at date: Date, status: RunStatus, counts: RunCounts, message: String?
    ) async throws {
        let countsJSON = try PostgresJSON.encode(counts)
        try await write("cannot record end of run \(id)") { sql in
            let updated = try await sql(
                """
                UPDATE run SET finished_at = \(date.storedPrecision), status = \(status.rawValue),
                    counts_json = \(countsJSON)::jsonb, message = \(message.postgresSafe)
                WHERE id = \(id.rawValue) RETURNING id
                """)
            guard !updated.isEmpty else { throw StoreError(code: .notFound, message: "run \(id) not found") }
        }
    }

    public func lastRun() async throws -> StoredRun? {
        try await read("cannot read last run") { sql in
            try await sql.map(
                """
                SELECT \(unescaped: Self.runColumns) FROM run ORDER BY started_at DESC, id DESC LIMIT 1
                """, Self.storedRun
            ).first
        }
    }

    /// The store at a glance, read from one snapshot, so that its counts agree with each other.
    public func status() async throws -> StoreStatus {
        try await snapshot("cannot read status") { sql in
            let byStatus = try await sql.map(
                "SELECT status, COUNT(*) AS n FROM feed WHERE kind = 'feed' GROUP BY status"
            ) { (try $0("status", as: String.self), try $0("n", as: Int.self)) }
            var feedsByStatus: [FeedStatus: Int] = [:]
            for (raw, count) in byStatus {
                guard let status = FeedStatus(rawValue: raw) else {
                    throw StoreError(code: .decoding, message: "unknown feed status '\(raw)'")
                }
                feedsByStatus[status] = count
            }
            let totals = try await sql.map(
                """
                SELECT (SELECT COUNT(*) FROM feed WHERE kind = 'dump') AS dumps,
                       (SELECT COUNT(*) FROM article) AS articles,
                       (SELECT COUNT(*) FROM article WHERE duplicate_of IS NOT NULL) AS duplicates,
                       (SELECT COUNT(*) FROM cluster) AS clusters,
                       (SELECT COUNT(*) FROM topic) AS topics
                """
            ) { row in
                StoreStatus(
                    feedsByStatus: feedsByStatus, dumpSources: try row("dumps"), articles: try row("articles"),
                    duplicates: try row("duplicates"), clusters: try row("clusters"), topics: try row("topics"))
            }
            guard var status = totals.first else { throw StoreError(code: .database, message: "status returned no row") }
            status.lastRun = try await sql.map(
                "SELECT \(unescaped: Self.runColumns) FROM run ORDER BY started_at DESC, id DESC LIMIT 1", Self.storedRun
            ).first
            return status
        }
    }

    // MARK: Helpers

    static let runColumns = "id, command, started_at, finished_at, status, counts_json::text AS counts_json, message"

    /// A `run` row as the protocol's value type.
    static func storedRun(_ row: PostgresRowReader) throws -> StoredRun {
        let id = try row("id", as: Int64.self)
        let rawStatus = try row("status", as: String.self)
        guard let status = RunStatus(rawValue: rawStatus) else {
            throw StoreError(code: .decoding, message: "run \(id): unknown status '\(rawStatus)'")
        }
        return StoredRun(
            id: RunID(id), command: try row("command"), startedAt: try row.date("started_at"),
            finishedAt: try row.optionalDate("finished_at"), status: status,
            counts: try row.json("counts_json", as: RunCounts.self, row: id), message: try row("message"))
    }
}
