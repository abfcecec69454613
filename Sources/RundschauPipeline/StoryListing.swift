import Foundation
import RundschauStore

/// `rundschau stories`: the stories with their articles, newest first, and the `--json` contract
/// (`[{id, label, topics, first_seen, last_seen, articles: [{id, entry_id, feed, title, published, duplicate_of}]}]`,
/// dates in ISO 8601). Every article is in exactly one story; a story's articles are in date order.
public struct ListedStory: Codable, Sendable, Hashable {
    /// One article of a story.
    public struct Article: Codable, Sendable, Hashable {
        public var id: Int64
        public var entryID: String
        /// The subscription's URL.
        public var feed: String
        public var title: String?
        public var published: Date?
        /// The canonical article this one copies, when it is a duplicate.
        public var duplicateOf: Int64?

        enum CodingKeys: String, CodingKey {
            case id, feed, title, published
            case entryID = "entry_id", duplicateOf = "duplicate_of"
        }
    }

    public var id: Int64
    public var label: String
    /// Topic slugs.
    public var topics: [String]
    public var firstSeen: Date
    public var lastSeen: Date
    public var articles: [Article]

    enum CodingKeys: String, CodingKey {
        case id, label, topics, articles
        case firstSeen = "first_seen", lastSeen = "last_seen"
    }

    /// The listing's JSON form.
    public static func json(_ stories: [ListedStory]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(stories)
    }

    /// Reads a listing written by ``json(_:)``.
    public static func decode(_ data: Data) throws -> [ListedStory] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode([ListedStory].self, from: data)
    }
}

/// Reads the stories for `rundschau stories` in set-based queries (one for the stories, a few for their members).
public enum StoryListing {
    /// A topic slug that does not exist.
    public struct UnknownTopic: Error, CustomStringConvertible {
        public var slug: String
        public var known: [String]
        public var description: String { "no topic \"\(slug)\"; known: " + known.joined(separator: ", ") }
    }

    /// The stories last seen on or after `since` (all when `nil`), only those of topic `topic` when given.
    /// - Throws: ``UnknownTopic``, or store errors.
    public static func load(store: any StoryStore & ArticleStore & TopicStore & SubscriptionStore, topic: String? = nil,
                            since: Date? = nil) async throws -> [ListedStory] {
        let topics = try await store.topics()
        var query = ClusterQuery(lastSeenSince: since)
        if let topic {
            guard let found = topics.first(where: { $0.slug == topic }) else {
                throw UnknownTopic(slug: topic, known: topics.map(\.slug))
            }
            query.topicID = found.id
        }
        let slugs = Dictionary(uniqueKeysWithValues: topics.map { ($0.id, $0.slug) })
        let feeds = Dictionary(uniqueKeysWithValues: try await store.feeds().map { ($0.id, $0.url) })
        let clusters = try await store.clusters(query)
        let membersOf = try await store.members(of: clusters.map(\.id))
        return clusters.map { cluster in
            ListedStory(
                id: cluster.id.rawValue, label: cluster.label, topics: cluster.topicIDs.compactMap { slugs[$0] },
                firstSeen: cluster.firstSeen, lastSeen: cluster.lastSeen,
                articles: (membersOf[cluster.id] ?? []).sorted { $0.date < $1.date }.map {
                    ListedStory.Article(id: $0.id.rawValue, entryID: $0.entryID, feed: feeds[$0.feedID] ?? "",
                                        title: $0.title, published: $0.published, duplicateOf: $0.duplicateOf?.rawValue)
                })
        }
    }
}
