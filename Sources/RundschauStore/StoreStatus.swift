import RundschauModel
/// The store at a glance, for `rundschau status`.
public struct StoreStatus: Hashable, Sendable {
    /// Fetched feeds (not dump sources) by health; every status is present, 0 when none.
    public var feedsByStatus: [FeedStatus: Int]
    /// Dump files imported as sources.
    public var dumpSources: Int
    /// Stored articles, duplicates included.
    public var articles: Int
    /// Articles linked to a canonical article as duplicates.
    public var duplicates: Int
    /// Story clusters.
    public var clusters: Int
    /// Topics, configured and discovered.
    public var topics: Int
    /// The most recently started run.
    public var lastRun: StoredRun?

    /// Describes a store's status.
    public init(
        feedsByStatus: [FeedStatus: Int] = [:], dumpSources: Int = 0, articles: Int = 0, duplicates: Int = 0,
        clusters: Int = 0, topics: Int = 0, lastRun: StoredRun? = nil
    ) {
        var all: [FeedStatus: Int] = [:]
        for status in FeedStatus.allCases { all[status] = feedsByStatus[status] ?? 0 }
        self.feedsByStatus = all
        self.dumpSources = dumpSources
        self.articles = articles
        self.duplicates = duplicates
        self.clusters = clusters
        self.topics = topics
        self.lastRun = lastRun
    }

    /// All fetched feeds, whatever their health.
    public var feeds: Int { feedsByStatus.values.reduce(0, +) }
}
