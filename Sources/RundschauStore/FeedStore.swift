import Foundation
import RundschauModel

/// Where Rundschau keeps subscriptions, articles, clusters, topics and runs.
///
/// The pipeline talks to this protocol only; backends (SQLite through GRDB, PostgreSQL through postgres-nio)
/// conform to it and pass the same conformance suite. Every method is `async throws` and every value crossing it is
/// a value type, so a backend may run its work on a connection pool or another server. Errors are ``StoreError``.
///
/// ```swift
/// let store: any FeedStore = try SQLiteFeedStore(path: ".rundschau/rundschau.sqlite")
/// let feed = try await store.subscribe(FeedSubscription(url: "https://example.org/feed.xml"), at: .now)
/// let result = try await store.upsertArticles(feedID: feed.id, entries: parsed.entries, seenAt: .now)
/// print("\(result.inserted) new, \(result.updated) updated, \(result.unchanged) unchanged")
/// ```
///
/// ## Topics
/// - Subscriptions: ``subscribe(_:at:)``, ``removeFeed(_:)``, ``feeds()``, ``feed(id:)``, ``feed(url:)``,
///   ``updateFeedURL(_:to:)``, ``updateFeedInfo(_:title:siteLink:)``
/// - Fetching: ``recordFetch(_:state:)``, ``dueFeeds(at:limit:)``, ``claimFeeds(_:limit:worker:leaseSeconds:now:)``,
///   ``renewClaims(_:worker:leaseSeconds:now:)``, ``releaseClaims(worker:)``
/// - Articles: ``upsertArticles(feedID:entries:seenAt:)``, ``article(id:)``, ``articles(_:)``, ``articleCount(_:)``
/// - Deduplication: ``setDuplicates(_:)``
/// - Clusters: ``createCluster(_:)``, ``updateCluster(_:_:)``, ``assignClusters(_:)``, ``clusters(_:)``
/// - Topics: ``upsertTopic(_:)``, ``removeTopic(slug:)``, ``topics()``, ``setArticleTopics(_:)``,
///   ``setClusterTopics(_:)``, ``topicIDs(forArticles:)``
/// - Retention: ``prune(before:batchSize:)``
/// - Runs and status: ``startRun(command:at:)``, ``finishRun(_:at:status:counts:message:)``, ``lastRun()``,
///   ``status()``, ``close()``
public protocol FeedStore: Sendable {
    // MARK: Subscriptions

    /// Subscribes to a feed or registers a dump file as a source. Idempotent: when the URL is already
    /// subscribed, returns that subscription unchanged.
    ///
    /// A new fetched feed is due at once (`nextFetchAt == date`); a dump source is never due.
    /// - Throws: ``StoreError/Code/invalidArgument`` for an empty URL.
    func subscribe(_ subscription: FeedSubscription, at date: Date) async throws -> StoredFeed

    /// Removes a subscription and, with it, its articles (and their cluster and topic memberships).
    /// Returns `false` when there was no such subscription.
    func removeFeed(_ id: FeedID) async throws -> Bool

    /// All subscriptions, by id.
    func feeds() async throws -> [StoredFeed]

    /// One subscription by id, or `nil`.
    func feed(id: FeedID) async throws -> StoredFeed?

    /// One subscription by its exact URL, or `nil`.
    func feed(url: String) async throws -> StoredFeed?

    /// Changes a feed's URL after a permanent redirect (301/308), keeping its articles and state.
    /// - Throws: ``StoreError/Code/notFound``; ``StoreError/Code/conflict`` when another subscription has that URL.
    func updateFeedURL(_ id: FeedID, to url: String) async throws

    /// Records the title and site link the feed document gave (`nil` leaves a value as it is).
    /// - Throws: ``StoreError/Code/notFound``.
    func updateFeedInfo(_ id: FeedID, title: String?, siteLink: String?) async throws

    // MARK: Fetching

    /// Stores a fetch's outcome (validators, schedule, errors, health) whole, and releases any claim on the feed.
    /// - Throws: ``StoreError/Code/notFound``.
    func recordFetch(_ id: FeedID, state: FetchState) async throws

    /// Fetched feeds that are due: next fetch at or before `date`, not gone, no `Retry-After` in the future;
    /// ordered by next fetch time, then id. Claims are ignored here.
    func dueFeeds(at date: Date, limit: Int?) async throws -> [StoredFeed]

    /// Claims up to `limit` feeds of `scope` for `worker` for `leaseSeconds`, so that no other worker fetches them
    /// meanwhile; returns them in due order (next fetch time, then id). A claim ends with
    /// ``recordFetch(_:state:)``, with ``releaseClaims(worker:)``, or when the lease expires (a worker that died);
    /// ``renewClaims(_:worker:leaseSeconds:now:)`` extends it while the fetch goes on.
    ///
    /// SQLite has a single writer and claims in one transaction; PostgreSQL uses `FOR UPDATE SKIP LOCKED`, so
    /// workers claiming at once get disjoint feeds.
    func claimFeeds(_ scope: ClaimScope, limit: Int, worker: String, leaseSeconds: Int, now: Date) async throws -> [StoredFeed]

