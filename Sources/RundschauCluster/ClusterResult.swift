/// Everything one run decided, for the glue to write back.
public struct ClusterResult: Sendable {
    /// New articles that are duplicates, each linked to its group's canonical article.
    public var duplicates: [DuplicateLink]
    /// Where every new article went (duplicates follow their canonical's story; merged stories are resolved to the
    /// survivor).
    public var assignments: [ClusterAssignment]
    /// Stories absorbed by older ones in this run: move `from`'s stored articles to `into` and drop `from`.
    public var merges: [StoryMerge]
    /// Stories that gained members or were opened in this run, with labels and topics.
    public var clusters: [StoryCluster]
    /// Topics to write: every new article that has any, every stored article passed without known topics that
    /// has any, and every stored article whose topics differ from ``ClusteredArticle/topics`` (an empty list: its
    /// topics are all gone).
    public var articleTopics: [Int64: [TopicRef]]
    /// Topics of every story in `clusters` that has any; with ``ClusterEngine/StoredTopics/rematchAll``, of every
    /// story in the window, empty lists included.
    public var clusterTopics: [StoryID: [TopicRef]]
    /// Topics discovered from recurring term groups in this run's articles.
    public var discoveredTopics: [DiscoveredTopic]

    /// A run's decisions; everything defaults to empty.
    public init(
        duplicates: [DuplicateLink] = [], assignments: [ClusterAssignment] = [], merges: [StoryMerge] = [],
        clusters: [StoryCluster] = [],
        articleTopics: [Int64: [TopicRef]] = [:], clusterTopics: [StoryID: [TopicRef]] = [:],
        discoveredTopics: [DiscoveredTopic] = []
    ) {
        self.duplicates = duplicates
        self.assignments = assignments
        self.merges = merges
        self.clusters = clusters
        self.articleTopics = articleTopics
        self.clusterTopics = clusterTopics
        self.discoveredTopics = discoveredTopics
    }
}
