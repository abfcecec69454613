import Foundation

/// What a server (or the file system) answered, with everything the store and the scheduler need.
///
/// For ``FetchOutcome/fetched(_:)`` the ``body`` holds the decoded (gunzipped) bytes; for
/// ``FetchOutcome/notModified(_:)`` and ``FetchOutcome/gone(_:)`` it is empty.
public struct FetchResponse: Sendable, Hashable {
    /// The body bytes after content decoding, at most ``FeedFetcher/Configuration/maxBodySize``.
    public var body: [UInt8]
    /// The media type of `Content-Type`, lower-cased, without parameters (`application/rss+xml`).
    public var contentType: String?
    /// The `charset` parameter of `Content-Type`, lower-cased, to pass to the parser as a hint.
    public var charset: String?
    /// The new `ETag` to store (a 304 may repeat or replace it; `nil` means keep none).
    public var etag: String?
    /// The new `Last-Modified` to store, verbatim.
    public var lastModified: String?
    /// The URL the answer finally came from, after redirects.
    public var finalURL: URL
    /// Set when every redirect hop from the requested URL was permanent (301/308): the URL to store instead.
    public var permanentRedirect: URL?
    /// `Cache-Control: max-age` in seconds (`s-maxage` is ignored; `no-store`/`no-cache` give `nil`).
    public var cacheControlMaxAge: Int?
    /// The `Expires` instant, when it parsed.
    public var expires: Date?
    /// The final HTTP status (200 for a local file).
    public var httpStatus: Int
    /// The redirect hops taken, in order: each hop's status and target.
    public var redirects: [Redirect]
    /// Oddities worth a note but not a failure (a content type that is no feed type, an unreadable header).
    public var warnings: [String]

    /// One redirect hop.
    public struct Redirect: Sendable, Hashable {
        /// 301, 302, 303, 307 or 308.
        public var status: Int
        /// Where the hop pointed, resolved against the URL that answered.
        public var location: URL
        /// 301 or 308.
        public var isPermanent: Bool { status == 301 || status == 308 }

/// Creates a hop.
        public init(status: Int, location: URL) {
            self.status = status
            self.location = location
        }
    }

/// Creates a response (the fetcher does; tests and callers may too).
    public init(
        body: [UInt8] = [], contentType: String? = nil, charset: String? = nil, etag: String? = nil,
        lastModified: String? = nil, finalURL: URL, permanentRedirect: URL? = nil, cacheControlMaxAge: Int? = nil,
        expires: Date? = nil, httpStatus: Int, redirects: [Redirect] = [], warnings: [String] = []
    ) {
        self.body = body
        self.contentType = contentType
        self.charset = charset
        self.etag = etag
        self.lastModified = lastModified
        self.finalURL = finalURL
        self.permanentRedirect = permanentRedirect
        self.cacheControlMaxAge = cacheControlMaxAge
        self.expires = expires
        self.httpStatus = httpStatus
        self.redirects = redirects
        self.warnings = warnings
    }

    /// What the body looks like, sniffed from its first bytes (the content type is only a hint).
    public var sniffedKind: ContentKind { ContentKind.sniff(body, contentType: contentType) }
}
