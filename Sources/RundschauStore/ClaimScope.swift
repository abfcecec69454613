import Foundation

/// Which feeds a fetch worker claims (see ``FeedStore/claimFeeds(_:limit:worker:leaseSeconds:now:)``).
///
/// Every scope leaves out dump sources, gone feeds, feeds whose server asked for a `Retry-After` later than the
/// claim's time, and feeds another worker holds an unexpired lease on.
public enum ClaimScope: Sendable, Equatable {
    /// Feeds whose next fetch time has come (`rundschau fetch`, `rundschau run`).
    case due
    /// Every feed not fetched since the date, whatever its schedule (`rundschau fetch --all`: the workers of one
    /// round pass the round's start, so a feed one of them has fetched is not fetched again by another).
    case notFetchedSince(Date)
    /// One feed, whatever its schedule (`rundschau fetch --feed URL`).
    case feed(FeedID)
}
