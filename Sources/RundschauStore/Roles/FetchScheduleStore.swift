import Foundation
import RundschauModel

/// Fetch state and the schedule: which feeds are due, claims for several workers, the outcome of each fetch
/// (the fetch step).
public protocol FetchScheduleStore: Sendable {
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
}

extension FetchScheduleStore {
    /// Claims due feeds. See ``claimFeeds(_:limit:worker:leaseSeconds:now:)``.
    public func claimDueFeeds(limit: Int, worker: String, leaseSeconds: Int, now: Date = Date()) async throws -> [StoredFeed] {
        try await claimFeeds(.due, limit: limit, worker: worker, leaseSeconds: leaseSeconds, now: now)
    }
}
