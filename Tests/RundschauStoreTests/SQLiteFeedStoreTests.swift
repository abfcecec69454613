import RundschauModel
import Foundation
import RundschauStore
import RundschauStoreSQLite
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
}
