private import CLibXML2

/// Validates documents against a RELAX NG schema (XML syntax) with libxml2's validator; made for checking
/// generated Atom against RFC 4287's Appendix B schema.
///
/// The schema is compiled once; ``validate(_:)`` can be called many times. An instance holds libxml2
/// pointers, so it is not `Sendable`: create one per task.
///
/// ```swift
/// let validator = try AtomValidator(schema: rngBytes)
/// let problems = validator.validate(feedBytes)   // [] when valid
/// ```
public final class AtomValidator {
    private let schema: xmlRelaxNGPtr

    /// Compiles a RELAX NG schema in XML syntax (`.rng`; convert compact syntax with `trang` first).
    /// - Throws: ``XMLError`` `notWellFormed` when the schema cannot be compiled, with libxml2's first message.
    public init(schema: [UInt8]) throws(XMLError) {
        let errors = DiagnosticCollector()
        let compiled: xmlRelaxNGPtr? = schema.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars -> xmlRelaxNGPtr? in
                guard let parser = xmlRelaxNGNewMemParserCtxt(chars, Int32(buffer.count)) else { return nil }
                defer { xmlRelaxNGFreeParserCtxt(parser) }
                xmlRelaxNGSetParserStructuredErrors(parser, collectDiagnostic, Unmanaged.passUnretained(errors).toOpaque())
                return withExtendedLifetime(errors) { xmlRelaxNGParse(parser) }
            }
        }
        guard let compiled else {
            let first = errors.items.first
            throw XMLError(.notWellFormed, "the RELAX NG schema does not compile: \(first?.message ?? "unknown error")",
                           line: first?.line, column: first?.column)
        }
        self.schema = compiled
    }

    deinit { xmlRelaxNGFree(schema) }

    /// Validates one document; returns the problems found, empty when the document is well-formed and valid.
    /// A document that is not well-formed yields its parse errors.
    public func validate(_ document: [UInt8]) -> [XMLDiagnostic] {
        let errors = DiagnosticCollector()
        let context = Unmanaged.passUnretained(errors).toOpaque()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let result: Int32 = withExtendedLifetime(errors) {
            document.withUnsafeBufferPointer { buffer -> Int32 in
                guard let base = buffer.baseAddress else {
                    errors.items.append(XMLDiagnostic(message: "the document is empty", line: 0, column: 0))
                    return -1
                }
                guard let parser = xmlNewParserCtxt() else { return -1 }
                defer { xmlFreeParserCtxt(parser) }
                routeParserErrors(parser, context)
                let doc = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(parser, $0, Int32(buffer.count), "document.xml", "UTF-8", options)
                }
                guard let doc else {
                    if errors.items.isEmpty {
                        errors.items.append(XMLDiagnostic(message: "not well-formed", line: 0, column: 0))
                    }
                    return -1
                }
                defer { xmlFreeDoc(doc) }
                guard parser.pointee.wellFormed != 0 else { return -1 }
                guard let validator = xmlRelaxNGNewValidCtxt(schema) else { return -1 }
                defer { xmlRelaxNGFreeValidCtxt(validator) }
                xmlRelaxNGSetValidStructuredErrors(validator, collectDiagnostic, context)
                return xmlRelaxNGValidateDoc(validator, doc)
            }
        }
        if result != 0 && errors.items.isEmpty {
            errors.items.append(XMLDiagnostic(message: "invalid (libxml2 status \(result))", line: 0, column: 0))
        }
        return result == 0 ? [] : errors.items
    }
}

/// Collects libxml2's structured errors for one compile or validation.
private final class DiagnosticCollector {
    var items: [XMLDiagnostic] = []
}

private func routeParserErrors(_ parser: xmlParserCtxtPtr, _ context: UnsafeMutableRawPointer) {
    // The parser's SAX handler reports through `serror` with the SAX context as first argument; route it to
    // the collector through `_private`.
    parser.pointee._private = context
    parser.pointee.sax?.pointee.serror = { ctx, error in
        guard let ctx, let error else { return }
        let parser = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let raw = parser.pointee._private else { return }
        append(error, to: Unmanaged<DiagnosticCollector>.fromOpaque(raw).takeUnretainedValue())
    }
}

private let collectDiagnostic: xmlStructuredErrorFunc = { ctx, error in
    guard let ctx, let error else { return }
    append(error, to: Unmanaged<DiagnosticCollector>.fromOpaque(ctx).takeUnretainedValue())
}

private func append(_ error: xmlErrorPtr, to collector: DiagnosticCollector) {
    guard collector.items.count < 50 else { return }
    var message = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
    while message.last?.isWhitespace == true { message.removeLast() }
    collector.items.append(XMLDiagnostic(message: message, line: Int(error.pointee.line), column: Int(error.pointee.int2)))
}
