import Foundation
import RundschauFetch
import RundschauModel
import RundschauText
import Testing

@Suite("FetchPolicy: schedule, back-off, Retry-After, status")
struct FetchPolicyTests {
    let policy = FetchPolicy()
    let now = Date(timeIntervalSince1970: 1_717_500_000)
    let minute: TimeInterval = 60
    let hour: TimeInterval = 3600

    @Test("no hints: the default interval")
    func defaultInterval() {
        #expect(policy.normalInterval(for: ScheduleHints(), now: now) == hour)
    }

    static let publisherCases: [(ScheduleHints, TimeInterval)] = [
        (ScheduleHints(ttlMinutes: 120), 2 * 3600),
        (ScheduleHints(ttlMinutes: 5), 3600),  // ttl is a floor, not a rate: the default applies
        (ScheduleHints(ttlMinutes: 10_000), 24 * 3600),
        (ScheduleHints(updateIntervalSeconds: 6 * 3600), 6 * 3600),
        (ScheduleHints(updateIntervalSeconds: 7 * 86_400), 24 * 3600),
        (ScheduleHints(updateIntervalSeconds: 60), 15 * 60),
        (ScheduleHints(cacheControlMaxAge: 7200), 2 * 3600),
        (ScheduleHints(cacheControlMaxAge: 0), 3600),
    ]

    @Test("ttl and sy:updatePeriod, clamped to 15 min … 24 h", arguments: publisherCases)
    func publisherHints(hints: ScheduleHints, expected: TimeInterval) {
        #expect(policy.normalInterval(for: hints, now: now) == expected)
    }

    @Test("Expires counts like max-age; max-age wins when both are present")
    func expires() {
        let expiresIn3h = ScheduleHints(expires: now.addingTimeInterval(3 * hour))
        #expect(policy.normalInterval(for: expiresIn3h, now: now) == 3 * hour)
        let both = ScheduleHints(cacheControlMaxAge: 1800, expires: now.addingTimeInterval(5 * hour))
        #expect(policy.normalInterval(for: both, now: now) == hour)  // max-age 30 min < default 1 h
        let past = ScheduleHints(expires: now.addingTimeInterval(-hour))
        #expect(policy.normalInterval(for: past, now: now) == hour)
    }

    @Test("the observed update rate is the median gap between recent entries")
    func observedRate() {
        // Entries every 2 hours, newest just now.
        let dates = (0..<10).map { now.addingTimeInterval(-Double($0) * 2 * hour) }
        #expect(policy.normalInterval(for: ScheduleHints(entryDates: dates), now: now) == 2 * hour)
        // The observed rate wins over a publisher's claimed daily update period.
        let claimed = ScheduleHints(updateIntervalSeconds: 86_400, entryDates: dates)
        #expect(policy.normalInterval(for: claimed, now: now) == 2 * hour)
        // But never sooner than the ttl.
        let withTTL = ScheduleHints(ttlMinutes: 180, entryDates: dates)
        #expect(policy.normalInterval(for: withTTL, now: now) == 3 * hour)
        // A very busy feed is clamped to the minimum.
        let busy = (0..<10).map { now.addingTimeInterval(-Double($0) * 2 * minute) }
        #expect(policy.normalInterval(for: ScheduleHints(entryDates: busy), now: now) == 15 * minute)
    }

    @Test("a feed gone quiet is fetched less often; batch and future dates do not distort the rate")
    func quietFeed() {
        // Hourly entries, but the newest is 10 hours old: half the silence (5 h) wins.
        let dates = (0..<10).map { now.addingTimeInterval(-10 * hour - Double($0) * hour) }
        #expect(policy.normalInterval(for: ScheduleHints(entryDates: dates), now: now) == 5 * hour)
        // Five entries published in the same second count as one; a future date is ignored.
        let batch = Array(repeating: now.addingTimeInterval(-hour), count: 5)
            + [now.addingTimeInterval(-3 * hour), now.addingTimeInterval(30 * 86_400)]
        #expect(policy.observedInterval(batch, now: now) == 2 * hour)
        // One recent entry is no observation.
        #expect(policy.observedInterval([now.addingTimeInterval(-minute)], now: now) == nil)
        #expect(policy.observedInterval([], now: now) == nil)
    }

