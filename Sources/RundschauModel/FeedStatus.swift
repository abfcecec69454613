/// The health of a subscription, as the fetcher last judged it; shared by the fetch policy and the store.
public enum FeedStatus: String, Hashable, Codable, Sendable, CaseIterable {
    /// Fetched on its normal schedule.
    case active
    /// The last fetches failed; fetched with exponential back-off until one succeeds.
    case failing
    /// The server answered 410 Gone: never fetched again (not even by `--all`) until resubscribed.
    case gone
}
