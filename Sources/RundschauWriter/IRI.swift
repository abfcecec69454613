/// Checks and repairs the IRIs the writer puts into `href`, `src`, `atom:id` and `atom:uri`, so that the W3C
/// Feed Validation Service finds them absolute and well-formed.
enum IRI {
    /// The scheme of `value` (lower-cased), when it starts with `scheme ":"` per RFC 3986 §3.1.
    static func scheme(of value: String) -> String? {
        var scheme = ""
        for (offset, scalar) in value.unicodeScalars.enumerated() {
            if scalar == ":" { return offset == 0 ? nil : scheme }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let isOther = ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            guard isLetter || (offset > 0 && isOther) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// `value` trimmed and repaired when it is an absolute IRI with one of `schemes` (any scheme when `nil`);
    /// `nil` otherwise. Repairs: surrounding whitespace removed; spaces, controls, `"<>\^`{|}` and stray `%`
    /// percent-encoded. `http(s)` IRIs must have something after `//`.
    static func absolute(_ value: String, schemes: Set<String>? = nil) -> String? {
        let trimmed = value.trimmingWhitespaceAndControls()
        guard let scheme = scheme(of: trimmed) else { return nil }
        if let schemes, !schemes.contains(scheme) { return nil }
        if scheme == "http" || scheme == "https" {
            let rest = trimmed.dropFirst(scheme.count + 1)
            guard rest.hasPrefix("//"), rest.count > 2 else { return nil }
        } else if trimmed.count == scheme.count + 1 {
            return nil
        }
        return encodeInvalid(trimmed)
    }

    /// Percent-encodes ASCII characters that may not appear in an IRI and `%` not followed by two hex digits.
    /// Non-ASCII stays (IRIs allow it, RFC 3987).
    static func encodeInvalid(_ value: String) -> String {
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

/// BCP 47 language tags as Atom's schema accepts them: `[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*`.
enum LanguageTag {
    /// `tag` with `_` turned into `-` when it then matches the pattern; `nil` otherwise.
    static func clean(_ tag: String?) -> String? {
        guard let tag else { return nil }
        let candidate = tag.trimmingWhitespaceAndControls().replacingOccurrences(of: "_", with: "-")
        let parts = candidate.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count),
              first.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) else { return nil }
        for part in parts.dropFirst() {
            guard (1...8).contains(part.count),
                  part.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
            else { return nil }
        }
        return candidate
    }
}

extension String {
    /// Without leading and trailing whitespace and C0/C1 control characters.
    func trimmingWhitespaceAndControls() -> String {
        let scalars = unicodeScalars
        func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isWhitespace
        }
        guard let start = scalars.firstIndex(where: { !isTrimmed($0) }),
              let end = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(scalars[start...end])
    }
}
