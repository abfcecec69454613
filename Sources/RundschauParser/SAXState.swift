import RundschauText
import RundschauXML

/// How character data inside a captured field is collected.
enum CaptureMode: UInt8 {
    /// Text as the parser decoded it; tags of stray child elements are dropped, their text kept.
    case text
    /// Escaped HTML (RSS `description`, Atom `type="html"`): text as decoded; stray child elements are
    /// written back as tags, since some feeds put unescaped HTML where escaped HTML belongs.
    case html
    /// Inline XHTML (Atom `type="xhtml"`): child elements and text are serialized back to markup, namespaces
    /// dropped, and a wrapping XHTML `div` (RFC 4287 §3.1.1.3) unwrapped.
    case xhtml
}

/// The bookkeeping every format handler shares: element depth, the one active text capture, skipped
/// subtrees, and the `xml:base` / `xml:lang` scopes.
///
/// Character data is only collected while a field is being captured, into the document's one byte buffer, which
/// also holds the attribute values the handlers keep: a kept value is a ``RawString``, a range of that buffer.
struct SAXState {
    /// The depth of the element being processed (the root element is 1).
    private(set) var depth = 0
    /// Depth of the element whose text is being captured; 0 when none.
    private(set) var captureDepth = 0
    /// Depth of an ignored element whose subtree is skipped; 0 when none.
    private var skipDepth = 0
    private var mode = CaptureMode.text
    private(set) var buffer: CaptureBuffer
    /// Where the text of the current capture starts in ``buffer``.
    private var captureStart = 0
    /// Depth of the XHTML `div` being unwrapped; 0 when none.
    private var unwrapDepth = 0
    /// Whether the captured XHTML had a child element yet (only the first may be the wrapping `div`).
    private var sawChild = false
    /// The buffer's length right after the last start tag written, -1 for none: while the length is still that,
    /// nothing followed the tag, and an end tag can close it (`<br/>`). A length, not a flag, because the XML
    /// parser appends text to the buffer without an event.
    private var openTagEnd = -1
    /// The base URL in effect where the current capture started (an index into ``baseURLs``, -1 for none).
    private(set) var captureBase: Int32 = -1
    /// Every base URL of the document: the document URL, then each `xml:base` as resolved, in document order.
    private(set) var baseURLs: [String] = []
    /// `xml:base` scopes: the index of the absolute (or best-effort) base URL and the depth that declared it.
    private var bases: [(depth: Int, url: Int32)] = []
    /// `xml:lang` scopes.
    private var langs: [(depth: Int, lang: String)] = []
    /// The most entries a handler keeps (``FeedParserOptions/maxEntries``).
    let maxEntries: Int
    /// Entries that closed after ``maxEntries`` were kept: counted, not kept.
    private(set) var droppedEntries = 0

    /// - Parameters:
    ///   - baseURL: the document URL, when it can serve as a base for relative links.
    ///   - maxEntries: the most entries to keep.
    ///   - sink: where the capture buffer's bytes live, and what the XML parser reads the routing of text from.
    ///   - capacity: the capture buffer's initial capacity (it grows as needed).
    init(baseURL: String?, maxEntries: Int = .max, sink: UnsafeMutablePointer<XMLTextSink>, capacity: Int = 4096) {
        self.maxEntries = maxEntries
        buffer = CaptureBuffer(sink: sink, capacity: capacity)
        if let baseURL, !baseURL.isEmpty { pushBase(baseURL, depth: 0) }
    }

    /// The base URL in effect at the current element.
    var base: String? { bases.last.map { baseURLs[Int($0.url)] } }
    /// The index of the base URL in effect at the current element in ``baseURLs``, -1 for none.
    var baseIndex: Int32 { bases.last?.url ?? -1 }
    /// The `xml:lang` in effect at the current element.
    var lang: String? { langs.last?.lang }
    /// True while a field's text is being captured.
    var isCapturing: Bool { captureDepth != 0 }

    // MARK: Events

    /// Call first in `startElement`; returns `true` when the handler should look at the element (it is
    /// neither inside a captured field nor inside a skipped subtree).
    @inline(__always)
    mutating func begin(_ element: XMLStartElement) -> Bool {
        depth += 1
        if captureDepth != 0 {
            if mode != .text { writeStartTag(element) }
            return false
        }
        if skipDepth != 0 { return false }
        if !element.attributes.isEmpty { pushScopes(element.attributes) }
        return true
    }

    /// What `endElement` means for the handler.
    enum End {
        /// Inside a skipped subtree or a captured field: nothing to do.
        case ignored
        /// The captured field's element closed; here is its trimmed text, `nil` when there is none.
        case captured(RawString?)
        /// An element the handler looked at in `startElement` closed.
        case element
    }

    /// Call first in `endElement`; the handler then reads ``depth`` as the depth of the closing element,
    /// and must call ``finishEnd()`` last.
    @inline(__always)
    mutating func end(_ element: XMLEndElement) -> End {
        if captureDepth != 0 {
            if depth > captureDepth {
                if mode != .text { writeEndTag(element.localName.utf8) }
                return .ignored
            }
            captureDepth = 0
            buffer.route(.discard)
            popScopes()
            return .captured(takeCapture())
        }
        if skipDepth != 0 {
            if depth == skipDepth {
                skipDepth = 0
                popScopes()
            }
            return .ignored
        }
        popScopes()
        return .element
    }

    /// Whether an entry that just closed is kept, `kept` entries being kept already; counts it when not.
    mutating func keepsEntry(after kept: Int) -> Bool {
        if kept < maxEntries { return true }
        droppedEntries += 1
        return false
    }

