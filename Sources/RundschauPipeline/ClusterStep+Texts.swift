import Foundation
import RundschauCluster

extension ClusterStep {
    /// Where an article comes in the engine's time order (``ClusterEngine/timeOrder(_:_:)``): its date (published,
    /// else first seen), then first seen, then id.
    struct OrderKey: Comparable {
        var date: Date
        var firstSeen: Date
        var id: Int64

        init(_ article: ClusterArticle) {
            date = article.effectiveDate
            firstSeen = article.firstSeen
            id = article.id
        }

        static func < (a: OrderKey, b: OrderKey) -> Bool { (a.date, a.firstSeen, a.id) < (b.date, b.firstSeen, b.id) }
    }

    /// The engine's view of the run's articles, kept from the first read while there are at most `limit` of them;
    /// past the limit everything kept is let go and the texts are read again in time order.
    struct HeldTexts {
        let limit: Int
        private var articles: [Int64: ClusterArticle] = [:]
        private(set) var isHolding = true
        private var seen = 0

        init(limit: Int) { self.limit = limit }

        mutating func keep(_ article: ClusterArticle) {
            guard isHolding else { return }
            seen += 1
            if seen > limit {
                isHolding = false
                articles = [:]
            } else {
                articles[article.id] = article
            }
        }

        /// The article, removed from what is held.
        mutating func take(_ id: Int64) -> ClusterArticle? { articles.removeValue(forKey: id) }
    }
}
