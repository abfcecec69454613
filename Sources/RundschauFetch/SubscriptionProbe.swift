import Foundation

/// What a URL a user wants to subscribe to turned out to be.
public enum SubscriptionProbe: Sendable {
    /// The URL serves a feed (or something the parser should judge): subscribe to it as it is.
    case feed(FetchResponse)
    /// The URL serves an HTML page; `feeds` are the feeds it advertises (possibly none).
    case page(FetchResponse, feeds: [DiscoveredFeed])
    /// The URL could not be fetched (410 Gone included).
    case failed(FetchError)
}

extension FeedFetcher {
    /// Fetches `url` without validators and decides whether it is a feed or a page to run autodiscovery on.
    ///
    /// ```swift
    /// switch await fetcher.probe(url) {
    /// case .feed(let response): subscribe(response.permanentRedirect ?? url)
    /// case .page(_, let feeds): subscribe(feeds.first?.url)   // or let the user choose
    /// case .failed(let error): print(error)
    /// }
    /// ```
    public func probe(_ url: URL, discovery: FeedDiscovery = FeedDiscovery()) async -> SubscriptionProbe {
        switch await fetch(FetchRequest(url: url)) {
        case .fetched(let response):
            guard response.sniffedKind == .html else { return .feed(response) }
            return .page(response, feeds: discovery.discover(html: response.body, pageURL: response.finalURL))
        case .notModified(let response):
            return .feed(response)
        case .gone:
            return .failed(FetchError(.httpStatus, "HTTP 410 Gone", url: url, httpStatus: 410))
        case .failed(let error):
            return .failed(error)
        }
    }
}
