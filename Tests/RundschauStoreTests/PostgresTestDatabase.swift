import Foundation
import Logging
import RundschauStore
import RundschauStorePostgres
import Testing

/// The PostgreSQL server the tests may use: `RUNDSCHAU_TEST_POSTGRES_URL` (`.ci/run` and
/// `Scripts/postgres-test-server` set it). Each test works in a schema of its own, created on opening and dropped
/// at the end, so that tests run in parallel.
struct PostgresTestDatabase: Sendable {
    /// The server URL from the environment, when set and not empty.
    static let url: String? = ProcessInfo.processInfo.environment["RUNDSCHAU_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// Whether a server is configured; the PostgreSQL tests are skipped otherwise.
    static let isConfigured = url != nil

    /// Why the PostgreSQL tests did not run.
    static let skipNote: Comment = """
        RUNDSCHAU_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped, the conformance suite ran on SQLite only \
        (Scripts/postgres-test-server starts a throwaway server and runs the tests against it)
        """

    /// The server and a schema name no other test uses.
    let location: PostgresLocation

    /// A fresh schema on the configured server (created by the first ``open()``).
    static func fresh() throws -> PostgresTestDatabase {
        guard let url else { throw StoreError(code: .cannotOpen, message: "RUNDSCHAU_TEST_POSTGRES_URL is not set") }
        let schema = "rt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return PostgresTestDatabase(location: try PostgresLocation(url: url).withSchema(schema))
    }

    /// Runs `body` with a fresh schema and drops it afterwards, also when `body` throws.
    static func withFresh(_ body: (PostgresTestDatabase) async throws -> Void) async throws {
        let database = try fresh()
        do {
            try await body(database)
        } catch {
            await database.drop()
            throw error
        }
        await database.drop()
    }

    /// A store on this schema with its own connection pool (a worker).
    func open(maximumConnections: Int = 4) async throws -> PostgresFeedStore {
        try await PostgresFeedStore(location: location, logger: .quiet, maximumConnections: maximumConnections)
    }

    /// Drops the schema and everything in it.
    func drop() async {
        guard let schema = location.schema else { return }
        try? await PostgresFeedStore.dropSchema(schema, at: location, logger: .quiet)
    }
}

extension Logger {
    /// A logger that drops everything: libraries take a logger, tests do not bootstrap one.
    static let quiet = Logger(label: "rundschau.tests", factory: { _ in SwiftLogNoOpLogHandler() })
}
