import Foundation
import RundschauText

/// The store's framing of fields for content and revision hashes.
///
/// Each field is framed so that moving text from one field to the next changes the hash: an absent field is the
/// byte `0x00`, a present one is `0x01`, its UTF-8 bytes and `0xFF` (a byte UTF-8 never contains). The framing
/// is part of the stored hashes and must not change.
///
/// ```swift
/// var hasher = StableHash()
/// hasher.combine("Titel")
/// hasher.combine(nil as String?)
/// print(hasher.hex)   // 16 lower-case hex digits
/// ```
extension StableHash {
    /// Hashes one optional text field, framed.
    public mutating func combine(_ text: String?) {
        guard let text else {
            combine(bytes: CollectionOfOne(UInt8(0x00)))
            return
        }
        combine(bytes: CollectionOfOne(UInt8(0x01)))
        combine(bytes: text.utf8)
        combine(bytes: CollectionOfOne(UInt8(0xFF)))
    }

    /// Hashes an optional integer as its decimal text, framed.
    public mutating func combine(_ number: Int64?) {
        combine(number.map { String($0) })
    }

    /// Hashes an optional date as whole milliseconds since 1970, framed; so that a date read back from a
    /// database with millisecond precision hashes like the original.
    public mutating func combine(_ date: Date?) {
        combine(date.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) })
    }
}
