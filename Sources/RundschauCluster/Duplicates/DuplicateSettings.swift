/// Thresholds of duplicate detection. The defaults are tuned on `Benchmarks/data` (see the README).
public struct DuplicateSettings: Hashable, Sendable {
    /// Estimated Jaccard similarity of word 5-shingles at or above which two texts are near-duplicates.
    public var jaccard: Double
    /// Estimated containment (share of the shorter text's shingles found in the longer one) at or above which
    /// a shorter text (a truncated teaser) is a near-duplicate of a longer one.
    public var containment: Double
    /// The shorter text needs at least this many shingles for the containment rule.
    public var minimumContainedShingles: Int
    /// Texts with fewer shingles than this are never near-duplicates (exact rules still apply).
    public var minimumShingles: Int

    /// Thresholds with the defaults measured in the README; override what you measure.
    public init(jaccard: Double = 0.25, containment: Double = 0.6, minimumContainedShingles: Int = 12,
                minimumShingles: Int = 4) {
        self.jaccard = jaccard
        self.containment = containment
        self.minimumContainedShingles = minimumContainedShingles
        self.minimumShingles = minimumShingles
    }
}
