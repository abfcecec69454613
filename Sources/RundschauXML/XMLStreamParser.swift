private import CLibXML2
import Foundation

/// What a successful parse reported besides its events.
public struct XMLParseReport: Sendable {
    /// Errors libxml2 recovered from (recover mode only), in document order, at most 20.
    public var diagnostics: [XMLDiagnostic] = []
    /// Simple internal entities the DTD declared (name → replacement text), never expanded by libxml2.
    public var declaredEntities: [String: String] = [:]
    /// References to entities that are neither predefined nor resolvable, which libxml2 left out of the text
    /// without failing the parse (it does so when the document has an external DTD or parameter entities).
    public var droppedEntityReferences = 0
}

/// One streaming (SAX2) pass of libxml2 over an in-memory UTF-8 document.
///
/// The parser never touches the network, never loads a DTD or external entity, and never expands entities:
/// references to document-declared entities are reported as errors (strict mode) or dropped (recover mode),
/// and entity declarations that refer to other entities are refused outright (billion laughs).
///
/// ```swift
/// let report = try XMLStreamParser.parse(bytes, handler: myHandler)
/// ```
public enum XMLStreamParser {
    /// Parses `utf8` (already UTF-8, any BOM stripped), delivering events to `handler`.
    /// - Throws: ``XMLError`` with code `empty`, `tooLarge`, `tooDeep`, `notWellFormed` or `entityExpansion`.
    public static func parse(
        _ utf8: UnsafeRawBufferPointer, options: XMLParseOptions = XMLParseOptions(),
        handler: any XMLEventHandler
    ) throws(XMLError) -> XMLParseReport {
        try parse(utf8, options: options, symbolHandler: StringEventBridge(handler))
    }

    /// Parses `utf8` (already UTF-8, any BOM stripped), delivering events with interned names to `handler`.
    /// - Throws: ``XMLError`` with code `empty`, `tooLarge`, `tooDeep`, `notWellFormed` or `entityExpansion`.
    public static func parse(
        _ utf8: UnsafeRawBufferPointer, options: XMLParseOptions = XMLParseOptions(),
        symbolHandler handler: any XMLSymbolHandler
    ) throws(XMLError) -> XMLParseReport {
        try parse(utf8, options: options, symbolHandler: handler, driver: .pull)
    }

    /// How libxml2 is driven over a document in memory.
    enum Driver {
        /// `xmlParseDocument`: the reference behaviour, diagnostics and recovery included.
        case pull
        /// `xmlParseChunk` with the whole document: the same events for a well-formed document, faster (CDATA
        /// sections come as one block instead of through a per-character loop), but other diagnostics and
        /// recovery for a broken one. ``XMLDocumentReader`` tries it first and falls back to `pull` on any error.
        case push
    }

