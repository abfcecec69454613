import Foundation
import RundschauStore
import RundschauStoreSQLite
import Testing

/// A backend the conformance suite runs against. Every `@Test(arguments: StoreBackend.all)` runs once per backend;
/// a new backend joins by adding a case to ``all`` (PostgreSQL joins when a test server is configured).
struct StoreBackend: Sendable, CustomTestStringConvertible {
    /// Shown in test names.
    let name: String
    /// Whether a store can be closed and reopened with its data intact.
    let isDurable: Bool
    /// Opens a fresh, empty store; the returned fixture knows how to reopen and clean it up.
    let makeFixture: @Sendable () async throws -> StoreFixture

    var testDescription: String { name }

    /// SQLite on a temporary file, in a folder that does not exist yet (the store creates it).
    static let sqliteFile = StoreBackend(name: "sqlite-file", isDurable: true) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("rundschau-store-tests-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("data/rundschau.sqlite").path
        return StoreFixture(
            store: try SQLiteFeedStore(path: path),
            reopen: { try SQLiteFeedStore(path: path) },
            cleanup: { try? FileManager.default.removeItem(at: folder) })
    }

    /// SQLite in memory.
    static let sqliteMemory = StoreBackend(name: "sqlite-memory", isDurable: false) {
        StoreFixture(store: try SQLiteFeedStore(path: ":memory:"), reopen: nil, cleanup: {})
    }

    /// PostgreSQL in a fresh schema of the server that `RUNDSCHAU_TEST_POSTGRES_URL` names, dropped afterwards; so
    /// that tests run in parallel without seeing each other's rows.
    static let postgres = StoreBackend(name: "postgres", isDurable: true) {
        let database = try PostgresTestDatabase.fresh()
        return StoreFixture(
            store: try await database.open(),
            reopen: { try await database.open() },
            cleanup: { await database.drop() })
    }

    /// Every backend available here: PostgreSQL joins when `RUNDSCHAU_TEST_POSTGRES_URL` is set (see
    /// `PostgresFeedStoreTests`, which reports it as skipped otherwise).
    static let all: [StoreBackend] = [.sqliteFile, .sqliteMemory] + (PostgresTestDatabase.isConfigured ? [.postgres] : [])

    /// The backends whose data survive closing.
    static let durable: [StoreBackend] = all.filter(\.isDurable)
}

/// One store under test, with how to reopen it and how to remove what it left.
struct StoreFixture: Sendable {
    let store: any FeedStore
    let reopen: (@Sendable () async throws -> any FeedStore)?
    let cleanup: @Sendable () async -> Void
}

extension StoreBackend {
    /// Runs `body` against a fresh store, then closes and removes it, also when `body` throws.
    func withStore(_ body: (StoreFixture) async throws -> Void) async throws {
        let fixture = try await makeFixture()
        do {
            try await body(fixture)
        } catch {
            try? await fixture.store.close()
            await fixture.cleanup()
            throw error
        }
        try await fixture.store.close()
        await fixture.cleanup()
    }
}
