import Foundation

/// A story as it stands after a run: every member known to this run, its label and its time span.
public struct StoryCluster: Hashable, Sendable {
    /// The stable id (the id of the article that opened the story).
    public var id: StoryID
    /// The most representative headline: the member title closest to the story's term centroid.
    public var label: String
    /// The article whose title is the label.
    public var labelArticle: Int64
    /// Earliest member date (published, else first seen). Combine with a stored value: take the minimum.
    public var firstSeen: Date
    /// Latest member date. Combine with a stored value: take the maximum.
    public var lastSeen: Date
    /// Member article ids known to this run (window plus new), duplicates included, in time order.
    public var members: [Int64]
    /// Topics of the story (see `TopicMatcher.clusterTopics`).
    public var topics: [TopicRef]
    /// True when this run opened the story.
    public var isNew: Bool

    /// A story summary; the engine fills `topics` after placing the articles.
    public init(
        id: StoryID, label: String, labelArticle: Int64, firstSeen: Date, lastSeen: Date, members: [Int64],
        topics: [TopicRef], isNew: Bool
    ) {
        self.id = id
        self.label = label
        self.labelArticle = labelArticle
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.members = members
        self.topics = topics
        self.isNew = isNew
    }
}
