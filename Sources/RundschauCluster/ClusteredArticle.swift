/// An article stored by an earlier run together with the decisions made for it then.
///
/// The glue passes these to rebuild the in-memory indexes; their assignments never change.
public struct ClusteredArticle: Hashable, Sendable {
    /// The stored article.
    public var article: ClusterArticle
    /// The story the article was placed in.
    public var clusterID: StoryID
    /// The canonical article of its duplicate group, when it is a duplicate.
    public var duplicateOf: Int64?
    /// The topics it is stored with (configured and discovered), when the glue read them: what
    /// ``ClusterEngine/StoredTopics/keep`` keeps, and what a run compares its outcome with so that it reports only
    /// the articles whose topics changed. nil: not known.
    public var topics: [TopicRef]?

    /// A stored article with its stored story and, for a copy, its canonical article.
    public init(article: ClusterArticle, clusterID: StoryID, duplicateOf: Int64? = nil, topics: [TopicRef]? = nil) {
        self.topics = topics
        self.article = article
        self.clusterID = clusterID
        self.duplicateOf = duplicateOf
    }
}
