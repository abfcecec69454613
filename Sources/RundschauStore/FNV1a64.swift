import Foundation

/// The 64-bit FNV-1a hash over a sequence of fields: stable across processes, platforms and Swift versions
/// (unlike `hashValue`), and cheap.
///
/// Each field is framed so that moving text from one field to the next changes the hash: an absent field is the
/// byte `0x00`, a present one is `0x01`, its UTF-8 bytes and `0xFF` (a byte UTF-8 never contains).
///
/// ```swift
/// var hasher = FNV1a64()
/// hasher.combine("Titel")
/// hasher.combine(nil as String?)
/// print(hasher.hex)   // 16 lower-case hex digits
/// ```
public struct FNV1a64: Hashable, Sendable {
    /// The FNV-1a 64-bit offset basis.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of what was combined so far.
    public private(set) var value: UInt64 = FNV1a64.offsetBasis

    /// Starts a hash.
    public init() {}

    /// Hashes raw bytes, unframed (the textbook FNV-1a).
    public mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* FNV1a64.prime
        }
    }

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

    /// The hash as 16 lower-case hex digits, zero-padded.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
