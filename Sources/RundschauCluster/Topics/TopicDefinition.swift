/// A configured topic (`Config/topics.yaml`): an article belongs to it when its title and text match enough of
/// the keywords, phrases and patterns. The glue loads the YAML into these values.
public struct TopicDefinition: Hashable, Sendable, Codable {
    /// The slug (`middle-east`); also the name of the topic's feed.
    public var name: String
    /// The human title (`Naher Osten / Middle East`).
    public var title: String
    /// Words matched on their German and English stems, case-insensitively (`Soldaten` also matches `Soldat`;
    /// in German text a keyword also matches as the head of a compound: `Verteidigungsminister` inside
    /// `Bundesverteidigungsminister`). Keywords of three letters or fewer (`EU`, `NSO`) match whole words only.
    public var keywords: [String]
    /// Word sequences matched on stems in order (`Naher Osten` also matches `Nahen Osten`).
    public var phrases: [String]
    /// Regular expressions (ICU syntax, case-insensitive) matched against title and text.
    public var patterns: [String]
    /// Languages (`de`, `en`) the topic applies to; empty: all. Articles of unknown language are not excluded.
    public var languages: [String]
    /// Sources (feed titles or import source names) the topic is restricted to; empty: all.
    public var sources: [String]

    /// A configured topic; an empty list means "any" for languages and sources.
    public init(
        name: String, title: String, keywords: [String] = [], phrases: [String] = [], patterns: [String] = [],
        languages: [String] = [], sources: [String] = []
    ) {
        self.name = name
        self.title = title
        self.keywords = keywords
        self.phrases = phrases
        self.patterns = patterns
        self.languages = languages
        self.sources = sources
    }
}

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
