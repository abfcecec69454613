import Foundation
import RundschauStore

/// Reads and writes the JSON text columns (`links_json`, `authors_json`, `counts_json`, …): compact, keys
/// sorted, so that equal values are equal text.
enum JSONColumn {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, column: String, row: Int64) throws -> T {
        if let empty = EmptyJSONList.value(of: text, as: T.self) { return empty }
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(code: .decoding, message: "row \(row): unreadable \(column)", underlying: error)
        }
    }
}

