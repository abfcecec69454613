import Foundation

/// Parameters of story clustering.
///
/// Short texts (a headline, perhaps a one-line teaser) and full articles need different thresholds: two headlines
/// of one story share few words (the median same-story similarity of headlines is a third of full texts'), so
/// each article is judged with the parameters of its kind, told apart by `shortTextWords`. The defaults were
/// chosen on development data (the tune halves described in the README), as round values from a flat optimum.
public struct StoryClusterSettings: Hashable, Sendable {
    /// Parameters for one kind of article.
    public struct Kind: Hashable, Sendable {
        /// An article joins the most similar story when its mean similarity to the story's members reaches this.
        public var join: Double
        /// Two stories merge when the mean similarity between their members, as observed when articles joined,
        /// reaches this.
        public var merge: Double
        /// Weight of the character n-gram similarity; the word (stem) similarity takes the rest.
        public var charWeight: Double

        /// Thresholds and the n-gram weight for one kind of article.
        public init(join: Double, merge: Double, charWeight: Double) {
            self.join = join
            self.merge = merge
            self.charWeight = charWeight
        }
    }

    /// Articles further apart than this never join through each other: a story takes a new article only when one
    /// of its members lies within the window of the article's date. Default: 3 days.
    public var window: TimeInterval
    /// Headline-only articles (fewer than `shortTextWords` body words): n-grams of title and link slug count most.
    public var short: Kind
    /// Articles with a body.
    public var full: Kind
    /// Bodies with fewer words than this make an article short.
    public var shortTextWords: Int
    /// A title occurrence counts this many times a body occurrence.
    public var titleWeight: Double
    /// Multiplier of name-like words over ordinary words.
    public var nameWeight: Double
    /// Word terms of a new article used to look up candidate stories in the inverted index.
    public var queryTerms: Int
    /// Character n-grams of a new article used to look up candidate stories.
    public var queryGrams: Int
    /// Word terms of each article entered into the inverted index.
    public var indexedTerms: Int
    /// Character n-grams of each article entered into the inverted index.
    public var indexedGrams: Int
    /// Stories scored exactly per new article (the best by inverted-index overlap).
    public var candidates: Int
    /// How much a new article's terms and n-grams that no stored article has count in its norm, from 0 (not at
    /// all) to 1 (plain cosine). They can match nothing; counted fully they only lower every similarity of an
    /// article whose outlet chose its own words.
    public var unsharedWeight: Double
    /// Whether an article may join a story opened in another language. Off by default: cross-language
    /// evidence (names, numbers) is thinner, and readers mostly follow one language.
    public var crossLanguage: Bool
    /// Word terms kept per story.
    public var storyTerms: Int
    /// Character n-grams kept per story.
    public var storyGrams: Int

    /// Settings with the tuned defaults; override what you measure.
    public init(
        window: TimeInterval = 3 * 86_400,
        short: Kind = Kind(join: 0.08, merge: 0.06, charWeight: 0.7),
        full: Kind = Kind(join: 0.12, merge: 0.10, charWeight: 0.2),
        shortTextWords: Int = 12, unsharedWeight: Double = 1, titleWeight: Double = 3, nameWeight: Double = 2, queryTerms: Int = 12,
        queryGrams: Int = 16, indexedTerms: Int = 24, indexedGrams: Int = 24, candidates: Int = 8,
        crossLanguage: Bool = false, storyTerms: Int = 200, storyGrams: Int = 300
    ) {
        self.window = window
        self.short = short
        self.full = full
        self.shortTextWords = shortTextWords
        self.unsharedWeight = unsharedWeight
        self.titleWeight = titleWeight
        self.nameWeight = nameWeight
        self.queryTerms = queryTerms
        self.queryGrams = queryGrams
        self.indexedTerms = indexedTerms
        self.indexedGrams = indexedGrams
        self.candidates = candidates
        self.crossLanguage = crossLanguage
        self.storyTerms = storyTerms
        self.storyGrams = storyGrams
    }
}
