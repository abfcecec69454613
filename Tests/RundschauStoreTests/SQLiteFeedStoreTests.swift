import RundschauModel
import Foundation
import GRDB
import RundschauStore
@testable import RundschauStoreSQLite
import Testing

/// What only the SQLite backend promises: file layout, WAL, migrations, errors naming the path.
@Suite("SQLiteFeedStore")
struct SQLiteFeedStoreTests {
    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rundschau-sqlite-tests-\(UUID().uuidString)")
    }

    @Test("creates missing parent folders, uses WAL, applies every migration once")
    func fileLayout() async throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a/b/rundschau.sqlite").path
        let store = try SQLiteFeedStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try await store.journalMode() == "wal")
        #expect(try await store.appliedMigrations() == StoreSchema.migrations)
        try await store.close()

        let reopened = try SQLiteFeedStore(path: path)
        #expect(try await reopened.appliedMigrations() == StoreSchema.migrations)
        try await reopened.close()
    }

    @Test("in-memory databases are migrated too and independent of each other")
    func memory() async throws {
        let one = try SQLiteFeedStore(path: ":memory:")
        let two = try SQLiteFeedStore(path: ":memory:")
        #expect(try await one.appliedMigrations() == StoreSchema.migrations)
        _ = try await one.subscribe(FeedSubscription(url: "https://a.example/"), at: T.t0)
        #expect(try await two.feeds().isEmpty)
    }

    @Test("a folder that cannot be created is an error naming the path")
    func cannotCreateFolder() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let path = file.appendingPathComponent("rundschau.sqlite").path
        let error = #expect(throws: StoreError.self) { _ = try SQLiteFeedStore(path: path) }
        #expect(error?.code == .cannotOpen)
        #expect(error?.description.contains(path) == true)
    }

    @Test("a file that is not a database is refused, naming the path")
    func notADatabase() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("feeds.opml").path
        try Data(String(repeating: "<opml version=\"2.0\"><body/></opml>\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { _ = try SQLiteFeedStore(path: path) }
        #expect(error?.code == .corrupt)
        #expect(error?.description.hasPrefix("store: \(path): ") == true)
    }

    @Test("errors from operations name the database")
    func operationErrorsNamePath() async throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rundschau.sqlite").path
        let store = try SQLiteFeedStore(path: path)
        let error = await #expect(throws: StoreError.self) {
            try await store.updateFeedURL(FeedID(7), to: "https://x.example/")
        }
        #expect(error?.description == "store: \(path): feed 7 not found")
        try await store.close()
    }

    @Test("dates keep millisecond precision")
    func millisecondDates() async throws {
        let store = try SQLiteFeedStore(path: ":memory:")
        let feed = try await store.subscribe(FeedSubscription(url: "https://a.example/"), at: T.t0)
        let precise = Date(timeIntervalSince1970: 1_718_100_000.123)
        try await store.recordFetch(feed.id, state: FetchState(nextFetchAt: precise))
        let stored = try #require(try await store.feed(id: feed.id)?.fetch.nextFetchAt)
        #expect(abs(stored.timeIntervalSince(precise)) < 0.001)
    }

    @Test("feature rows are read, written and evicted through indexes; metadata-only reads keep their plans")
    func featurePlans() async throws {
        let store = try SQLiteFeedStore(path: ":memory:")
        let feed = try await store.subscribe(FeedSubscription(url: "https://a.example/"), at: T.t0)
        _ = try await store.upsertArticles(feedID: feed.id, entries: (1...3).map { makeEntry($0) }, seenAt: T.t0)
        let queries = [
            ArticleQuery(), ArticleQuery(dateSince: T.t0, dateUntil: T.at(600), order: .newestFirst),
            ArticleQuery(afterID: ArticleID(1), unclusteredOnly: true, limit: 10),
            ArticleQuery(ids: [ArticleID(1), ArticleID(2)]), ArticleQuery(clusterIDs: [ClusterID(1)]),
        ]
        try await store.writer.read { db in
            func plan(_ sql: String, _ arguments: StatementArguments) throws -> [String] {
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
            }
            func scans(_ details: [String]) -> [String] {
                details.filter { $0.hasPrefix("SCAN ") && !$0.contains(" USING ") && !$0.hasPrefix("SCAN CONSTANT") }
            }
            let read = try plan(SQLiteFeedStore.featureSelectSQL("data", count: 3), [1, 2, 3])
            #expect(read.contains { $0.contains("SEARCH article_feature USING INTEGER PRIMARY KEY") }, "\(read)")
            #expect(scans(read).isEmpty, "\(read)")
            let write = try plan(SQLiteFeedStore.featureUpsertSQL, [1, T.t0, Data([1]), Data([2])])
            #expect(write.contains { $0.contains("SEARCH article USING INTEGER PRIMARY KEY") }, "\(write)")
            #expect(scans(write).isEmpty, "\(write)")
            let evict = try plan(SQLiteFeedStore.featureDeleteSQL, [T.t0, 5_000])
            #expect(evict.contains { $0.contains("INDEX article_feature_date (date<?)") }, "\(evict)")
            #expect(scans(evict).isEmpty, "\(evict)")

            for query in queries {
                let full = try store.request(for: query).makePreparedRequest(db).statement
                let lean = try store.request(for: query).select(sql: ArticleRecord.columnsWithoutText)
                    .makePreparedRequest(db).statement
                #expect(lean.sql.contains("NULL AS content") && lean.sql.contains("NULL AS summary"))
                #expect(try plan(lean.sql, lean.arguments) == plan(full.sql, full.arguments), "\(query)")
            }
        }
        try await store.close()
    }

    @Test("foreign keys are enforced: an article's feature row goes with it")
    func foreignKeysOn() async throws {
        let store = try SQLiteFeedStore(path: ":memory:")
        #expect(try await store.writer.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") } == true)
        let feed = try await store.subscribe(FeedSubscription(url: "https://a.example/"), at: T.t0)
        let id = try #require(try await store.upsertArticles(feedID: feed.id, entries: [makeEntry(1)], seenAt: T.t0)
            .insertedIDs.first)
        try await store.setArticleFeatures([ArticleFeatureRow(article: id, date: T.t0, sentences: [1], data: [2])])
        try await store.writer.write { db in try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [id.rawValue]) }
        #expect(try await store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_feature") } == 0)
        try await store.close()
    }

    @Test("an article row read column by column keeps every field; a value of the wrong type is an error, not a crash")
    func articleRowsDecode() async throws {
        let store = try SQLiteFeedStore(path: ":memory:")
        let feed = try await store.subscribe(FeedSubscription(url: "https://a.example/"), at: T.t0)
        var entry = makeEntry(1)
        entry.summary = "<p>Summary</p>"
        entry.language = "de"
        let id = try #require(try await store.upsertArticles(feedID: feed.id, entries: [entry], seenAt: T.t0).insertedIDs.first)
        let full = try #require(try await store.articles(ArticleQuery(ids: [id])).first)
        #expect(full.entryID == entry.id && full.title == entry.title && full.summary == "<p>Summary</p>")
        #expect(full.language == "de" && full.feedID == feed.id && full.firstSeen == T.t0 && full.clusterID == nil)
        let lean = try #require(try await store.articles(ArticleQuery(ids: [id], withText: false)).first)
        #expect(lean.summary == nil && lean.content == nil && lean.title == full.title && lean.published == full.published)

        try await store.writer.write { db in
            try db.execute(sql: "UPDATE article SET first_seen = 'yesterday' WHERE id = ?", arguments: [id.rawValue])
        }
        await #expect(throws: (any Error).self) { _ = try await store.articles(ArticleQuery(ids: [id])) }
        try await store.close()
    }
}
