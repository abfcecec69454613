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
        guard utf8.count > 0, let base = utf8.baseAddress else { throw XMLError(.empty, "the document is empty") }
        guard utf8.count <= options.maxDocumentSize else {
            throw XMLError(.tooLarge, "the document is \(utf8.count) bytes, over the limit of \(options.maxDocumentSize)")
        }
        guard utf8.count <= Int(Int32.max) else { throw XMLError(.tooLarge, "the document is too large for libxml2") }
        if let offset = XMLAttributeScan.firstTag(in: utf8, withMoreThan: options.maxAttributes) {
            throw XMLError(.tooManyAttributes, "refused: a start tag at byte \(offset) has more than \(options.maxAttributes) attributes")
        }
        let context = SAXContext(handler: handler, options: options)
        guard let ctxt = xmlCreateMemoryParserCtxt(base.assumingMemoryBound(to: CChar.self), Int32(utf8.count)) else {
            throw XMLError(.internalFailure, "libxml2 could not create a parser")
        }
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
        let status = withExtendedLifetime(context) { xmlParseDocument(ctxt) }
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

    /// The libxml2 version the wrapper runs on, for `--version` output and benchmarks.
    public static var libxml2Version: String { String(cString: clibxml2_version()) }
}

/// Swift state reached from the C callbacks through `ctxt->_private`.
private final class SAXContext {
    let handler: any XMLEventHandler
    let options: XMLParseOptions
    var depth = 0
    var sawElement = false
    var stopError: XMLError?
    var firstError: XMLDiagnostic?
    var diagnostics: [XMLDiagnostic] = []
    var declaredEntities: [String: String] = [:]
    var entityDeclarations = 0
    var attributeDeclarations = 0
    var droppedEntityReferences = 0
    /// libxml2 interns names and namespace URIs in its dictionary: one Swift string per pointer.
    var names: [UnsafeRawPointer: String] = [:]

    init(handler: any XMLEventHandler, options: XMLParseOptions) {
        self.handler = handler
        self.options = options
    }

    @inline(__always)
    func name(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        let key = UnsafeRawPointer(pointer)
        if let cached = names[key] { return cached }
        let string = String(cString: pointer)
        names[key] = string
        return string
    }

    func stop(_ ctxt: xmlParserCtxtPtr, _ error: XMLError) {
        if stopError == nil { stopError = error }
        xmlStopParser(ctxt)
    }
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
    guard let (ctxt, state) = context(ctx), state.stopError == nil else { return }
    state.depth += 1
    state.sawElement = true
    if state.depth > state.options.maxDepth {
        state.stop(ctxt, XMLError(.tooDeep, "elements nest deeper than \(state.options.maxDepth) levels",
                                  line: Int(xmlSAX2GetLineNumber(ctxt)), column: Int(xmlSAX2GetColumnNumber(ctxt))))
        return
    }
    var list: [XMLAttribute] = []
    if attributeCount > 0, let attributes {
        list.reserveCapacity(Int(attributeCount))
        for index in 0..<Int(attributeCount) {
            // Five pointers per attribute: localname, prefix, URI, value start, value end.
            let base = index * 5
            guard let local = state.name(attributes[base]) else { continue }
            var value = ""
            if let start = attributes[base + 3], let end = attributes[base + 4] {
                value = attributeValue(UnsafeBufferPointer(start: start, count: max(0, end - start)))
            }
            list.append(XMLAttribute(localName: local, prefix: state.name(attributes[base + 1]),
                                     namespace: state.name(attributes[base + 2]), value: value))
        }
    }
    state.handler.startElement(localName: state.name(localname) ?? "", prefix: state.name(prefix),
                               namespace: state.name(uri), attributes: list)
}

/// Without entity substitution, libxml2's SAX2 hands every `&` of an attribute value over as `&#38;` (from
/// `&amp;`, `&#38;` and `&#x26;` alike: it expects a DOM builder to re-parse the value), and no other `&` can
/// occur there, so turning each `&#38;` back into `&` gives the exact value.
@inline(__always)
private func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
        if bytes[i] == UInt8(ascii: "&"), i + 4 < bytes.count, bytes[i + 1] == UInt8(ascii: "#"),
           bytes[i + 2] == UInt8(ascii: "3"), bytes[i + 3] == UInt8(ascii: "8"), bytes[i + 4] == UInt8(ascii: ";") {
            out.append(UInt8(ascii: "&"))
            i += 5
        } else {
            out.append(bytes[i])
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}

private let onEndElement: endElementNsSAX2Func = { ctx, localname, prefix, uri in
    guard let (_, state) = context(ctx), state.stopError == nil else { return }
    state.depth -= 1
    state.handler.endElement(localName: state.name(localname) ?? "", prefix: state.name(prefix), namespace: state.name(uri))
}

private let onCharacters: charactersSAXFunc = { ctx, characters, length in
    guard let (_, state) = context(ctx), state.stopError == nil, let characters, length > 0 else { return }
    state.handler.characters(UnsafeBufferPointer(start: characters, count: Int(length)))
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
