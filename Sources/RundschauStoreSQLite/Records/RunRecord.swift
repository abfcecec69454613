import Foundation
import GRDB
import RundschauStore

/// A row of `run`: one run of the main job or one of its commands.
struct RunRecord: Codable, Sendable {
    var id: Int64?
    var command: String
    var startedAt: Date
    var finishedAt: Date?
    var status: String
    var countsJSON: String
    var message: String?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, command
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case status
        case countsJSON = "counts_json"
        case message
    }

    typealias Columns = CodingKeys
}

extension RunRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "run"

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension RunRecord {
    /// The row as the protocol's value type.
    func stored() throws -> StoredRun {
        guard let id else { throw StoreError(code: .decoding, message: "run row without id") }
        guard let status = RunStatus(rawValue: status) else {
            throw StoreError(code: .decoding, message: "run \(id): unknown status '\(self.status)'")
        }
        let counts = try StoredJSON.decode(RunCounts.self, from: countsJSON, column: "counts_json", row: id)
        return StoredRun(
            id: RunID(id), command: command, startedAt: startedAt, finishedAt: finishedAt, status: status,
            counts: counts, message: message)
    }
}
