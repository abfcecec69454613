import Foundation
import RundschauModel

/// An article as stored: one entry of one feed (or one item of a dump), with what later stages added to it.
public struct StoredArticle: Hashable, Sendable, Identifiable {
    /// The store's id: assigned at first sight and kept when the content changes.
    public var id: ArticleID
    /// The subscription the article came from.
    public var feedID: FeedID
    /// The id the source gave the entry (`guid`, `atom:id`, or one derived by the parser or importer).
    public var entryID: String
    /// The article's link after URL canonicalization (tracking parameters removed, …); set by deduplication,
    /// `nil` until then and again after the link changes.
    public var canonicalURL: String?
    /// The entry's main (alternate) link.
    public var link: String?
    /// All links of the entry.
    public var links: [Link]
    /// Plain-text title.
    public var title: String?
    /// Summary (HTML or text, see ``summaryType``).
    public var summary: String?
    /// How to read ``summary``.
    public var summaryType: TextType?
    /// Full content (HTML or text, see ``contentType``).
    public var content: String?
    /// How to read ``content``.
    public var contentType: TextType?
    /// Authors and contributors.
    public var authors: [Person]
    /// Categories and tags.
    public var categories: [Category]
    /// Attached media files.
    public var enclosures: [Enclosure]
    /// Publication date as the source gave it.
    public var published: Date?
    /// Last-update date as the source gave it.
    public var updated: Date?
    /// BCP 47 language tag.
    public var language: String?
    /// A representative image URL.
    public var image: String?
    /// The short line above the title (dumps).
    public var kicker: String?
    /// Dateline and agency (dumps).
    public var dateline: String?
    /// When the store first saw the entry; never changed by later upserts.
    public var firstSeen: Date
    /// When the stored content last changed (first sight, or the last upsert that updated it).
    public var changedAt: Date
    /// ``ContentHash/text(title:summary:content:)``: equal for word-for-word copies.
    public var contentHash: String
    /// The canonical article of the duplicate group this one belongs to, when it is a duplicate.
    public var duplicateOf: ArticleID?
    /// The story cluster the article belongs to, once clustered.
    public var clusterID: ClusterID?

    /// Describes a stored article; backends build these from their rows.
    public init(
        id: ArticleID, feedID: FeedID, entryID: String, canonicalURL: String? = nil,
        link: String? = nil, links: [Link] = [], title: String? = nil,
        summary: String? = nil, summaryType: TextType? = nil, content: String? = nil, contentType: TextType? = nil,
        authors: [Person] = [], categories: [Category] = [], enclosures: [Enclosure] = [],
        published: Date? = nil, updated: Date? = nil, language: String? = nil, image: String? = nil,
        kicker: String? = nil, dateline: String? = nil, firstSeen: Date, changedAt: Date, contentHash: String,
        duplicateOf: ArticleID? = nil, clusterID: ClusterID? = nil
    ) {
        self.id = id
        self.feedID = feedID
        self.entryID = entryID
        self.canonicalURL = canonicalURL
        self.link = link
        self.links = links
        self.title = title
        self.summary = summary
        self.summaryType = summaryType
        self.content = content
        self.contentType = contentType
        self.authors = authors
        self.categories = categories
        self.enclosures = enclosures
        self.published = published
        self.updated = updated
        self.language = language
        self.image = image
        self.kicker = kicker
        self.dateline = dateline
        self.firstSeen = firstSeen
        self.changedAt = changedAt
        self.contentHash = contentHash
        self.duplicateOf = duplicateOf
        self.clusterID = clusterID
    }

    /// The date a story happened as far as we know: published, else updated, else first seen. Clustering's
    /// time proximity uses it, so that archives and dumps cluster as they happened.
    public var date: Date { published ?? updated ?? firstSeen }

    /// The article as a model entry (for the writer and for `--json` output). `source` is left empty: it is the
    /// feed's title, which the caller has.
    public var entry: Entry {
        Entry(
            id: entryID, title: title, link: link, links: links, summary: summary, summaryType: summaryType,
            content: content, contentType: contentType, published: published, updated: updated,
            authors: authors, categories: categories, enclosures: enclosures, language: language, image: image,
            kicker: kicker, dateline: dateline)
    }
}
