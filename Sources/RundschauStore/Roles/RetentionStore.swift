import Foundation
import RundschauModel

/// Removing old history (`prune`, `run` with `retention.days`).
public protocol RetentionStore: Sendable {
    /// Removes old history in batches of `batchSize`, each its own short transaction, so fetches and readers are
    /// never held up long: first every story whose articles were all first seen before `cutoff` (with those
    /// articles and the topic links of both), then articles in no story first seen before it. Stories and
    /// articles that stay keep their ids, so published entry ids do not change. SQLite then returns the freed
    /// pages to the file system (incremental vacuum).
    ///
    /// First-seen dates decide, not publication dates: an old-dated entry that a feed still carries is not
    /// removed and stored again on the next fetch.
    func prune(before cutoff: Date, batchSize: Int) async throws -> PruneReport
}
