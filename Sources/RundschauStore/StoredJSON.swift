import Foundation

/// Reading the JSON columns (`links_json`, `authors_json`, `counts_json`, …), the same on both backends; each
/// backend writes them its own way.
package enum StoredJSON {
    /// The value in `text`. `[]`, which most of an article's list columns hold, is read without a JSON decoder
    /// (four columns an article, for every article a window's read returns).
    /// - Throws: ``StoreError/Code/decoding`` naming the row and the column.
    package static func decode<T: Decodable>(_ type: T.Type, from text: String, column: String, row: Int64) throws -> T {
        if text.utf8.count == 2, text == "[]", let empty = (T.self as? any EmptyArray.Type)?.empty as? T { return empty }
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(code: .decoding, message: "row \(row): unreadable \(column)", underlying: error)
        }
    }
}

private protocol EmptyArray { static var empty: Self { get } }

extension Array: EmptyArray { fileprivate static var empty: Self { [] } }
