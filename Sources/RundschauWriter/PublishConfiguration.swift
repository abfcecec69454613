import RundschauText
import Foundation
import RundschauModel

/// What every published document shares: where the output folder is served, who publishes, how many
/// entries a feed keeps, and whether older entries go to RFC 5005 archive pages.
///
/// The glue fills it from `Settings.Publish`:
/// ```swift
/// let configuration = PublishConfiguration(
///     baseURL: settings.publish.baseURL, siteTitle: settings.publish.title,
///     author: Person(name: settings.publish.author), maxEntries: settings.publish.entries)
/// ```
public struct PublishConfiguration: Sendable, Hashable {
    /// The public URL under which the output folder is served; always ends with `/`.
    public private(set) var baseURL: String
    /// Title of `all.atom`, the OPML list and the index page.
    public var siteTitle: String
    /// Subtitle of `all.atom` and the index page.
    public var siteSubtitle: String?
    /// The feed-level author of every feed (so every entry has an author, RFC 4287 §4.1.1).
    public var author: Person
    /// Newest entries in a subscription document (`<slug>.atom`), at least 1.
    public var maxEntries: Int
    /// When set, entries beyond ``maxEntries`` are written to RFC 5005 archive pages of this many entries
    /// (`<slug>-archive-<n>.atom`, oldest first); when `nil`, they are not published.
    public var archivePageSize: Int?
    /// The date part of every `tag:` URI minted here (RFC 4151). Changing it changes every feed and entry id:
    /// never change it for a running installation.
    public var tagDate: String
    /// The language of `all.atom`, the OPML list and the index page (BCP 47), when one fits them all.
    public var language: String?
    /// `atom:generator`.
    public var generator: Generator
    /// The largest a subscription document (`<slug>.atom`, `<slug>.json`) may be, in bytes: past it the oldest
    /// entries are left out (to the archive pages when they are on) until it fits, keeping at least one. Feed
    /// readers and hubs commonly refuse or truncate feeds over 1 MB.
    public var maxFeedBytes: Int = 1_000_000
    /// A WebSub hub (https://www.w3.org/TR/websub/): when set, every subscription document names it
    /// (`<link rel="hub">` in Atom, `hubs` in JSON Feed) and the glue notifies it of changed feeds.
    public var webSubHub: String?

    /// The software named in `atom:generator` (RFC 4287 §4.2.4).
    public struct Generator: Sendable, Hashable {
        /// The software's name.
        public var name: String
        /// Its version.
        public var version: String?
        /// Its home page, an absolute IRI.
        public var uri: String?

        /// Creates a generator description.
        public init(name: String, version: String? = nil, uri: String? = nil) {
            self.name = name
            self.version = version
            self.uri = uri
        }

        /// Rundschau and the version of this module.
        public static let rundschau = Generator(name: "Rundschau", version: RundschauWriterVersion.current)
    }

    /// Creates a configuration; a missing trailing `/` is added to `baseURL`, limits below 1 become 1.
    public init(
        baseURL: String, siteTitle: String = "Rundschau", siteSubtitle: String? = nil,
        author: Person = Person(name: "Rundschau"), maxEntries: Int = 50, archivePageSize: Int? = nil,
        tagDate: String = "2026", language: String? = nil, generator: Generator = .rundschau, webSubHub: String? = nil
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.siteTitle = siteTitle
        self.siteSubtitle = siteSubtitle
        self.author = author
        self.maxEntries = max(1, maxEntries)
        self.archivePageSize = archivePageSize.map { max(1, $0) }
        self.tagDate = tagDate
        self.language = language
        self.generator = generator
        self.webSubHub = webSubHub
    }

    /// The base URL's host, lower-case: the tagging authority of every `tag:` URI.
    public var host: String {
        URLComponents(string: baseURL)?.host?.lowercased() ?? "localhost"
    }

    /// A `tag:` URI (RFC 4151) under this installation's authority: `tag:<host>,<tagDate>:<specific>`.
    /// Characters `specific` may not hold are percent-encoded.
    public func tag(_ specific: String) -> String {
        "tag:\(host),\(tagDate):\(TagURI.encodeSpecific(specific))"
    }

    /// The public URL of a file in the output folder.
    public func url(ofFile name: String) -> String { baseURL + name }

    /// The URL of a feed's subscription document.
    public func feedURL(slug: String) -> String { url(ofFile: slug + ".atom") }

    /// The URL of a feed's JSON Feed (`<slug>.json`).
    public func jsonFeedURL(slug: String) -> String { url(ofFile: slug + ".json") }

    /// The file name of a feed's web page: `index.html` for the feed of everything, else `<slug>.html`.
    public static func pageFileName(slug: String) -> String { slug == "all" ? "index.html" : slug + ".html" }

    /// The URL of a feed's web page (the front page for `all`).
    public func pageURL(slug: String) -> String { slug == "all" ? baseURL : url(ofFile: Self.pageFileName(slug: slug)) }

    /// The stable feed id: `tag:<host>,<tagDate>:feed/<slug>`.
    public func feedID(slug: String) -> String { tag("feed/" + slug) }

    /// The category scheme of topics: `tag:<host>,<tagDate>:topic`.
    public var topicScheme: String { tag("topic") }

    /// The category for a topic, with this installation's topic scheme.
    public func topicCategory(slug: String, title: String? = nil) -> Category {
        Category(term: slug, scheme: topicScheme, label: title)
    }

    /// Checks what the writer cannot repair: an absolute `http(s)` base URL with a host, a well-formed tag date.
    /// - Throws: ``PublishError`` `invalidConfiguration`.
    public func validate() throws(PublishError) {
        guard let components = URLComponents(string: baseURL), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else {
            throw PublishError(.invalidConfiguration, "the public base URL must be an absolute http(s) URL, not '\(baseURL)'")
        }
        guard tagDate.range(of: #"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"#, options: .regularExpression) != nil else {
            throw PublishError(.invalidConfiguration, "the tag date must be YYYY, YYYY-MM or YYYY-MM-DD, not '\(tagDate)'")
        }
        if let hub = webSubHub, IRI.absolute(hub, schemes: ["http", "https"]) == nil {
            throw PublishError(.invalidConfiguration, "the WebSub hub must be an absolute http(s) URL, not '\(hub)'")
        }
    }
}

/// The version written in `atom:generator`.
public enum RundschauWriterVersion {
    /// Bumping it changes every generated file once.
    public static let current = "0.1.0"
}
