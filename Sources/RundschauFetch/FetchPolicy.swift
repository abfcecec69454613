import RundschauModel
import Foundation

/// Decides when each feed is fetched next: pure arithmetic over plain values, no I/O, no clock of its own.
///
/// - **Normal schedule**: the feed's observed update rate (the median gap between its recent entries, stretched
///   while the feed has been quiet), else its `sy:updatePeriod`/`sy:updateFrequency`, else ``defaultInterval``;
///   never sooner than the publisher's `ttl` or the server's `Cache-Control: max-age`/`Expires` allow; clamped to
///   ``minimumInterval`` … ``maximumInterval`` (15 min … 24 h).
/// - **Failures** back off exponentially (``backoffBase`` doubling per consecutive error, capped at ``backoffCap``),
///   shortened by a random part of up to ``jitter`` so that feeds that failed together do not retry together.
///   After ``failingThreshold`` consecutive errors the status is ``FeedStatus/failing``.
/// - **Retry-After** from a 429/503 replaces the back-off, and ``isDue(_:now:ignoringSchedule:)`` refuses to fetch
///   before it even when the schedule is ignored (`rundschau fetch --all`).
/// - **410 Gone** ends fetching; **a success** resets the error count and returns the feed to its normal schedule.
///
/// ```swift
/// var rng = SystemRandomNumberGenerator()
/// let next = policy.nextState(after: FetchPolicy.Event(outcome), previous: stored,
///                             hints: ScheduleHints(feed: feed, response: outcome.response), now: now, using: &rng)
/// ```
public struct FetchPolicy: Sendable, Hashable {
    /// Shortest normal interval. Default 15 minutes.
    public var minimumInterval: TimeInterval
    /// Longest normal interval. Default 24 hours.
    public var maximumInterval: TimeInterval
    /// The interval when a feed gives no hint and has too few dated entries. Default 1 hour.
    public var defaultInterval: TimeInterval
    /// Delay after the first failure. Default 15 minutes.
    public var backoffBase: TimeInterval
    /// Longest back-off delay. Default 24 hours.
    public var backoffCap: TimeInterval
    /// Fraction (0…1) of a back-off delay that is randomly taken off. Default 0.25.
    public var jitter: Double
    /// Consecutive errors after which a feed counts as failing. Default 3.
    public var failingThreshold: Int
    /// The longest `Retry-After` honoured; later dates are cut to this. Default 7 days.
    public var maxRetryAfter: TimeInterval
    /// How many of the newest entry dates the observed update rate looks at. Default 20.
    public var observedEntryCount: Int

/// Creates a policy; the defaults are the documented ones.
    public init(
        minimumInterval: TimeInterval = 15 * 60, maximumInterval: TimeInterval = 24 * 3600,
        defaultInterval: TimeInterval = 3600, backoffBase: TimeInterval = 15 * 60,
        backoffCap: TimeInterval = 24 * 3600, jitter: Double = 0.25, failingThreshold: Int = 3,
        maxRetryAfter: TimeInterval = 7 * 86_400, observedEntryCount: Int = 20
    ) {
        self.minimumInterval = minimumInterval
        self.maximumInterval = max(minimumInterval, maximumInterval)
        self.defaultInterval = defaultInterval
        self.backoffBase = backoffBase
        self.backoffCap = backoffCap
        self.jitter = min(1, max(0, jitter))
        self.failingThreshold = max(1, failingThreshold)
        self.maxRetryAfter = maxRetryAfter
        self.observedEntryCount = max(2, observedEntryCount)
    }

    /// What came of a fetch, as far as scheduling cares.
    public enum Event: Sendable, Hashable {
        /// New content was fetched (and parsed).
        case updated
        /// 304, or an unchanged local file.
        case notModified
        /// 410 Gone.
        case gone
        /// Any failure, including a body that did not parse as a feed; `retryAfter` from a 429/503.
        case failed(message: String, retryAfter: Date?)

        /// The event for a fetch outcome. A `.fetched` body that then fails to parse should be reported as
        /// ``failed(message:retryAfter:)`` instead.
        public init(_ outcome: FetchOutcome) {
            switch outcome {
            case .fetched: self = .updated
            case .notModified: self = .notModified
            case .gone: self = .gone
            case .failed(let error): self = .failed(message: error.description, retryAfter: error.retryAfter)
            }
        }
    }

