import Foundation
import RundschauModel

/// Articles as fetched and imported, and their duplicate links (fetch, import, cluster, publish, `stories`).
public protocol ArticleStore: Sendable {
    /// Stores a feed's entries in one transaction, keyed by (feed, entry id): a new entry is inserted, an
    /// unchanged one is not written, a changed one is updated in place (same article id, same first-seen date).
    ///
    /// Repeated entry ids within `entries` count once (the first wins). When anything fails, nothing of this
    /// call is stored and everything stored before stays.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown feed; ``StoreError/Code/constraint`` for an entry
    ///   the schema refuses (an empty id).
    func upsertArticles(feedID: FeedID, entries: [Entry], seenAt: Date) async throws -> ArticleUpsertResult

    /// One article by id, or `nil`.
    func article(id: ArticleID) async throws -> StoredArticle?

    /// Articles matching a query (see ``ArticleQuery``).
    func articles(_ query: ArticleQuery) async throws -> [StoredArticle]

    /// How many articles match a query (its limit and order are ignored).
    func articleCount(_ query: ArticleQuery) async throws -> Int

    /// Links articles to the canonical article of their duplicate group (`nil` unlinks), in one transaction.
    /// - Throws: ``StoreError/Code/invalidArgument`` when an article would be its own duplicate;
    ///   ``StoreError/Code/notFound`` for an unknown article (nothing is written then).
    func setDuplicates(_ links: [ArticleID: ArticleID?]) async throws
}

extension ArticleStore {
    /// All articles of one subscription, by id.
    public func articles(feedID: FeedID) async throws -> [StoredArticle] {
        try await articles(ArticleQuery(feedID: feedID))
    }

    /// The canonical article an article duplicates, or `nil` (also for an unknown article).
    public func duplicateOf(_ id: ArticleID) async throws -> ArticleID? {
        try await article(id: id)?.duplicateOf
    }

    /// The members of many clusters, by cluster, in set-based queries (a few thousand clusters each) rather than
    /// one query per cluster. Each cluster's articles keep the query's order (by id).
    public func members(of clusters: [ClusterID]) async throws -> [ClusterID: [StoredArticle]] {
        var out: [ClusterID: [StoredArticle]] = [:]
        var start = 0
        while start < clusters.count {
            let chunk = Array(clusters[start..<min(start + 2_000, clusters.count)])
            for article in try await articles(ArticleQuery(clusterIDs: chunk)) {
                if let cluster = article.clusterID { out[cluster, default: []].append(article) }
            }
            start += chunk.count
        }
        return out
    }
}
