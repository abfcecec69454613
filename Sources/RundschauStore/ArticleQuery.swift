import Foundation

/// Which articles ``FeedStore/articles(_:)`` returns. Every filter that is set must hold; none set means all.
///
/// ```swift
/// // Incremental clustering: everything stored since the last cursor, in id order, 1,000 at a time.
/// var cursor: ArticleID? = nil
/// while true {
///     let batch = try await store.articles(ArticleQuery(afterID: cursor, limit: 1_000))
///     guard let last = batch.last else { break }
///     cursor = last.id
/// }
/// ```
public struct ArticleQuery: Hashable, Sendable {
    /// The order of the results.
    public enum Order: Hashable, Sendable {
        /// By id, ascending: insertion order; the order for cursors.
        case id
        /// By ``StoredArticle/date`` (published, else updated, else first seen), newest first, then id descending.
        case newestFirst
    }

    /// Only articles of this subscription.
    public var feedID: FeedID?
    /// Only articles with an id greater than this cursor.
    public var afterID: ArticleID?
    /// Only articles first seen at or after this instant.
    public var firstSeenSince: Date?
    /// Only articles whose stored content changed at or after this instant (new or updated).
    public var changedSince: Date?
    /// Only articles whose ``StoredArticle/date`` is at or after this instant (`stories --since`).
    public var dateSince: Date?
    /// Only articles whose ``StoredArticle/date`` is at or before this instant (with ``dateSince``: one time window).
    public var dateUntil: Date?
    /// Only articles with this text hash (exact duplicates).
    public var contentHash: String?
    /// Only articles with this canonical URL (exact duplicates).
    public var canonicalURL: String?
    /// Only members of this cluster.
    public var clusterID: ClusterID?
    /// Only members of these clusters: one query for many stories (keep it to a few thousand ids per query).
    public var clusterIDs: [ClusterID]?
    /// Only articles with these ids: one query for many articles (keep it to a few thousand ids per query).
    public var ids: [ArticleID]?
    /// Only articles not yet placed in a cluster.
    public var unclusteredOnly: Bool
    /// At most this many (must not be negative).
    public var limit: Int?
    /// The order of the results.
    public var order: Order
    /// Whether to read the articles' text: when `false`, ``StoredArticle/content`` and ``StoredArticle/summary``
    /// come back `nil` (every other field is filled), so that a query over a large window reads only the metadata.
    public var withText: Bool

    /// Describes a query; all filters default to "any".
    public init(
        feedID: FeedID? = nil, afterID: ArticleID? = nil, firstSeenSince: Date? = nil, changedSince: Date? = nil,
        dateSince: Date? = nil, dateUntil: Date? = nil, contentHash: String? = nil, canonicalURL: String? = nil, clusterID: ClusterID? = nil,
        clusterIDs: [ClusterID]? = nil, ids: [ArticleID]? = nil, unclusteredOnly: Bool = false, limit: Int? = nil,
        order: Order = .id, withText: Bool = true
    ) {
        self.ids = ids
        self.feedID = feedID
        self.afterID = afterID
        self.firstSeenSince = firstSeenSince
        self.changedSince = changedSince
        self.dateSince = dateSince
        self.dateUntil = dateUntil
        self.contentHash = contentHash
        self.canonicalURL = canonicalURL
        self.clusterID = clusterID
        self.clusterIDs = clusterIDs
        self.unclusteredOnly = unclusteredOnly
        self.limit = limit
        self.order = order
        self.withText = withText
    }
}
