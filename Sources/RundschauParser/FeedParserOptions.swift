import Logging

/// Limits and hooks for one ``FeedParser/parse(_:url:charset:options:)`` call.
///
/// The defaults are the documented limits for feeds from the web. XML-level limits (nesting depth 256,
/// 64 entity declarations, 256 attributes per element, 16 attribute declarations) are those of
/// `XMLParseOptions`; a feed also keeps at most 100 warnings (then one line counting the rest).
public struct FeedParserOptions: Sendable {
    /// Documents larger than this are refused with ``FeedParseError/Code/tooLarge`` (default 32 MiB).
    public var maxDocumentSize: Int
    /// The most entries kept per feed (default 100,000). Later entries are read past and dropped, with the
    /// warning `feed: more than N entries; the first N kept, M dropped`: feeds list their newest entries
    /// first, so the kept ones are the ones that matter, and refusing the whole feed would lose them too.
    /// Memory stays bounded by this, not by the document's entry count (a 30 MB document of `<item/>` holds
    /// four million).
    public var maxEntries: Int
    /// JSON Feed documents nesting arrays and objects deeper than this are refused with
    /// ``FeedParseError/Code/hostile`` before decoding (default 64; a JSON Feed itself needs 4 levels).
    public var maxJSONDepth: Int
    /// Receives recoverable oddities (a bad date, a repaired encoding) at debug level, with `feed.url`
    /// metadata. They also land in ``RundschauModel/Feed/warnings``. The parser never creates a logger.
    public var logger: Logger?

    /// The documented defaults: 32 MiB, 100,000 entries, JSON depth 64, no logger.
    public init(maxDocumentSize: Int = 32 << 20, maxEntries: Int = 100_000, maxJSONDepth: Int = 64, logger: Logger? = nil) {
        self.maxDocumentSize = maxDocumentSize
        self.maxEntries = maxEntries
        self.maxJSONDepth = maxJSONDepth
        self.logger = logger
    }
}
