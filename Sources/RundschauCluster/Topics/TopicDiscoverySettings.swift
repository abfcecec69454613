/// Settings for topics discovered from recurring term groups (`discover:` in `Config/topics.yaml`).
public struct TopicDiscoverySettings: Hashable, Sendable, Codable {
    /// Whether to discover topics at all.
    public var enabled: Bool
    /// A discovered topic needs at least this many articles (from at least two stories).
    public var minArticles: Int
    /// At most this many discovered topics per run, the largest first.
    public var maxTopics: Int

    /// Discovery settings; the defaults publish up to 12 topics of at least 4 articles each.
    public init(enabled: Bool = true, minArticles: Int = 4, maxTopics: Int = 12) {
        self.enabled = enabled
        self.minArticles = minArticles
        self.maxTopics = maxTopics
    }
}

/// A topic definition that cannot be used: a pattern that is not a valid regular expression.
public struct TopicError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The topic whose pattern failed.
    public var topic: String
    /// The pattern as configured.
    public var pattern: String
    /// What the regular-expression engine said.
    public var message: String

    /// A one-line message for a terminal.
    public var description: String { "topic \(topic): invalid pattern \"\(pattern)\": \(message)" }
}
