import Foundation
import PostgresNIO
import RundschauModel
import RundschauStore

extension PostgresFeedStore {
    /// Rows removed per statement by ``deleteArticleFeatures(datedBefore:)``, each batch its own transaction.
    static let featureDeleteBatch = 5_000
    /// Rows written per statement by ``setArticleFeatures(_:)``.
    static let featureWriteBatch = 1_000

    public func articleSentences(_ ids: [ArticleID]) async throws -> [ArticleID: [UInt8]] {
        try await featureBytes("sentences", of: ids, operation: "cannot read article sentences")
    }

    public func articleFeatures(_ ids: [ArticleID]) async throws -> [ArticleID: [UInt8]] {
        try await featureBytes("data", of: ids, operation: "cannot read article features")
    }

    /// See ``FeatureStore/setArticleFeatures(_:)``: one statement per thousand rows, from arrays (`unnest`). The
    /// articles are read `FOR KEY SHARE`, so that one deleted meanwhile (by `prune` in another process) is skipped
    /// like an unknown one rather than failing the foreign key.
    public func setArticleFeatures(_ rows: [ArticleFeatureRow]) async throws {
        // The last row per article: one statement must not upsert a key twice.
        var seen = Set<ArticleID>()
        let rows = Array(rows.reversed().filter { seen.insert($0.article).inserted }.reversed())
        guard !rows.isEmpty else { return }
        try await write("cannot store article features") { sql in
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(start + Self.featureWriteBatch, rows.count)]
                let ids = chunk.map(\.article.rawValue)
                let dates = chunk.map(\.date.storedPrecision)
                let sentences = chunk.map { ByteBuffer(bytes: $0.sentences) }
                let data = chunk.map { ByteBuffer(bytes: $0.data) }
                try await sql(
                    """
                    INSERT INTO article_feature (article_id, date, sentences, data)
                    SELECT v.id, v.date, v.sentences, v.data
                    FROM unnest(\(ids)::bigint[], \(dates)::timestamptz[], \(sentences)::bytea[], \(data)::bytea[])
                        AS v(id, date, sentences, data)
                    JOIN article a ON a.id = v.id
                    FOR KEY SHARE OF a
                    ON CONFLICT (article_id) DO UPDATE
                        SET date = EXCLUDED.date, sentences = EXCLUDED.sentences, data = EXCLUDED.data
                    """)
                start += chunk.count
            }
        }
    }

    /// See ``FeatureStore/deleteArticleFeatures(datedBefore:)``: batches of 5,000 rows through the date index, each
    /// its own transaction; rows locked by a concurrent write are left for the next call.
    public func deleteArticleFeatures(datedBefore date: Date) async throws -> Int {
        try await deleteArticleFeatures(datedBefore: date, batchSize: Self.featureDeleteBatch)
    }

    /// Removes the rows dated before `date`, `batchSize` per transaction, until a batch comes back short. The ids
    /// go through `ARRAY(…)`: with `IN (…)` the planner hashes the batch and scans the whole table to join it.
    func deleteArticleFeatures(datedBefore date: Date, batchSize: Int) async throws -> Int {
        let date = date.storedPrecision
        var removed = 0
        while true {
            let batch = try await write("cannot delete article features") { sql in
                try await sql.map(
                    """
                    WITH gone AS (
                        DELETE FROM article_feature WHERE article_id = ANY(ARRAY(
                            SELECT article_id FROM article_feature WHERE date < \(date)
                            ORDER BY date LIMIT \(batchSize) FOR UPDATE SKIP LOCKED))
                        RETURNING 1
                    )
                    SELECT COUNT(*) AS n FROM gone
                    """
                ) { try $0("n", as: Int64.self) }.first.map(Int.init) ?? 0
            }
            removed += batch
            if batch < batchSize { return removed }
        }
    }

    /// One bytes column (`sentences` or `data`, a fixed name) of the feature rows of `ids`, by primary key.
    private func featureBytes(
        _ column: String, of ids: [ArticleID], operation: String
    ) async throws -> [ArticleID: [UInt8]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await read(operation) { sql in
            try await sql.map(
                """
                SELECT article_id, \(unescaped: column) AS bytes FROM article_feature
                WHERE article_id = ANY(\(ids.map(\.rawValue)))
                """
            ) { row in
                let bytes = try row("bytes", as: ByteBuffer.self)
                return (ArticleID(try row("article_id", as: Int64.self)), Array(bytes.readableBytesView))
            }
        }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }
}