    @Test("hints come from a parsed feed and its response")
    func hintsFromFeed() throws {
        let feed = Feed(format: .rss20, entries: [
            Entry(id: "a", published: now.addingTimeInterval(-hour)),
            Entry(id: "b", updated: now.addingTimeInterval(-3 * hour)),
            Entry(id: "c"),
        ], ttl: 30, updateInterval: 7200)
        let response = FetchResponse(finalURL: try #require(URL(string: "https://example.org/f")),
                                     cacheControlMaxAge: 600, httpStatus: 200)
        let hints = ScheduleHints(feed: feed, response: response, recentEntryDates: [now.addingTimeInterval(-5 * hour)])
        #expect(hints.ttlMinutes == 30)
        #expect(hints.updateIntervalSeconds == 7200)
        #expect(hints.cacheControlMaxAge == 600)
        #expect(hints.entryDates.count == 3)
    }

    @Test("failures back off exponentially from 15 min, capped at 24 h")
    func backoffWithoutJitter() {
        var zero = ZeroGenerator()
        let delays = (1...10).map { policy.backoffDelay(afterErrors: $0, using: &zero) }
        #expect(delays == [15, 30, 60, 120, 240, 480, 960, 1440, 1440, 1440].map { $0 * minute })
    }

    @Test("jitter shortens a delay by at most a quarter, deterministically per seed")
    func backoffJitter() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        for errors in 1...12 {
            let delay = policy.backoffDelay(afterErrors: errors, using: &first)
            #expect(delay == policy.backoffDelay(afterErrors: errors, using: &second))
            let full = min(24 * hour, 15 * minute * pow(2, Double(errors - 1)))
            #expect(delay <= full)
            #expect(delay >= full * 0.75)
        }
        var generator = SplitMix64(seed: 7)
        let spread = Set((0..<20).map { _ in policy.backoffDelay(afterErrors: 3, using: &generator) })
        #expect(spread.count > 10)  // feeds failing together do not retry together
    }

    @Test("three consecutive errors make a feed failing; a success restores its normal schedule")
    func failingAndRecovery() {
        var zero = ZeroGenerator()
        var state = FetchState()
        let failure = FetchPolicy.Event.failed(message: "HTTP 500", retryAfter: nil)
        state = policy.nextState(after: failure, previous: state, hints: ScheduleHints(), now: now, using: &zero)
        #expect(state.status == .active)
        #expect(state.consecutiveErrors == 1)
        #expect(state.nextFetchAt == now.addingTimeInterval(15 * minute))
        #expect(state.lastError == "HTTP 500")
        state = policy.nextState(after: failure, previous: state, hints: ScheduleHints(), now: now, using: &zero)
        #expect(state.status == .active)
        #expect(state.nextFetchAt == now.addingTimeInterval(30 * minute))
        state = policy.nextState(after: failure, previous: state, hints: ScheduleHints(), now: now, using: &zero)
        #expect(state.status == .failing)
        #expect(state.consecutiveErrors == 3)
        #expect(state.nextFetchAt == now.addingTimeInterval(hour))

        let later = now.addingTimeInterval(hour)
        state = policy.nextState(after: .updated, previous: state, hints: ScheduleHints(ttlMinutes: 120), now: later,
                                 using: &zero)
        #expect(state == FetchState(status: .active, nextFetchAt: later.addingTimeInterval(2 * hour), consecutiveErrors: 0))
        // A 304 also counts as a success.
        let afterError = FetchState(status: .failing, nextFetchAt: now, consecutiveErrors: 5, lastError: "x")
        let recovered = policy.nextState(after: .notModified, previous: afterError, hints: ScheduleHints(), now: now)
        #expect(recovered.status == .active)
        #expect(recovered.consecutiveErrors == 0)
        #expect(recovered.lastError == nil)
    }

    @Test("Retry-After overrides the back-off and is honoured even when the schedule is ignored")
    func retryAfter() {
        var zero = ZeroGenerator()
        let retryAt = now.addingTimeInterval(6 * hour)
        let state = policy.nextState(after: .failed(message: "HTTP 429", retryAfter: retryAt), previous: FetchState(),
                                     hints: ScheduleHints(), now: now, using: &zero)
        #expect(state.nextFetchAt == retryAt)
        #expect(state.retryAfter == retryAt)
        #expect(state.consecutiveErrors == 1)
        #expect(!policy.isDue(state, now: now.addingTimeInterval(hour)))
        #expect(!policy.isDue(state, now: now.addingTimeInterval(hour), ignoringSchedule: true))
        #expect(policy.isDue(state, now: retryAt))
        #expect(policy.isDue(state, now: retryAt, ignoringSchedule: true))

        // An absurd Retry-After is cut to a week; one in the past means now.
        let far = policy.nextState(after: .failed(message: "", retryAfter: now.addingTimeInterval(365 * 86_400)),
                                   previous: FetchState(), hints: ScheduleHints(), now: now, using: &zero)
        #expect(far.retryAfter == now.addingTimeInterval(7 * 86_400))
        let past = policy.nextState(after: .failed(message: "", retryAfter: now.addingTimeInterval(-60)),
                                    previous: FetchState(), hints: ScheduleHints(), now: now, using: &zero)
        #expect(past.nextFetchAt == now)
    }

    @Test("410 Gone stops fetching for good, --all included")
    func gone() {
        let state = policy.nextState(after: .gone, previous: FetchState(consecutiveErrors: 2), hints: ScheduleHints(),
                                     now: now)
        #expect(state.status == .gone)
        #expect(state.nextFetchAt == nil)
        #expect(!policy.isDue(state, now: now.addingTimeInterval(365 * 86_400)))
        #expect(!policy.isDue(state, now: now, ignoringSchedule: true))
    }

    @Test("due: new feeds at once, scheduled ones when their time comes, --all ignores the schedule")
    func due() {
        #expect(policy.isDue(FetchState(), now: now))
        let scheduled = FetchState(nextFetchAt: now.addingTimeInterval(hour))
        #expect(!policy.isDue(scheduled, now: now))
        #expect(policy.isDue(scheduled, now: now.addingTimeInterval(hour)))
        #expect(policy.isDue(scheduled, now: now, ignoringSchedule: true))
    }

    @Test("events from fetch outcomes")
    func events() throws {
        let url = try #require(URL(string: "https://example.org/feed"))
        let response = FetchResponse(finalURL: url, httpStatus: 200)
        #expect(FetchPolicy.Event(.fetched(response)) == .updated)
        #expect(FetchPolicy.Event(.notModified(response)) == .notModified)
        #expect(FetchPolicy.Event(.gone(response)) == .gone)
        let retryAt = now.addingTimeInterval(60)
        let error = FetchError(.httpStatus, "HTTP 429 Too Many Requests", url: url, httpStatus: 429, retryAfter: retryAt)
        guard case .failed(let message, let retryAfter) = FetchPolicy.Event(.failed(error)) else {
            Issue.record("expected a failure event")
            return
        }
        #expect(retryAfter == retryAt)
        #expect(message.hasPrefix("https://example.org/feed: HTTP 429"))
    }

    @Test("configured bounds apply")
    func customBounds() {
        let custom = FetchPolicy(minimumInterval: 5 * minute, maximumInterval: 2 * hour, defaultInterval: 30 * minute,
                                 backoffBase: minute, backoffCap: 10 * minute, jitter: 0, failingThreshold: 1)
        #expect(custom.normalInterval(for: ScheduleHints(), now: now) == 30 * minute)
        #expect(custom.normalInterval(for: ScheduleHints(ttlMinutes: 600), now: now) == 2 * hour)
        var generator = SplitMix64(seed: 1)
        #expect(custom.backoffDelay(afterErrors: 10, using: &generator) == 10 * minute)
        let state = custom.nextState(after: .failed(message: "x", retryAfter: nil), previous: FetchState(),
                                     hints: ScheduleHints(), now: now)
        #expect(state.status == .failing)
    }
}
