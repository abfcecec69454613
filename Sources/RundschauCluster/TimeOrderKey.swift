import Foundation

/// Where an article comes in the engine's processing order: its effective date (published, else first seen), then
/// first seen, then id. Small enough to keep for every article of a window while the texts are not held.
public struct TimeOrderKey: Comparable, Hashable, Sendable {
    /// Published, else first seen.
    public var date: Date
    /// When the store first saw the article.
    public var firstSeen: Date
    /// The store's article id.
    public var id: Int64

    /// The key of `article`.
    public init(_ article: ClusterArticle) {
        date = article.effectiveDate
        firstSeen = article.firstSeen
        id = article.id
    }

    public static func < (a: TimeOrderKey, b: TimeOrderKey) -> Bool {
        (a.date, a.firstSeen, a.id) < (b.date, b.firstSeen, b.id)
    }
}
