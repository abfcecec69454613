import Foundation
import Logging
import RundschauConfig
import RundschauStore

/// The main job (`rundschau run`): fetch the due subscriptions, import the configured dump folders,
/// deduplicate and cluster, publish the topic feeds. Idempotent: a second run with nothing new changes nothing.
public struct RunJob: Sendable {
    /// What a finished run did, for the summary line and the `run` table.
    public struct Summary: Sendable {
        public var counts = RunCounts()
        /// One line per problem (`<feed or file>: <reason>`); the run went on past each.
        public var problems: [String] = []
        /// One line per warning: something went wrong that does not fail the run (a WebSub hub that is down).
        public var warnings: [String] = []
        /// One line per step skipped on purpose (another machine does it this round); not a problem.
        public var notes: [String] = []
        public var status: RunStatus { problems.isEmpty ? .succeeded : .partial }
    }

    public var environment: RunEnvironment
    public var logger: Logger
    /// Called with a short line as each step starts and ends (shown on a terminal, silent under cron).
    public var progress: @Sendable (String) -> Void

    public init(environment: RunEnvironment, logger: Logger, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.environment = environment
        self.logger = logger
        self.progress = progress
    }

    /// Runs every step against `store`, recording the run; a failing step is reported, not fatal.
    public func run(store: any FeedStore, now: Date = Date()) async throws -> Summary {
        let started = ContinuousClock.now
        let runID = try await store.startRun(command: "run", at: now)
        var summary = Summary()
        do {
            try await syncSubscriptions(store: store, now: now, into: &summary)
            try await fetchDue(store: store, now: now, into: &summary)
            if environment.usesServerDatabase, let roles = store as? any ExclusiveRoles {
                // Several machines may run this job on one database: fetching spreads over them, the rest is done
                // by whichever takes the role first.
                let snapshot = summary
                if let done = try await roles.withExclusiveRole(Self.publisherRole, {
                    var summary = snapshot
                    try await importClusterPublish(store: store, now: now, into: &summary)
                    return summary
                }) {
                    summary = done
                } else {
                    summary.notes.append("import, cluster and publish skipped: another machine is doing them this round")
                    progress(summary.notes.last ?? "")
                    logger.info("publisher role held elsewhere; import, cluster and publish skipped")
                }
            } else {
                try await importClusterPublish(store: store, now: now, into: &summary)
            }
        } catch {
            summary.problems.append("run: \(error)")
        }
        let finished = Date()
        try await store.finishRun(runID, at: finished, status: summary.status, counts: summary.counts,
                                  message: summary.problems.isEmpty ? summary.notes.first : "\(summary.problems.count) problem(s)")
        if let path = environment.settings.run.metricsFile {
            let elapsed = ContinuousClock.now - started
            let status = try? await store.status()
            let values = RunMetrics.Values(
                finished: finished,
                duration: elapsed / .seconds(1),
                status: summary.status, counts: summary.counts, warnings: summary.warnings.count,
                stories: status?.clusters ?? 0, topics: status?.topics ?? 0)
            do {
                try RunMetrics.write(RunMetrics.render(values), to: path)
            } catch {
                summary.warnings.append("\(path): cannot write the metrics file: \(error.localizedDescription)")
            }
        }
        return summary
    }

    /// The role (``ExclusiveRoles``) under which one machine imports, clusters and publishes.
    public static let publisherRole = "publish"

    private func importClusterPublish(store: any FeedStore, now: Date, into summary: inout Summary) async throws {
        try await importDumps(store: store, now: now, into: &summary)
        let days = environment.settings.retention.days
        if let pruned = try await PruneStep(days: days, logger: logger).run(store: store, now: now),
           pruned.articles + pruned.stories > 0 {
            progress(PruneStep.summary(pruned, days: days))
        }
        let topics = try TopicsFile.load(path: environment.settings.paths.topics)
        try await cluster(store: store, topics: topics, into: &summary)
        try await publish(store: store, topics: topics, into: &summary)
    }

    /// Subscribes every feed of the configured OPML list (new ones only; removals are left to `unsubscribe`).
    private func syncSubscriptions(store: any FeedStore, now: Date, into summary: inout Summary) async throws {
        let path = environment.settings.paths.subscriptions
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            let (_, added) = try await Subscriptions.importOPML(at: path, store: store, now: now)
            if added > 0 { progress("subscribed \(added) new feed(s) from \(path)") }
        } catch {
            summary.problems.append("\(path): \(error)")
        }
    }

    private func fetchDue(store: any FeedStore, now: Date, into summary: inout Summary) async throws {
        let step = FetchStep(settings: environment.settings, logger: logger, useClaims: environment.usesServerDatabase)
        let report = try await step.run(store: store, selection: .due, now: now, progress: progress)
        summary.counts.feedsFetched += report.fetched
        summary.counts.feedsNotModified += report.notModified
        summary.counts.feedsFailed += report.failures.count
        summary.counts.articlesNew += report.inserted
        summary.counts.articlesUpdated += report.updated
        summary.counts.entriesSkipped += report.skippedEmpty
        summary.problems += report.failures
        if report.fetched + report.notModified + report.failures.count > 0 {
            let skipped = report.skippedEmpty > 0 ? "; \(report.skippedEmpty) empty entries skipped" : ""
            progress("fetched \(report.fetched), not modified \(report.notModified), failed \(report.failures.count)\(skipped)")
        }
    }

    private func cluster(store: any FeedStore, topics: TopicsFile, into summary: inout Summary) async throws {
        let step = ClusterStep(settings: environment.settings, topics: topics, logger: logger)
        let report = try await step.run(store: store, progress: progress)
        summary.counts.duplicates += report.duplicates
        summary.counts.clusters += report.newClusters
    }

    private func publish(store: any FeedStore, topics: TopicsFile, into summary: inout Summary) async throws {
        let step = PublishStep(settings: environment.settings, topics: topics, output: environment.output,
                               logger: logger)
        let report = try await step.run(store: store, progress: progress)
        summary.counts.feedsWritten += report.written.count
        summary.warnings += report.warnings
        progress("\(environment.output): \(report.written.count) file(s) written, \(report.unchanged.count) unchanged")
    }

    private func importDumps(store: any FeedStore, now: Date, into summary: inout Summary) async throws {
        let folders = environment.settings.importing.folders.filter { FileManager.default.fileExists(atPath: $0) }
        guard !folders.isEmpty else { return }
        progress("importing dumps from \(folders.count) folder(s)")
        let report = await ImportStep.run(paths: folders, source: nil, pattern: environment.settings.importing.pattern,
                                          store: store, now: now, logger: logger)
        summary.counts.itemsImported += report.items
        summary.counts.articlesNew += report.inserted
        summary.counts.articlesUpdated += report.updated
        summary.problems += report.failures
        progress("imported \(report.items) items (\(report.inserted) new, \(report.updated) updated)")
    }
}
