import Foundation
import RundschauModel

/// The record of runs and the store's overall status (`run`, `status`, `serve`'s metrics).
public protocol RunStore: Sendable {
    /// Records that a run of `command` started; returns its id.
    func startRun(command: String, at date: Date) async throws -> RunID

    /// Records how a run ended.
    /// - Throws: ``StoreError/Code/notFound``.
    func finishRun(_ id: RunID, at date: Date, status: RunStatus, counts: RunCounts, message: String?) async throws

    /// The most recently started run, or `nil`.
    func lastRun() async throws -> StoredRun?

    /// Feeds by state, articles, duplicates, clusters, topics and the last run.
    func status() async throws -> StoreStatus
}
