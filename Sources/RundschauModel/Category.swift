/// A category or tag (RFC 4287 §4.2.2; RSS `category`, `dc:subject`).
public struct Category: Hashable, Codable, Sendable {
    public var term: String
    public var scheme: String?
    public var label: String?

    public init(term: String, scheme: String? = nil, label: String? = nil) {
        self.term = term
        self.scheme = scheme
        self.label = label
    }
}
