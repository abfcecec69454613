import Foundation

/// Parameters of story clustering. The defaults are tuned on `Benchmarks/data` (see the README).
public struct StoryClusterSettings: Hashable, Sendable {
    /// Articles further apart than this never join through each other: a story takes a new article only when one
    /// of its members lies within the window of the article's date. Default: 3 days.
    public var window: TimeInterval
    /// Minimum combined similarity (cosine of TF-IDF vectors plus name bonus, times the time factor) to join.
    public var threshold: Double
    /// Added to the cosine when the article shares names (people, places, organizations) with the story:
    /// `nameBonus × min(shared, 3) / 3`.
    public var nameBonus: Double
    /// How much the similarity fades from the story's time span to the window's edge (0: not at all).
    public var timeDecay: Double
    /// A title occurrence counts this many times a body occurrence.
    public var titleWeight: Double
    /// Multiplier of name-like words over ordinary words.
    public var nameWeight: Double
    /// Terms of a new article used to look up candidate stories in the inverted index.
    public var queryTerms: Int
    /// Terms of each article entered into the inverted index.
    public var indexedTerms: Int
    /// Stories scored exactly per new article (the best by inverted-index overlap).
    public var candidates: Int
    /// How much terms that no other article has (so far) count in the norms of the cosine, from 0 (not at all:
    /// similarity over the shared vocabulary) to 1 (plain cosine). Such terms can match nothing; counted fully
    /// they drown short texts whose outlets chose different words.
    public var unsharedWeight: Double
    /// An article joins only a story it shares at least this many terms with (one shared word is chance).
    public var minimumSharedTerms: Int
    /// Whether an article may join a story opened in another language. Off by default: cross-language
    /// evidence (names, numbers) is thinner, and readers mostly follow one language.
    public var crossLanguage: Bool
    /// Terms kept per story centroid.
    public var centroidTerms: Int
    /// The similarity to the closest single member (of the latest 32) counts with this factor when it beats the
    /// centroid's; 0 (the default) compares with the centroid only.
    public var memberWeight: Double

    /// Creates a value from all its fields.
    public init(
        window: TimeInterval = 3 * 86_400, threshold: Double = 0.25, nameBonus: Double = 0.1, timeDecay: Double = 0.3,
        titleWeight: Double = 3, nameWeight: Double = 2, queryTerms: Int = 12, indexedTerms: Int = 24,
        candidates: Int = 8, centroidTerms: Int = 160, memberWeight: Double = 0, unsharedWeight: Double = 0.2, minimumSharedTerms: Int = 2,
        crossLanguage: Bool = false
    ) {
        self.window = window
        self.threshold = threshold
        self.nameBonus = nameBonus
        self.timeDecay = timeDecay
        self.titleWeight = titleWeight
        self.nameWeight = nameWeight
        self.queryTerms = queryTerms
        self.indexedTerms = indexedTerms
        self.candidates = candidates
        self.centroidTerms = centroidTerms
        self.memberWeight = memberWeight
        self.unsharedWeight = unsharedWeight
        self.minimumSharedTerms = minimumSharedTerms
        self.crossLanguage = crossLanguage
    }
}
