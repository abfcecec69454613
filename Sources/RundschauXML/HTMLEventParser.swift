private import CLibXML2

/// Receives the events of an HTML parse, in document order, with libxml2's error recovery already applied:
/// every ``startElement(name:attributes:)`` gets its ``endElement(name:)``, also for tags the input left
/// open or closed in the wrong order.
///
/// The parser calls these methods synchronously on the thread that called ``HTMLEventParser/parse(_:handler:)``;
/// the buffers passed to ``characters(_:)`` are valid only for the duration of the call.
public protocol HTMLEventHandler: AnyObject {
    /// An element opened. `name` is lower-case; attributes keep document order, entities decoded.
    func startElement(name: String, attributes: [HTMLEventParser.Attribute])
    /// An element closed (explicitly, implicitly by a later tag, or at the end of the input).
    func endElement(name: String)
    /// Text, entities decoded, as UTF-8 bytes. The raw content of `script` and `style` arrives here too.
    func characters(_ utf8: UnsafeBufferPointer<UInt8>)
}

/// A streaming (SAX) pass of libxml2's HTML parser over a UTF-8 HTML fragment, as feed content carries it.
///
/// The parse never touches the network, never reports errors (it recovers, as browsers do), ignores any
/// `<meta charset>` inside the input, and adds no implied `html`, `body` or `p` elements: the handler sees
/// the fragment's own elements only. Comments, processing instructions and doctypes are not reported.
///
/// ```swift
/// final class Text: HTMLEventHandler { … }
/// try HTMLEventParser.parse(Array("<p>Hi <b>there".utf8), handler: Text())
/// ```
public enum HTMLEventParser {
    /// An attribute as the HTML parser reports it.
    public struct Attribute: Sendable, Hashable {
        /// The attribute name, lower-case.
        public var name: String
        /// The value with entities decoded; `nil` for a bare boolean attribute (`<video controls>`).
        public var value: String?

        /// Creates an attribute.
        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }
    }

    /// Inputs larger than this are refused (HTML fragments in feeds are far smaller).
    public static let maxInputSize = 16 << 20

    /// Parses `utf8` as an HTML fragment, delivering events to `handler`.
    /// - Throws: ``XMLError`` with code `tooLarge` over ``maxInputSize``, `internalFailure` when libxml2 cannot
    ///   set up a parser. Malformed HTML never throws: it is recovered.
    public static func parse(_ utf8: [UInt8], handler: any HTMLEventHandler) throws(XMLError) {
        guard utf8.count <= maxInputSize else {
            throw XMLError(.tooLarge, "the HTML fragment is \(utf8.count) bytes, over the limit of \(maxInputSize)")
        }
        guard !utf8.isEmpty else { return }
        let context = HTMLSAXContext(handler: handler)
        var sax = xmlSAXHandler()
        xmlSAX2InitHtmlDefaultSAXHandler(&sax)
        installHTMLHandlers(&sax)
        let user = Unmanaged.passUnretained(context).toOpaque()
        guard let ctxt = htmlCreatePushParserCtxt(&sax, user, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else {
            throw XMLError(.internalFailure, "libxml2 could not create an HTML parser")
        }
        defer {
            if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
            ctxt.pointee.myDoc = nil
            htmlFreeParserCtxt(ctxt)
        }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        _ = htmlCtxtUseOptions(ctxt, options)
        // A wrapper element keeps libxml2 from opening an implied <p> around leading text; its own two events
        // are filtered out in the context.
        let open: [UInt8] = Array("<rundschau-fragment>".utf8), close: [UInt8] = Array("</rundschau-fragment>".utf8)
        withExtendedLifetime(context) {
            feed(ctxt, open)
            var offset = 0
            // htmlParseChunk takes an Int32 length: feed large inputs in slices.
            while offset < utf8.count {
                let end = min(utf8.count, offset + (1 << 20))
                utf8.withUnsafeBufferPointer { buffer in
                    guard let base = buffer.baseAddress else { return }
                    base.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: end - offset) {
                        _ = htmlParseChunk(ctxt, $0, Int32(end - offset), 0)
                    }
                }
                offset = end
            }
            feed(ctxt, close)
            _ = htmlParseChunk(ctxt, nil, 0, 1)
        }
    }

    /// Parses a string; see ``parse(_:handler:)-([UInt8],_)``.
    public static func parse(_ html: String, handler: any HTMLEventHandler) throws(XMLError) {
        try parse(Array(html.utf8), handler: handler)
    }

    private static func feed(_ ctxt: htmlParserCtxtPtr, _ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                _ = htmlParseChunk(ctxt, $0, Int32(buffer.count), 0)
            }
        }
    }
}

