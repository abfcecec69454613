/// One feed from an OPML file, flattened: its folders became categories.
public struct OPMLSubscription: Sendable, Hashable {
    /// The feed URL (`xmlUrl`), as written (trimmed).
    public var xmlURL: String
    /// The site URL (`htmlUrl`).
    public var htmlURL: String?
    /// `title`, else `text`; `nil` when neither is given or the label is just the URL.
    public var title: String?
    /// `type` (`rss` for most exporters).
    public var type: String?
    /// Category paths: first the folder path (`Tech/Swift` for folder `Swift` inside `Tech`), then any paths from
    /// the `category` attribute, without leading slashes, duplicates removed. A `/` inside a folder name is read
    /// as `∕` (U+2215) so that it cannot split the path.
    public var categories: [String]

    /// Creates a subscription.
    public init(xmlURL: String, htmlURL: String? = nil, title: String? = nil, type: String? = nil, categories: [String] = []) {
        self.xmlURL = xmlURL
        self.htmlURL = htmlURL
        self.title = title
        self.type = type
        self.categories = categories
    }
}
