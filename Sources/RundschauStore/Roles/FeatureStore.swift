import Foundation
import RundschauModel

/// What clustering computed from each article's text, kept between runs (``ArticleFeatureRow``), so that a later
/// run restores the articles of its window without reading or scanning their text.
///
/// Rows are useful only inside the recent clustering window: they are evicted by date, and an article's row goes
/// with the article (`prune`, removing a feed).
public protocol FeatureStore: Sendable {
    /// The sentence bytes of those of `ids` that have a feature row (at most a few thousand ids per call).
    func articleSentences(_ ids: [ArticleID]) async throws -> [ArticleID: [UInt8]]

    /// The data bytes of those of `ids` that have a feature row (at most a few thousand ids per call).
    func articleFeatures(_ ids: [ArticleID]) async throws -> [ArticleID: [UInt8]]

    /// Writes rows in one transaction, replacing an article's earlier row. A row for an unknown article is skipped
    /// (not an error); when `rows` names an article more than once, the last of its rows wins.
    func setArticleFeatures(_ rows: [ArticleFeatureRow]) async throws

    /// Removes the rows dated before `date` in batches without long locks; returns how many were removed.
    func deleteArticleFeatures(datedBefore date: Date) async throws -> Int
}
