import Foundation
import RundschauModel

/// What the clustering engine keeps of one article between runs: opaque bytes it wrote and reads back.
///
/// The store neither reads nor checks the bytes; it keeps one row per article, evicts rows by ``date`` (see
/// ``FeatureStore/deleteArticleFeatures(datedBefore:)``) and removes an article's row with the article.
public struct ArticleFeatureRow: Hashable, Sendable {
    /// The article the row belongs to.
    public var article: ArticleID
    /// The article's date (``StoredArticle/date``) when written: rows are evicted by it.
    public var date: Date
    /// The article's boilerplate sentence keys, read on their own in the run's first pass.
    public var sentences: [UInt8]
    /// Everything else the engine restores the article from.
    public var data: [UInt8]

    /// Describes one article's feature row.
    public init(article: ArticleID, date: Date, sentences: [UInt8], data: [UInt8]) {
        self.article = article
        self.date = date
        self.sentences = sentences
        self.data = data
    }
}
