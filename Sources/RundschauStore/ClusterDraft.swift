import Foundation

/// The fields of a cluster that clustering sets: what ``FeedStore/createCluster(_:)`` and
/// ``FeedStore/updateCluster(_:_:)`` write. Membership is set with ``FeedStore/assignClusters(_:)``.
public struct ClusterDraft: Hashable, Sendable {
    /// The label (most representative headline).
    public var label: String
    /// The earliest member date.
    public var firstSeen: Date
    /// The latest member date.
    public var lastSeen: Date
    /// The representative article.
    public var representativeID: ArticleID?

    /// Describes a cluster's fields.
    public init(label: String, firstSeen: Date, lastSeen: Date, representativeID: ArticleID? = nil) {
        self.label = label
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.representativeID = representativeID
    }
}
