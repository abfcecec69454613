import RundschauText

/// BCP 47 language tags as Atom's schema accepts them: `[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*`.
enum LanguageTag {
    /// Whether `utf8` matches the pattern as it is.
    static func isValid(_ utf8: String.UTF8View) -> Bool {
        var partLength = 0
        var first = true
        for byte in utf8 {
            if byte == UInt8(ascii: "-") {
                guard partLength > 0 else { return false }
                partLength = 0
                first = false
                continue
            }
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard isLetter || (!first && isDigit) else { return false }
            partLength += 1
            guard partLength <= 8 else { return false }
        }
        return partLength > 0
    }

    /// `tag` with `_` turned into `-` when it then matches the pattern; `nil` otherwise.
    static func clean(_ tag: String?) -> String? {
        guard let tag else { return nil }
        if isValid(tag.utf8) { return tag }
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
