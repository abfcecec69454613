import Logging

/// Limits and hooks for one ``FeedParser/parse(_:url:charset:options:)`` call.
public struct FeedParserOptions: Sendable {
    /// Documents larger than this are refused with ``FeedParseError/Code/tooLarge`` (default 32 MiB).
    public var maxDocumentSize: Int
    /// Receives recoverable oddities (a bad date, a repaired encoding) at debug level, with `feed.url`
    /// metadata. They also land in ``RundschauModel/Feed/warnings``. The parser never creates a logger.
    public var logger: Logger?

    /// The documented defaults: 32 MiB, no logger.
    public init(maxDocumentSize: Int = 32 << 20, logger: Logger? = nil) {
        self.maxDocumentSize = maxDocumentSize
        self.logger = logger
    }
}
