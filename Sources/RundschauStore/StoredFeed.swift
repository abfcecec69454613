import RundschauModel
import Foundation

/// A subscription as stored: a fetched feed or an imported dump file.
public struct StoredFeed: Hashable, Sendable, Identifiable {
    /// The store's id for this subscription.
    public var id: FeedID
    /// The URL fetched (updated on permanent redirects), or the dump file's `file://` URL.
    public var url: String
    /// Whether this is a fetched feed or a dump source.
    public var kind: FeedKind
    /// The feed's title, or the title given at subscription.
    public var title: String?
    /// The site the feed belongs to.
    public var siteLink: String?
    /// The OPML folder (category).
    public var folder: String?
    /// When the subscription was made.
    public var subscribedAt: Date
    /// Validators, schedule, errors and health.
    public var fetch: FetchState
    /// The worker that holds a claim on this feed (see ``FeedStore/claimFeeds(_:limit:worker:leaseSeconds:now:)``).
    public var leaseOwner: String?
    /// When that claim expires and another worker may take the feed.
    public var leaseUntil: Date?

    /// Describes a stored subscription; backends build these from their rows.
    public init(
        id: FeedID, url: String, kind: FeedKind, title: String? = nil, siteLink: String? = nil, folder: String? = nil,
        subscribedAt: Date, fetch: FetchState = FetchState(), leaseOwner: String? = nil, leaseUntil: Date? = nil
    ) {
        self.id = id
        self.url = url
        self.kind = kind
        self.title = title
        self.siteLink = siteLink
        self.folder = folder
        self.subscribedAt = subscribedAt
        self.fetch = fetch
        self.leaseOwner = leaseOwner
        self.leaseUntil = leaseUntil
    }
}
