import Foundation
import GRDB
import RundschauStore

/// The embedded ``FeedStore``: one SQLite file in WAL mode through GRDB, or an in-memory database for tests.
///
/// A file database is a `DatabasePool`: reads run concurrently with the single writer, and each write is one
/// transaction. Opening creates the parent folder and the file when missing and brings the schema up to date
/// (``Migrations``). Copies of a store share one connection pool.
///
/// ```swift
/// let store = try SQLiteFeedStore(path: ".rundschau/rundschau.sqlite")
/// let memory = try SQLiteFeedStore(path: ":memory:")
/// ```
///
/// Durability: WAL with `synchronous=NORMAL`: a crash or `SIGKILL` of the process never loses a committed
/// transaction; a power cut may lose the last ones, never consistency.
public struct SQLiteFeedStore: FeedStore {
    /// The path passed at opening (`:memory:` for an in-memory database); errors name it.
    public let path: String
    let writer: any DatabaseWriter

    /// How long a write waits for another process's write lock before failing with ``StoreError/Code/busy``.
    public static let defaultBusyTimeout: TimeInterval = 10

    /// Opens (creating when missing) the database at `path`, or an in-memory one for `:memory:`, and migrates it.
    /// - Parameters:
    ///   - path: A file path, or `:memory:`.
    ///   - busyTimeout: Seconds to wait for another process's lock.
    /// - Throws: ``StoreError`` with code `cannotOpen` (folder or file cannot be created or opened),
    ///   `corrupt` (not a database), or `migration`, naming the path.
    public init(path: String, busyTimeout: TimeInterval = SQLiteFeedStore.defaultBusyTimeout) throws {
        self.path = path
        var configuration = Configuration()
        configuration.label = "rundschau"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        if path == ":memory:" {
            do {
                writer = try DatabaseQueue(configuration: configuration)
            } catch {
                throw StoreError(mapping: error, operation: "cannot open database", location: path)
            }
        } else {
            configuration.prepareDatabase { db in
                // Safe against process crashes in WAL mode; commits do not wait for fsync.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Takes effect in a new, empty database only: `prune` can then return freed pages to the file
                // system a slice at a time (an older database keeps free pages for reuse).
                if !db.configuration.readonly { try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL") }
                if let trace = SQLTrace.shared { db.trace(options: .statement) { trace.record($0) } }
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(
                    code: .cannotOpen, message: "cannot create folder \(folder.path): \(error.localizedDescription)",
                    location: path, underlying: error)
            }
            do {
                writer = try DatabasePool(path: path, configuration: configuration)
            } catch {
                throw StoreError(mapping: error, operation: "cannot open database", location: path)
            }
        }
        do {
            try Migrations.migrator.migrate(writer)
        } catch {
            var mapped = StoreError(mapping: error, operation: "cannot migrate schema", location: path)
            if mapped.code == .database || mapped.code == .constraint { mapped.code = .migration }
            throw mapped
        }
    }

    /// The names of the migrations applied to this database, in order.
    public func appliedMigrations() async throws -> [String] {
        try await read("read migrations") { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// The SQLite journal mode (`wal` for file databases).
    public func journalMode() async throws -> String {
        try await read("read journal mode") { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
        }
    }

    /// SQLite's own consistency check (`PRAGMA integrity_check`): `ok`, or the first problems it found.
    public func integrityCheck() async throws -> String {
        try await read("check integrity") { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
    }

    public func close() async throws {
        do {
            try writer.close()
        } catch {
            throw StoreError(mapping: error, operation: "cannot close database", location: path)
        }
    }

    // MARK: Access with error mapping

    /// Runs `body` in one write transaction; any error rolls it back and comes out as a ``StoreError``
    /// (cancellation as `CancellationError`).
    func write<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch let cancellation as CancellationError {
            throw cancellation
        } catch {
            throw StoreError(mapping: error, operation: operation, location: path)
        }
    }

    /// Runs `body` on a read-only snapshot; errors come out as ``StoreError``.
    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch let cancellation as CancellationError {
            throw cancellation
        } catch {
            throw StoreError(mapping: error, operation: operation, location: path)
        }
    }
}
