/// Windows-1252, the encoding the web means by ISO-8859-1, Latin-1 and US-ASCII labels, and the fallback for
/// bytes that are not UTF-8. Latin-1 except for 0x80–0x9F, where it has printable characters (€, „, “, —, …).
///
/// The package's one table: the XML reader, the dump importer, the OPML reader and HTML's numeric references
/// (which HTML5 maps the same way) all use it.
public enum Windows1252 {
    /// The code points of bytes 0x80–0x9F; the five bytes Windows leaves undefined map to the C1 controls.
    private static let c1: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar a byte stands for.
    @inline(__always)
    public static func scalar(_ byte: UInt8) -> UInt32 {
        (byte & 0xE0) == 0x80 ? UInt32(c1[Int(byte & 0x1F)]) : UInt32(byte)
    }

    /// The whole buffer decoded to UTF-8.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4 + 16)
        var i = 0
        let n = bytes.count
        while i < n {
            let start = i
            i = UTF8Repair.asciiPrefixEnd(bytes, from: i)
            if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            guard i < n else { break }
            out.appendUTF8(scalar(bytes[i]))
            i += 1
        }
        return out
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 form of a scalar value (surrogates and values past U+10FFFF become U+FFFD).
    @inline(__always)
    package mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            append(UInt8(value))
        case 0x80..<0x800:
            append(UInt8(0xC0 | (value >> 6)))
            append(UInt8(0x80 | (value & 0x3F)))
        case 0xD800..<0xE000, 0x110000...:
            append(contentsOf: [0xEF, 0xBF, 0xBD])
        case 0x800..<0x10000:
            append(UInt8(0xE0 | (value >> 12)))
            append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            append(UInt8(0x80 | (value & 0x3F)))
        default:
            append(UInt8(0xF0 | (value >> 18)))
            append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
