/// Text held as a string, or as a range of a parsed document's kept bytes that becomes a string only when read:
/// the storage of ``Entry/summary`` and ``Entry/content``, the longest fields, which many readers of a feed
/// never look at.
///
/// Equality and hashing are those of the strings, whatever the storage.
package struct LazyText: Hashable, Sendable {
    private enum Storage: Sendable {
        case string(String)
        case utf8(SharedUTF8, Range<Int>)
    }

    private let storage: Storage

    package init(_ string: String) {
        storage = .string(string)
    }

    /// `range` of `bytes`, which must be valid UTF-8 (invalid sequences would read as U+FFFD).
    package init(_ bytes: SharedUTF8, _ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "LazyText range out of bounds")
        storage = .utf8(bytes, range)
    }

    /// The text (made from the bytes at each call when it is kept as bytes).
    package var string: String {
        switch storage {
        case .string(let string): return string
        case .utf8(let bytes, let range): return bytes.withBytes(range) { String(decoding: $0, as: UTF8.self) }
        }
    }

    package static func == (lhs: LazyText, rhs: LazyText) -> Bool {
        if case .utf8(let left, let leftRange) = lhs.storage, case .utf8(let right, let rightRange) = rhs.storage,
           left === right, leftRange == rightRange {
            return true
        }
        return lhs.string == rhs.string
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(string) }
}
