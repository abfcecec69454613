/// Checks and repairs IRIs (RFC 3987): the writer's `href`, `src`, `atom:id` and `atom:uri`, so that the W3C Feed
/// Validation Service finds them absolute and well-formed. ``URLResolver`` resolves relative references.
public enum IRI {
    /// The scheme of `value` (lower-cased), when it starts with `scheme ":"` per RFC 3986 §3.1.
    public static func scheme(of value: String) -> String? {
        guard let length = schemeLength(value.utf8) else { return nil }
        return String(decoding: value.utf8.prefix(length), as: UTF8.self).lowercased()
    }

    /// The length in bytes of the scheme `value` starts with (before the `:`), if it starts with one.
    @inline(__always)
    public static func schemeLength(_ utf8: String.UTF8View) -> Int? {
        var offset = 0
        for byte in utf8 {
            if byte == UInt8(ascii: ":") { return offset == 0 ? nil : offset }
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isOther = (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isLetter || (offset > 0 && isOther) else { return nil }
            offset += 1
        }
        return nil
    }

    /// `value` trimmed and repaired when it is an absolute IRI with one of `schemes` (any scheme when `nil`);
    /// `nil` otherwise. Repairs: surrounding whitespace removed; spaces, controls, `"<>\^`{|}` and stray `%`
    /// percent-encoded. `http(s)` IRIs must have something after `//`.
    public static func absolute(_ value: String, schemes: Set<String>? = nil) -> String? {
        let trimmed = value.trimmingWhitespaceAndControls()
        let utf8 = trimmed.utf8
        guard let length = schemeLength(utf8) else { return nil }
        // The common schemes without allocating.
        let scheme: String
        if length == 4 && utf8.starts(with: "http".utf8) {
            scheme = "http"
        } else if length == 5 && utf8.starts(with: "https".utf8) {
            scheme = "https"
        } else {
            scheme = String(decoding: utf8.prefix(length), as: UTF8.self).lowercased()
        }
        if let schemes, !schemes.contains(scheme) { return nil }
        let rest = utf8.dropFirst(length + 1)
        if scheme == "http" || scheme == "https" {
            guard rest.starts(with: "//".utf8), rest.count > 2 else { return nil }
        } else if rest.isEmpty {
            return nil
        }
        return encodeInvalid(trimmed)
    }

    /// Percent-encodes ASCII characters that may not appear in an IRI and `%` not followed by two hex digits.
    /// Non-ASCII stays (IRIs allow it, RFC 3987).
    public static func encodeInvalid(_ value: String) -> String {
        // Fast path: nothing to encode and no `%` to check.
        var suspicious = false
        for byte in value.utf8 where byte <= 0x20 || byte >= 0x7F || encodeCandidates[Int(byte)] {
            if byte >= 0x80 { continue }
            suspicious = true
            break
        }
        guard suspicious else { return value }
        let utf8 = Array(value.utf8)
        var needs = false
        for (index, byte) in utf8.enumerated() where mustEncode(byte) || (byte == UInt8(ascii: "%") && !isEscape(utf8, index)) {
            needs = true
            break
        }
        guard needs else { return value }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for (index, byte) in utf8.enumerated() {
            if mustEncode(byte) || (byte == UInt8(ascii: "%") && !isEscape(utf8, index)) {
                out.append(UInt8(ascii: "%"))
                out.append(hex(byte >> 4))
                out.append(hex(byte & 0xF))
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ASCII bytes that may need encoding: those ``mustEncode(_:)`` names, and `%`.
    private static let encodeCandidates: [Bool] = (0..<128).map { mustEncode(UInt8($0)) || $0 == 0x25 }

    private static func mustEncode(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x20, 0x7F, UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"),
             UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
            return true
        default:
            return false
        }
    }

    private static func isEscape(_ bytes: [UInt8], _ index: Int) -> Bool {
        index + 2 < bytes.count && isHex(bytes[index + 1]) && isHex(bytes[index + 2])
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private static func hex(_ value: UInt8) -> UInt8 { value < 10 ? value + 48 : value + 55 }
}

extension String {
    /// Without leading and trailing whitespace and C0/C1 control characters.
    package func trimmingWhitespaceAndControls() -> String {
        let scalars = unicodeScalars
        func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value) || (scalar.value > 0x9F && scalar.properties.isWhitespace)
        }
        // Fast path: nothing to trim.
        if let first = scalars.first, let last = scalars.last, !isTrimmed(first), !isTrimmed(last) { return self }
        guard let start = scalars.firstIndex(where: { !isTrimmed($0) }),
              let end = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(scalars[start...end])
    }
}
