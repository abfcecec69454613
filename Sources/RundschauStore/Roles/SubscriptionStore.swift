import Foundation
import RundschauModel

/// The subscriptions: fetched feeds and dump sources (`subscribe`, `feeds`, `opml`, the fetch step's redirects).
public protocol SubscriptionStore: Sendable {
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
}
