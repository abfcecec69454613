import Foundation
import RundschauXML

/// A feed advertised by an HTML page with `<link rel="alternate" type="…" href="…">`.
public struct DiscoveredFeed: Sendable, Hashable {
    /// The absolute feed URL (resolved against `<base href>` and the page URL).
    public var url: URL
    /// `application/rss+xml`, `application/atom+xml` or `application/feed+json`.
    public var type: String
    /// The link's `title`, when given.
    public var title: String?

/// Creates a discovered feed.
    public init(url: URL, type: String, title: String? = nil) {
        self.url = url
        self.type = type
        self.title = title
    }
}

/// Feed autodiscovery: finds the feeds an HTML page links to.
///
/// The scanning is a seam: by default ``builtInScanner`` (``scanLinkTags(_:pageURL:)``, RundschauXML's
/// `HTMLLinkScanner` over libxml2's HTML parser) is used; tests or the glue can pass another scanner. Either way ``discover(html:pageURL:)`` keeps only the feed types, drops duplicates and keeps document
/// order (the page's first feed is usually its main one).
/// ```swift
/// let feeds = FeedDiscovery().discover(html: response.body, pageURL: response.finalURL)
/// ```
public struct FeedDiscovery: Sendable {
    /// Finds the alternate feed links of a page, already resolved to absolute URLs.
    public typealias Scanner = @Sendable (_ html: [UInt8], _ pageURL: URL) -> [DiscoveredFeed]

    /// The `type` values that mark a feed link.
    public static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json"]

    /// The default scanner: ``scanLinkTags(_:pageURL:)``.
    public static let builtInScanner: Scanner = { html, pageURL in scanLinkTags(html, pageURL: pageURL) }

    private let scanner: Scanner

/// Creates a discovery that finds link tags with `scanner`.
    public init(scanner: @escaping Scanner = FeedDiscovery.builtInScanner) {
        self.scanner = scanner
    }

    /// The feeds `html` (fetched from `pageURL`) advertises, in document order, without duplicates.
    public func discover(html: [UInt8], pageURL: URL) -> [DiscoveredFeed] {
        var seen: Set<URL> = []
        return scanner(html, pageURL).filter { feed in
            guard Self.feedTypes.contains(feed.type.lowercased()) else { return false }
            guard let scheme = feed.url.scheme?.lowercased() else { return false }
            // A web page may point at web feeds only; a local page may also point at local files.
            let allowed = scheme == "http" || scheme == "https" || (scheme == "file" && pageURL.isFileURL)
            return allowed && seen.insert(feed.url).inserted
        }
    }

    /// Reads `<link rel="alternate">` and `<base href>` with libxml2's HTML parser (RundschauXML): tolerant of
    /// broken markup, links anywhere in the page, relative URLs resolved against `<base>` and the page URL.
    public static func scanLinkTags(_ html: [UInt8], pageURL: URL) -> [DiscoveredFeed] {
        HTMLLinkScanner.alternateFeedLinks(in: html, baseURL: pageURL.absoluteString).compactMap { link in
            guard let url = URL(string: link.href) else { return nil }
            return DiscoveredFeed(url: url, type: link.type ?? "", title: link.title)
        }
    }
}
