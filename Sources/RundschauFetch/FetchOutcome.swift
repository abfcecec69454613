import Foundation

/// The result of one fetch. A fetch never throws: every failure is a value the caller records.
public enum FetchOutcome: Sendable {
    /// A 2xx answer (or a local file) with its body. The body may be a feed or an HTML page (for autodiscovery);
    /// the parser decides.
    case fetched(FetchResponse)
    /// 304 Not Modified (or an unchanged local file): nothing to parse. Store any new validators.
    case notModified(FetchResponse)
    /// 410 Gone: mark the feed gone and stop fetching it.
    case gone(FetchResponse)
    /// Anything else; ``FetchError/retryAfter`` is set when a 429/503 said when to come back.
    case failed(FetchError)

    /// The response of every case but ``failed(_:)``.
    public var response: FetchResponse? {
        switch self {
        case .fetched(let response), .notModified(let response), .gone(let response): response
        case .failed: nil
        }
    }

    /// The error of ``failed(_:)``.
    public var error: FetchError? {
        if case .failed(let error) = self { return error }
        return nil
    }

    /// The URL to store instead of the requested one, after an unbroken chain of permanent redirects.
    public var permanentRedirect: URL? { response?.permanentRedirect }
}

/// One finished fetch of ``FeedFetcher/fetchAll(_:concurrency:perHost:)``.
public struct FetchResult: Sendable {
    /// The request as it was passed in (its ``FetchRequest/id`` matches the result to the caller's record).
    public var request: FetchRequest
/// What came of it.
    public var outcome: FetchOutcome
    /// Wall time of this fetch, redirects included.
    public var duration: Duration

/// Creates a result.
    public init(request: FetchRequest, outcome: FetchOutcome, duration: Duration) {
        self.request = request
        self.outcome = outcome
        self.duration = duration
    }
}