    /// The state to store after a fetch.
    public func nextState(
        after event: Event, previous: FetchState, hints: ScheduleHints, now: Date,
        using generator: inout some RandomNumberGenerator
    ) -> FetchState {
        var state = previous
        switch event {
        case .updated, .notModified:
            state.status = .active
            state.consecutiveErrors = 0
            state.lastError = nil
            state.retryAfter = nil
            state.nextFetchAt = now.addingTimeInterval(normalInterval(for: hints, now: now))
        case .gone:
            state.status = .gone
            state.nextFetchAt = nil
            state.retryAfter = nil
            state.lastError = "gone (HTTP 410)"
        case .failed(let message, let retryAfter):
            state.consecutiveErrors = previous.consecutiveErrors + 1
            state.status = state.consecutiveErrors >= failingThreshold ? .failing : .active
            state.lastError = message
            if let retryAfter {
                let honoured = min(max(retryAfter, now), now.addingTimeInterval(maxRetryAfter))
                state.retryAfter = honoured
                state.nextFetchAt = honoured
            } else {
                state.retryAfter = nil
                state.nextFetchAt = now.addingTimeInterval(backoffDelay(afterErrors: state.consecutiveErrors,
                                                                      using: &generator))
            }
        }
        return state
    }

    /// ``nextState(after:previous:hints:now:using:)`` with the system's random numbers.
    public func nextState(after event: Event, previous: FetchState, hints: ScheduleHints, now: Date) -> FetchState {
        var generator = SystemRandomNumberGenerator()
        return nextState(after: event, previous: previous, hints: hints, now: now, using: &generator)
    }

    /// Whether a feed should be fetched now. Gone feeds never are, and a server's `Retry-After` is always
    /// honoured; `ignoringSchedule` (`--all`) skips only the normal schedule and back-off.
    public func isDue(_ state: FetchState, now: Date, ignoringSchedule: Bool = false) -> Bool {
        if state.status == .gone { return false }
        if let retryAfter = state.retryAfter, retryAfter > now { return false }
        if ignoringSchedule { return true }
        guard let nextFetch = state.nextFetchAt else { return true }
        return nextFetch <= now
    }

    /// The delay after `count` consecutive errors: `backoffBase · 2^(count−1)`, capped at ``backoffCap``, minus a
    /// random part of up to ``jitter`` of it.
    public func backoffDelay(afterErrors count: Int, using generator: inout some RandomNumberGenerator) -> TimeInterval {
        let exponent = min(max(count, 1) - 1, 40)
        let delay = min(backoffCap, backoffBase * pow(2, Double(exponent)))
        let cut = jitter > 0 ? Double.random(in: 0..<1, using: &generator) * jitter : 0
        return delay * (1 - cut)
    }

    /// The normal interval for a feed that answered: see the type's description for the rules.
    public func normalInterval(for hints: ScheduleHints, now: Date) -> TimeInterval {
        let estimate = observedInterval(hints.entryDates, now: now)
            ?? hints.updateIntervalSeconds.flatMap { $0 > 0 ? TimeInterval($0) : nil }
            ?? defaultInterval
        // Freshness the publisher or server granted: fetching sooner would only get the same bytes.
        var floor: TimeInterval = 0
        if let ttl = hints.ttlMinutes, ttl > 0 { floor = max(floor, TimeInterval(ttl) * 60) }
        if let maxAge = hints.cacheControlMaxAge { floor = max(floor, TimeInterval(maxAge)) }
        else if let expires = hints.expires { floor = max(floor, expires.timeIntervalSince(now)) }
        return min(maximumInterval, max(minimumInterval, max(estimate, floor)))
    }

    /// The median gap between the newest distinct entry dates (gaps under a minute, from batch publishing, and
    /// future dates are ignored), stretched to half the time since the newest entry when the feed has gone quiet.
    /// With no usable gap (one entry, or all at once): half the quiet time when that exceeds ``defaultInterval``,
    /// else `nil` (no observation).
    public func observedInterval(_ dates: [Date], now: Date) -> TimeInterval? {
        let usable = Set(dates.filter { $0 <= now.addingTimeInterval(3600) }).sorted(by: >).prefix(observedEntryCount)
        guard let newest = usable.first else { return nil }
        let quiet = max(0, now.timeIntervalSince(newest)) / 2
        var gaps: [TimeInterval] = []
        for (newer, older) in zip(usable, usable.dropFirst()) {
            let gap = newer.timeIntervalSince(older)
            if gap >= 60 { gaps.append(gap) }
        }
        guard !gaps.isEmpty else { return quiet > defaultInterval ? quiet : nil }
        gaps.sort()
        let middle = gaps.count / 2
        let median = gaps.count % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2
        return max(median, quiet)
    }
}
