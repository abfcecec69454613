#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Byte classes and searches shared by the encoding detector and the repair pass.

/// Byte values the repair pass looks for.
enum XMLByte {
    static let lessThan = UInt8(ascii: "<"), greaterThan = UInt8(ascii: ">"), ampersand = UInt8(ascii: "&")
    static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), semicolon = UInt8(ascii: ";")
    static let hash = UInt8(ascii: "#"), openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
}

/// XML's white space: space, tab, line feed, carriage return.
@inline(__always)
func isXMLSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

/// C0 controls other than tab, line feed and carriage return: never allowed in XML 1.0.
@inline(__always)
func isIllegalControl(_ byte: UInt8) -> Bool {
    byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
}

/// Bytes the repair pass stops at.
@inline(__always)
func stopsRepairScan(_ byte: UInt8) -> Bool {
    byte < 0x20 ? (byte != 0x09 && byte != 0x0A && byte != 0x0D)
        : (byte == XMLByte.lessThan || byte == XMLByte.ampersand || byte == 0xEF)
}

/// XML 1.0 `Char`.
@inline(__always)
func isXMLChar(_ value: UInt32) -> Bool {
    switch value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
}

func canStartMarkup(_ byte: UInt8) -> Bool {
    isNameStart(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
}

func isNameStart(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
         UInt8(ascii: ":"), 0x80...: true
    default: false
    }
}

func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): true
    default: isNameStart(byte)
    }
}

func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The first index of `byte` at or after `start` (memchr).
    func index(of byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count else { return nil }
        guard let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The first index of `pattern` at or after `start`.
    func index(of pattern: StaticString, from start: Int) -> Int? {
        let length = pattern.utf8CodeUnitCount
        guard length > 0 else { return start }
        let first = pattern.utf8Start.pointee
        var k = start
        while let candidate = index(of: first, from: k) {
            if candidate + length > count { return nil }
            if starts(with: pattern, at: candidate) { return candidate }
            k = candidate + 1
        }
        return nil
    }

    /// Whether the bytes at `offset` are `pattern`.
    func starts(with pattern: StaticString, at offset: Int) -> Bool {
        let length = pattern.utf8CodeUnitCount
        guard offset >= 0, offset + length <= count, let base = baseAddress else { return false }
        return memcmp(base + offset, pattern.utf8Start, length) == 0
    }

    /// Whether an XML declaration (`<?xml` and white space) starts at `offset`.
    func isDeclaration(at offset: Int) -> Bool {
        starts(with: "<?xml", at: offset) && offset + 5 < count && isXMLSpace(self[offset + 5])
    }
}
