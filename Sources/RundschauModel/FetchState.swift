import Foundation

/// Everything the fetcher remembers about a feed between runs: validators, schedule, errors and health.
///
/// One type for the store and the fetcher: the store keeps it per feed (`StoredFeed.fetch`, written back whole by
/// `FeedStore.recordFetch`), and `FetchPolicy` in RundschauFetch computes the next one after a fetch. Dates are
/// stored to the millisecond.
public struct FetchState: Hashable, Sendable {
    /// Active, failing or gone.
    public var status: FeedStatus
    /// The `ETag` of the last 200 response, sent back as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` of the last 200 response, sent back verbatim as `If-Modified-Since`.
    public var lastModified: String?
    /// When the feed is due again. `nil` means never (dump sources, feeds that are gone).
    public var nextFetchAt: Date?
    /// A server's `Retry-After`: no fetch before this instant, not even with `--all`.
    public var retryAfter: Date?
    /// Failures in a row since the last success; 0 when healthy. Drives exponential back-off.
    public var consecutiveErrors: Int
    /// The last failure, one line, for `rundschau feeds`.
    public var lastError: String?
    /// When the feed was last fetched, successfully or not.
    public var lastFetchedAt: Date?
    /// When the feed was last fetched successfully (200 or 304).
    public var lastSuccessAt: Date?
    /// The HTTP status of the last response (after redirects), if there was one.
    public var httpStatus: Int?

    /// Describes a fetch state; the defaults are those of a feed never fetched.
    public init(
        status: FeedStatus = .active, etag: String? = nil, lastModified: String? = nil,
        nextFetchAt: Date? = nil, retryAfter: Date? = nil, consecutiveErrors: Int = 0, lastError: String? = nil,
        lastFetchedAt: Date? = nil, lastSuccessAt: Date? = nil, httpStatus: Int? = nil
    ) {
        self.status = status
        self.etag = etag
        self.lastModified = lastModified
        self.nextFetchAt = nextFetchAt
        self.retryAfter = retryAfter
        self.consecutiveErrors = consecutiveErrors
        self.lastError = lastError
        self.lastFetchedAt = lastFetchedAt
        self.lastSuccessAt = lastSuccessAt
        self.httpStatus = httpStatus
    }
}