    static func parse(
        _ utf8: UnsafeRawBufferPointer, options: XMLParseOptions, symbolHandler handler: any XMLSymbolHandler,
        driver: Driver
    ) throws(XMLError) -> XMLParseReport {
        guard utf8.count > 0, let base = utf8.baseAddress else { throw XMLError(.empty, "the document is empty") }
        guard utf8.count <= options.maxDocumentSize else {
            throw XMLError(.tooLarge, "the document is \(utf8.count) bytes, over the limit of \(options.maxDocumentSize)")
        }
        guard utf8.count <= Int(Int32.max) else { throw XMLError(.tooLarge, "the document is too large for libxml2") }
        if let offset = XMLAttributeScan.firstTag(in: utf8, withMoreThan: options.maxAttributes) {
            throw XMLError(.tooManyAttributes, "refused: a start tag at byte \(offset) has more than \(options.maxAttributes) attributes")
        }
        let context = SAXContext(handler: handler, options: options)
        let created = switch driver {
        case .pull: xmlCreateMemoryParserCtxt(base.assumingMemoryBound(to: CChar.self), Int32(utf8.count))
        case .push: xmlCreatePushParserCtxt(nil, nil, nil, 0, nil)
        }
        guard let ctxt = created else { throw XMLError(.internalFailure, "libxml2 could not create a parser") }
        defer {
            if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
            ctxt.pointee.myDoc = nil
            xmlFreeParserCtxt(ctxt)
        }
        installHandlers(ctxt)
        ctxt.pointee._private = Unmanaged.passUnretained(context).toOpaque()
        var flags = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_IGNORE_ENC.rawValue)
        if options.recover { flags |= Int32(XML_PARSE_RECOVER.rawValue) }
        xmlCtxtUseOptions(ctxt, flags)
        _ = xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8)
        // Errors raised without a parser context (libxml2 detecting UTF-16/UCS-4 on its own and failing to
        // convert) go to the thread's structured handler, else to stderr: silence those for this parse.
        let previous = __xmlStructuredError()?.pointee, previousContext = __xmlStructuredErrorContext()?.pointee
        xmlSetStructuredErrorFunc(nil, silenceUnattachedErrors)
        defer { xmlSetStructuredErrorFunc(previousContext, previous) }
        let status = withExtendedLifetime((context, handler)) {
            switch driver {
            case .pull: xmlParseDocument(ctxt)
            case .push: xmlParseChunk(ctxt, base.assumingMemoryBound(to: CChar.self), Int32(utf8.count), 1)
            }
        }
        if let stop = context.stopError { throw stop }
        let wellFormed = ctxt.pointee.wellFormed != 0
        if !wellFormed && !options.recover {
            let first = context.firstError ?? XMLDiagnostic(message: "not well-formed", line: 0, column: 0)
            throw XMLError(.notWellFormed, "not well-formed XML: \(first.message)", line: first.line, column: first.column)
        }
        if status != 0 && !context.sawElement {
            let first = context.firstError ?? XMLDiagnostic(message: "no element found", line: 0, column: 0)
            throw XMLError(.notWellFormed, "not XML: \(first.message)", line: first.line, column: first.column)
        }
        return XMLParseReport(diagnostics: context.diagnostics, declaredEntities: context.declaredEntities,
                              droppedEntityReferences: context.droppedEntityReferences)
    }

    /// Convenience over a byte array.
    public static func parse(
        _ utf8: [UInt8], options: XMLParseOptions = XMLParseOptions(), handler: any XMLEventHandler
    ) throws(XMLError) -> XMLParseReport {
        do {
            return try utf8.withUnsafeBytes { buffer in try parse(buffer, options: options, handler: handler) }
        } catch let error as XMLError {
            throw error
        } catch {
            throw XMLError(.internalFailure, "\(error)")
        }
    }

    /// Convenience over a byte array.
    public static func parse(
        _ utf8: [UInt8], options: XMLParseOptions = XMLParseOptions(), symbolHandler: any XMLSymbolHandler
    ) throws(XMLError) -> XMLParseReport {
        do {
            return try utf8.withUnsafeBytes { buffer in try parse(buffer, options: options, symbolHandler: symbolHandler) }
        } catch let error as XMLError {
            throw error
        } catch {
            throw XMLError(.internalFailure, "\(error)")
        }
    }

    /// libxml2's `XML_MAX_LOOKUP_LIMIT`: how much unparsed or unreleased input the push parser holds. Pushed as
    /// one chunk, a larger document would stay buffered past it and stop the parse ("Huge input lookup"): the
    /// push driver is only for documents up to this size.
    static let lookupLimit = 10_000_000

    /// The libxml2 version the wrapper runs on, for `--version` output and benchmarks.
    public static var libxml2Version: String { String(cString: clibxml2_version()) }
}

/// Serves an ``XMLEventHandler`` (strings) from symbol events: one Swift string per interned name.
final class StringEventBridge: XMLSymbolHandler {
    let handler: any XMLEventHandler
    private var names: [String] = []
    private var namespaces: [String] = []

