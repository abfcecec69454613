/// Why an XML document could not be read.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, matchable reason.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case empty, tooLarge, tooDeep, tooManyAttributes, notWellFormed, entityExpansion, unsupportedEncoding
            case internalFailure
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// The input has no content.
        public static let empty = Code(.empty)
        /// The input exceeds ``XMLParseOptions/maxDocumentSize``.
        public static let tooLarge = Code(.tooLarge)
        /// Elements nest deeper than ``XMLParseOptions/maxDepth``.
        public static let tooDeep = Code(.tooDeep)
        /// A start tag has more attributes than ``XMLParseOptions/maxAttributes``, or the DTD declares more
        /// attributes than ``XMLParseOptions/maxAttributeDeclarations``.
        public static let tooManyAttributes = Code(.tooManyAttributes)
        /// A well-formedness error (strict mode) or nothing salvageable (recover mode).
        public static let notWellFormed = Code(.notWellFormed)
        /// The DTD declares entities in a way that could expand without bound (billion laughs).
        public static let entityExpansion = Code(.entityExpansion)
        /// The declared or requested character encoding is unknown.
        public static let unsupportedEncoding = Code(.unsupportedEncoding)
        /// libxml2 could not set up a parser.
        public static let internalFailure = Code(.internalFailure)
        public var description: String { base.rawValue }
    }

    public var code: Code
    public var message: String
    /// Where libxml2 stopped, when it said.
    public var line: Int?
    public var column: Int?

    public init(_ code: Code, _ message: String, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        if let line { return "\(message) (line \(line), column \(column ?? 0))" }
        return message
    }
}
