import Foundation
import GRDB
import RundschauStore

/// A row of `cluster`: one story. Members are the articles whose `cluster_id` points here.
struct ClusterRecord: Codable, Sendable {
    var id: Int64?
    var label: String
    var firstSeen: Date
    var lastSeen: Date
    var representativeId: Int64?
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, label
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
        case representativeId = "representative_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    typealias Columns = CodingKeys
}

extension ClusterRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "cluster"

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension ClusterRecord {
    /// Overwrites the fields clustering sets.
    mutating func apply(_ draft: ClusterDraft, at date: Date) {
        label = draft.label
        firstSeen = draft.firstSeen
        lastSeen = draft.lastSeen
        representativeId = draft.representativeID?.rawValue
        updatedAt = date
    }
}
