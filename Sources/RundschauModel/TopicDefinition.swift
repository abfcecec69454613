/// A configured topic (`Config/topics.yaml`): an article belongs to it when its title and text match enough of
/// the keywords, phrases and patterns. `RundschauConfig` reads it from the topics file; `RundschauCluster`
/// matches articles against it.
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
