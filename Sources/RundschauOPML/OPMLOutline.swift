import Foundation

/// One `<outline>` of an OPML body: a subscription (it has `xmlUrl`) or a folder (it has children).
public struct OPMLOutline: Sendable, Hashable {
    /// `text`: the label OPML 2.0 requires.
    public var text: String?
    /// `title`: often equal to `text`; preferred when present.
    public var title: String?
    /// `type` (`rss`, `atom`, `link`, …), as written.
    public var type: String?
    /// `xmlUrl`: the feed's URL.
    public var xmlURL: String?
    /// `htmlUrl`: the site's URL.
    public var htmlURL: String?
    /// `description`: what the feed is about.
    public var description: String?
    /// `language`: the feed's language tag (`de`, `en-GB`).
    public var language: String?
    /// `category`: comma-separated, slash-delimited category paths (OPML 2.0), as written.
    public var category: String?
    /// Nested outlines.
    public var children: [OPMLOutline]

    /// Creates an outline.
    public init(
        text: String? = nil, title: String? = nil, type: String? = nil, xmlURL: String? = nil,
        htmlURL: String? = nil, description: String? = nil, language: String? = nil, category: String? = nil,
        children: [OPMLOutline] = []
    ) {
        self.text = text
        self.title = title
        self.type = type
        self.xmlURL = xmlURL
        self.htmlURL = htmlURL
        self.description = description
        self.language = language
        self.category = category
        self.children = children
    }

    /// Whether this outline is a feed subscription.
    public var isSubscription: Bool { xmlURL != nil }

    /// `title`, else `text`; `nil` when both are missing or blank.
    public var displayName: String? {
        for candidate in [title, text] {
            if let candidate, !candidate.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return candidate }
        }
        return nil
    }
}
