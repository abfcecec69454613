import RundschauText
import RundschauModel
import RundschauXML

/// Reads any feed document (RSS 0.90–2.0, RSS 1.0, Atom 0.3 and 1.0, JSON Feed 1.0 and 1.1) into the one
/// normalized ``Feed`` model.
///
/// The format is detected from the content, never the file name: a leading `{` is JSON Feed; otherwise
/// the XML document element decides, inside the single streaming (SAX) pass that also extracts the fields.
/// Recoverable oddities (a bad date, repaired XML, a truncated document) become ``Feed/warnings``; what
/// cannot be read as a feed throws a ``FeedParseError``.
///
/// ```swift
/// let feed = try FeedParser.parse(bytes, url: "https://example.com/feed.xml")
/// for entry in feed.entries { print(entry.id, entry.title ?? "") }
/// ```
///
/// Truncated or broken-off XML is salvaged: entries completed before the break are kept, the unfinished
/// one is dropped, and a warning says so.
public enum FeedParser {
    /// Parses one document.
    /// - Parameters:
    ///   - data: the raw bytes, in any encoding the XML reader understands (JSON Feed: UTF-8).
    ///   - url: the document's URL or file name. An absolute URL (`https://…`, `file:///…`) is the base for
    ///     relative links (under any `xml:base`); without one, relative links resolve against the feed's
    ///     site link. Errors and log entries name it.
    ///   - charset: an encoding hint from outside the document (HTTP `Content-Type` charset).
    ///   - options: limits (document size, entries per feed, JSON depth) and logger.
    /// - Throws: ``FeedParseError`` with code `empty`, `tooLarge`, `notAFeed` (HTML page, other XML, plain
    ///   text, binary data, JSON that is no JSON Feed), `malformed` (nothing salvageable), `hostile`
    ///   (entity expansion, absurd nesting, thousands of attributes on one element), `unsupportedEncoding`
    ///   or `internalFailure`.
    public static func parse(
        _ data: [UInt8], url: String? = nil, charset: String? = nil, options: FeedParserOptions = .init()
    ) throws(FeedParseError) -> Feed {
        guard data.count <= options.maxDocumentSize else {
            throw FeedParseError(
                .tooLarge, "the document is \(data.count) bytes, over the limit of \(options.maxDocumentSize)", url: url)
        }
        var context = AdapterContext(documentURL: url, logger: options.logger)
        switch DocumentSniffer.sniff(data) {
        case .empty:
            throw FeedParseError(.empty, "the document is empty", url: url)
        case .binary(let what):
            throw FeedParseError(.notAFeed, what, url: url)
        case .html:
            throw FeedParseError(.notAFeed, "an HTML page", url: url)
        case .text:
            throw FeedParseError(.notAFeed, "plain text, not XML or JSON", url: url)
        case .json:
            let document = try JSONFeedParser.parse(data, url: url, options: options, context: &context)
            var feed = JSONFeedAdapter.feed(document, context: &context)
            feed.warnings = context.warnings
            return feed
        case .markup:
            return try parseXML(data, url: url, charset: charset, options: options, context: &context)
        }
    }

    private static func parseXML(
        _ data: [UInt8], url: String?, charset: String?, options: FeedParserOptions, context: inout AdapterContext
    ) throws(FeedParseError) -> Feed {
        var lastHandler: FeedDispatchHandler?
        let handler: FeedDispatchHandler
        var brokenOff: String?
        let baseURL = context.baseURL
        do {
            let result = try XMLDocumentReader.read(
                data, charset: charset, options: XMLParseOptions(maxDocumentSize: options.maxDocumentSize)
            ) {
                let handler = FeedDispatchHandler(baseURL: baseURL, maxEntries: options.maxEntries, textCapacity: data.count)
                lastHandler = handler
                return handler
            }
            handler = result.handler
            for warning in result.warnings { context.warn(warning) }
        } catch {
            // An XML error after a feed root: salvage what was read before it.
            guard error.code == .notWellFormed, let last = lastHandler, last.isFeed else {
                throw Self.error(for: error, lastHandler: lastHandler, data: data, url: url)
            }
            handler = last
            brokenOff = error.description
        }
        if let rejection = handler.rejection { throw FeedParseError(.notAFeed, rejection, url: url) }
        guard var feed = handler.makeFeed(context: &context, brokenOff: brokenOff) else {
            throw FeedParseError(.malformed, "no document element", url: url)
        }
        if let brokenOff, feed.title == nil, feed.entries.isEmpty {
            // Nothing worth keeping was read before the break.
            throw FeedParseError(.malformed, brokenOff, url: url)
        }
        if feed.format == .rss10, handler.isUndecidedRDF, Self.declaresRSS090(data) {
            // An RSS 0.90 document without channel or item: only its namespace declaration tells.
            feed.format = .rss09x
        }
        feed.warnings = context.warnings
        return feed
    }

    /// Whether the first 4 KB of the document mention the RSS 0.90 namespace (`xmlns="http://my.netscape.com/rdf/simple/0.9/"`).
    private static func declaresRSS090(_ data: [UInt8]) -> Bool {
        let needle = Array("http://my.netscape.com/rdf/simple/0.9/".utf8)
        let window = data.prefix(4096)
        guard window.count >= needle.count else { return false }
        for start in window.startIndex...(window.endIndex - needle.count)
        where window[start] == needle[0] && window[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// Maps an XML reader error to a feed error, using what the dispatcher saw before it.
    private static func error(
        for error: XMLError, lastHandler: FeedDispatchHandler?, data: [UInt8], url: String?
    ) -> FeedParseError {
        if let rejection = lastHandler?.rejection {
            return FeedParseError(.notAFeed, rejection, url: url, underlying: error)
        }
        switch error.code {
        case .empty:
            return FeedParseError(.empty, "the document is empty", url: url, underlying: error)
        case .tooLarge:
            return FeedParseError(.tooLarge, error.description, url: url, underlying: error)
        case .tooDeep, .entityExpansion, .tooManyAttributes:
            return FeedParseError(.hostile, error.description, url: url, underlying: error)
        case .unsupportedEncoding:
            return FeedParseError(.unsupportedEncoding, error.description, url: url, underlying: error)
        case .notWellFormed:
            return FeedParseError(.malformed, error.description, url: url, underlying: error)
        default:
            return FeedParseError(.internalFailure, error.description, url: url, underlying: error)
        }
    }
}
