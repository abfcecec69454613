import Foundation
import Logging
import RundschauConfig
import RundschauStore

/// `prune`, and the retention part of `run`: removes stories and articles older than `retention.days`.
public struct PruneStep: Sendable {
    /// Stories or articles removed per transaction: small enough that fetches and readers never wait long.
    public static let batchSize = 500

    public var days: Int
    public var logger: Logger

    /// - Parameter days: keep this many days; `0` keeps everything.
    public init(days: Int, logger: Logger) {
        self.days = days
        self.logger = logger
    }

    /// Removes what is older than `days` before `now`; `nil` when retention is off (`days == 0`).
    public func run(store: any RetentionStore, now: Date = Date()) async throws -> PruneReport? {
        guard days > 0 else { return nil }
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        let report = try await store.prune(before: cutoff, batchSize: Self.batchSize)
        logger.info("pruned", metadata: ["articles": "\(report.articles)", "stories": "\(report.stories)",
                                         "topic_links": "\(report.topicLinks)", "pages_freed": "\(report.pagesFreed)"])
        return report
    }

    /// One line for people: what was removed.
    public static func summary(_ report: PruneReport, days: Int) -> String {
        "pruned \(report.articles) article(s) and \(report.stories) stor\(report.stories == 1 ? "y" : "ies") "
            + "older than \(days) day(s), with \(report.topicLinks) topic link(s)"
            + (report.pagesFreed > 0 ? "; \(report.pagesFreed) database pages freed" : "")
    }
}
