extension FeedFetcher {
    /// Limits and identity of a ``FeedFetcher``. The defaults suit a cron job polling hundreds of public feeds.
    public struct Configuration: Sendable, Hashable {
        /// The project's release, as the User-Agent reports it.
        public static let version = "0.1.0"
        /// `Rundschau/<version> (+https://github.com/rundschau/rundschau)`: publishers can see who we are.
        public static let defaultUserAgent = "Rundschau/\(version) (+https://github.com/rundschau/rundschau)"
        /// The `Accept` header: feed types first, HTML last (autodiscovery still works on pages).
        public static let defaultAccept =
            "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, application/feed+json;q=0.9, "
            + "application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, text/html;q=0.5, */*;q=0.1"

        /// Time allowed to open a TCP (and TLS) connection. Default 10 s.
        public var connectTimeout: Duration
        /// Longest silence allowed while waiting for bytes (headers or body). Default 30 s.
        public var readTimeout: Duration
        /// Time allowed for a whole fetch, redirects and body included. Default 60 s.
        public var totalTimeout: Duration
        /// Largest body accepted, counted after gzip/deflate decoding while streaming. Default 16 MiB.
        public var maxBodySize: Int
        /// Redirect hops followed before giving up with ``FetchError/Code/tooManyRedirects``. Default 5.
        public var maxRedirects: Int
        /// How far a gzip/deflate body may expand relative to its compressed size (a bomb guard). Default 100.
        public var decompressionRatioLimit: Int
        /// Connections the HTTP client keeps per host. `fetchAll`'s `perHost` above this queues in the client.
        /// Default 8.
        public var maxConnectionsPerHost: Int
        /// Whether `file://` URLs (and local paths) are read from disk. Default `true`.
        /// Redirects from the web to `file://` are refused either way.
        public var allowFileURLs: Bool
        /// The `User-Agent` header.
        public var userAgent: String
        /// The `Accept` header.
        public var accept: String

/// Creates a configuration; every limit has a default.
        public init(
            connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(30),
            totalTimeout: Duration = .seconds(60), maxBodySize: Int = 16 << 20, maxRedirects: Int = 5,
            decompressionRatioLimit: Int = 100, maxConnectionsPerHost: Int = 8, allowFileURLs: Bool = true,
            userAgent: String = Configuration.defaultUserAgent, accept: String = Configuration.defaultAccept
        ) {
            self.connectTimeout = connectTimeout
            self.readTimeout = readTimeout
            self.totalTimeout = totalTimeout
            self.maxBodySize = maxBodySize
            self.maxRedirects = maxRedirects
            self.decompressionRatioLimit = decompressionRatioLimit
            self.maxConnectionsPerHost = maxConnectionsPerHost
            self.allowFileURLs = allowFileURLs
            self.userAgent = userAgent
            self.accept = accept
        }
    }
}
