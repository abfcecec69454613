/// The 64-bit FNV-1a hash over bytes: stable across processes, platforms and Swift versions (unlike
/// `hashValue`), and cheap.
///
/// Stored ids, content and revision hashes and ETags are built from it, so its output must never change: the
/// reference vectors (`""` → `cbf29ce484222325`, `"a"` → `af63dc4c8601ec8c`, `"foobar"` → `85944171f73967e8`)
/// are pinned by tests.
///
/// ```swift
/// var hash = StableHash()
/// hash.combine(bytes: "foo".utf8)
/// hash.combine(bytes: "bar".utf8)
/// print(hash.hex)                       // 85944171f73967e8
/// print(StableHash.hex(of: "foobar"))   // the same
/// ```
///
/// The methods are inlinable so that hashing a buffer from another module compiles to a tight loop.
public struct StableHash: Hashable, Sendable {
    /// The FNV-1a 64-bit offset basis: the hash of no bytes.
    @inlinable public static var offsetBasis: UInt64 { 0xcbf2_9ce4_8422_2325 }
    /// The FNV-1a 64-bit prime.
    @inlinable public static var prime: UInt64 { 0x0000_0100_0000_01b3 }

    @usableFromInline var state: UInt64

    /// The hash of what was combined so far.
    @inlinable public var value: UInt64 { state }

    /// Starts a hash (``offsetBasis``).
    @inlinable public init() { state = Self.offsetBasis }

    /// Hashes raw bytes, unframed (the textbook FNV-1a): combining `"foo"` then `"bar"` equals combining `"foobar"`.
    @inlinable public mutating func combine(bytes: some Sequence<UInt8>) {
        var hash = state
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* Self.prime
        }
        state = hash
    }

    /// The hash as 16 lower-case hex digits, zero-padded.
    public var hex: String { Self.hex(value) }

    /// The FNV-1a 64 hash of `text`'s UTF-8 bytes.
    public static func value(of text: String) -> UInt64 {
        var hash = StableHash()
        hash.combine(bytes: text.utf8)
        return hash.value
    }

    /// The FNV-1a 64 hash of `text`'s UTF-8 bytes as 16 lower-case hex digits.
    public static func hex(of text: String) -> String { hex(value(of: text)) }

    /// `value` as 16 lower-case hex digits, zero-padded.
    public static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { bytes in
            var rest = value
            for index in stride(from: 15, through: 0, by: -1) {
                let digit = UInt8(truncatingIfNeeded: rest & 0xF)
                bytes[index] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                rest >>= 4
            }
            return 16
        }
    }
}