    init(_ handler: any XMLEventHandler) { self.handler = handler }

    func symbol(forName utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        names.append(String(decoding: utf8, as: UTF8.self))
        return Int32(names.count - 1)
    }

    func symbol(forNamespace utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        namespaces.append(String(decoding: utf8, as: UTF8.self))
        return Int32(namespaces.count - 1)
    }

    func startElement(_ element: XMLStartElement) {
        var list: [XMLAttribute] = []
        if !element.attributes.isEmpty {
            list.reserveCapacity(element.attributes.count)
            for attribute in element.attributes {
                list.append(XMLAttribute(
                    localName: names[Int(attribute.localName.symbol)], prefix: attribute.prefix.map { names[Int($0.symbol)] },
                    namespace: attribute.namespace.map { namespaces[Int($0.symbol)] }, value: attribute.value))
            }
        }
        handler.startElement(
            localName: names[Int(element.localName.symbol)], prefix: element.prefix.map { names[Int($0.symbol)] },
            namespace: element.namespace.map { namespaces[Int($0.symbol)] }, attributes: list)
    }

    func endElement(_ element: XMLEndElement) {
        handler.endElement(
            localName: names[Int(element.localName.symbol)], prefix: element.prefix.map { names[Int($0.symbol)] },
            namespace: element.namespace.map { namespaces[Int($0.symbol)] })
    }

    func characters(_ utf8: UnsafeBufferPointer<UInt8>) { handler.characters(utf8) }
}

/// Interned libxml2 names (dictionary pointers) → the handler's symbols and the names' lengths, for one parse.
///
/// Open addressing over manually managed memory: no Swift collection (and no exclusivity check) per lookup.
private struct NameTable {
    private struct Slot {
        var key: UnsafeRawPointer?
        var symbol: Int32
        var length: Int32
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var mask: Int
    private var count = 0

    init() {
        mask = 63
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: Slot(key: nil, symbol: 0, length: 0), count: mask + 1)
    }

    func free() { slots.deallocate() }

