import Foundation
import RundschauCluster
import RundschauStore

extension ClusterStep {
    /// A stored article of the window as the first pass leaves it: its place in time and its stored decisions,
    /// without its text.
    struct ContextArticle {
        var key: TimeOrderKey
        var cluster: ClusterID
        var duplicateOf: Int64?
        var topics: [TopicRef]
        /// Its metadata without the text, when it is restored from kept features (learned from their sentences).
        var article: ClusterArticle?
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
