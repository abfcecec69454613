import Foundation

/// A character encoding the reader knows how to turn into UTF-8.
enum SourceEncoding: Equatable, CustomStringConvertible {
    case utf8
    case utf16(bigEndian: Bool)
    case utf32(bigEndian: Bool)
    /// Also every ISO-8859-1, Latin-1 and US-ASCII label (the WHATWG Encoding Standard's rule).
    case windows1252
    /// Anything else, converted by libxml2's encoding handlers (iconv); the name as libxml2 should see it.
    case named(String)

    var description: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16(let bigEndian): bigEndian ? "UTF-16BE" : "UTF-16LE"
        case .utf32(let bigEndian): bigEndian ? "UTF-32BE" : "UTF-32LE"
        case .windows1252: "windows-1252"
        case .named(let name): name
        }
    }

    /// Every byte below 0x80 means its ASCII character (true for all but UTF-16 and UTF-32 and a few
    /// stateful or EBCDIC encodings, which the `.named` case may hide; only used to silence warnings).
    var isASCIICompatible: Bool {
        switch self {
        case .utf8, .windows1252: true
        case .utf16, .utf32: false
        case .named(let name): !name.lowercased().hasPrefix("utf-") && !name.lowercased().contains("ebcdic")
        }
    }
}

/// Encoding labels as documents and servers write them (`charset=ISO-8859-1`, `encoding="utf8"`).
enum EncodingLabel {
    /// What a label stands for.
    enum Meaning: Equatable {
        case encoding(SourceEncoding)
        /// A UTF-16 or UTF-32 label: only true when the bytes say so (BOM or zero-byte pattern).
        case wide(String)
    }

    /// Trims, unquotes and lowercases `raw`; nil when nothing usable is left or it has characters no encoding
    /// name has (so that it can be handed to iconv safely).
    static func normalize(_ raw: String) -> String? {
        // A bare label (what an XML declaration holds): nothing to cut or trim, and `=`, `/`, quotes and
        // spaces are no label bytes, so the general path below would only lowercase it.
        if !raw.isEmpty, raw.utf8.count <= 40, raw.utf8.allSatisfy({ isLabelByte($0) }) {
            return raw.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ? raw.lowercased() : raw
        }
        var label = Substring(raw)
        if let range = label.range(of: "charset=", options: .caseInsensitive) {  // a whole Content-Type value
            label = label[range.upperBound...]
            if let end = label.firstIndex(of: ";") { label = label[..<end] }
        } else if label.contains("/") {
            return nil  // a media type without a charset
        }
        let trimmed = label.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 40,
              trimmed.utf8.allSatisfy({ isLabelByte($0) }) else { return nil }
        return trimmed
    }

    /// The meaning of a normalized label; libxml2 decides later whether a `.named` one is supported.
    static func meaning(of label: String) -> Meaning {
        if utf8Labels.contains(label) { return .encoding(.utf8) }
        if windows1252Labels.contains(label) { return .encoding(.windows1252) }
        if label.hasPrefix("utf-16") || label.hasPrefix("utf16") || label.hasPrefix("utf-32")
            || label.hasPrefix("utf32") || label == "ucs-2" || label == "ucs-4" || label == "unicode"
            || label == "iso-10646-ucs-2" || label == "unicodefffe" {
            return .wide(label)
        }
        return .encoding(.named(supersets[label] ?? label))
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
             UInt8(ascii: ":"):
            true
        default: false
        }
    }

    private static let utf8Labels: Set<String> = [
        "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
    ]

    /// WHATWG: all of these decode as Windows-1252 (its 0x80–0x9F bytes are printable, Latin-1's are not).
    private static let windows1252Labels: Set<String> = [
        "ansi_x3.4-1968", "ascii", "us-ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
        "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "windows-1252",
        "x-cp1252",
    ]

    /// WHATWG decodes these labels with a superset encoding; iconv knows the supersets by these names.
    private static let supersets: [String: String] = [
        "iso-8859-9": "windows-1254", "latin5": "windows-1254", "l5": "windows-1254",
        "iso-8859-11": "windows-874", "tis-620": "windows-874",
        "gb2312": "GBK", "x-gbk": "GBK", "csgb2312": "GBK",
        "shift_jis": "CP932", "shift-jis": "CP932", "sjis": "CP932", "x-sjis": "CP932", "ms_kanji": "CP932",
        "windows-31j": "CP932",
        "euc-kr": "CP949", "ks_c_5601-1987": "CP949", "windows-949": "CP949",
        "x-mac-cyrillic": "MAC-CYRILLIC",
    ]
}
