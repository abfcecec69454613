import Foundation
import GRDB
import RundschauModel
import RundschauStore

extension SQLiteFeedStore {
    /// Rows removed per statement by ``deleteArticleFeatures(datedBefore:)``, each batch its own transaction.
    static let featureDeleteBatch = 5_000

    /// Writes one row (`?1` article, `?2` date, `?3` sentences, `?4` data), replacing the article's earlier one and
    /// skipping an unknown article. Empty bytes bind as `NULL` and are stored as empty blobs.
    static let featureUpsertSQL = """
        INSERT INTO article_feature (article_id, date, sentences, data)
        SELECT ?1, ?2, COALESCE(?3, X''), COALESCE(?4, X'')
        WHERE EXISTS (SELECT 1 FROM article WHERE id = ?1)
        ON CONFLICT (article_id) DO UPDATE
            SET date = excluded.date, sentences = excluded.sentences, data = excluded.data
        """

    /// Removes up to `?2` rows dated before `?1`, oldest first, through the date index (SQLite has no
    /// `DELETE … LIMIT` by default).
    static let featureDeleteSQL = """
        DELETE FROM article_feature WHERE article_id IN
            (SELECT article_id FROM article_feature WHERE date < ?1 ORDER BY date LIMIT ?2)
        """

    /// Reads one bytes column (`sentences` or `data`) of `count` rows by primary key.
    static func featureSelectSQL(_ column: String, count: Int) -> String {
        "SELECT article_id, \(column) FROM article_feature WHERE article_id IN ("
            + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }

    public func articleSentences(_ ids: [ArticleID]) async throws -> [ArticleID: [UInt8]] {
        try await read("cannot read article sentences") { db in try Self.featureBytes("sentences", of: ids, in: db) }
    }

    public func articleFeatures(_ ids: [ArticleID]) async throws -> [ArticleID: [UInt8]] {
        try await read("cannot read article features") { db in try Self.featureBytes("data", of: ids, in: db) }
    }

    /// See ``FeatureStore/setArticleFeatures(_:)``: one statement per row, in order, so that the last of several
    /// rows for one article wins.
    public func setArticleFeatures(_ rows: [ArticleFeatureRow]) async throws {
        guard !rows.isEmpty else { return }
        try await write("cannot store article features") { db in
            let statement = try db.cachedStatement(sql: Self.featureUpsertSQL)
            for row in rows {
                try statement.execute(arguments: [row.article.rawValue, row.date, Data(row.sentences), Data(row.data)])
            }
        }
    }

    /// See ``FeatureStore/deleteArticleFeatures(datedBefore:)``: batches of 5,000 rows, each its own transaction.
    public func deleteArticleFeatures(datedBefore date: Date) async throws -> Int {
        try await deleteArticleFeatures(datedBefore: date, batchSize: Self.featureDeleteBatch)
    }

    /// Removes the rows dated before `date`, `batchSize` per transaction, until a batch comes back short.
    func deleteArticleFeatures(datedBefore date: Date, batchSize: Int) async throws -> Int {
        var removed = 0
        while true {
            let batch = try await write("cannot delete article features") { db -> Int in
                try db.execute(sql: Self.featureDeleteSQL, arguments: [date, batchSize])
                return db.changesCount
            }
            removed += batch
            if batch < batchSize { return removed }
        }
    }

    /// One bytes column (`sentences` or `data`, a fixed name) of the feature rows of `ids`, by primary key.
    private static func featureBytes(
        _ column: String, of ids: [ArticleID], in db: Database
    ) throws -> [ArticleID: [UInt8]] {
        var out: [ArticleID: [UInt8]] = [:]
        out.reserveCapacity(ids.count)
        for chunk in chunks(of: ids.map(\.rawValue)) {
            let rows = try Row.fetchCursor(
                db, sql: featureSelectSQL(column, count: chunk.count), arguments: StatementArguments(Array(chunk)))
            while let row = try rows.next() {
                let id: Int64 = row[0]
                out[ArticleID(id)] = try row.withUnsafeData(atIndex: 1) { data in data.map { [UInt8]($0) } ?? [] }
            }
        }
        return out
    }
}
