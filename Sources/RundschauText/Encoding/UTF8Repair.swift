/// Validates UTF-8 and repairs text that claims to be UTF-8 but is not: every byte that does not belong to a
/// well-formed sequence is read as Windows-1252 (the usual culprit: Latin-1 text with a UTF-8 label).
public enum UTF8Repair {
    /// What ``validate(_:)`` found.
    public struct Validation: Equatable, Sendable {
        public var isValid: Bool
        public var isASCII: Bool

        public init(isValid: Bool, isASCII: Bool) {
            self.isValid = isValid
            self.isASCII = isASCII
        }
    }

    /// Whether `bytes` is well-formed UTF-8 (Unicode table 3-7: no overlongs, surrogates or values past
    /// U+10FFFF), and whether it is plain ASCII.
    public static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Validation {
        var i = 0
        var ascii = true
        while i < bytes.count {
            i = asciiPrefixEnd(bytes, from: i)
            guard i < bytes.count else { break }
            ascii = false
            let length = sequenceLength(bytes, at: i)
            if length == 0 { return Validation(isValid: false, isASCII: false) }
            i += length
        }
        return Validation(isValid: true, isASCII: ascii)
    }

    /// Whether every byte is below 0x80.
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        asciiPrefixEnd(bytes, from: 0) == bytes.count
    }

    /// The repaired text and the number of bytes read as Windows-1252; nil when `bytes` is valid already.
    public static func repair(_ bytes: UnsafeBufferPointer<UInt8>) -> (utf8: [UInt8], repaired: Int)? {
        var out: [UInt8] = []
        var repaired = 0
        var copied = 0  // bytes[..<copied] are in `out` (or were replaced there)
        var i = 0
        let n = bytes.count
        while i < n {
            i = asciiPrefixEnd(bytes, from: i)
            guard i < n else { break }
            let length = sequenceLength(bytes, at: i)
            if length > 0 {
                i += length
                continue
            }
            if repaired == 0 { out.reserveCapacity(n + n / 8 + 16) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
            out.appendUTF8(Windows1252.scalar(bytes[i]))
            repaired += 1
            i += 1
            copied = i
        }
        guard repaired > 0 else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<n]))
        return (out, repaired)
    }

    /// The index of the first byte at or after `start` that is not ASCII (or `bytes.count`), eight at a time.
    @inline(__always)
    public static func asciiPrefixEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var i = start
        let n = bytes.count
        while i + 8 <= n {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < n, base[i] < 0x80 { i += 1 }
        return i
    }

    /// The length of the well-formed sequence starting at `i`, or 0 when the byte there does not start one.
    @inline(__always)
    public static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = bytes.count
        let lead = bytes[i]
        func continuation(_ k: Int) -> Bool { i + k < n && bytes[i + k] & 0xC0 == 0x80 }
        switch lead {
        case 0..<0x80:
            return 1
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard i + 2 < n else { return 0 }
            let second = bytes[i + 1]
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80, high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            return second >= low && second <= high && continuation(2) ? 3 : 0
        case 0xF0...0xF4:
            guard i + 3 < n else { return 0 }
            let second = bytes[i + 1]
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80, high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            return second >= low && second <= high && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}
