import Foundation

/// A growing UTF-8 byte buffer for XML with escaping on the way in: the writer's hot path.
///
/// Text and attribute values are escaped (`&`, `<`, `>`, and `"` in attributes; CR, and TAB/LF in attributes,
/// as character references so that parsers do not normalize them away) and characters XML 1.0 forbids or
/// discourages are dropped: C0 controls other than TAB, LF, CR; DEL and the C1 controls (U+007F–U+009F);
/// U+FFFE and U+FFFF. Swift strings are valid UTF-8, so no other filtering is needed.
struct XMLOutput {
    var bytes: [UInt8]

    init(capacity: Int = 1 << 16) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends markup as it is.
    @inline(__always)
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a string known to need no escaping (ASCII digits, dates, literals built here).
    @inline(__always)
    mutating func raw(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends text content, escaped.
    @inline(__always)
    mutating func text(_ string: String) { escaped(string, attribute: false) }

    /// Appends UTF-8 text content, escaped.
    @inline(__always)
    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) { escape(utf8, attribute: false) }

    /// Appends an attribute value (without the quotes), escaped.
    @inline(__always)
    mutating func attribute(_ string: String) { escaped(string, attribute: true) }

    /// Appends `name="value"` with a leading space.
    @inline(__always)
    mutating func attribute(_ name: StaticString, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        raw(name)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        escaped(value, attribute: true)
        bytes.append(UInt8(ascii: "\""))
    }

    /// An RFC 3339 UTC date (`2024-06-11T08:30:00Z`), written straight into the buffer.
    @inline(__always)
    mutating func date(_ date: Date) {
        let (year, month, day, hour, minute, second, _) = AtomDate.civil(date)
        func two(_ value: Int) -> (UInt8, UInt8) { (UInt8(48 + value / 10), UInt8(48 + value % 10)) }
        let (y1, y2) = two(year / 100), (y3, y4) = two(year % 100)
        let (mo1, mo2) = two(month), (d1, d2) = two(day), (h1, h2) = two(hour), (mi1, mi2) = two(minute), (s1, s2) = two(second)
        bytes.append(contentsOf: [y1, y2, y3, y4, 0x2D, mo1, mo2, 0x2D, d1, d2, 0x54, h1, h2, 0x3A, mi1, mi2, 0x3A, s1, s2, 0x5A])
    }

    /// `<name>date</name>` on its own line at `indent`.
    @inline(__always)
    mutating func element(_ indent: StaticString, _ open: StaticString, date value: Date, _ close: StaticString) {
        raw(indent)
        raw(open)
        date(value)
        raw(close)
    }

    /// `<name>text</name>` on its own line at `indent`.
    @inline(__always)
    mutating func element(_ indent: StaticString, _ open: StaticString, _ value: String, _ close: StaticString) {
        raw(indent)
        raw(open)
        text(value)
        raw(close)
    }

    private mutating func escaped(_ string: String, attribute: Bool) {
        var string = string
        string.withUTF8 { escape($0, attribute: attribute) }
    }

    /// Bytes that need a look in text (1) and in attribute values (2): `&<>`, C0 controls but TAB and LF
    /// (text), DEL, and the lead bytes 0xC2 (C1 controls) and 0xEF (U+FFFE/FFFF); attributes add `"`, TAB, LF.
    private static let classes: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x26, 0x3C, 0x3E, 0x7F, 0xC2, 0xEF, 0x0D: return 3
        case 0x09, 0x0A, 0x22: return 2
        case 0x00..<0x20: return 3
        default: return 0
        }
    }

    private mutating func escape(_ source: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        let mask: UInt8 = attribute ? 2 : 1
        Self.classes.withUnsafeBufferPointer { classes in
            let count = source.count
            var runStart = 0
            var index = 0
            while index < count {
                let byte = source[index]
                if classes[Int(byte)] & mask == 0 { index += 1; continue }
                // Something to replace, drop or inspect.
                var skip = 1
                var replacement: StaticString? = nil
                switch byte {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x09: replacement = "&#x9;"
                case 0x0A: replacement = "&#xA;"
                case 0x0D: replacement = "&#xD;"
                case 0xC2:
                    // U+0080–U+009F (C1 controls) are C2 80–C2 9F.
                    guard index + 1 < count, source[index + 1] >= 0x80, source[index + 1] <= 0x9F else { index += 1; continue }
                    skip = 2
                case 0xEF:
                    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                    guard index + 2 < count, source[index + 1] == 0xBF, source[index + 2] >= 0xBE else { index += 1; continue }
                    skip = 3
                default:
                    break  // other C0 controls and DEL: dropped
                }
                if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
                if let replacement { raw(replacement) }
                index += skip
                runStart = index
            }
            if count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<count])) }
        }
    }
}
