import Foundation
import Logging
import RundschauConfig
import RundschauFetch
import RundschauModel
import RundschauParser
import RundschauStore

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

    /// Fetches the selected feeds and stores what they hold.
    /// - Throws: only store errors that stop everything (the store cannot be read); per-feed problems are reported.
    public func run(store: any FeedStore, selection: Selection, now: Date = Date(),
                    progress: @Sendable (String) -> Void = { _ in }) async throws -> FetchReport {
        guard case .due = selection, useClaims else {
            return try await fetch(try await select(selection, store: store, now: now), store: store, now: now, progress: progress)
        }
        // Several workers share one database: each claims a batch the size of its own concurrency, fetches it, and
        // claims the next, so the due feeds spread over the workers instead of going to the first one. Leases are
        // taken as of the time each batch is claimed.
        var report = FetchReport()
        let started = Date()
        let batch = max(1, settings.fetch.concurrency)
        while true {
            let claimedAt = now.addingTimeInterval(Date().timeIntervalSince(started))
            let feeds = try await store.claimDueFeeds(limit: batch, worker: worker, leaseSeconds: 15 * 60, now: claimedAt)
            if feeds.isEmpty { return report }
            report.merge(try await fetch(feeds, store: store, now: claimedAt, progress: progress))
        }
    }

    /// Fetches these feeds (at most `fetch.concurrency` at once) and stores what they hold.
    private func fetch(_ feeds: [StoredFeed], store: any FeedStore, now: Date,
                       progress: @Sendable (String) -> Void) async throws -> FetchReport {
        var report = FetchReport()
        guard !feeds.isEmpty else { return report }
        progress("fetching \(feeds.count) feed(s)")
        var byID: [Int64: StoredFeed] = [:]
        var requests: [FetchRequest] = []
        for feed in feeds {
            guard let url = FetchRequest.location(feed.url) else {
                report.failures.append("\(feed.url): not a fetchable URL")
                try await record(store: store, feed: feed, outcome: nil, event: .failed(message: "not a fetchable URL", retryAfter: nil),
                                 hints: ScheduleHints(feed: nil, response: nil), now: now)
                continue
            }
            byID[feed.id.rawValue] = feed
            requests.append(FetchRequest(url: url, etag: feed.fetch.etag, lastModified: feed.fetch.lastModified,
                                         id: feed.id.rawValue))
        }
        let concurrency = settings.fetch.concurrency
        let perHost = settings.fetch.perHost
        report = try await FeedFetcher.withFetcher(configuration: fetcherConfiguration, logger: logger) { [report] fetcher in
            var report = report
            var done = 0
            for await result in fetcher.fetchAll(requests, concurrency: concurrency, perHost: perHost) {
                guard let id = result.request.id, let feed = byID[id] else { continue }
                do {
                    try await handle(result, feed: feed, store: store, now: now, report: &report)
                } catch {
                    report.failures.append("\(feed.url): not stored: \(error)")
                }
                done += 1
                if done % 50 == 0 { progress("fetched \(done)/\(requests.count)") }
            }
            return report
        }
        return report
    }

    private func select(_ selection: Selection, store: any FeedStore, now: Date) async throws -> [StoredFeed] {
        switch selection {
        case .due:
            return try await store.dueFeeds(at: now, limit: nil)
        case .all:
            return try await store.feeds().filter {
                $0.kind == .feed && policy.isDue(FeedFetchState($0.fetch), now: now, ignoringSchedule: true)
            }
        case .one(let url):
            guard let feed = try await store.feed(url: url) else {
                throw StoreError(code: .notFound, message: "not subscribed: \(url)")
            }
            return policy.isDue(FeedFetchState(feed.fetch), now: now, ignoringSchedule: true) ? [feed] : []
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
        let next = policy.nextState(after: event, previous: FeedFetchState(feed.fetch), hints: hints, now: now)
        var state = feed.fetch
        state.status = next.status
        state.consecutiveErrors = next.consecutiveErrors
        state.nextFetchAt = next.nextFetch
        state.retryAfter = next.retryAfter
        state.lastError = next.lastError
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

extension FeedFetchState {
    /// The fetch policy's view of a stored feed's state.
    init(_ state: FetchState) {
        self.init(status: state.status, consecutiveErrors: state.consecutiveErrors, nextFetch: state.nextFetchAt,
                  retryAfter: state.retryAfter, lastError: state.lastError)
    }
}
