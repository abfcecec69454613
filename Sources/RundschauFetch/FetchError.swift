import Foundation
import RundschauText

/// Why a fetch (or an OPML read) did not produce a usable response.
///
/// Match on ``code``; ``message`` is written for a terminal and names what happened, ``url`` what was asked for.
/// ```swift
/// if case .failed(let error) = outcome, error.code == .tooLarge { … }
/// ```
public struct FetchError: Error, Sendable, CustomStringConvertible {
    /// A stable, matchable reason. New codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case invalidURL, unsupportedScheme, connection, timeout, httpStatus, tooLarge, tooManyRedirects,
                 badRedirect, decompression, file, cancelled
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The URL or path cannot be fetched as written (no host, malformed).
        public static let invalidURL = Code(.invalidURL)
        /// A scheme other than `http`, `https` or `file` (or a redirect from the web to `file://`).
        public static let unsupportedScheme = Code(.unsupportedScheme)
        /// The connection could not be made or broke (DNS, refused, reset, TLS).
        public static let connection = Code(.connection)
        /// The connect, read or total timeout ran out.
        public static let timeout = Code(.timeout)
        /// The server answered with an error status (4xx other than 410, 5xx); see ``FetchError/httpStatus``.
        public static let httpStatus = Code(.httpStatus)
        /// The body exceeded ``FeedFetcher/Configuration/maxBodySize``.
        public static let tooLarge = Code(.tooLarge)
        /// More redirects than ``FeedFetcher/Configuration/maxRedirects`` (usually a loop).
        public static let tooManyRedirects = Code(.tooManyRedirects)
        /// A redirect status without a usable `Location`.
        public static let badRedirect = Code(.badRedirect)
        /// A gzip or deflate body could not be decoded, or expanded past the ratio limit.
        public static let decompression = Code(.decompression)
        /// A local file could not be read.
        public static let file = Code(.file)
        /// The fetch was cancelled by the caller.
        public static let cancelled = Code(.cancelled)
        /// An OPML document could not be read.

/// The code's name (`tooLarge`), for logs.
        public var description: String { base.rawValue }
    }

    /// The reason, for `switch` and `==`.
    public var code: Code
    /// A one-line explanation for a terminal.
    public var message: String
    /// The URL that was requested (the first one, before redirects), when there was one.
    public var url: URL?
    /// The HTTP status, when the failure is a status.
    public var httpStatus: Int?
    /// When a 429 or 503 response carried `Retry-After`: the earliest moment the server allows another request.
    public var retryAfter: Date?
    /// The error reported by the layer below (AsyncHTTPClient, SwiftNIO, Foundation, RundschauXML), if any.
    public var underlying: (any Error)?

/// Creates an error.
    public init(
        _ code: Code, _ message: String, url: URL? = nil, httpStatus: Int? = nil, retryAfter: Date? = nil,
        underlying: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.url = url
        self.httpStatus = httpStatus
        self.retryAfter = retryAfter
        self.underlying = underlying
    }

/// `<url>: <message>`, plus the Retry-After time when there is one.
    public var description: String {
        var text = message
        if let url { text = "\(url.absoluteString): \(text)" }
        if let retryAfter { text += " (retry after \(HTTPDate.format(retryAfter)))" }
        return text
    }
}
