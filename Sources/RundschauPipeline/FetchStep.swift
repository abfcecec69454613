import Foundation
import Logging
import RundschauConfig
import RundschauFetch
import RundschauModel
import RundschauParser
import RundschauStore
import Synchronization

/// What one fetch pass did.
public struct FetchReport: Sendable {
    public var fetched = 0
    public var notModified = 0
    public var gone = 0
    /// One line per failed feed: `<url>: <reason>`.
    public var failures: [String] = []
    public var inserted = 0
    public var updated = 0
    /// Entries not stored because they had nothing to show (``Entry/hasSomethingToShow``: no title, link, text,
    /// enclosure or image; only authors, dates or categories). The parser keeps them; storing them would put
    /// blank rows into every topic feed.
    public var skippedEmpty = 0
    /// Articles inserted or changed, for the clustering step.
    public var changedArticles: [ArticleID] = []

    /// Adds another batch's counts and lines.
    mutating func merge(_ other: FetchReport) {
        fetched += other.fetched
        notModified += other.notModified
        gone += other.gone
        failures += other.failures
        inserted += other.inserted
        updated += other.updated
        skippedEmpty += other.skippedEmpty
        changedArticles += other.changedArticles
    }
}

/// `fetch`: due subscriptions → conditional GET → parse → one transaction per feed → the next fetch time.
///
/// A feed that fails (network, HTTP status, not a feed) is recorded with its error and backs off; the others go on.
public struct FetchStep: Sendable {
    /// Which feeds to fetch.
    public enum Selection: Sendable {
        /// Those whose next fetch time has come.
        case due
        /// Every active or failing feed, ignoring the schedule but never a server's Retry-After nor a gone feed.
        case all
        /// One subscription, by URL, whatever its schedule (Retry-After and gone still hold).
        case one(String)
    }

    public var settings: Settings
    public var logger: Logger
    /// Names this process in leases (`host:pid`), so several workers can share one PostgreSQL database.
    public var worker: String
    /// Claim due feeds with leases (several workers on one server database). Without claims (SQLite, where the run
    /// lock already makes this process the only writer) the due list is read directly, so the claims of a killed
    /// run never hold feeds back.
    public var useClaims: Bool

