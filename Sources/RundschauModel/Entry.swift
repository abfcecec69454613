import Foundation

/// One normalized article, whatever format or dump it came from.
///
/// Titles are plain text; `summary` and `content` keep their markup with `summaryType`/`contentType`
/// saying how to read it. Dates are absolute instants (UTC on output).
public struct Entry: Hashable, Codable, Sendable {
    /// A stable identity: the feed's `guid`/`id`, else derived from the link, else from title and date.
    public var id: String
    public var title: String?
    /// The entry's main (alternate) link, absolute where a base was known.
    public var link: String?
    public var links: [Link]
    public var summary: String? {
        get { summaryText?.string }
        set { summaryText = newValue.map(LazyText.init) }
    }
    public var summaryType: TextType?
    public var content: String? {
        get { contentText?.string }
        set { contentText = newValue.map(LazyText.init) }
    }
    public var contentType: TextType?
    public var published: Date?
    public var updated: Date?
    public var authors: [Person]
    public var categories: [Category]
    public var enclosures: [Enclosure]
    /// A BCP 47 language tag (`de`, `en-US`), from `xml:lang`, the feed, or detection.
    public var language: String?
    /// A representative image (Media RSS thumbnail, iTunes image, JSON Feed `image`).
    public var image: String?
    /// The short line above a title in a news dump (`Gaza`, `Debatte`). Imported items only.
    public var kicker: String?
    /// The dateline and agency opening an agency article (`BERLIN (dts Nachrichtenagentur)`). Imported items only.
    public var dateline: String?
    /// The name of the source an imported item was stored under. Imported items only.
    public var source: String?
    /// ``summary`` as kept: a parser sets it to a range of its document's bytes, read as a string on demand.
    package var summaryText: LazyText?
    /// ``content`` as kept (see ``summaryText``).
    package var contentText: LazyText?

    public init(
        id: String, title: String? = nil, link: String? = nil, links: [Link] = [],
        summary: String? = nil, summaryType: TextType? = nil,
        content: String? = nil, contentType: TextType? = nil,
        published: Date? = nil, updated: Date? = nil,
        authors: [Person] = [], categories: [Category] = [], enclosures: [Enclosure] = [],
        language: String? = nil, image: String? = nil,
        kicker: String? = nil, dateline: String? = nil, source: String? = nil
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.links = links
        self.summaryText = summary.map(LazyText.init)
        self.summaryType = summaryType
        self.contentText = content.map(LazyText.init)
        self.contentType = contentType
        self.published = published
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.enclosures = enclosures
        self.language = language
        self.image = image
        self.kicker = kicker
        self.dateline = dateline
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case id, title, link, links, summary, content, published, updated, authors, categories, enclosures
        case language, image, kicker, dateline, source
        case summaryType = "summary_type"
        case contentType = "content_type"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        link = try c.decodeIfPresent(String.self, forKey: .link)
        links = try c.decodeIfPresent([Link].self, forKey: .links) ?? []
        summaryText = try c.decodeIfPresent(String.self, forKey: .summary).map(LazyText.init)
        summaryType = try c.decodeIfPresent(TextType.self, forKey: .summaryType)
        contentText = try c.decodeIfPresent(String.self, forKey: .content).map(LazyText.init)
        contentType = try c.decodeIfPresent(TextType.self, forKey: .contentType)
        published = try c.decodeIfPresent(Date.self, forKey: .published)
        updated = try c.decodeIfPresent(Date.self, forKey: .updated)
        authors = try c.decodeIfPresent([Person].self, forKey: .authors) ?? []
        categories = try c.decodeIfPresent([Category].self, forKey: .categories) ?? []
        enclosures = try c.decodeIfPresent([Enclosure].self, forKey: .enclosures) ?? []
        language = try c.decodeIfPresent(String.self, forKey: .language)
        image = try c.decodeIfPresent(String.self, forKey: .image)
        kicker = try c.decodeIfPresent(String.self, forKey: .kicker)
        dateline = try c.decodeIfPresent(String.self, forKey: .dateline)
        source = try c.decodeIfPresent(String.self, forKey: .source)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(link, forKey: .link)
        if !links.isEmpty { try c.encode(links, forKey: .links) }
        try c.encodeIfPresent(summary, forKey: .summary)
        try c.encodeIfPresent(summaryType, forKey: .summaryType)
        try c.encodeIfPresent(content, forKey: .content)
        try c.encodeIfPresent(contentType, forKey: .contentType)
        try c.encodeIfPresent(published, forKey: .published)
        try c.encodeIfPresent(updated, forKey: .updated)
        if !authors.isEmpty { try c.encode(authors, forKey: .authors) }
        if !categories.isEmpty { try c.encode(categories, forKey: .categories) }
        if !enclosures.isEmpty { try c.encode(enclosures, forKey: .enclosures) }
        try c.encodeIfPresent(language, forKey: .language)
        try c.encodeIfPresent(image, forKey: .image)
        try c.encodeIfPresent(kicker, forKey: .kicker)
        try c.encodeIfPresent(dateline, forKey: .dateline)
        try c.encodeIfPresent(source, forKey: .source)
    }
}

extension Entry {
    /// Makes ``summary`` and ``content`` strings now, if a parser kept them as bytes (``LazyText``): for a reader
    /// that reads them several times.
    package mutating func makeTextStrings() {
        if let summaryText { self.summaryText = LazyText(summaryText.string) }
        if let contentText { self.contentText = LazyText(contentText.string) }
    }

    /// Whether a reader has anything to show for this entry: a title, a link of any relation, a summary or
    /// content, an enclosure or an image. An entry carrying only authors, dates or categories has not.
    ///
    /// The parser keeps such entries (with a warning); what to do with them is the caller's decision (the
    /// fetch step skips them and counts them).
    public var hasSomethingToShow: Bool {
        title != nil || link != nil || !links.isEmpty || summaryText != nil || contentText != nil
            || !enclosures.isEmpty || image != nil
    }
}