    /// Fibonacci hashing: the high half of the product, so that every bit of the address counts.
    @inline(__always)
    private static func hash(_ key: UnsafeRawPointer) -> Int {
        let bits = UInt64(UInt(bitPattern: key))
        return Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    /// The name at `pointer`, if it was seen before.
    @inline(__always)
    func lookup(_ pointer: UnsafePointer<xmlChar>) -> XMLName? {
        let key = UnsafeRawPointer(pointer)
        var index = Self.hash(key) & mask
        while let existing = slots[index].key {
            if existing == key {
                return XMLName(symbol: slots[index].symbol, utf8: UnsafeBufferPointer(start: pointer, count: Int(slots[index].length)))
            }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Records the symbol of a name not seen before.
    mutating func insert(_ pointer: UnsafePointer<xmlChar>, symbol: Int32, length: Int) {
        let key = UnsafeRawPointer(pointer)
        var index = Self.hash(key) & mask
        while let existing = slots[index].key {
            if existing == key { return }
            index = (index + 1) & mask
        }
        slots[index] = Slot(key: key, symbol: symbol, length: Int32(clamping: length))
        count += 1
        if count * 2 > mask { grow() }
    }

    private mutating func grow() {
        let old = slots
        let oldCapacity = mask + 1
        mask = oldCapacity * 2 - 1
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: Slot(key: nil, symbol: 0, length: 0), count: mask + 1)
        for index in 0..<oldCapacity {
            guard let key = old[index].key else { continue }
            var target = Self.hash(key) & mask
            while slots[target].key != nil { target = (target + 1) & mask }
            slots[target] = old[index]
        }
        old.deallocate()
    }
}

/// Swift state reached from the C callbacks through `ctxt->_private`.
private final class SAXContext {
    /// A `let`: the callbacks, which borrow the context, call it without reference counting.
    let handler: any XMLSymbolHandler
    let options: XMLParseOptions
    var depth = 0
    var sawElement = false
    /// Set with `stopError`: the callbacks test this flag, not the optional error.
    var stopped = false
    var stopError: XMLError?
    var firstError: XMLDiagnostic?
    var diagnostics: [XMLDiagnostic] = []
    var declaredEntities: [String: String] = [:]
    var entityDeclarations = 0
    var attributeDeclarations = 0
    var droppedEntityReferences = 0
    /// Local names and prefixes; namespace URIs. Behind pointers: no exclusivity checks per event.
    private let names: UnsafeMutablePointer<NameTable>
    private let namespaces: UnsafeMutablePointer<NameTable>
    /// Reused storage for the attributes of one element.
    private(set) var attributes: UnsafeMutablePointer<XMLRawAttribute>
    private var attributeCapacity = 16
    /// The handler's text sink, if it has one.
    let sink: UnsafeMutablePointer<XMLTextSink>?

    init(handler: any XMLSymbolHandler, options: XMLParseOptions) {
        self.handler = handler
        self.options = options
        sink = handler.textSink
        attributes = .allocate(capacity: attributeCapacity)
        names = .allocate(capacity: 1)
        names.initialize(to: NameTable())
        namespaces = .allocate(capacity: 1)
        namespaces.initialize(to: NameTable())
    }

    deinit {
        names.pointee.free()
        namespaces.pointee.free()
        names.deallocate()
        namespaces.deallocate()
        attributes.deallocate()
    }

    @inline(__always)
    func name(_ pointer: UnsafePointer<xmlChar>) -> XMLName {
        if let known = names.pointee.lookup(pointer) { return known }
        return intern(pointer, in: names, namespace: false)
    }

    /// The first sighting of a name in this parse: ask the handler for its symbol.
    @inline(never)
    private func intern(_ pointer: UnsafePointer<xmlChar>, in table: UnsafeMutablePointer<NameTable>, namespace: Bool) -> XMLName {
        let length = strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        let bytes = UnsafeBufferPointer(start: pointer, count: length)
        let symbol = namespace ? handler.symbol(forNamespace: bytes) : handler.symbol(forName: bytes)
        table.pointee.insert(pointer, symbol: symbol, length: length)
        return XMLName(symbol: symbol, utf8: bytes)
    }

    @inline(__always)
    func name(_ pointer: UnsafePointer<xmlChar>?) -> XMLName? {
        guard let pointer else { return nil }
        return name(pointer)
    }

    @inline(__always)
    func namespace(_ pointer: UnsafePointer<xmlChar>?) -> XMLName? {
        guard let pointer else { return nil }
        if let known = namespaces.pointee.lookup(pointer) { return known }
        return intern(pointer, in: namespaces, namespace: true)
    }

    /// Storage for at least `count` attributes.
    @inline(__always)
    func attributeStorage(_ count: Int) -> UnsafeMutablePointer<XMLRawAttribute> {
        if count > attributeCapacity {
            attributes.deallocate()
            attributeCapacity = max(count, attributeCapacity * 2)
            attributes = .allocate(capacity: attributeCapacity)
        }
        return attributes
    }

    func stop(_ ctxt: xmlParserCtxtPtr, _ error: XMLError) {
        if stopError == nil { stopError = error }
        stopped = true
        xmlStopParser(ctxt)
    }
}

/// Runs `body` with the context of a parse, without retaining it (the hot event callbacks).
@inline(__always)
private func withContext(
    _ ctx: UnsafeMutableRawPointer?, _ body: (xmlParserCtxtPtr, SAXContext) -> Void
) {
    guard let ctx else { return }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = ctxt.pointee._private else { return }
    Unmanaged<SAXContext>.fromOpaque(raw)._withUnsafeGuaranteedRef { body(ctxt, $0) }
}

@inline(__always)
private func context(_ ctx: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, SAXContext)? {
    guard let ctx else { return nil }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = ctxt.pointee._private else { return nil }
    return (ctxt, Unmanaged<SAXContext>.fromOpaque(raw).takeUnretainedValue())
}

private func installHandlers(_ ctxt: xmlParserCtxtPtr) {
    guard let sax = ctxt.pointee.sax else { return }
    xmlSAXVersion(sax, 2)
    sax.pointee.startElementNs = onStartElement
    sax.pointee.endElementNs = onEndElement
    sax.pointee.characters = onCharacters
    sax.pointee.cdataBlock = onCharacters
    sax.pointee.ignorableWhitespace = onCharacters
    sax.pointee.serror = onError
    sax.pointee.entityDecl = onEntityDeclaration
    sax.pointee.attributeDecl = onAttributeDeclaration
    sax.pointee.getEntity = onGetEntity
    sax.pointee.getParameterEntity = onGetParameterEntity
    sax.pointee.reference = nil
    sax.pointee.comment = nil
    sax.pointee.processingInstruction = nil
    sax.pointee.externalSubset = nil
    sax.pointee.resolveEntity = onResolveEntity
    sax.pointee.warning = nil
    sax.pointee.error = nil
    sax.pointee.fatalError = nil
}

private let onStartElement: startElementNsSAX2Func = { ctx, localname, prefix, uri, _, _, attributeCount, _, attributes in
    withContext(ctx) { ctxt, state in
        startElement(ctxt, state, localname, prefix, uri, attributeCount, attributes)
    }
}

@inline(__always)
private func startElement(
    _ ctxt: xmlParserCtxtPtr, _ state: SAXContext, _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int32,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard !state.stopped, let localname else { return }
    state.depth += 1
    state.sawElement = true
    if state.depth > state.options.maxDepth {
        state.stop(ctxt, XMLError(.tooDeep, "elements nest deeper than \(state.options.maxDepth) levels",
                                  line: Int(xmlSAX2GetLineNumber(ctxt)), column: Int(xmlSAX2GetColumnNumber(ctxt))))
        return
    }
    var list = XMLAttributeList(base: nil, count: 0)
    if attributeCount > 0, let attributes {
        let storage = state.attributeStorage(Int(attributeCount))
        var count = 0
        for index in 0..<Int(attributeCount) {
            // Five pointers per attribute: localname, prefix, URI, value start, value end.
            let base = index * 5
            guard let local = state.name(attributes[base]) else { continue }
            var value = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            if let start = attributes[base + 3], let end = attributes[base + 4] {
                value = UnsafeBufferPointer(start: start, count: max(0, end - start))
            }
            (storage + count).initialize(to: XMLRawAttribute(
                localName: local, prefix: state.name(attributes[base + 1]), namespace: state.namespace(attributes[base + 2]),
                rawValue: value))
            count += 1
        }
        list = XMLAttributeList(base: UnsafePointer(storage), count: count)
    }
    state.handler.startElement(XMLStartElement(
        localName: state.name(localname), prefix: state.name(prefix), namespace: state.namespace(uri), attributes: list))
}

private let onEndElement: endElementNsSAX2Func = { ctx, localname, prefix, uri in
    withContext(ctx) { _, state in
        guard !state.stopped, let localname else { return }
        state.depth -= 1
        state.handler.endElement(XMLEndElement(
            localName: state.name(localname), prefix: state.name(prefix), namespace: state.namespace(uri)))
    }
}

private let onCharacters: charactersSAXFunc = { ctx, characters, length in
    withContext(ctx) { _, state in
        guard !state.stopped, let characters, length > 0 else { return }
        if let sink = state.sink {
            // The common cases without an event: text nobody collects, and text that fits the handler's buffer.
            switch sink.pointee.mode {
            case .discard:
                return
            case .append:
                let count = sink.pointee.count
                if Int(length) <= sink.pointee.capacity - count, let base = sink.pointee.base {
                    (base + count).update(from: characters, count: Int(length))
                    sink.pointee.count = count + Int(length)
                    return
                }
            case .deliver:
                break
            }
        }
        state.handler.characters(UnsafeBufferPointer(start: characters, count: Int(length)))
    }
}

private let onError: xmlStructuredErrorFunc = { ctx, error in
    guard let (ctxt, state) = context(ctx), let error else { return }
    // Outside the DTD, an undeclared entity is only a warning when the document has an external subset or
    // parameter entities: libxml2 then drops the reference silently and the parse still "succeeds".
    if error.pointee.code == Int32(XML_WAR_UNDECLARED_ENTITY.rawValue), ctxt.pointee.inSubset == 0 {
        state.droppedEntityReferences += 1
    }
    // Only the first error and 20 diagnostics are kept: skip building messages nobody reads (a malformed
    // document in recover mode can raise an error every few bytes).
    guard state.firstError == nil || state.diagnostics.count < 20 else { return }
    let message = error.pointee.message.map { String(cString: $0) }?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? "error \(error.pointee.code)"
    let diagnostic = XMLDiagnostic(message: message, line: Int(error.pointee.line), column: Int(error.pointee.int2))
    if state.firstError == nil { state.firstError = diagnostic }
    if state.diagnostics.count < 20 { state.diagnostics.append(diagnostic) }
}

private let onEntityDeclaration: entityDeclSAXFunc = { ctx, name, type, _, _, content in
    guard let (ctxt, state) = context(ctx), state.stopError == nil else { return }
    state.entityDeclarations += 1
    let entityName = name.map { String(cString: $0) } ?? "?"
    if state.entityDeclarations > state.options.maxEntityDeclarations {
        state.stop(ctxt, XMLError(.entityExpansion,
            "refused: the DTD declares more than \(state.options.maxEntityDeclarations) entities"))
        return
    }
    guard type == Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue) else { return }  // external and parameter entities: ignored
    let text = content.map { String(cString: $0) } ?? ""
    if text.contains("&") || text.contains("%") {
        state.stop(ctxt, XMLError(.entityExpansion,
            "refused: entity '\(entityName)' refers to other entities (entity expansion is not supported)"))
        return
    }
    if text.utf8.count > 4096 {
        state.stop(ctxt, XMLError(.entityExpansion, "refused: entity '\(entityName)' is longer than 4096 bytes"))
        return
    }
    state.declaredEntities[entityName] = text
}

/// Counts `<!ATTLIST>` attribute definitions: libxml2 adds each declared default to every matching element
/// and checks them pairwise, so many defaults make every element expensive. Allowed ones take libxml2's
/// default path.
private let onAttributeDeclaration: attributeDeclSAXFunc = { ctx, element, fullName, type, def, defaultValue, tree in
    guard let (ctxt, state) = context(ctx), state.stopError == nil else {
        xmlFreeEnumeration(tree)
        return
    }
    state.attributeDeclarations += 1
    if state.attributeDeclarations > state.options.maxAttributeDeclarations {
        xmlFreeEnumeration(tree)
        state.stop(ctxt, XMLError(.tooManyAttributes,
            "refused: the DTD declares more than \(state.options.maxAttributeDeclarations) attributes"))
        return
    }
    xmlSAX2AttributeDecl(ctx, element, fullName, type, def, defaultValue, tree)
}

private let silenceUnattachedErrors: xmlStructuredErrorFunc = { _, _ in }

/// Only the five predefined entities resolve; everything else is "undeclared" to libxml2 and never expanded.
private let onGetEntity: getEntitySAXFunc = { _, name in
    guard let name else { return nil }
    return xmlGetPredefinedEntity(name)
}

private let onGetParameterEntity: getParameterEntitySAXFunc = { _, _ in nil }

/// External entities and DTDs are never loaded, whatever the document asks for.
private let onResolveEntity: resolveEntitySAXFunc = { _, _, _ in nil }
