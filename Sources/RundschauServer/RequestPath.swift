/// Turns the raw request target into a safe path relative to the output folder, or rejects it.
///
/// Rejected (the server answers 404): encoded slashes and backslashes (`%2f`, `%5c`), NUL and other
/// control characters (raw or `%00`), malformed percent escapes or UTF-8, backslashes, empty segments (`//`),
/// and any segment starting with `.` — which covers `.`, `..` (raw or `%2e%2e`) and hidden files such as the
/// publisher's manifest and temporary files.
enum RequestPath {
    /// `""` for `/` (the index page), `a/b.atom` for `/a/b.atom`; `nil` when rejected.
    static func relative(_ rawPath: String) -> String? {
        var raw = Substring(rawPath)
        if let cut = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<cut] }
        guard raw.hasPrefix("/") else { return nil }
        guard let decoded = percentDecode(raw.utf8.dropFirst()) else { return nil }
        if decoded.isEmpty { return "" }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            guard !segment.isEmpty, !segment.hasPrefix("."), segment.utf8.count <= 255 else { return nil }
        }
        return decoded
    }

    /// Percent-decodes; `nil` for a malformed escape, an encoded `/` or `\`, a control character, a raw
    /// backslash, or bytes that are not UTF-8.
    private static func percentDecode(_ bytes: Substring.UTF8View.SubSequence) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            var byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                guard first < bytes.endIndex else { return nil }
                let second = bytes.index(after: first)
                guard second < bytes.endIndex, let high = hexValue(bytes[first]), let low = hexValue(bytes[second]) else { return nil }
                byte = high << 4 | low
                // An encoded separator would let one segment carry a path.
                guard byte != UInt8(ascii: "/") else { return nil }
                index = bytes.index(after: second)
            } else {
                index = bytes.index(after: index)
            }
            guard byte >= 0x20, byte != 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            out.append(byte)
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
