import Foundation
import PostgresNIO
import RundschauStore

/// Reads the cells of one result row by column name, throwing ``StoreError`` (`decoding`) where postgres-nio
/// would trap on a missing column.
struct PostgresRowReader {
    private let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row.makeRandomAccess()
    }

    /// The value of `column`, decoded as `T` (an `Optional` for nullable columns).
    func callAsFunction<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard row.contains(column) else {
            throw StoreError(code: .decoding, message: "result has no column \(column)")
        }
        return try row[column].decode(T.self)
    }

    /// A timestamp column, at the store's millisecond precision.
    func date(_ column: String) throws -> Date {
        try self(column, as: Date.self).storedPrecision
    }

    /// A nullable timestamp column, at the store's millisecond precision.
    func optionalDate(_ column: String) throws -> Date? {
        try self(column, as: Date?.self)?.storedPrecision
    }

    /// A JSON column read back into the model's `Codable` values.
    func json<T: Decodable>(_ column: String, as type: T.Type, row id: Int64) throws -> T {
        try StoredJSON.decode(type, from: self(column, as: String.self), column: column, row: id)
    }
}

extension Date {
    /// The date as the store keeps it: whole milliseconds since 1970, like the SQLite backend and like the
    /// revision hash (`StableHash.combine(_: Date?)`), so that a date written and read back compares equal.
    var storedPrecision: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}

/// The JSON columns (`links_json`, `authors_json`, `counts_json`, …): written as compact text with sorted keys
/// and stored as `jsonb`; read with `StoredJSON.decode`, as on SQLite.
enum PostgresJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return withoutNULEscapes(String(decoding: try encoder.encode(value), as: UTF8.self))
        } catch {
            throw StoreError(code: .invalidArgument, message: "value cannot be stored as JSON: \(error)", underlying: error)
        }
    }
}
