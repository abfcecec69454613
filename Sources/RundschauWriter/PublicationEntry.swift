import Foundation
import RundschauModel

/// One entry to publish: a story (story mode: the representative article, other outlets as ``related``) or
/// one article (article mode). The glue decides which; the writer renders what it gets.
public struct PublicationEntry: Sendable, Hashable {
    /// The stable entry id (RFC 4287 §4.2.6), an absolute IRI; use ``PublishConfiguration/tag(_:)``
    /// (`tag:news.example.org,2026:story/4711`). It must not change between runs.
    public var id: String
    /// Plain text (§4.2.14).
    public var title: String
    /// The article's web page, absolute `http(s)`; written as the `alternate` link.
    public var link: String?
    /// When the article was first published (§4.2.9).
    public var published: Date?
    /// Required by Atom (§4.2.15): when the entry last changed in a way worth telling readers.
    public var updated: Date
    /// Written as `atom:author`; the feed-level author covers entries without one.
    public var authors: [Person]
    /// One category per topic the entry belongs to; `term` matches ``PublicationFeed/category``.
    public var categories: [Category]
    /// Sanitized HTML, written as `<summary type="html">`.
    public var summary: SanitizedHTML?
    /// Sanitized HTML, written as `<content type="html">`; see ``StoryContent`` for story entries.
    public var content: SanitizedHTML?
    /// BCP 47 tag, written as `xml:lang` on the entry when it differs from the feed's.
    public var language: String?
    /// Where the article first appeared (`atom:source`, §4.2.11).
    public var source: Source?
    /// Other outlets' coverage of the same story, written as `link rel="related"`.
    public var related: [Related]
    /// The story's whole coverage for the web pages: every original article (the lead among them) with its
    /// copies folded under it. Empty: the pages show the entry's own link and ``related``.
    public var coverage: [CoverageItem]
    /// A short plain-text teaser for the web pages; `nil`: taken from ``summary`` (else ``content``).
    public var teaser: String?

    /// Creates an entry; only `id`, `title` and `updated` are required.
    public init(
        id: String, title: String, link: String? = nil, published: Date? = nil, updated: Date,
        authors: [Person] = [], categories: [Category] = [], summary: SanitizedHTML? = nil,
        content: SanitizedHTML? = nil, language: String? = nil, source: Source? = nil, related: [Related] = [],
        coverage: [CoverageItem] = [], teaser: String? = nil
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.summary = summary
        self.content = content
        self.language = language
        self.source = source
        self.related = related
        self.coverage = coverage
        self.teaser = teaser
    }

    /// One article of a story's coverage on the web pages, with the copies (wire copies, duplicates) of it.
    public struct CoverageItem: Sendable, Hashable {
        /// The article's title, plain text.
        public var title: String
        /// The article's web page; written only when it is an absolute `http(s)` URL.
        public var link: String?
        /// The outlet's name (the origin feed's title).
        public var outlet: String?
        /// When the article was published.
        public var published: Date?
        /// The article's language (BCP 47).
        public var language: String?
        /// Copies of this article found in other feeds, shown folded under it.
        public var copies: [CoverageItem]

        /// Creates a coverage item.
        public init(title: String, link: String? = nil, outlet: String? = nil, published: Date? = nil,
                    language: String? = nil, copies: [CoverageItem] = []) {
            self.title = title
            self.link = link
            self.outlet = outlet
            self.published = published
            self.language = language
            self.copies = copies
        }
    }

    /// The feed an aggregated entry was copied from (RFC 4287 §4.2.11).
    public struct Source: Sendable, Hashable {
        /// The origin feed's `atom:id`, or its URL when it has none; written only when it is an absolute IRI.
        public var id: String?
        /// The origin feed's title.
        public var title: String?
        /// The origin site's web page (`alternate`).
        public var link: String?
        /// The origin feed document's URL (`self`).
        public var feedURL: String?
        /// When the origin feed last changed.
        public var updated: Date?

        /// Creates a source; every field is optional.
        public init(id: String? = nil, title: String? = nil, link: String? = nil, feedURL: String? = nil, updated: Date? = nil) {
            self.id = id
            self.title = title
            self.link = link
            self.feedURL = feedURL
            self.updated = updated
        }
    }

    /// Another outlet's article about the same story.
    public struct Related: Sendable, Hashable {
        /// The article's web page, absolute `http(s)`.
        public var href: String
        /// The article's title, plain text.
        public var title: String?
        /// The outlet's name (the origin feed's title).
        public var outlet: String?
        /// When the article was published.
        public var published: Date?
        /// The article's language (BCP 47), written as `hreflang`.
        public var language: String?

        /// Creates a related link.
        public init(href: String, title: String? = nil, outlet: String? = nil, published: Date? = nil, language: String? = nil) {
            self.href = href
            self.title = title
            self.outlet = outlet
            self.published = published
            self.language = language
        }
    }
}
