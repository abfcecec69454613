/// A database row id, typed by what it identifies so that a feed id cannot be passed where an article id is
/// expected.
///
/// Ids are assigned by the store, never reused, and grow with insertion order within one store, which makes
/// ``ArticleID`` usable as a cursor (`ArticleQuery.afterID`) for incremental processing.
///
/// ```swift
/// let feed = try await store.subscribe(FeedSubscription(url: "https://example.org/feed"), at: .now)
/// print(feed.id.rawValue)   // 1
/// ```
public struct StoreID<Kind>: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The row id as the database stores it.
    public var rawValue: Int64

    /// Wraps a row id read from the database or from a command-line argument.
    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    /// Wraps a row id.
    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    /// Orders by row id (insertion order).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The row id in decimal.
    public var description: String { String(rawValue) }

    /// Decodes a bare integer.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes a bare integer (`"id": 12`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Identifies a subscription (a fetched feed or an imported dump file).
public typealias FeedID = StoreID<StoredFeed>
/// Identifies a stored article; stable across updates of its content.
public typealias ArticleID = StoreID<StoredArticle>
/// Identifies a story cluster; stable across clustering runs.
public typealias ClusterID = StoreID<StoredCluster>
/// Identifies a topic.
public typealias TopicID = StoreID<StoredTopic>
/// Identifies one run of the main job.
public typealias RunID = StoreID<StoredRun>
