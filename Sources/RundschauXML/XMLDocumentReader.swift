import RundschauText

/// Reads a whole feed document leniently: decodes its character encoding to UTF-8, parses strictly, and when
/// that fails repairs what is salvageable (undeclared HTML entities, bare `&`, illegal control characters,
/// junk before the XML declaration, mislabelled UTF-8) and parses again in recover mode, with warnings.
///
/// The common case costs nothing extra: a UTF-8 (or ASCII) document goes to libxml2 as it is, without a copy
/// or a validation pass; only a failed parse pays for validation and repair. Hostile input stays refused:
/// `entityExpansion`, `tooDeep` and `tooLarge` are never retried, and entity substitution during repair is
/// bounded by ``XMLParseOptions/maxDocumentSize``.
public enum XMLDocumentReader {
    /// Parses `bytes` with a fresh handler from `makeHandler` for each attempt; returns the handler of the
    /// attempt that succeeded and the warnings (repairs, recovered errors) met on the way.
    /// - Parameter charset: an encoding hint from outside the document (HTTP `Content-Type` charset); when nil,
    ///   ``XMLParseOptions/encoding`` is used as the hint. A byte-order mark beats either.
    /// - Throws: ``XMLError``; `notWellFormed` only when even recovery finds no document element.
    public static func read<Handler: XMLEventHandler>(
        _ bytes: [UInt8], charset: String? = nil, options: XMLParseOptions = XMLParseOptions(),
        makeHandler: () -> Handler
    ) throws(XMLError) -> (handler: Handler, warnings: [String]) {
        try read(bytes, charset: charset, options: options, makeHandler: makeHandler) {
            (utf8, options, handler, driver) throws(XMLError) -> XMLParseReport in
            try XMLStreamParser.parse(utf8, options: options, symbolHandler: StringEventBridge(handler), driver: driver)
        }
    }

    /// ``read(_:charset:options:makeHandler:)`` for a handler of the symbol events.
    public static func read<Handler: XMLSymbolHandler>(
        _ bytes: [UInt8], charset: String? = nil, options: XMLParseOptions = XMLParseOptions(),
        makeHandler: () -> Handler
    ) throws(XMLError) -> (handler: Handler, warnings: [String]) {
        try read(bytes, charset: charset, options: options, makeHandler: makeHandler) {
            (utf8, options, handler, driver) throws(XMLError) -> XMLParseReport in
            try XMLStreamParser.parse(utf8, options: options, symbolHandler: handler, driver: driver)
        }
    }

    private static func read<Handler: AnyObject>(
        _ bytes: [UInt8], charset: String?, options: XMLParseOptions, makeHandler: () -> Handler,
        parse: @escaping (UnsafeRawBufferPointer, XMLParseOptions, Handler, XMLStreamParser.Driver) throws(XMLError) -> XMLParseReport
    ) throws(XMLError) -> (handler: Handler, warnings: [String]) {
        guard !bytes.isEmpty else { throw XMLError(.empty, "the document is empty") }
        guard bytes.count <= options.maxDocumentSize else {
            throw XMLError(.tooLarge, "the document is \(bytes.count) bytes, over the limit of \(options.maxDocumentSize)")
        }
        var session = ReadSession(options: options, parse: parse)
        let handler = try bytes.withUnsafeBufferPointer { (buffer) throws(XMLError) -> Handler in
            try session.read(buffer, hint: charset ?? options.encoding, makeHandler: makeHandler)
        }
        return (handler, session.warnings)
    }
}

/// The attempts of one ``XMLDocumentReader/read(_:charset:options:makeHandler:)`` call.
private struct ReadSession<Handler: AnyObject> {
    let options: XMLParseOptions
    /// One parse of UTF-8 bytes into a handler.
    let parse: (UnsafeRawBufferPointer, XMLParseOptions, Handler, XMLStreamParser.Driver) throws(XMLError) -> XMLParseReport
    var warnings: [String] = []

    init(
        options: XMLParseOptions,
        parse: @escaping (UnsafeRawBufferPointer, XMLParseOptions, Handler, XMLStreamParser.Driver) throws(XMLError) -> XMLParseReport
    ) {
        self.options = options
        self.parse = parse
    }

