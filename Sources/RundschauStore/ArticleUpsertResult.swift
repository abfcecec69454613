/// What one ``FeedStore/upsertArticles(feedID:entries:seenAt:)`` did.
public struct ArticleUpsertResult: Hashable, Sendable {
    /// Articles seen for the first time, in the order of the entries.
    public var insertedIDs: [ArticleID]
    /// Articles whose stored content changed.
    public var updatedIDs: [ArticleID]
    /// Entries already stored exactly as given (nothing written), plus repeated ids within the call.
    public var unchanged: Int

    /// Describes an upsert's outcome.
    public init(insertedIDs: [ArticleID] = [], updatedIDs: [ArticleID] = [], unchanged: Int = 0) {
        self.insertedIDs = insertedIDs
        self.updatedIDs = updatedIDs
        self.unchanged = unchanged
    }

    /// How many articles were new.
    public var inserted: Int { insertedIDs.count }
    /// How many articles were updated.
    public var updated: Int { updatedIDs.count }
}
