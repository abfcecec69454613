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
/// The interface is split into the roles its callers use: ``SubscriptionStore``, ``FetchScheduleStore``,
/// ``ArticleStore``, ``FeatureStore``, ``StoryStore``, ``TopicStore``, ``RetentionStore`` and ``RunStore``; a step
/// may ask for only the roles it needs.
///
/// ## Topics
/// - ``SubscriptionStore``: subscribe, list, find, move and remove subscriptions
/// - ``FetchScheduleStore``: fetch outcomes, due feeds, claims and leases
/// - ``ArticleStore``: upsert and read articles, duplicate links
/// - ``FeatureStore``: what clustering computed from each article, kept between runs
/// - ``StoryStore``: create, extend, merge and read stories
/// - ``TopicStore``: topics and memberships
/// - ``RetentionStore``: prune old history
/// - ``RunStore``: runs and status
public protocol FeedStore: SubscriptionStore, FetchScheduleStore, ArticleStore, FeatureStore, StoryStore,
    TopicStore, RetentionStore, RunStore {
    /// Releases the database (connections, file handles). Calls after it fail.
    func close() async throws
}
