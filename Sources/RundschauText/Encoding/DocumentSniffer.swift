/// A first look at the bytes, before any parsing: empty, JSON, an HTML page, binary data, plain text, or
/// something to hand to the XML reader.
///
/// The package's one sniffer: the parser picks its reader with ``sniff(_:)``; the fetcher's `ContentKind` (is a
/// fetched body a feed, or a page to look in for `<link rel="alternate">`?) builds on it with
/// ``firstElementName(_:)`` and ``containsFeedRoot(_:wide:)``.
public enum DocumentSniffer {
    /// What the bytes look like.
    public enum Kind: Equatable, Sendable {
        /// Nothing but white space and byte-order marks.
        case empty
        /// Starts with `{` or `[`: a JSON Feed candidate.
        case json
        /// Starts with `<!DOCTYPE html` or `<html` (after an XML declaration and comments) and holds no feed
        /// root (`<rss`, `<feed`, `<rdf:RDF`) anywhere.
        case html
        /// Not text: the reason names what it seems to be.
        case binary(String)
        /// Text without a single `<`.
        case text
        /// Anything else: markup for the XML reader (which also repairs junk before `<?xml`).
        case markup
    }

    /// How many leading characters the sniffer looks at.
    private static let window = 1024

    /// Sniffs the first kilobyte (and, for pages, looks for a feed root anywhere).
    public static func sniff(_ bytes: [UInt8]) -> Kind {
        if bytes.isEmpty { return .empty }
        let (prefix, wide) = asciiPrefix(bytes)
        if !wide, let binary = binaryKind(bytes) { return .binary(binary) }
        guard let first = prefix.firstIndex(where: { !isSpace($0) }) else {
            // The window is all white space: is the rest too?
            return bytes.allSatisfy { isSpace($0) || $0 == 0 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0xFE || $0 == 0xFF }
                ? .empty : .markup
        }
        switch prefix[first] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return .json
        case UInt8(ascii: "<"):
            // An XHTML DOCTYPE before an `<rss>` root, or a feed inside an XHTML page, is for the XML reader.
            return looksLikeHTML(prefix[first...]) && !containsFeedRoot(bytes, wide: wide) ? .html : .markup
        default:
            if prefix.contains(UInt8(ascii: "<")) { return .markup }
            return wide || bytes.contains(UInt8(ascii: "<")) ? .markup : .text
        }
    }

    /// The first ``window`` characters as ASCII bytes (non-ASCII as 0x80), decoding UTF-16/32 by BOM or
    /// by the `<` pattern; `wide` is true for those encodings.
    private static func asciiPrefix(_ bytes: [UInt8]) -> (prefix: [UInt8], wide: Bool) {
        func at(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
        var start = 0
        var width = 1
        var bigEndian = false
        switch (at(0), at(1), at(2), at(3)) {
        case (0x00, 0x00, 0xFE, 0xFF): start = 4; width = 4; bigEndian = true
        case (0xFF, 0xFE, 0x00, 0x00): start = 4; width = 4
        case (0xFE, 0xFF, _, _): start = 2; width = 2; bigEndian = true
        case (0xFF, 0xFE, _, _): start = 2; width = 2
        case (0xEF, 0xBB, 0xBF, _): start = 3
        case (0x00, 0x00, 0x00, 0x3C): width = 4; bigEndian = true
        case (0x3C, 0x00, 0x00, 0x00): width = 4
        case (0x00, 0x3C, _, _), (0x00, 0x7B, _, _): width = 2; bigEndian = true
        case (0x3C, 0x00, _, _), (0x7B, 0x00, _, _): width = 2
        default: break
        }
        if width == 1 {
            let count = max(0, min(bytes.count, start + window) - start)
            let ascii = [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
                bytes.withUnsafeBufferPointer { source in
                    for offset in 0..<count {
                        let byte = source[start + offset]
                        out[offset] = byte < 0x80 ? byte : 0x80
                    }
                }
                initialized = count
            }
            return (ascii, false)
        }
        var prefix: [UInt8] = []
        prefix.reserveCapacity(window)
        var index = start
        while index + width <= bytes.count && prefix.count < window {
            var unit: UInt32 = 0
            for offset in 0..<width {
                let byte = UInt32(bytes[index + (bigEndian ? offset : width - 1 - offset)])
                unit = unit << 8 | byte
            }
            prefix.append(unit < 0x80 ? UInt8(unit) : 0x80)
            index += width
        }
        return (prefix, width > 1)
    }

    /// A name for binary content: well-known magic numbers, else NUL bytes or many control characters.
    private static func binaryKind(_ bytes: [UInt8]) -> String? {
        if bytes.first != UInt8(ascii: "<") {
            if bytes.starts(with: [0x1F, 0x8B]) { return "binary data (gzip-compressed)" }
            if bytes.starts(with: Array("%PDF".utf8)) { return "binary data (a PDF document)" }
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "binary data (a PNG image)" }
            if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "binary data (a JPEG image)" }
            if bytes.starts(with: Array("GIF8".utf8)) { return "binary data (a GIF image)" }
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "binary data (a ZIP archive)" }
        }
        let sampleCount = min(bytes.count, window)
        var controls = 0
        bytes.withUnsafeBufferPointer { buffer in
            for byte in UnsafeBufferPointer(rebasing: buffer[..<sampleCount]) where byte < 0x20 || byte == 0x7F {
                if byte == 0 {
                    controls = Int.max / 20
                    break
                }
                if byte < 0x09 || byte > 0x0D { controls += 1 }
            }
        }
        return controls * 10 > sampleCount ? "binary data" : nil
    }

    /// The local name of the first element (lowercased, prefix dropped: `rss`, `feed`, `rdf`, `html`), after
    /// the XML declaration, comments, processing instructions and a DOCTYPE; `nil` when the first ``window``
    /// characters hold none. `wide` tells whether the document is UTF-16 or UTF-32.
    public static func firstElementName(_ bytes: [UInt8]) -> (name: String, wide: Bool)? {
        let (prefix, wide) = asciiPrefix(bytes)
        var rest = prefix[...]
        while true {
            guard let rest1 = skipProlog(rest) else { return nil }
            rest = rest1
            guard rest.starts(with: Array("<!".utf8)) else { break }
            guard let end = rest.firstIndex(of: UInt8(ascii: ">")) else { return nil }
            rest = rest[(end + 1)...]
        }
        guard rest.first == UInt8(ascii: "<") else { return nil }
        let name = rest.dropFirst().prefix { !isSpace($0) && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }
        let local = name.split(separator: UInt8(ascii: ":")).last.map { String(decoding: $0, as: UTF8.self).lowercased() }
        return local.map { ($0, wide) }
    }

    /// The text after leading white space, XML declarations, processing instructions and comments; `nil` when
    /// one of them is not closed within it.
    private static func skipProlog(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var rest = text
        while true {
            while let first = rest.first, isSpace(first) { rest = rest.dropFirst() }
            if rest.starts(with: Array("<?".utf8)) || rest.starts(with: Array("<!--".utf8)) {
                let terminator = Array((rest.starts(with: Array("<?".utf8)) ? "?>" : "-->").utf8)
                guard let end = find(terminator, in: rest) else { return nil }
                rest = rest[(end + terminator.count)...]
                continue
            }
            return rest
        }
    }

    /// `<!DOCTYPE html…` or `<html…`, possibly after an XML declaration and comments.
    private static func looksLikeHTML(_ text: ArraySlice<UInt8>) -> Bool {
        guard let rest = skipProlog(text) else { return false }
        let head = String(decoding: rest.prefix(14), as: UTF8.self).lowercased()
        if head.hasPrefix("<!doctype html") { return true }
        guard head.hasPrefix("<html") else { return false }
        guard let next = head.dropFirst(5).first else { return true }
        return next == ">" || next == " " || next == "\n" || next == "\t" || next == "\r"
    }

    /// Whether an HTML-looking document has a feed root anywhere (`<rss`, `<rdf:RDF`, `<feed`): one linear
    /// scan, paid only by documents that start like HTML. UTF-16/32 documents are not scanned.
    public static func containsFeedRoot(_ bytes: [UInt8], wide: Bool) -> Bool {
        guard !wide else { return false }
        return bytes.withUnsafeBufferPointer { buffer -> Bool in
            let count = buffer.count
            var index = 0
            while index + 4 < count {
                if buffer[index] == UInt8(ascii: "<") {
                    let rest = UnsafeBufferPointer(rebasing: buffer[(index + 1)..<min(count, index + 9)])
                    if startsName(rest, "rss") || startsName(rest, "feed") || startsName(rest, "rdf:RDF") { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// `name` followed by white space, `>` or `/` (so `<feedback` is no `<feed`).
    private static func startsName(_ bytes: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard bytes.count > count else { return false }
        for offset in 0..<count where bytes[offset] != name.utf8Start[offset] { return false }
        let next = bytes[count]
        return next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || isSpace(next)
    }

    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}
