import Foundation
import RundschauModel

/// What the publisher and the server said about how often to come back, gathered by the caller.
///
/// After a 200 use ``init(feed:response:recentEntryDates:)``; after a 304 there is no parsed feed, so pass the
/// ttl/update interval the store remembered (if any) and the dates of the feed's recent stored articles.
public struct ScheduleHints: Sendable, Hashable {
    /// RSS `ttl`, minutes.
    public var ttlMinutes: Int?
    /// `sy:updatePeriod`/`sy:updateFrequency` as seconds.
    public var updateIntervalSeconds: Int?
    /// `Cache-Control: max-age`, seconds.
    public var cacheControlMaxAge: Int?
    /// `Expires`.
    public var expires: Date?
    /// Publication (or update) dates of recent entries, any order; used for the observed update rate.
    public var entryDates: [Date]

/// Creates hints from plain values.
    public init(
        ttlMinutes: Int? = nil, updateIntervalSeconds: Int? = nil, cacheControlMaxAge: Int? = nil,
        expires: Date? = nil, entryDates: [Date] = []
    ) {
        self.ttlMinutes = ttlMinutes
        self.updateIntervalSeconds = updateIntervalSeconds
        self.cacheControlMaxAge = cacheControlMaxAge
        self.expires = expires
        self.entryDates = entryDates
    }
}

extension ScheduleHints {
    /// Hints from a parsed feed (`ttl`, `sy:update*`, entry dates) and the response it came in (cache headers).
    /// `recentEntryDates` adds dates the caller knows from earlier fetches.
    public init(feed: Feed?, response: FetchResponse?, recentEntryDates: [Date] = []) {
        let dates = (feed?.entries ?? []).compactMap { $0.published ?? $0.updated } + recentEntryDates
        self.init(
            ttlMinutes: feed?.ttl, updateIntervalSeconds: feed?.updateInterval,
            cacheControlMaxAge: response?.cacheControlMaxAge, expires: response?.expires, entryDates: dates)
    }
}
