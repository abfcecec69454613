/// An author or contributor (RFC 4287 §3.2), from Atom person constructs, `Name <email>` or `email (Name)`.
public struct Person: Hashable, Codable, Sendable {
    public var name: String?
    public var email: String?
    public var uri: String?

    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }

    /// True when no field carries anything.
    public var isEmpty: Bool { name == nil && email == nil && uri == nil }
}
