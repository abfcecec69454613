/// Plain-text views of HTML and entity handling, without a DOM.
public enum HTMLText {
    /// Strips tags, decodes entities (HTML5 named, decimal, hex) and collapses white space: for titles.
    ///
    /// Tags, comments, processing instructions and declarations are removed; the content of `script`, `style`,
    /// `template`, `iframe`, `noembed` and `noframes` is dropped; block elements (`p`, `div`, `li`, `h1`–`h6`,
    /// `td`, …) and `<br>` separate words; CDATA sections keep their text literally. A `<` that starts no tag
    /// (`a < b`) stays. After decoding, every run of white space (including U+00A0 from `&nbsp;`) becomes one space
    /// and the ends are trimmed.
    public static func plainText(fromHTML html: String) -> String {
        var text = html
        let plain = text.withUTF8 { bytes -> String? in
            // Most titles have neither tags nor references: each pass only runs when it has work, and a title that
            // needs none comes back as it is (`nil` here), without a new string.
            let (hasTag, hasReference, collapsed) = WhitespaceCollapser.survey(bytes)
            if !hasTag && !hasReference {
                return collapsed ? nil : WhitespaceCollapser.collapseUnchecked(bytes)
            }
            var decoded: [UInt8] = []
            decoded.reserveCapacity(bytes.count)
            if hasTag {
                let stripped = HTMLTagStripper.strip(bytes)
                stripped.withUnsafeBufferPointer { HTMLEntities.decode($0, into: &decoded) }
            } else {
                HTMLEntities.decode(bytes, into: &decoded)
            }
            return decoded.withUnsafeBufferPointer { WhitespaceCollapser.collapse($0) }
        }
        return plain ?? html
    }

    /// Decodes HTML named and numeric character references, leaving unknown ones as they are.
    ///
    /// - Named references (`&eacute;`, `&auml;`, `&mdash;`, `&apos;`, …: the full HTML5 list of 2,125 names, which
    ///   includes all 252 of HTML 4) need their closing `;`; names are case-sensitive (`&Auml;` ≠ `&auml;`).
    /// - Numeric references (`&#233;`, `&#xE9;`, `&#XE9;`) may omit the `;`. `&#0;`, surrogates and values past
    ///   U+10FFFF become U+FFFD; 128–159 are read as the Windows-1252 characters documents meant (`&#150;` → `–`),
    ///   as HTML5 specifies.
    public static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            HTMLEntities.decode(bytes, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The text an HTML named character reference stands for, or `nil` when the name is unknown.
    ///
    /// `name` is the bare, case-sensitive name (`"eacute"`); a leading `&` and a trailing `;` are tolerated
    /// (`"&eacute;"`). The XML predefined five (`amp`, `lt`, `gt`, `quot`, `apos`) are included. Some HTML5 names
    /// stand for two scalars (`&nvlt;` → `<⃒`).
    public static func namedEntity(_ name: String) -> String? {
        var bare = Substring(name)
        if bare.hasPrefix("&") { bare = bare.dropFirst() }
        if bare.hasSuffix(";") { bare = bare.dropLast() }
        return HTMLEntities.table[String(bare)]
    }

    /// Collapses every run of Unicode white space (tabs, newlines, U+00A0, U+2009, U+3000, …) into one ASCII space
    /// and trims both ends.
    public static func collapseWhitespace(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { WhitespaceCollapser.isCollapsed($0) ? nil : WhitespaceCollapser.collapseUnchecked($0) } ?? text
    }

    /// Escapes `&`, `<`, `>` and `"` for HTML or XML text and double-quoted attribute values.
    ///
    /// Works on Unicode scalars, so a markup character followed by a combining mark (`&\u{301}`) is escaped too;
    /// text without any of the four comes back as it is, without copying.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
        }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
