/// Limits and switches for one parse. The defaults are the documented limits for feeds from the web.
public struct XMLParseOptions: Sendable, Hashable {
    /// Documents larger than this are refused before parsing (default 32 MiB).
    public var maxDocumentSize: Int
    /// Elements nested deeper than this stop the parse (default 256).
    public var maxDepth: Int
    /// More entity declarations than this in a DTD internal subset are refused (default 64).
    public var maxEntityDeclarations: Int
    /// A start tag with more attributes than this (namespace declarations included) is refused before
    /// libxml2 sees the document (default 256). libxml2 2.9 checks attributes for duplicates pairwise, so
    /// 10^5 attributes on one element cost it seconds; no feed element carries more than a few dozen.
    public var maxAttributes: Int
    /// More attribute-list declarations (`<!ATTLIST>` attribute definitions) than this in a DTD internal
    /// subset are refused (default 16). libxml2 adds every declared default to each matching element,
    /// checking them pairwise: 10^4 defaults over 300 elements cost it close to a minute.
    public var maxAttributeDeclarations: Int
    /// Continue past well-formedness errors, salvaging what can be read (libxml2's recover mode).
    public var recover: Bool
    /// A character encoding that overrides the document's own declaration (libxml2/iconv names).
    public var encoding: String?

    /// The documented defaults: 32 MiB, 256 levels, 64 entity declarations, 256 attributes per element,
    /// 16 attribute declarations, strict parsing, the document's own encoding.
    public init(
        maxDocumentSize: Int = 32 << 20, maxDepth: Int = 256, maxEntityDeclarations: Int = 64,
        maxAttributes: Int = 256, maxAttributeDeclarations: Int = 16,
        recover: Bool = false, encoding: String? = nil
    ) {
        self.maxDocumentSize = maxDocumentSize
        self.maxDepth = maxDepth
        self.maxEntityDeclarations = maxEntityDeclarations
        self.maxAttributes = maxAttributes
        self.maxAttributeDeclarations = maxAttributeDeclarations
        self.recover = recover
        self.encoding = encoding
    }
}

/// A problem libxml2 reported but recovered from, or the first one that stopped the parse.
public struct XMLDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
