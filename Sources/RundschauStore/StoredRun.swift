import Foundation

/// How a run of the main job ended.
public enum RunStatus: String, Hashable, Codable, Sendable, CaseIterable {
    /// Started and not finished (still going, or killed).
    case running
    /// Everything went well.
    case succeeded
    /// Finished, but some feeds or files failed.
    case partial
    /// Stopped by an error.
    case failed
}

/// The totals a run reports in its summary line and in `rundschau status`.
///
/// Stored as JSON, so a counter added later reads as 0 from older runs without a migration.
public struct RunCounts: Hashable, Codable, Sendable {
    /// Feeds fetched with a 200 response.
    public var feedsFetched: Int
    /// Feeds whose fetch or storage failed.
    public var feedsFailed: Int
    /// Feeds answered 304 Not Modified.
    public var feedsNotModified: Int
    /// Items read from dump files.
    public var itemsImported: Int
    /// Articles stored for the first time.
    public var articlesNew: Int
    /// Stored articles whose content changed.
    public var articlesUpdated: Int
    /// Articles linked to a canonical article as duplicates.
    public var duplicates: Int
    /// Story clusters opened or changed.
    public var clusters: Int
    /// Output files (topic feeds, OPML, index) written.
    public var feedsWritten: Int
    /// Feed entries not stored because they had nothing to show (no title, link, text or enclosure).
    public var entriesSkipped: Int

    /// Describes a run's totals.
    public init(
        feedsFetched: Int = 0, feedsFailed: Int = 0, feedsNotModified: Int = 0, itemsImported: Int = 0,
        articlesNew: Int = 0, articlesUpdated: Int = 0, duplicates: Int = 0, clusters: Int = 0, feedsWritten: Int = 0,
        entriesSkipped: Int = 0
    ) {
        self.feedsFetched = feedsFetched
        self.feedsFailed = feedsFailed
        self.feedsNotModified = feedsNotModified
        self.itemsImported = itemsImported
        self.articlesNew = articlesNew
        self.articlesUpdated = articlesUpdated
        self.duplicates = duplicates
        self.clusters = clusters
        self.feedsWritten = feedsWritten
        self.entriesSkipped = entriesSkipped
    }

    enum CodingKeys: String, CodingKey {
        case feedsFetched = "feeds_fetched"
        case feedsFailed = "feeds_failed"
        case feedsNotModified = "feeds_not_modified"
        case itemsImported = "items_imported"
        case articlesNew = "articles_new"
        case articlesUpdated = "articles_updated"
        case duplicates, clusters
        case feedsWritten = "feeds_written"
        case entriesSkipped = "entries_skipped"
    }

    /// Decodes totals; a missing counter is 0.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedsFetched = try c.decodeIfPresent(Int.self, forKey: .feedsFetched) ?? 0
        feedsFailed = try c.decodeIfPresent(Int.self, forKey: .feedsFailed) ?? 0
        feedsNotModified = try c.decodeIfPresent(Int.self, forKey: .feedsNotModified) ?? 0
        itemsImported = try c.decodeIfPresent(Int.self, forKey: .itemsImported) ?? 0
        articlesNew = try c.decodeIfPresent(Int.self, forKey: .articlesNew) ?? 0
        articlesUpdated = try c.decodeIfPresent(Int.self, forKey: .articlesUpdated) ?? 0
        duplicates = try c.decodeIfPresent(Int.self, forKey: .duplicates) ?? 0
        clusters = try c.decodeIfPresent(Int.self, forKey: .clusters) ?? 0
        feedsWritten = try c.decodeIfPresent(Int.self, forKey: .feedsWritten) ?? 0
        entriesSkipped = try c.decodeIfPresent(Int.self, forKey: .entriesSkipped) ?? 0
    }
}

/// One run of the main job (`rundschau run`, `fetch`, `import`, …) as stored.
public struct StoredRun: Hashable, Sendable, Identifiable {
    /// The store's id.
    public var id: RunID
    /// What ran (`run`, `fetch`, `import`, `cluster`, `publish`).
    public var command: String
    /// When it started.
    public var startedAt: Date
    /// When it finished; `nil` while running or when it was killed.
    public var finishedAt: Date?
    /// How it ended.
    public var status: RunStatus
    /// Its totals.
    public var counts: RunCounts
    /// A one-line note (the error that stopped it, or a summary).
    public var message: String?

    /// Describes a stored run; backends build these from their rows.
    public init(
        id: RunID, command: String, startedAt: Date, finishedAt: Date? = nil, status: RunStatus,
        counts: RunCounts = RunCounts(), message: String? = nil
    ) {
        self.id = id
        self.command = command
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.counts = counts
        self.message = message
    }
}