    mutating func read(
        _ raw: UnsafeBufferPointer<UInt8>, hint: String?, makeHandler: () -> Handler
    ) throws(XMLError) -> Handler {
        let decision = XMLEncodingDetector.decide(raw, hint: hint)
        warnings += decision.warnings
        let body = UnsafeBufferPointer(rebasing: raw[decision.bomLength...])
        let decoded: (utf8: [UInt8], replaced: Int)
        switch decision.encoding {
        case .utf8:
            return try readClaimedUTF8(body, makeHandler: makeHandler)
        case .windows1252:
            if UTF8Repair.isASCII(body) { return try readClaimedUTF8(body, makeHandler: makeHandler) }
            decoded = (Windows1252.decode(body), 0)
        case .utf16(let bigEndian):
            decoded = WideEncodingDecoder.decodeUTF16(body, bigEndian: bigEndian)
        case .utf32(let bigEndian):
            decoded = WideEncodingDecoder.decodeUTF32(body, bigEndian: bigEndian)
        case .named(let name):
            guard let result = XMLTranscoder.transcode(body, from: name) else {
                warnings.append("unknown encoding '\(name)'; read as UTF-8")
                return try readClaimedUTF8(body, makeHandler: makeHandler)
            }
            decoded = result
        }
        if decoded.replaced > 0 {
            warnings.append("\(decoded.replaced) byte sequence(s) not valid \(decision.encoding) replaced with U+FFFD")
        }
        return try decoded.utf8.withUnsafeBufferPointer { (utf8) throws(XMLError) -> Handler in
            try readUTF8(utf8, makeHandler: makeHandler)
        }
    }

