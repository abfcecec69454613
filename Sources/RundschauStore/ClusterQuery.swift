import Foundation

/// Which clusters ``FeedStore/clusters(_:)`` returns, newest ``StoredCluster/lastSeen`` first.
public struct ClusterQuery: Hashable, Sendable {
    /// Only these clusters.
    public var ids: [ClusterID]?
    /// Only clusters in this topic.
    public var topicID: TopicID?
    /// Only clusters whose last member date is at or after this instant.
    public var lastSeenSince: Date?
    /// At most this many (must not be negative).
    public var limit: Int?

    /// Describes a query; all filters default to "any".
    public init(ids: [ClusterID]? = nil, topicID: TopicID? = nil, lastSeenSince: Date? = nil, limit: Int? = nil) {
        self.ids = ids
        self.topicID = topicID
        self.lastSeenSince = lastSeenSince
        self.limit = limit
    }
}
