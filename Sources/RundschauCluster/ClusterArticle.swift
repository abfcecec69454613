import Foundation

/// One article as clustering sees it: identity, source, plain text and times.
///
/// The glue builds these from stored articles (title as plain text, body as plain text via
/// `HTMLText.plainText(fromHTML:)`). Nothing here touches the store.
///
/// ```swift
/// let article = ClusterArticle(id: 42, entryID: "urn:dpa:2024-06-11:1", source: "tagesschau",
///                              title: "Pistorius nennt Anwendungsfehler", text: body,
///                              url: "https://example.org/a?utm_source=rss", published: date, firstSeen: .now)
/// ```
public struct ClusterArticle: Hashable, Sendable {
    /// The store's stable article id. Lower ids were stored earlier; ties in time are broken by it.
    public var id: Int64
    /// The id the source feed gave the entry (`guid`/`atom:id`, or the importer's stable id).
    public var entryID: String
    /// The feed title or import source name.
    public var source: String
    /// The headline, plain text.
    public var title: String
    /// The body (or summary), plain text.
    public var text: String
    /// The article's link, as stored; canonicalized for duplicate detection.
    public var url: String?
    /// When the article says it was published.
    public var published: Date?
    /// When Rundschau first stored it: the fallback when `published` is missing.
    public var firstSeen: Date
    /// A BCP 47 language tag, when known; otherwise guessed from the text.
    public var language: String?
    /// The store's content hash, when it has one; otherwise one is computed from the normalized text.
    public var contentHash: String?
    /// Labels the source put on the article: its kicker (`Gaza`, `Debatte`) and feed categories. Topic matching
    /// counts them like title words; stories and duplicates ignore them.
    public var tags: [String]

    /// An article for clustering; `tags` are the kicker and categories, when there are any.
    public init(
        id: Int64, entryID: String, source: String, title: String, text: String, url: String? = nil,
        published: Date? = nil, firstSeen: Date, language: String? = nil, contentHash: String? = nil,
        tags: [String] = []
    ) {
        self.id = id
        self.entryID = entryID
        self.source = source
        self.title = title
        self.text = text
        self.url = url
        self.published = published
        self.firstSeen = firstSeen
        self.language = language
        self.contentHash = contentHash
        self.tags = tags
    }

    /// The time clustering uses: `published`, else `firstSeen`, so archives and dumps cluster as they happened.
    public var effectiveDate: Date { published ?? firstSeen }
}

/// A story cluster's stable id: the id of the article that opened it.
///
/// Stable across runs without a counter to persist: an article opens at most one story.
public typealias StoryID = Int64
