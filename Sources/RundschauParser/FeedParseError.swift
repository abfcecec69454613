/// Why a document could not be read as a feed.
///
/// `description` is written for a terminal: `<url>: <reason>` (the command line prints
/// `not a feed: <file>: <reason>`). Match on ``code``; the message may change.
///
/// ```swift
/// do { feed = try FeedParser.parse(bytes, url: path) }
/// catch where error.code == .notAFeed { print("not a feed: \(error)") }
/// ```
public struct FeedParseError: Error, Sendable, CustomStringConvertible {
    /// A stable, matchable reason. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case notAFeed, empty, tooLarge, malformed, hostile, unsupportedEncoding, internalFailure
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The input is readable but is no feed: an HTML page, another XML vocabulary, JSON that is not a
        /// JSON Feed, plain text or binary data.
        public static let notAFeed = Code(.notAFeed)
        /// The input has no content (nothing, or only white space and a byte-order mark).
        public static let empty = Code(.empty)
        /// The input is larger than ``FeedParserOptions/maxDocumentSize``.
        public static let tooLarge = Code(.tooLarge)
        /// The input looks like XML or JSON but nothing could be salvaged from it.
        public static let malformed = Code(.malformed)
        /// The input was refused as an attack: unbounded entity expansion, absurd nesting (XML or JSON),
        /// thousands of attributes on one element.
        public static let hostile = Code(.hostile)
        /// The declared or requested character encoding is unknown.
        public static let unsupportedEncoding = Code(.unsupportedEncoding)
        /// The XML library failed for reasons of its own.
        public static let internalFailure = Code(.internalFailure)

        /// The code's name (`notAFeed`), for logs.
        public var description: String { base.rawValue }
    }

    /// What went wrong, as a matchable code.
    public var code: Code
    /// The reason, for people: `an HTML page`, `root element <foo>`, `not well-formed XML: … (line 3, column 7)`.
    public var message: String
    /// The document URL or file name given to the parser, if any.
    public var url: String?
    /// The lower-level error, if one caused this (an `XMLError`, a `DecodingError`).
    public var underlying: (any Error & Sendable)?

    /// Creates an error; the parser is the usual source, tests and callers wrapping it another.
    public init(_ code: Code, _ message: String, url: String? = nil, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.url = url
        self.underlying = underlying
    }

    /// `<url>: <message>`, or the message alone without a URL.
    public var description: String {
        guard let url, !url.isEmpty else { return message }
        return "\(url): \(message)"
    }
}
