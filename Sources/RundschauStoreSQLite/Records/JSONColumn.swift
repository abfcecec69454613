import Foundation
import RundschauStore

/// Writes the JSON text columns (`links_json`, `authors_json`, `counts_json`, …): compact, keys sorted, so that
/// equal values are equal text; read with `StoredJSON.decode`, as on PostgreSQL.
enum JSONColumn {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }
}
