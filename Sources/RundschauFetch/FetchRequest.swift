import Foundation

/// One feed to fetch, with the validators remembered from the last successful fetch.
///
/// The fetcher takes plain values and returns plain values: the caller (the cron job) loads these from its store.
/// ```swift
/// let request = FetchRequest(url: feedURL, etag: stored.etag, lastModified: stored.lastModified, id: stored.id)
/// ```
public struct FetchRequest: Sendable, Hashable {
    /// An `http`, `https` or `file` URL. Use ``location(_:)`` to turn a subscription string (URL or local path)
    /// into one.
    public var url: URL
    /// The `ETag` of the last 200 response, sent as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` of the last 200 response, sent as `If-Modified-Since`.
    public var lastModified: String?
    /// An opaque value the caller uses to match results to its own records (a feed row id); the fetcher ignores it.
    public var id: Int64?

/// Creates a request.
    public init(url: URL, etag: String? = nil, lastModified: String? = nil, id: Int64? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.id = id
    }

    /// Turns a subscription as a user wrote it into a fetchable URL.
    ///
    /// `http://…`, `https://…` and `file://…` are taken as they are (surrounding whitespace trimmed); a string
    /// without a scheme is a local path, relative paths resolved against `directory` (default: the working
    /// directory). A scheme-less `example.com/feed` is a path, not a host: subscribe with `https://` for the web.
    /// Returns `nil` for an empty string, an unsupported scheme or an `http(s)` URL without a host.
    public static func location(_ string: String, relativeTo directory: URL? = nil) -> URL? {
        let text = string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        if let schemeEnd = text.firstIndex(of: ":"), text[..<schemeEnd].count > 1,
           text[..<schemeEnd].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) {
            guard let url = URL(string: text) ?? URL(string: percentEncodeSpaces(text)),
                  let scheme = url.scheme?.lowercased() else { return nil }
            switch scheme {
            case "http", "https":
                guard let host = url.host, !host.isEmpty else { return nil }
                return url
            case "file":
                return url.path.isEmpty ? nil : url
            default:
                return nil
            }
        }
        let expanded = text.hasPrefix("~/")
            ? FileManager.default.homeDirectoryForCurrentUser.path + text.dropFirst(1) : text
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        let base = directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return URL(fileURLWithPath: expanded, relativeTo: base).standardizedFileURL
    }

    private static func percentEncodeSpaces(_ text: String) -> String {
        text.replacingOccurrences(of: " ", with: "%20")
    }
}
