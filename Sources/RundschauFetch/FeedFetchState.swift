import RundschauModel
import Foundation

/// The scheduling facts a store keeps per feed, before and after a fetch.
public struct FeedFetchState: Sendable, Hashable, Codable {
/// Active, failing or gone.
    public var status: FeedStatus
    /// Failed fetches since the last success.
    public var consecutiveErrors: Int
    /// When the feed is due next; `nil` for a feed never fetched (due at once) or gone (never).
    public var nextFetch: Date?
    /// The earliest moment a server allowed (`Retry-After`); nothing fetches before it, `--all` included.
    public var retryAfter: Date?
    /// The last failure's message, cleared on success.
    public var lastError: String?

/// Creates a state; the defaults describe a feed never fetched.
    public init(
        status: FeedStatus = .active, consecutiveErrors: Int = 0, nextFetch: Date? = nil, retryAfter: Date? = nil,
        lastError: String? = nil
    ) {
        self.status = status
        self.consecutiveErrors = consecutiveErrors
        self.nextFetch = nextFetch
        self.retryAfter = retryAfter
        self.lastError = lastError
    }
}
