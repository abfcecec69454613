/// A topic an article or story belongs to: a configured one, or one discovered from recurring terms.
public struct TopicRef: Hashable, Sendable, Comparable {
    /// The slug (`middle-east`, or for discovered topics one built from the terms, `ukraine-selenskyj`).
    public var name: String
    /// True for topics discovered from recurring term groups, not configured.
    public var discovered: Bool

    /// A topic by name; `discovered` marks one found from recurring terms rather than configured.
    public init(name: String, discovered: Bool = false) {
        self.name = name
        self.discovered = discovered
    }

    /// Configured topics first, then by name.
    public static func < (a: TopicRef, b: TopicRef) -> Bool {
        (a.discovered ? 1 : 0, a.name) < (b.discovered ? 1 : 0, b.name)
    }
}

/// A topic found in recurring term groups rather than configured. Always marked `discovered`.
public struct DiscoveredTopic: Hashable, Sendable {
    /// Slug from the terms, e.g. `pegasus-nso`.
    public var name: String
    /// Label from the terms, e.g. `Pegasus / NSO`.
    public var label: String
    /// The terms (display forms) that define it.
    public var terms: [String]
    /// Articles carrying the term group.
    public var articles: [Int64]
    /// Stories those articles belong to.
    public var clusters: [StoryID]
    /// Always true: discovered topics are marked as such.
    public var discovered: Bool { true }

    /// A discovered topic: its slug, display label, the terms that define it and what it covers.
    public init(name: String, label: String, terms: [String], articles: [Int64], clusters: [StoryID]) {
        self.name = name
        self.label = label
        self.terms = terms
        self.articles = articles
        self.clusters = clusters
    }
}
