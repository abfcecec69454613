/// Removes markup from HTML bytes without building a tree, the way a browser would show the text:
/// tags vanish, comments and declarations vanish, the content of `script`, `style`, `template`, `iframe`,
/// `noembed` and `noframes` vanishes, and block boundaries and `<br>` become spaces. Character references are
/// left for `HTMLEntities` (CDATA content is re-escaped so that it survives that pass literally).
enum HTMLTagStripper {
    private static let droppedContent: Set<String> = [
        "script", "style", "template", "iframe", "noembed", "noframes",
    ]

    /// Elements whose start or end separates words.
    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "wbr",
    ]

    /// The text of `bytes` with markup removed; references are still encoded.
    static func strip(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let n = bytes.count
        var i = 0
        var runStart = 0
        func flush(upTo end: Int) {
            if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
        }
        while i < n {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < n else {
                i += 1
                continue
            }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {
                flush(upTo: i)
                if hasPrefix(bytes, at: i, "<!--") {
                    i = find(bytes, "-->", from: i + 4).map { $0 + 3 } ?? n
                } else if hasPrefix(bytes, at: i, "<![CDATA[") {
                    let end = find(bytes, "]]>", from: i + 9) ?? n
                    appendEscaped(bytes, from: i + 9, to: end, into: &out)
                    i = min(end + 3, n)
                } else {
                    i = find(bytes, ">", from: i + 2).map { $0 + 1 } ?? n
                }
                runStart = i
            } else if next == UInt8(ascii: "?") {
                flush(upTo: i)
                i = find(bytes, ">", from: i + 2).map { $0 + 1 } ?? n
                runStart = i
            } else if isASCIILetter(next) || (next == UInt8(ascii: "/") && i + 2 < n && isASCIILetter(bytes[i + 2])) {
                flush(upTo: i)
                let closing = next == UInt8(ascii: "/")
                let tag = readTag(bytes, nameAt: i + (closing ? 2 : 1))
                if blockElements.contains(tag.name) { out.append(UInt8(ascii: " ")) }
                i = tag.end
                if !closing, !tag.selfClosing, droppedContent.contains(tag.name) {
                    i = endOfElement(bytes, named: tag.name, from: i)
                }
                runStart = i
            } else if next == UInt8(ascii: "/") && i + 2 < n && bytes[i + 2] == UInt8(ascii: ">") {
                // `</>` is ignored.
                flush(upTo: i)
                i += 3
                runStart = i
            } else {
                i += 1  // a literal `<`, as in `a < b`
            }
        }
        flush(upTo: n)
        return out
    }

    private struct Tag {
        var name: String
        var end: Int
        var selfClosing: Bool
    }

    /// Reads a tag name starting at `start` and skips its attributes (quoted values may hold `>`).
    private static func readTag(_ bytes: UnsafeBufferPointer<UInt8>, nameAt start: Int) -> Tag {
        let n = bytes.count
        var i = start
        var name: [UInt8] = []
        while i < n, isNameByte(bytes[i]) {
            name.append(isASCIILetter(bytes[i]) ? bytes[i] | 0x20 : bytes[i])
            i += 1
        }
        var lastSignificant: UInt8 = 0
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: ">") {
                return Tag(
                    name: String(decoding: name, as: UTF8.self), end: i + 1,
                    selfClosing: lastSignificant == UInt8(ascii: "/"))
            }
            if b == UInt8(ascii: "=") {
                i += 1
                while i < n, isSpace(bytes[i]) { i += 1 }
                if i < n, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    i += 1
                    while i < n, bytes[i] != quote { i += 1 }
                    i += 1
                }
                lastSignificant = 0
                continue
            }
            if !isSpace(b) { lastSignificant = b }
            i += 1
        }
        return Tag(name: String(decoding: name, as: UTF8.self), end: n, selfClosing: false)
    }

    /// Where the element `name` whose content is dropped ends: after its `</name…>`, or the end of input.
    private static func endOfElement(_ bytes: UnsafeBufferPointer<UInt8>, named name: String, from start: Int) -> Int {
        let n = bytes.count
        let nameBytes = Array(name.utf8)
        var i = start
        while let open = find(bytes, "</", from: i) {
            var j = open + 2
            var k = 0
            while k < nameBytes.count, j < n, bytes[j] | 0x20 == nameBytes[k] {
                j += 1
                k += 1
            }
            if k == nameBytes.count, j >= n || !isNameByte(bytes[j]) {
                return find(bytes, ">", from: j).map { $0 + 1 } ?? n
            }
            i = open + 2
        }
        return n
    }

    /// Copies `bytes[from..<to]`, writing `&` as `&amp;` so that entity decoding leaves it alone.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into out: inout [UInt8]) {
        guard from < to else { return }
        for b in UnsafeBufferPointer(rebasing: bytes[from..<to]) {
            if b == UInt8(ascii: "&") { out.append(contentsOf: "&amp;".utf8) } else { out.append(b) }
        }
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where lowercased(bytes[i + k]) != lowercased(p[k]) { return false }
        return true
    }

    /// The offset of the first occurrence of `needle` at or after `from`.
    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        let p = needle.utf8Start
        var i = from
        while i + count <= bytes.count {
            if bytes[i] == p[0] {
                var k = 1
                while k < count, bytes[i + k] == p[k] { k += 1 }
                if k == count { return i }
            }
            i += 1
        }
        return nil
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func lowercased(_ b: UInt8) -> UInt8 { isASCIILetter(b) ? b | 0x20 : b }
    private static func isNameByte(_ b: UInt8) -> Bool {
        HTMLEntities.isASCIIAlphanumeric(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
            || b == UInt8(ascii: "_")
    }
    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
    }
}
