import Foundation
import RundschauPipeline
import RundschauStore
import RundschauStoreSQLite
import Testing

/// `--database` values: SQLite paths and URLs, and `postgres://` URLs, whose passwords never get printed.
@Suite("StoreOpener")
struct StoreOpenerTests {
    @Test("sqlite:// and plain paths open SQLite")
    func sqlite() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-opener-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await StoreOpener.open("sqlite://" + folder.appendingPathComponent("a.sqlite").path)
        #expect(store is SQLiteFeedStore)
        try await store.close()
    }

    @Test("a postgres:// URL opens PostgreSQL: an unreachable server is cannotOpen, naming the URL without password")
    func postgresUnreachable() async throws {
        let error = await #expect(throws: StoreError.self) {
            _ = try await StoreOpener.open("postgres://rundschau:hunter2@127.0.0.1:1/rundschau?sslmode=disable")
        }
        #expect(error?.code == .cannotOpen)
        #expect(error?.description.hasPrefix("store: postgres://rundschau:***@127.0.0.1:1/rundschau?sslmode=disable: ") == true)
        #expect(error?.description.contains("hunter2") == false)
    }

    @Test("display names hide PostgreSQL passwords and leave paths alone")
    func displayName() {
        #expect(StoreOpener.displayName("postgres://u:secret@db:5432/news?schema=a") == "postgres://u:***@db:5432/news?schema=a")
        #expect(StoreOpener.displayName("postgresql://u@db/news") == "postgresql://u@db/news")
        #expect(StoreOpener.displayName(".rundschau/rundschau.sqlite") == ".rundschau/rundschau.sqlite")
    }
}
