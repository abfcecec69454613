/// Makes sloppy XML well-formed where the intent is clear, in one linear pass over UTF-8 text that skips
/// straight to the next `<`, `&` or illegal byte:
/// - junk before the first `<` (or before an XML declaration that follows it) is dropped;
/// - control characters XML 1.0 forbids are dropped, raw or as character references, as are U+FFFE/U+FFFF; a
///   reference to no character at all (past U+10FFFF, a surrogate) becomes U+FFFD;
/// - `&name;` for an entity the DTD declared becomes its escaped text (bounded by `limit`), for an HTML entity
///   its numeric character reference; any other `&` that does not start a reference becomes `&#38;`;
/// - a `<` that cannot start markup (`a < b`) becomes `&#60;`.
///
/// Every reference the pass writes, and the five predefined ones (`&amp;` → `&#38;`), are numeric: libxml2
/// 2.9 in recover mode drops predefined entity references once it has met any error, character references
/// never. Comments, CDATA sections, processing instructions and the DOCTYPE declaration are copied unchanged
/// except for illegal control characters, which no XML text can carry.
enum XMLRepair {
    /// Where the document proper starts: at an XML declaration that follows junk (PHP warnings, stray text),
    /// else at the first `<`; nil when there is no `<` at all.
    static func documentStart(_ doc: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = doc.index(of: XMLByte.lessThan, from: 0) else { return nil }
        if doc.isDeclaration(at: first) { return first }
        let window = min(doc.count, 64 << 10)
        var k = first + 1
        while k < window, let p = doc.index(of: XMLByte.lessThan, from: k), p < window {
            if doc.starts(with: "<![CDATA[", at: p) { break }  // text from here on is content, not prolog
            if doc.isDeclaration(at: p) { return p }
            k = p + 1
        }
        return first
    }

    /// Whether the first kilobyte of (UTF-8) text holds so many characters no text has (control characters,
    /// U+FFFD from undecodable bytes, private-use characters) that this is binary data.
    static func looksBinary(_ doc: UnsafeBufferPointer<UInt8>) -> Bool {
        var odd = 0
        let end = min(doc.count, 1024)
        for k in 0..<end {
            let byte = doc[k]
            if isIllegalControl(byte) {
                odd += 1
            } else if byte == 0xEE, k + 1 < end, doc[k + 1] >= 0x80 {
                odd += 1  // U+E000–U+EFFF
            } else if byte == 0xEF, k + 2 < end, doc[k + 1] <= 0xA3 || (doc[k + 1] == 0xBF && doc[k + 2] == 0xBD) {
                odd += 1  // U+F000–U+F8FF or U+FFFD
            }
            if odd >= 8 { return true }
        }
        return false
    }

    /// Whether the prolog from `start` has a DOCTYPE with an internal subset (which may declare entities).
    static func hasInternalSubset(_ doc: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var k = start
        while k < doc.count {
            if isXMLSpace(doc[k]) {
                k += 1
            } else if doc.starts(with: "<?", at: k) {
                k = (doc.index(of: "?>", from: k + 2) ?? doc.count) + 2
            } else if doc.starts(with: "<!--", at: k) {
                k = (doc.index(of: "-->", from: k + 4) ?? doc.count) + 3
            } else if doc.starts(with: "<!DOCTYPE", at: k) {
                var quote: UInt8 = 0
                for j in (k + 9)..<doc.count {
                    let byte = doc[j]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == XMLByte.quote || byte == XMLByte.apostrophe {
                        quote = byte
                    } else if byte == XMLByte.openBracket {
                        return true
                    } else if byte == XMLByte.greaterThan {
                        return false
                    }
                }
                return false
            } else {
                return false
            }
        }
        return false
    }

    /// The repaired document from `start`.
    /// - Parameters:
    ///   - entities: simple entities the DTD declared (name → replacement text), substituted escaped.
    ///   - limit: the largest output allowed.
    /// - Throws: `entityExpansion` when substituting declared entities would pass `limit`, `tooLarge` when
    ///   the other repairs would.
    static func repair(_ doc: UnsafeBufferPointer<UInt8>, from start: Int, entities: [String: String],
                       limit: Int) throws(XMLError) -> [UInt8] {
        var repairer = XMLRepairPass(doc: doc, position: start, entities: entities.mapValues(escaped), limit: limit)
        try repairer.run()
        return repairer.out
    }

    /// Text made safe to stand anywhere in content or an attribute value.
    static func escaped(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case XMLByte.ampersand: out.append(contentsOf: "&#38;".utf8)
            case XMLByte.lessThan: out.append(contentsOf: "&#60;".utf8)
            case XMLByte.greaterThan: out.append(contentsOf: "&#62;".utf8)
            case XMLByte.quote: out.append(contentsOf: "&#34;".utf8)
            case XMLByte.apostrophe: out.append(contentsOf: "&#39;".utf8)
            default: if !isIllegalControl(byte) { out.append(byte) }
            }
        }
        return out
    }
}
