/// What `subscribe` needs to create a subscription.
///
/// ```swift
/// let spiegel = FeedSubscription(url: "https://www.spiegel.de/schlagzeilen/index.rss", folder: "Nachrichten")
/// let dump = FeedSubscription(url: "file:///srv/dumps/001.txt", title: "001.txt", kind: .dump)
/// ```
public struct FeedSubscription: Hashable, Sendable {
    /// The feed's URL (or a `file://` URL or local path); unique within a store, compared as given.
    public var url: String
    /// A title to show until the feed's own title is known.
    public var title: String?
    /// Whether this is a fetched feed or an imported dump file.
    public var kind: FeedKind
    /// The site the feed belongs to (the feed's alternate link).
    public var siteLink: String?
    /// The OPML folder (category) the subscription sits in.
    public var folder: String?

    /// Describes a subscription.
    public init(url: String, title: String? = nil, kind: FeedKind = .feed, siteLink: String? = nil, folder: String? = nil) {
        self.url = url
        self.title = title
        self.kind = kind
        self.siteLink = siteLink
        self.folder = folder
    }
}
