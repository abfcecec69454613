/// Where a new article was placed.
public struct ClusterAssignment: Hashable, Sendable {
    /// The new article.
    public var article: Int64
    /// The story it now belongs to.
    public var cluster: StoryID
    /// The best story similarity found: the one that placed it, or for an opener the best below the threshold
    /// (1 for a duplicate following its canonical).
    public var score: Double
    /// The most similar story considered (for an opener: the one it did not join), for diagnostics.
    public var nearest: StoryID?
    /// True when the article opened this story (declared last: 40 bytes an assignment instead of 48).
    public var opened: Bool

    /// Where one article went, with the score that decided it.
    public init(article: Int64, cluster: StoryID, opened: Bool, score: Double, nearest: StoryID? = nil) {
        self.article = article
        self.cluster = cluster
        self.opened = opened
        self.score = score
        self.nearest = nearest
    }
}