    public init(settings: Settings, logger: Logger, useClaims: Bool = false,
                worker: String = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)") {
        self.settings = settings
        self.logger = logger
        self.useClaims = useClaims
        self.worker = worker
    }

    /// The schedule and back-off rules from the settings.
    public var policy: FetchPolicy {
        FetchPolicy(minimumInterval: TimeInterval(settings.fetch.minIntervalMinutes * 60),
                    maximumInterval: TimeInterval(settings.fetch.maxIntervalMinutes * 60),
                    failingThreshold: settings.fetch.failingAfter)
    }

    /// The HTTP client settings.
    public var fetcherConfiguration: FeedFetcher.Configuration {
        var configuration = FeedFetcher.Configuration(
            connectTimeout: .seconds(settings.fetch.connectTimeout), readTimeout: .seconds(settings.fetch.timeout),
            totalTimeout: .seconds(settings.fetch.timeout), maxBodySize: settings.fetch.maxBodyBytes,
            maxConnectionsPerHost: max(settings.fetch.perHost, 1))
        if let agent = settings.fetch.userAgent { configuration.userAgent = agent }
        return configuration
    }

    /// On a shared database, `fetch --all` leaves out feeds any worker fetched this many seconds before it
    /// started: workers started together by cron or by hand begin a second or so apart, and without it a late
    /// starter would fetch again what an early one has just fetched.
    public static let sharedRoundGrace: TimeInterval = 60

    /// How long a claim lasts before another worker may take the feed: long enough for a slow fetch, parse and
    /// store, short enough that a killed worker's feeds go to the others within minutes. Renewed every quarter of
    /// it while the fetch goes on.
    public var leaseSeconds: Int { max(120, 4 * settings.fetch.timeout) }

    /// Fetches the selected feeds and stores what they hold.
    ///
    /// With claims (several workers on one PostgreSQL database), feeds are claimed as fetch slots free up, so each
    /// worker takes as much of the round as it can fetch and the round spreads over all of them; `.all` claims the
    /// feeds not fetched since a minute before `now` (``sharedRoundGrace``), so workers started together fetch
    /// each feed once.
    /// - Throws: only store errors that stop everything (the store cannot be read); per-feed problems are reported.
    public func run(store: any FeedStore, selection: Selection, now: Date = Date(),
                    progress: @Sendable (String) -> Void = { _ in }) async throws -> FetchReport {
        guard useClaims else {
            var report = FetchReport()
            var jobs: [Job] = []
            for feed in try await select(selection, store: store, now: now) {
                if let job = try await job(for: feed, store: store, at: now, report: &report) { jobs.append(job) }
            }
            if !jobs.isEmpty { progress("fetching \(jobs.count) feed(s)") }
            var handedOut = false
            return try await fetch(store: store, report: report, progress: progress) { _, _ in
                defer { handedOut = true }
                return handedOut ? [] : jobs
            }
        }
        let scope: ClaimScope
        switch selection {
        case .due: scope = .due
        case .all: scope = .notFetchedSince(now.addingTimeInterval(-Self.sharedRoundGrace))
        case .one(let url):
            guard let feed = try await store.feed(url: url) else {
                throw StoreError(code: .notFound, message: "not subscribed: \(url)")
            }
            if let owner = feed.leaseOwner, let until = feed.leaseUntil, until > now, owner != worker {
                progress("\(url): being fetched by \(owner); skipped")
            }
            scope = .feed(feed.id)
        }
        return try await fetchClaimed(scope, store: store, now: now, progress: progress)
    }

    /// The feeds a worker has claimed and not yet recorded: the leases it keeps alive.
    private final class HeldLeases: Sendable {
        let ids = Mutex<Set<Int64>>([])
    }

    /// One feed to fetch: its request, its stored state, and the time its fetch counts as.
    private struct Job {
        var request: FetchRequest
        var feed: StoredFeed
        var at: Date
    }

    /// Claims feeds of `scope` as slots free up, renewing the leases of those still being fetched.
    private func fetchClaimed(_ scope: ClaimScope, store: any FeedStore, now: Date,
                              progress: @Sendable (String) -> Void) async throws -> FetchReport {
        let started = ContinuousClock.now
        let worker = self.worker
        let lease = leaseSeconds
        let clock: @Sendable () -> Date = { now.addingTimeInterval((ContinuousClock.now - started) / .seconds(1)) }
        // Claimed and not yet recorded: the leases the renewal keeps alive.
        let held = HeldLeases()
        let renewal = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(Double(lease) / 4))
                let ids = held.ids.withLock { $0 }.map { FeedID($0) }
                guard !Task.isCancelled, !ids.isEmpty else { continue }
                _ = try? await store.renewClaims(ids, worker: worker, leaseSeconds: lease, now: clock())
            }
        }
        defer { renewal.cancel() }
        var claimError: (any Error)?
        let report = try await fetch(store: store, report: FetchReport(), held: held, progress: progress) { room, report in
            guard claimError == nil else { return [] }
            do {
                while true {
                    let at = clock()
                    let feeds = try await store.claimFeeds(scope, limit: room, worker: worker, leaseSeconds: lease, now: at)
                    if feeds.isEmpty { return [] }
                    var jobs: [Job] = []
                    for feed in feeds {
                        if let job = try await job(for: feed, store: store, at: at, report: &report) { jobs.append(job) }
                    }
                    // Feeds whose URL cannot be fetched are recorded at once; claim on rather than report "no more".
                    if !jobs.isEmpty { return jobs }
                }
            } catch {
                claimError = error
                return []
            }
        }
        if let claimError {
            _ = try? await store.releaseClaims(worker: worker)
            throw claimError
        }
        return report
    }

    /// The job for a feed, or `nil` when its URL cannot be fetched (recorded as a failure at once).
    private func job(for feed: StoredFeed, store: any FeedStore, at: Date, report: inout FetchReport) async throws -> Job? {
        guard let url = FetchRequest.location(feed.url) else {
            report.failures.append("\(feed.url): not a fetchable URL")
            try await record(store: store, feed: feed, outcome: nil, event: .failed(message: "not a fetchable URL", retryAfter: nil),
                             hints: ScheduleHints(feed: nil, response: nil), now: at)
            return nil
        }
        let request = FetchRequest(url: url, etag: feed.fetch.etag, lastModified: feed.fetch.lastModified, id: feed.id.rawValue)
        return Job(request: request, feed: feed, at: at)
    }

    /// Fetches the jobs `refill` hands out (at most `fetch.concurrency` at once) and stores what they hold.
    private func fetch(store: any FeedStore, report: FetchReport, held: HeldLeases? = nil,
                       progress: @Sendable (String) -> Void,
                       refill: (Int, inout FetchReport) async -> [Job]) async throws -> FetchReport {
        let concurrency = settings.fetch.concurrency
        let perHost = settings.fetch.perHost
        return try await FeedFetcher.withFetcher(configuration: fetcherConfiguration, logger: logger) { [report] fetcher in
            var report = report
            var jobs: [Int64: Job] = [:]
            var done = 0
            await fetcher.fetchAll(concurrency: concurrency, perHost: perHost, refill: { room in
                let more = await refill(room, &report)
                for job in more { jobs[job.feed.id.rawValue] = job }
                held?.ids.withLock { $0.formUnion(more.map(\.feed.id.rawValue)) }
                return more.map(\.request)
            }, onResult: { result in
                guard let id = result.request.id, let job = jobs.removeValue(forKey: id) else { return }
                do {
                    try await handle(result, feed: job.feed, store: store, now: job.at, report: &report)
                } catch {
                    report.failures.append("\(job.feed.url): not stored: \(error)")
                }
                held?.ids.withLock { _ = $0.remove(id) }
                done += 1
                if done % 50 == 0 { progress("fetched \(done)") }
            })
            return report
        }
    }

    private func select(_ selection: Selection, store: any FeedStore, now: Date) async throws -> [StoredFeed] {
        switch selection {
        case .due:
            return try await store.dueFeeds(at: now, limit: nil)
        case .all:
            return try await store.feeds().filter {
                $0.kind == .feed && policy.isDue($0.fetch, now: now, ignoringSchedule: true)
            }
        case .one(let url):
            guard let feed = try await store.feed(url: url) else {
                throw StoreError(code: .notFound, message: "not subscribed: \(url)")
            }
            return policy.isDue(feed.fetch, now: now, ignoringSchedule: true) ? [feed] : []
        }
    }

    private func handle(_ result: FetchResult, feed: StoredFeed, store: any FeedStore, now: Date,
                        report: inout FetchReport) async throws {
        var event = FetchPolicy.Event(result.outcome)
        var hints = ScheduleHints(feed: nil, response: result.outcome.response)
        switch result.outcome {
        case .fetched(let response):
            do {
                let parsed = try FeedParser.parse(
                    response.body, url: response.finalURL.absoluteString, charset: response.charset,
                    options: FeedParserOptions(maxDocumentSize: settings.parser.maxDocumentBytes, logger: logger))
                let entries = parsed.entries.filter(\.hasSomethingToShow)
                report.skippedEmpty += parsed.entries.count - entries.count
                let upsert = try await store.upsertArticles(feedID: feed.id, entries: entries, seenAt: now)
                report.inserted += upsert.inserted
                report.updated += upsert.updated
                report.changedArticles += upsert.insertedIDs + upsert.updatedIDs
                report.fetched += 1
                if (parsed.title != nil && parsed.title != feed.title) || (parsed.link != nil && parsed.link != feed.siteLink) {
                    try await store.updateFeedInfo(feed.id, title: parsed.title ?? feed.title, siteLink: parsed.link ?? feed.siteLink)
                }
                hints = ScheduleHints(feed: parsed, response: response,
                                      recentEntryDates: parsed.entries.compactMap { $0.published ?? $0.updated })
                for warning in parsed.warnings.prefix(3) {
                    logger.debug("feed warning", metadata: ["feed.url": "\(feed.url)", "warning": "\(warning)"])
                }
            } catch let error as FeedParseError {
                event = .failed(message: "not a feed: \(error.message)", retryAfter: nil)
                report.failures.append("\(feed.url): not a feed: \(error.message)")
            }
        case .notModified:
            report.notModified += 1
            hints.entryDates = try await store.articles(ArticleQuery(feedID: feed.id, limit: policy.observedEntryCount,
                                                                     order: .newestFirst))
                .compactMap { $0.published ?? $0.updated }
        case .gone:
            report.gone += 1
            report.failures.append("\(feed.url): gone (HTTP 410); no longer fetched")
        case .failed(let error):
            report.failures.append("\(feed.url): \(error.message)")
        }
        if let moved = result.outcome.permanentRedirect, moved.absoluteString != feed.url {
            do {
                try await store.updateFeedURL(feed.id, to: moved.absoluteString)
                logger.info("feed moved permanently", metadata: ["feed.url": "\(feed.url)", "to": "\(moved)"])
            } catch {
                report.failures.append("\(feed.url): moved to \(moved.absoluteString), but that URL is subscribed already")
            }
        }
        try await record(store: store, feed: feed, outcome: result.outcome, event: event, hints: hints, now: now)
    }

    private func record(store: any FeedStore, feed: StoredFeed, outcome: FetchOutcome?, event: FetchPolicy.Event,
                        hints: ScheduleHints, now: Date) async throws {
        var state = policy.nextState(after: event, previous: feed.fetch, hints: hints, now: now)
        state.lastFetchedAt = now
        if let response = outcome?.response {
            state.httpStatus = response.httpStatus
            if response.etag != nil || response.lastModified != nil {
                state.etag = response.etag
                state.lastModified = response.lastModified
            }
        } else if let status = outcome?.error?.httpStatus {
            state.httpStatus = status
        }
        if case .updated = event { state.lastSuccessAt = now }
        if case .notModified = event { state.lastSuccessAt = now }
        try await store.recordFetch(feed.id, state: state)
    }
}

extension FetchStep {
    /// Why ``fetchDocument(_:maxSize:)`` got no document.
    public struct DocumentFailure: LocalizedError, CustomStringConvertible {
        public var description: String
        public var errorDescription: String? { description }
    }

    /// One document by URL through the same fetcher as subscriptions (user agent, timeouts, redirects, gzip, the
    /// body limit while streaming): `rundschau parse URL`.
    /// - Throws: ``DocumentFailure`` with the reason (the caller names the URL).
    public func fetchDocument(_ url: URL, maxSize: Int) async throws -> [UInt8] {
        var configuration = fetcherConfiguration
        configuration.maxBodySize = min(configuration.maxBodySize, maxSize)
        let outcome = try await FeedFetcher.withFetcher(configuration: configuration, logger: logger) { fetcher in
            await fetcher.fetch(FetchRequest(url: url))
        }
        switch outcome {
        case .fetched(let response): return response.body
        case .failed(let error): throw DocumentFailure(description: error.message)
        case .notModified: throw DocumentFailure(description: "HTTP 304 without a validator sent")
        case .gone: throw DocumentFailure(description: "gone (HTTP 410)")
        }
    }
}
