import Foundation

/// One normalized feed document: its metadata, its entries, and what was repaired on the way.
public struct Feed: Hashable, Codable, Sendable {
    public var format: FeedFormat
    public var title: String?
    /// The site's (alternate) link.
    public var link: String?
    public var links: [Link]
    public var subtitle: String?
    public var subtitleType: TextType?
    public var language: String?
    public var updated: Date?
    /// A logo or image URL.
    public var image: String?
    public var authors: [Person]
    /// Recoverable problems met while reading (bad dates, repaired encodings, sloppy XML).
    public var warnings: [String]
    public var entries: [Entry]
    /// RSS `ttl`, in minutes: how long the feed may be cached.
    public var ttl: Int?
    /// The publisher's update interval from `sy:updatePeriod`/`sy:updateFrequency`, in seconds.
    public var updateInterval: Int?

    public init(
        format: FeedFormat, title: String? = nil, link: String? = nil, links: [Link] = [],
        subtitle: String? = nil, subtitleType: TextType? = nil, language: String? = nil,
        updated: Date? = nil, image: String? = nil, authors: [Person] = [], warnings: [String] = [],
        entries: [Entry] = [], ttl: Int? = nil, updateInterval: Int? = nil
    ) {
        self.format = format
        self.title = title
        self.link = link
        self.links = links
        self.subtitle = subtitle
        self.subtitleType = subtitleType
        self.language = language
        self.updated = updated
        self.image = image
        self.authors = authors
        self.warnings = warnings
        self.entries = entries
        self.ttl = ttl
        self.updateInterval = updateInterval
    }

    enum CodingKeys: String, CodingKey {
        case format, title, link, links, subtitle, language, updated, image, authors, warnings, entries, ttl
        case subtitleType = "subtitle_type"
        case updateInterval = "update_interval"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(FeedFormat.self, forKey: .format)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        link = try c.decodeIfPresent(String.self, forKey: .link)
        links = try c.decodeIfPresent([Link].self, forKey: .links) ?? []
        subtitle = try c.decodeIfPresent(String.self, forKey: .subtitle)
        subtitleType = try c.decodeIfPresent(TextType.self, forKey: .subtitleType)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        updated = try c.decodeIfPresent(Date.self, forKey: .updated)
        image = try c.decodeIfPresent(String.self, forKey: .image)
        authors = try c.decodeIfPresent([Person].self, forKey: .authors) ?? []
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
        entries = try c.decodeIfPresent([Entry].self, forKey: .entries) ?? []
        ttl = try c.decodeIfPresent(Int.self, forKey: .ttl)
        updateInterval = try c.decodeIfPresent(Int.self, forKey: .updateInterval)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(link, forKey: .link)
        if !links.isEmpty { try c.encode(links, forKey: .links) }
        try c.encodeIfPresent(subtitle, forKey: .subtitle)
        try c.encodeIfPresent(subtitleType, forKey: .subtitleType)
        try c.encodeIfPresent(language, forKey: .language)
        try c.encodeIfPresent(updated, forKey: .updated)
        try c.encodeIfPresent(image, forKey: .image)
        if !authors.isEmpty { try c.encode(authors, forKey: .authors) }
        try c.encode(warnings, forKey: .warnings)
        try c.encode(entries, forKey: .entries)
        try c.encodeIfPresent(ttl, forKey: .ttl)
        try c.encodeIfPresent(updateInterval, forKey: .updateInterval)
    }
}