    /// The fast path: bytes said to be UTF-8 go to libxml2 untouched; only when that fails are they checked,
    /// and invalid sequences read as Windows-1252.
    private mutating func readClaimedUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, makeHandler: () -> Handler
    ) throws(XMLError) -> Handler {
        let failure: XMLError
        do {
            return try attempt(bytes, recover: false, makeHandler: makeHandler).handler
        } catch where error.code == .notWellFormed {
            failure = error
        }
        guard let (fixed, _) = UTF8Repair.repair(bytes) else {
            return try repairAndRecover(bytes, failure: failure, makeHandler: makeHandler)
        }
        warnings.append("not valid UTF-8; invalid bytes read as Windows-1252")
        return try fixed.withUnsafeBufferPointer { (utf8) throws(XMLError) -> Handler in
            try readUTF8(utf8, makeHandler: makeHandler)
        }
    }

    /// Valid UTF-8: a strict parse, else repair and recover.
    private mutating func readUTF8(
        _ utf8: UnsafeBufferPointer<UInt8>, makeHandler: () -> Handler
    ) throws(XMLError) -> Handler {
        do {
            return try attempt(utf8, recover: false, makeHandler: makeHandler).handler
        } catch where error.code == .notWellFormed {
            return try repairAndRecover(utf8, failure: error, makeHandler: makeHandler)
        }
    }

    /// The repair pass (after a strict parse failed), then a recover-mode parse of the repaired text.
    private mutating func repairAndRecover(
        _ utf8: UnsafeBufferPointer<UInt8>, failure: XMLError, makeHandler: () -> Handler
    ) throws(XMLError) -> Handler {
        guard let start = XMLRepair.documentStart(utf8) else {
            throw XMLError(.notWellFormed, "not XML: the document has no markup")
        }
        if XMLRepair.looksBinary(utf8) { throw XMLError(.notWellFormed, "not XML: the document is binary data") }
        var entities: [String: String] = [:]
        if XMLRepair.hasInternalSubset(utf8, from: start) {
            // A first pass only to learn the DTD's simple entities; it refuses entity bombs like any other.
            do {
                let prolog = UnsafeBufferPointer(rebasing: utf8[start...])
                entities = try XMLStreamParser.parse(UnsafeRawBufferPointer(prolog), options: parseOptions(prolog, recover: true),
                                                     symbolHandler: DiscardingHandler(), driver: .pull).declaredEntities
            } catch where error.code == .notWellFormed || error.code == .empty {}
        }
        let repaired = try XMLRepair.repair(utf8, from: start, entities: entities,
                                            limit: max(options.maxDocumentSize, utf8.count))
        let (handler, report) = try repaired.withUnsafeBufferPointer {
            (buffer) throws(XMLError) -> (Handler, XMLParseReport) in
            try attempt(buffer, recover: true, makeHandler: makeHandler)
        }
        if let name = Self.undefinedEntity(failure), entities[name] != nil {
            // Valid XML whose DTD declares its own entities: not malformed, only outside what libxml2 expands.
            warnings.append("expanded the entities the document's DTD declares (\(entities.keys.sorted().joined(separator: ", ")))")
        } else {
            warnings.append("recovered malformed XML: \(Self.describe(failure))")
        }
        if let first = report.diagnostics.first {
            let more = report.diagnostics.count >= 20 ? "20 or more" : "\(report.diagnostics.count)"
            warnings.append("recover mode skipped \(more) XML error(s) left after repair, first at \(first)")
        }
        return handler
    }

    /// One parse with a fresh handler. A strict parse that libxml2 let through while dropping undeclared
    /// entities (documents with an external DTD) counts as a failure, so that repair can restore them.
    ///
    /// A strict parse of a document up to 10 MB first goes through the push driver, which is faster; only a
    /// document it does not read cleanly is parsed again, with a fresh handler, by the pull driver, whose
    /// diagnostics and recovery the reader's behaviour is defined by. Recover-mode parses and larger documents
    /// always use the pull driver.
    private func attempt(
        _ utf8: UnsafeBufferPointer<UInt8>, recover: Bool, makeHandler: () -> Handler
    ) throws(XMLError) -> (handler: Handler, report: XMLParseReport) {
        if !recover && utf8.count <= XMLStreamParser.lookupLimit {
            let handler = makeHandler()
            if let report = try? parse(UnsafeRawBufferPointer(utf8), parseOptions(utf8, recover: false), handler, .push),
               report.droppedEntityReferences == 0 {
                return (handler, report)
            }
        }
        let handler = makeHandler()
        let report = try parse(UnsafeRawBufferPointer(utf8), parseOptions(utf8, recover: recover), handler, .pull)
        if !recover, report.droppedEntityReferences > 0 {
            let first = report.diagnostics.first
            throw XMLError(.notWellFormed, "not well-formed XML: \(first?.message ?? "undeclared entity")",
                           line: first?.line, column: first?.column)
        }
        return (handler, report)
    }

    /// The caller's options; the size limit was checked on the raw input, which decoding may have grown.
    private func parseOptions(_ utf8: UnsafeBufferPointer<UInt8>, recover: Bool) -> XMLParseOptions {
        var parseOptions = options
        parseOptions.recover = recover
        parseOptions.maxDocumentSize = max(options.maxDocumentSize, utf8.count)
        return parseOptions
    }

    /// The name in libxml2's `Entity 'name' not defined`, when that is the error.
    private static func undefinedEntity(_ error: XMLError) -> String? {
        guard error.message.hasSuffix("' not defined"), let open = error.message.range(of: "Entity '") else { return nil }
        let rest = error.message[open.upperBound...]
        return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
    }

    private static func describe(_ error: XMLError) -> String {
        var message = Substring(error.message)
        if message.hasPrefix("not well-formed XML: ") { message = message.dropFirst("not well-formed XML: ".count) }
        guard let line = error.line else { return String(message) }
        return "line \(line), column \(error.column ?? 0): \(message)"
    }
}

/// Receives the events of a parse whose only purpose is its report.
private final class DiscardingHandler: XMLSymbolHandler {
    func symbol(forName utf8: UnsafeBufferPointer<UInt8>) -> Int32 { 0 }
    func symbol(forNamespace utf8: UnsafeBufferPointer<UInt8>) -> Int32 { 0 }
    func startElement(_ element: XMLStartElement) {}
    func endElement(_ element: XMLEndElement) {}
    func characters(_ utf8: UnsafeBufferPointer<UInt8>) {}
}
