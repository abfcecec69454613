/// A link from a feed or an entry (RFC 4287 §4.2.7), resolved to an absolute URL where possible.
public struct Link: Hashable, Codable, Sendable {
    /// The relation, `alternate` when the feed gave none.
    public var rel: String
    /// The target, absolute when a base URL was known.
    public var href: String
    /// The advertised media type.
    public var type: String?
    /// A human-readable title.
    public var title: String?
    /// The advertised length in bytes.
    public var length: Int64?

    public init(rel: String = "alternate", href: String, type: String? = nil, title: String? = nil, length: Int64? = nil) {
        self.rel = rel
        self.href = href
        self.type = type
        self.title = title
        self.length = length
    }
}