    /// Extends `worker`'s leases on these feeds to `now + leaseSeconds`; returns how many it still held (a lease
    /// that expired and went to another worker is not taken back).
    func renewClaims(_ ids: [FeedID], worker: String, leaseSeconds: Int, now: Date) async throws -> Int

    /// Releases every claim `worker` holds (a worker stopping before it fetched all it claimed); returns how many.
    func releaseClaims(worker: String) async throws -> Int

    // MARK: Articles

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

    // MARK: Deduplication

    /// Links articles to the canonical article of their duplicate group (`nil` unlinks), in one transaction.
    /// - Throws: ``StoreError/Code/invalidArgument`` when an article would be its own duplicate;
    ///   ``StoreError/Code/notFound`` for an unknown article (nothing is written then).
    func setDuplicates(_ links: [ArticleID: ArticleID?]) async throws

    // MARK: Clusters

    /// Opens a new cluster (without members) and returns its id.
    func createCluster(_ draft: ClusterDraft) async throws -> ClusterID

    /// Changes a cluster's label, dates or representative.
    /// - Throws: ``StoreError/Code/notFound``.
    func updateCluster(_ id: ClusterID, _ draft: ClusterDraft) async throws

    /// Places articles in clusters (`nil` takes an article out of its cluster), in one transaction. An article is
    /// in at most one cluster, so assigning moves it.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown article or cluster (nothing is written then).
    func assignClusters(_ assignments: [ArticleID: ClusterID?]) async throws

    /// Merges clusters, in one transaction: every article of each key moves to its value, and the key's cluster
    /// (with its topic links) is deleted. Merges into a cluster that is itself merged away are not resolved.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown cluster (nothing is written then).
    func mergeClusters(_ merges: [ClusterID: ClusterID]) async throws

    /// Clusters with their members and topics, latest ``StoredCluster/lastSeen`` first.
    func clusters(_ query: ClusterQuery) async throws -> [StoredCluster]

    // MARK: Topics

    /// Creates a topic, or updates title and origin of the topic with that slug; returns it.
    func upsertTopic(_ definition: TopicDraft) async throws -> StoredTopic

    /// Removes a topic and its memberships; returns `false` when there was none.
    func removeTopic(slug: String) async throws -> Bool

    /// All topics, by slug.
    func topics() async throws -> [StoredTopic]

    /// Replaces the topics of each given article, in one transaction.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown article or topic (nothing is written then).
    func setArticleTopics(_ topics: [ArticleID: [TopicID]]) async throws

    /// Replaces the topics of each given cluster, in one transaction.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown cluster or topic (nothing is written then).
    func setClusterTopics(_ topics: [ClusterID: [TopicID]]) async throws

    /// The topics of many articles, by article (articles without topics are left out), each list by id; one
    /// query per few thousand articles.
    func topicIDs(forArticles ids: [ArticleID]) async throws -> [ArticleID: [TopicID]]

    // MARK: Retention

    /// Removes old history in batches of `batchSize`, each its own short transaction, so fetches and readers are
    /// never held up long: first every story whose articles were all first seen before `cutoff` (with those
    /// articles and the topic links of both), then articles in no story first seen before it. Stories and
    /// articles that stay keep their ids, so published entry ids do not change. SQLite then returns the freed
    /// pages to the file system (incremental vacuum).
    ///
    /// First-seen dates decide, not publication dates: an old-dated entry that a feed still carries is not
    /// removed and stored again on the next fetch.
    func prune(before cutoff: Date, batchSize: Int) async throws -> PruneReport

    // MARK: Runs and status

    /// Records that a run of `command` started; returns its id.
    func startRun(command: String, at date: Date) async throws -> RunID

    /// Records how a run ended.
    /// - Throws: ``StoreError/Code/notFound``.
    func finishRun(_ id: RunID, at date: Date, status: RunStatus, counts: RunCounts, message: String?) async throws

    /// The most recently started run, or `nil`.
    func lastRun() async throws -> StoredRun?

    /// Feeds by state, articles, duplicates, clusters, topics and the last run.
    func status() async throws -> StoreStatus

    /// Releases the database (connections, file handles). Calls after it fail.
    func close() async throws
}

extension FeedStore {
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

    /// Claims due feeds. See ``claimFeeds(_:limit:worker:leaseSeconds:now:)``.
    public func claimDueFeeds(limit: Int, worker: String, leaseSeconds: Int, now: Date = Date()) async throws -> [StoredFeed] {
        try await claimFeeds(.due, limit: limit, worker: worker, leaseSeconds: leaseSeconds, now: now)
    }

    /// The topics of one article, by id.
    public func topicIDs(forArticle id: ArticleID) async throws -> [TopicID] {
        try await topicIDs(forArticles: [id])[id] ?? []
    }

    /// The canonical article an article duplicates, or `nil` (also for an unknown article).
    public func duplicateOf(_ id: ArticleID) async throws -> ArticleID? {
        try await article(id: id)?.duplicateOf
    }

    /// One cluster with its members and topics, or `nil`.
    public func cluster(id: ClusterID) async throws -> StoredCluster? {
        try await clusters(ClusterQuery(ids: [id])).first
    }

    /// All articles of one subscription, by id.
    public func articles(feedID: FeedID) async throws -> [StoredArticle] {
        try await articles(ArticleQuery(feedID: feedID))
    }
}
