import Foundation

/// A story cluster as stored: the coverage of one story across feeds, with its members.
public struct StoredCluster: Hashable, Sendable, Identifiable {
    /// The store's id; stable across clustering runs.
    public var id: ClusterID
    /// The cluster's label (its most representative headline).
    public var label: String
    /// The earliest member date.
    public var firstSeen: Date
    /// The latest member date.
    public var lastSeen: Date
    /// The article that represents the story in the per-topic feeds.
    public var representativeID: ArticleID?
    /// Member articles, by id ascending.
    public var articleIDs: [ArticleID]
    /// Topics of the cluster, by id ascending.
    public var topicIDs: [TopicID]

    /// Describes a stored cluster; backends build these from their rows.
    public init(
        id: ClusterID, label: String, firstSeen: Date, lastSeen: Date, representativeID: ArticleID? = nil,
        articleIDs: [ArticleID] = [], topicIDs: [TopicID] = []
    ) {
        self.id = id
        self.label = label
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.representativeID = representativeID
        self.articleIDs = articleIDs
        self.topicIDs = topicIDs
    }
}
