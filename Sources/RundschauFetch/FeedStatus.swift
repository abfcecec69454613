/// Whether a feed is fetched on schedule, failing, or given up on.
public enum FeedStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Fetched on its normal schedule.
    case active
    /// Failed ``FetchPolicy/failingThreshold`` times in a row: still fetched, with back-off.
    case failing
    /// Answered 410 Gone: never fetched again (not even by `--all`) until resubscribed.
    case gone
}
