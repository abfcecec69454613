/// Reads a whole feed document leniently: decodes its character encoding to UTF-8, parses strictly, and when
/// that fails repairs what is salvageable (undeclared HTML entities, bare `&`, illegal control characters,
/// junk before the XML declaration, mislabelled UTF-8) and parses again in recover mode, with warnings.
public enum XMLDocumentReader {
    /// Parses `bytes` with a fresh handler from `makeHandler` for each attempt; returns the handler of the
    /// attempt that succeeded and the warnings (repairs, recovered errors) met on the way.
    /// - Parameter charset: an encoding hint from outside the document (HTTP `Content-Type` charset).
    /// - Throws: ``XMLError``; `notWellFormed` only when even recovery finds no document element.
    public static func read<Handler: XMLEventHandler>(
        _ bytes: [UInt8], charset: String? = nil, options: XMLParseOptions = XMLParseOptions(),
        makeHandler: () -> Handler
    ) throws(XMLError) -> (handler: Handler, warnings: [String]) {
        // STUB: strict parse only; the encoding and repair passes replace this.
        var input = bytes
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input.removeFirst(3) }
        let handler = makeHandler()
        let report = try XMLStreamParser.parse(input, options: options, handler: handler)
        return (handler, report.diagnostics.map { "recovered XML error at \($0)" })
    }
}