    /// Completes `endElement`.
    @inline(__always)
    mutating func finishEnd() { depth -= 1 }

    /// Character data.
    @inline(__always)
    mutating func characters(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard captureDepth != 0 else { return }
        if mode == .xhtml {
            appendEscaped(utf8, attribute: false)
        } else {
            buffer.append(utf8)
        }
    }

    // MARK: Handler requests

    /// Starts capturing the text of the current element.
    @inline(__always)
    mutating func capture(_ mode: CaptureMode = .text) {
        captureDepth = depth
        self.mode = mode
        captureStart = buffer.count
        unwrapDepth = 0
        sawChild = false
        openTagEnd = -1
        captureBase = baseIndex
        // Plain and HTML text go straight into the buffer; XHTML is escaped on the way (an event per piece).
        buffer.route(mode == .xhtml ? .deliver : .append)
    }

    /// Ignores the current element and everything inside it.
    @inline(__always)
    mutating func skip() { skipDepth = depth }

    // MARK: Kept attribute values

    /// Keeps `attributes.value(name)` (references resolved, not trimmed). Call only outside a capture.
    mutating func value(_ name: FeedName, in attributes: XMLAttributeList) -> RawString? {
        guard let raw = attributes.rawValue(name.rawValue) else { return nil }
        return keep(raw)
    }

    /// Keeps `attributes.nonEmptyValue(name)`: the value trimmed, `nil` when empty. Call only outside a capture.
    mutating func nonEmptyValue(_ name: FeedName, in attributes: XMLAttributeList) -> RawString? {
        guard let (bytes, settled) = attributes.trimmedRawValue(name) else { return nil }
        if settled { return keep(bytes) }
        guard let value = XMLRawAttribute.decode(bytes).nonEmpty else { return nil }
        return keep(value)
    }

    /// Keeps a string. Call only outside a capture.
    mutating func keep(_ text: String) -> RawString {
        let start = buffer.count
        buffer.append(text)
        return RawString(start: start, count: buffer.count - start)
    }

    /// Keeps raw attribute bytes with every `&#38;` turned back into `&` (``XMLRawAttribute/decode(_:)``).
    private mutating func keep(_ raw: UnsafeBufferPointer<UInt8>) -> RawString {
        let start = buffer.count
        XMLRawAttribute.forEachDecodedRun(raw) { buffer.append($0) }
        return RawString(start: start, count: buffer.count - start)
    }

    // MARK: Private

    private mutating func takeCapture() -> RawString? {
        var start = captureStart
        var end = buffer.count
        while start < end, Self.isSpace(buffer[start]) { start += 1 }
        while end > start, Self.isSpace(buffer[end - 1]) { end -= 1 }
        if start == end {
            buffer.truncate(to: captureStart)
            return nil
        }
        buffer.truncate(to: end)
        return RawString(start: start, count: end - start)
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private mutating func pushScopes(_ attributes: XMLAttributeList) {
        for attribute in attributes where attribute.prefix?.symbol == FeedName.xml.rawValue {
            switch attribute.localName.feedName {
            case .base:
                let value = attribute.value.trimmed
                pushBase(URLResolver.resolve(value, against: base) ?? value, depth: depth)
            case .lang:
                langs.append((depth, attribute.value.trimmed))
            default:
                break
            }
        }
    }

    private mutating func pushBase(_ url: String, depth: Int) {
        bases.append((depth, Int32(truncatingIfNeeded: baseURLs.count)))
        baseURLs.append(url)
    }

    @inline(__always)
    private mutating func popScopes() {
        if let last = bases.last, last.depth == depth { bases.removeLast() }
        if let last = langs.last, last.depth == depth { langs.removeLast() }
    }

    private mutating func writeStartTag(_ element: XMLStartElement) {
        if mode == .xhtml && !sawChild && depth == captureDepth + 1 && element.localName.feedName == .div
            && element.namespace.namespaceKind == .xhtml {
            sawChild = true
            unwrapDepth = depth
            return
        }
        sawChild = true
        buffer.append(UInt8(ascii: "<"))
        buffer.append(element.localName.utf8)
        for attribute in element.attributes where attribute.namespace == nil {
            buffer.append(UInt8(ascii: " "))
            buffer.append(attribute.localName.utf8)
            buffer.append("=\"")
            let value = attribute.value
            value.utf8.withContiguousStorageIfAvailable { appendEscaped($0, attribute: true) }
                ?? appendEscaped(Array(value.utf8), attribute: true)
            buffer.append(UInt8(ascii: "\""))
        }
        buffer.append(UInt8(ascii: ">"))
        openTagEnd = buffer.count
    }

    private mutating func writeEndTag(_ localName: UnsafeBufferPointer<UInt8>) {
        if depth == unwrapDepth {
            unwrapDepth = 0
            openTagEnd = -1
            return
        }
        if openTagEnd == buffer.count && Self.voidElements.contains(String(decoding: localName, as: UTF8.self)) {
            buffer.removeLast()
            buffer.append("/>")
        } else {
            buffer.append("</")
            buffer.append(localName)
            buffer.append(UInt8(ascii: ">"))
        }
        openTagEnd = -1
    }

    private mutating func appendEscaped(_ bytes: [UInt8], attribute: Bool) {
        bytes.withUnsafeBufferPointer { appendEscaped($0, attribute: attribute) }
    }

    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        var runStart = 0
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">") where !attribute: replacement = "&gt;"
            case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
            default: continue
            }
            if runStart < index { buffer.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            buffer.append(replacement)
            runStart = index + 1
        }
        if runStart < bytes.count { buffer.append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// HTML elements that never have content, written as `<br/>` when empty.
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
}
