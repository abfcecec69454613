import Foundation

/// How a duplicate was recognized.
public enum DuplicateKind: String, Hashable, Sendable, Codable {
    /// The same canonical URL (tracking parameters, default ports, fragments and `index.html` ignored).
    case url
    /// The same content hash (the same text).
    case contentHash
    /// A near-duplicate: the same text with light edits, found by MinHash/LSH over word 5-shingles.
    case nearDuplicate
}

/// One article linked to the canonical article of its duplicate group. Duplicates are linked, never deleted.
public struct DuplicateLink: Hashable, Sendable {
    /// The duplicate.
    public var article: Int64
    /// The canonical article of the group (never itself a duplicate).
    public var canonical: Int64
    /// The article the match was made against: the canonical or another member of its group.
    public var matched: Int64
    /// Which rule recognized it.
    public var kind: DuplicateKind
    /// Estimated Jaccard similarity of the word 5-shingles (1 for exact duplicates).
    public var similarity: Double

    /// Creates a value from all its fields.
    public init(article: Int64, canonical: Int64, matched: Int64, kind: DuplicateKind, similarity: Double) {
        self.article = article
        self.canonical = canonical
        self.matched = matched
        self.kind = kind
        self.similarity = similarity
    }
}

/// Where a new article was placed.
public struct ClusterAssignment: Hashable, Sendable {
    /// The new article.
    public var article: Int64
    /// The story it now belongs to.
    public var cluster: ClusterID
    /// True when the article opened this story.
    public var opened: Bool
    /// The best story similarity found: the one that placed it, or for an opener the best below the threshold
    /// (1 for a duplicate following its canonical).
    public var score: Double
    /// The most similar story considered (for an opener: the one it did not join), for diagnostics.
    public var nearest: ClusterID?

    /// Creates a value from all its fields.
    public init(article: Int64, cluster: ClusterID, opened: Bool, score: Double, nearest: ClusterID? = nil) {
        self.article = article
        self.cluster = cluster
        self.opened = opened
        self.score = score
        self.nearest = nearest
    }
}

/// A topic an article or story belongs to: a configured one, or one discovered from recurring terms.
public struct TopicRef: Hashable, Sendable, Comparable {
    /// The slug (`middle-east`, or for discovered topics one built from the terms, `ukraine-selenskyj`).
    public var name: String
    /// True for topics discovered from recurring term groups, not configured.
    public var discovered: Bool

    /// Creates a value from all its fields.
    public init(name: String, discovered: Bool = false) {
        self.name = name
        self.discovered = discovered
    }

    /// Configured topics first, then by name.
    public static func < (a: TopicRef, b: TopicRef) -> Bool {
        (a.discovered ? 1 : 0, a.name) < (b.discovered ? 1 : 0, b.name)
    }
}

/// A story as it stands after a run: every member known to this run, its label and its time span.
public struct StoryCluster: Hashable, Sendable {
    /// The stable id (the id of the article that opened the story).
    public var id: ClusterID
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

    /// Creates a value from all its fields.
    public init(
        id: ClusterID, label: String, labelArticle: Int64, firstSeen: Date, lastSeen: Date, members: [Int64],
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

/// A topic found in recurring term groups rather than configured. Always marked `discovered`.
public struct DiscoveredTopic: Hashable, Sendable {
    /// Slug from the terms, e.g. `pegasus-nso`.
    public var name: String
    /// Label from the terms, e.g. `Pegasus / NSO`.
    public var label: String
    /// The terms (display forms) that define it.
    public var terms: [String]
    /// Articles carrying the term group.
    public var articles: [Int64]
    /// Stories those articles belong to.
    public var clusters: [ClusterID]
    /// Always true: discovered topics are marked as such.
    public var discovered: Bool { true }

    /// Creates a value from all its fields.
    public init(name: String, label: String, terms: [String], articles: [Int64], clusters: [ClusterID]) {
        self.name = name
        self.label = label
        self.terms = terms
        self.articles = articles
        self.clusters = clusters
    }
}

/// Everything one run decided, for the glue to write back.
public struct ClusterResult: Sendable {
    /// New articles that are duplicates, each linked to its group's canonical article.
    public var duplicates: [DuplicateLink]
    /// Where every new article went (duplicates follow their canonical's story).
    public var assignments: [ClusterAssignment]
    /// Stories that gained members or were opened in this run, with labels and topics.
    public var clusters: [StoryCluster]
    /// Topics of every article of this run (existing and new) that has any.
    public var articleTopics: [Int64: [TopicRef]]
    /// Topics of every story in `clusters` that has any.
    public var clusterTopics: [ClusterID: [TopicRef]]
    /// Topics discovered from recurring term groups in this run's articles.
    public var discoveredTopics: [DiscoveredTopic]

    /// Creates a value from all its fields.
    public init(
        duplicates: [DuplicateLink] = [], assignments: [ClusterAssignment] = [], clusters: [StoryCluster] = [],
        articleTopics: [Int64: [TopicRef]] = [:], clusterTopics: [ClusterID: [TopicRef]] = [:],
        discoveredTopics: [DiscoveredTopic] = []
    ) {
        self.duplicates = duplicates
        self.assignments = assignments
        self.clusters = clusters
        self.articleTopics = articleTopics
        self.clusterTopics = clusterTopics
        self.discoveredTopics = discoveredTopics
    }
}
