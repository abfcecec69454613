import Foundation
import GRDB
import RundschauStore
@testable import RundschauStoreSQLite
import Testing

/// Migrations are a fixed history: a database made by an older version opens with its data intact.
@Suite("SQLite migrations")
struct SQLiteMigrationTests {
    @Test("a database at v1 is upgraded on opening and keeps its rows")
    func upgradeFromV1() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rundschau-migration-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("old.sqlite").path

        // What a v1-only version of Rundschau left behind, written with plain SQL as it was then.
        let old = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(old, upTo: "v1-feeds-articles")
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO feed (id, url, kind, subscribed_at, next_fetch_at)
                    VALUES (1, 'https://a.example/feed', 'feed', '2024-06-11 10:00:00.000', '2024-06-11 11:00:00.000');
                    INSERT INTO article (id, feed_id, entry_id, title, first_seen, changed_at, content_hash, revision_hash)
                    VALUES (1, 1, 'urn:1', 'Alt', '2024-06-11 10:00:00.000', '2024-06-11 10:00:00.000', 'h', 'r');
                    """)
        }
        try old.close()

        let store = try SQLiteFeedStore(path: path)
        #expect(try await store.appliedMigrations() == StoreSchema.migrations)
        #expect(try await store.feed(id: FeedID(1))?.fetch.nextFetchAt == T.at(3600))
        let article = try #require(try await store.article(id: ArticleID(1)))
        #expect(article.title == "Alt")
        #expect(article.clusterID == nil)
        #expect(article.authors == [])
        let cluster = try await store.createCluster(ClusterDraft(label: "neu", firstSeen: T.t0, lastSeen: T.t0))
        try await store.assignClusters([article.id: cluster])
        #expect(try await store.cluster(id: cluster)?.articleIDs == [article.id])
        try await store.close()
    }

    @Test("a database at v6 gains the feature table; its rows go with their articles")
    func upgradeFromV6() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rundschau-migration-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("v6.sqlite").path

        let old = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(old, upTo: "v6-topic-rules")
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO feed (id, url, kind, subscribed_at) VALUES (1, 'https://a.example/feed', 'feed', '2024-06-11 10:00:00.000');
                    INSERT INTO article (id, feed_id, entry_id, title, first_seen, changed_at, content_hash, revision_hash)
                    VALUES (1, 1, 'urn:1', 'Alt', '2024-06-11 10:00:00.000', '2024-06-11 10:00:00.000', 'h', 'r');
                    """)
            #expect(try !db.tableExists("article_feature"))
        }
        try old.close()

        let store = try SQLiteFeedStore(path: path)
        #expect(try await store.appliedMigrations().last == "v7-article-features")
        let tables = try await store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
        }
        #expect(Set(tables) == Set(StoreSchema.tables))
        #expect(try await store.writer.read { db in try db.indexes(on: "article_feature").map(\.name) } == ["article_feature_date"])

        try await store.setArticleFeatures([ArticleFeatureRow(article: ArticleID(1), date: T.t0, sentences: [7], data: [8, 9])])
        #expect(try await store.articleFeatures([ArticleID(1)]) == [ArticleID(1): [8, 9]])
        #expect(try await store.removeFeed(FeedID(1)))
        #expect(try await store.articleSentences([ArticleID(1)]).isEmpty)
        try await store.close()
    }
}
