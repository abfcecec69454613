/// The health of a subscription, as the fetcher last judged it.
public enum FeedStatus: String, Hashable, Codable, Sendable, CaseIterable {
    /// Fetched normally.
    case active
    /// The last fetches failed; the fetcher backs off (see ``FetchState/consecutiveErrors``).
    case failing
    /// The server answered 410 Gone (or the user gave up on it): never fetched again.
    case gone
}
