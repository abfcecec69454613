import Foundation

/// Where a topic comes from.
public enum TopicOrigin: String, Hashable, Codable, Sendable, CaseIterable {
    /// Listed in the configuration.
    case configured
    /// Found by clustering from recurring term groups; marked as such in the output.
    case discovered
}

/// What ``FeedStore/upsertTopic(_:)`` writes; the matching rules (keywords, regexes) stay in the configuration.
public struct TopicDraft: Hashable, Sendable {
    /// A stable, URL-safe name (`naher-osten`); unique within a store. The Atom file is `<slug>.atom`.
    public var slug: String
    /// The human title.
    public var title: String
    /// Configured or discovered.
    public var origin: TopicOrigin
    /// A fingerprint of the matching rules the topic's memberships are computed with (configured topics), so a
    /// later run can tell that the configuration changed and match the stored articles again; nil for none.
    public var rules: String?

    /// Describes a topic.
    public init(slug: String, title: String, origin: TopicOrigin = .configured, rules: String? = nil) {
        self.slug = slug
        self.title = title
        self.origin = origin
        self.rules = rules
    }
}

/// A topic as stored.
public struct StoredTopic: Hashable, Sendable, Identifiable {
    /// The store's id.
    public var id: TopicID
    /// The stable, URL-safe name.
    public var slug: String
    /// The human title.
    public var title: String
    /// Configured or discovered.
    public var origin: TopicOrigin
    /// When the topic was first stored.
    public var createdAt: Date
    /// The fingerprint of the rules its memberships were last computed with (``TopicDraft/rules``).
    public var rules: String?

    /// Describes a stored topic; backends build these from their rows.
    public init(id: TopicID, slug: String, title: String, origin: TopicOrigin, createdAt: Date, rules: String? = nil) {
        self.rules = rules
        self.id = id
        self.slug = slug
        self.title = title
        self.origin = origin
        self.createdAt = createdAt
    }
}