/// Swift state reached from the C callbacks through the parser's user data.
private final class HTMLSAXContext {
    let handler: any HTMLEventHandler
    /// Open elements as libxml2 reported them; index 0 is the wrapper while it is open.
    var depth = 0
    var wrapperOpen = false
    var wrapperSeen = false
    var names: [UnsafeRawPointer: String] = [:]

    init(handler: any HTMLEventHandler) { self.handler = handler }

    @inline(__always)
    func name(_ pointer: UnsafePointer<xmlChar>) -> String {
        let key = UnsafeRawPointer(pointer)
        if let cached = names[key] { return cached }
        let string = String(cString: pointer)
        // HTML element names are interned in the parser's dictionary; attribute names may not be, so only a
        // bounded number of distinct pointers is remembered.
        if names.count < 512 { names[key] = string }
        return string
    }
}

@inline(__always)
private func htmlContext(_ ctx: UnsafeMutableRawPointer?) -> HTMLSAXContext? {
    guard let ctx else { return nil }
    return Unmanaged<HTMLSAXContext>.fromOpaque(ctx).takeUnretainedValue()
}

private func installHTMLHandlers(_ sax: inout xmlSAXHandler) {
    sax.startElement = onHTMLStartElement
    sax.endElement = onHTMLEndElement
    sax.characters = onHTMLCharacters
    sax.cdataBlock = onHTMLCharacters
    sax.ignorableWhitespace = onHTMLCharacters
    sax.startDocument = nil
    sax.endDocument = nil
    sax.internalSubset = nil
    sax.externalSubset = nil
    sax.comment = nil
    sax.processingInstruction = nil
    sax.reference = nil
    sax.resolveEntity = nil
    sax.getEntity = nil
    sax.entityDecl = nil
    sax.setDocumentLocator = nil
    sax.warning = nil
    sax.error = nil
    sax.fatalError = nil
    sax.serror = nil
    sax.startElementNs = nil
    sax.endElementNs = nil
    sax.initialized = 1
}

private let onHTMLStartElement: startElementSAXFunc = { ctx, name, attributes in
    guard let state = htmlContext(ctx), let name else { return }
    state.depth += 1
    if state.depth == 1 && !state.wrapperSeen {
        state.wrapperSeen = true
        state.wrapperOpen = true
        return
    }
    var list: [HTMLEventParser.Attribute] = []
    if let attributes {
        var index = 0
        while let attributeName = attributes[index] {
            let value = attributes[index + 1].map { String(cString: $0) }
            list.append(HTMLEventParser.Attribute(name: state.name(attributeName), value: value))
            index += 2
        }
    }
    state.handler.startElement(name: state.name(name), attributes: list)
}

private let onHTMLEndElement: endElementSAXFunc = { ctx, name in
    guard let state = htmlContext(ctx), let name else { return }
    defer { state.depth -= 1 }
    if state.depth == 1 && state.wrapperOpen {
        state.wrapperOpen = false
        return
    }
    state.handler.endElement(name: state.name(name))
}

private let onHTMLCharacters: charactersSAXFunc = { ctx, characters, length in
    guard let state = htmlContext(ctx), let characters, length > 0 else { return }
    state.handler.characters(UnsafeBufferPointer(start: characters, count: Int(length)))
}
