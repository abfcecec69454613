/// What ``FeedStore/prune(before:batchSize:)`` removed.
public struct PruneReport: Sendable, Hashable, Codable {
    /// Articles removed, with their stories or on their own.
    public var articles = 0
    /// Stories removed (every one of their articles was older than the cut-off).
    public var stories = 0
    /// Topic memberships of those articles and stories, removed with them.
    public var topicLinks = 0
    /// Database pages handed back to the file system afterwards (SQLite's incremental vacuum; 0 on PostgreSQL,
    /// where autovacuum reclaims the space).
    public var pagesFreed = 0

    public init() {}

    /// Adds another batch's counts.
    package mutating func add(_ other: PruneReport) {
        articles += other.articles
        stories += other.stories
        topicLinks += other.topicLinks
        pagesFreed += other.pagesFreed
    }
}
