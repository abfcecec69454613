import Foundation
import Logging
import PostgresNIO
import RundschauStore
import Synchronization

/// The shared ``FeedStore``: one PostgreSQL database that several `rundschau fetch` workers, on one machine or
/// many, use at the same time.
///
/// Opening connects once to bring the schema up to date (``PostgresMigrations``: the same migrations under the
/// same names as the SQLite backend, under an advisory lock), then serves every call from a pooled `PostgresClient`
/// that runs in a task the store owns; ``close()`` shuts it down. Each write is one transaction; due feeds are
/// claimed with `SELECT … FOR UPDATE SKIP LOCKED` and leases (see ``claimFeeds(_:limit:worker:leaseSeconds:now:)``).
///
/// ```swift
/// let store = try await PostgresFeedStore(url: "postgres://rundschau:secret@db.example:5432/rundschau", logger: logger)
/// let due = try await store.claimDueFeeds(limit: 20, worker: "host-a:4711", leaseSeconds: 300, now: .now)
/// ```
///
/// Errors are ``StoreError`` whose location is the URL with the password replaced by `***`.
public final class PostgresFeedStore: FeedStore, ExclusiveRoles {
    /// Where the store lives; `description` is the URL without the password.
    public let location: PostgresLocation
    /// The redacted URL that errors name.
    let locationText: String
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>
    private let isClosed = Mutex(false)

    /// How many connections one store opens at most, by default.
    public static let defaultMaximumConnections = 8

    /// Opens the store at a `postgres://user:password@host:port/database[?schema=…&sslmode=…]` URL and migrates it.
    /// - Parameters:
    ///   - url: See ``PostgresLocation`` for the parameters.
    ///   - logger: Receives migration notes and postgres-nio's connection and query logs (`debug`, `trace`).
    ///   - maximumConnections: The pool's size.
    /// - Throws: ``StoreError`` with code `invalidArgument` (a malformed URL), `cannotOpen` (server unreachable,
    ///   login refused, no such database), or `migration`, naming the URL without its password.
    public convenience init(url: String, logger: Logger, maximumConnections: Int = defaultMaximumConnections) async throws {
        try await self.init(location: PostgresLocation(url: url), logger: logger, maximumConnections: maximumConnections)
    }

    /// Opens the store at `location` and migrates it. See ``init(url:logger:maximumConnections:)``.
    public init(location: PostgresLocation, logger: Logger, maximumConnections: Int = defaultMaximumConnections) async throws {
        var logger = logger
        logger[metadataKey: "store.location"] = "\(location)"
        self.location = location
        self.locationText = location.description
        self.logger = logger
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: Self.clientTLS(location))
        configuration.options.maximumConnections = max(1, maximumConnections)
        configuration.options.additionalStartupParameters = Self.startupParameters(location)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        // The pool must run before the first lease; start it now and make sure it has started before returning.
        let (started, signal) = AsyncStream<Void>.makeStream()
        self.runner = Task {
            signal.finish()
            await client.run()
        }
        do {
            // Migrate over one plain connection: it fails at once with the server's reason (refused, login,
            // no such database), where the pool would keep retrying in the background.
            try await Self.migrate(location, logger: logger)
        } catch {
            runner.cancel()
            throw error
        }
        for await _ in started {}
    }

    deinit {
        runner.cancel()
    }

    /// The names of the migrations applied to this database, in the order they were applied.
    public func appliedMigrations() async throws -> [String] {
        try await read("cannot read migrations") { sql in
            try await sql.map("SELECT name FROM rundschau_migrations ORDER BY id") { try $0("name", as: String.self) }
        }
    }

    /// Shuts the connection pool down; calls after it fail with ``StoreError/Code/cannotOpen``.
    public func close() async throws {
        isClosed.withLock { $0 = true }
        runner.cancel()
        await runner.value
    }

    /// Drops `schema` with everything in it: the clean-up for a schema that tests (or a trial) created.
    /// - Throws: ``StoreError``; `invalidArgument` when `schema` is not a plain identifier.
    package static func dropSchema(_ schema: String, at location: PostgresLocation, logger: Logger) async throws {
        guard PostgresLocation.isPlainIdentifier(schema) else {
            throw StoreError(code: .invalidArgument, message: "not a plain schema name: \(schema)", location: "\(location)")
        }
        try await withConnection(location.withSchema(nil), logger: logger, operation: "cannot drop schema \(schema)") { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"), logger: logger)
        }
    }

    // MARK: Roles

    /// Holds the role with `pg_try_advisory_lock` on a connection of its own (not the pool) for as long as `body`
    /// runs; closing that connection releases it, and so does the server when this process dies. The lock's key is
    /// a hash of the schema and the role's name, so stores in different schemas of one database do not collide.
    public func withExclusiveRole<T: Sendable>(_ name: String, _ body: () async throws -> T) async throws -> T? {
        try checkOpen("cannot take the \(name) role")
        let key = "\(location.schema ?? "public"):rundschau:\(name)"
        let connection = try await Self.connect(location, logger: logger)
        do {
            var taken = false
            let rows = try await connection.query(
                "SELECT pg_try_advisory_lock(hashtextextended(\(key), 0)) AS taken", logger: logger)
            for try await row in rows { taken = try row.decode(Bool.self) }
            guard taken else {
                try? await connection.close()
                return nil
            }
        } catch {
            try? await connection.close()
            throw StoreError(postgres: error, operation: "cannot take the \(name) role", location: locationText)
        }
        do {
            let result = try await body()
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    // MARK: Opening

    private static func migrate(_ location: PostgresLocation, logger: Logger) async throws {
        try await withConnection(location, logger: logger, operation: "cannot migrate schema") { connection in
            do {
                let applied = try await PostgresMigrations.migrate(connection, schema: location.schema, logger: logger)
                if !applied.isEmpty {
                    logger.debug("schema migrated", metadata: ["store.migrations": "\(applied.joined(separator: ","))"])
                }
            } catch {
                var mapped = StoreError(postgres: error, operation: "cannot migrate schema", location: "\(location)")
                if mapped.code == .database || mapped.code == .constraint { mapped.code = .migration }
                throw mapped
            }
        }
    }

    /// Runs `body` on one new connection (not the pool), closing it afterwards.
    private static func withConnection(
        _ location: PostgresLocation, logger: Logger, operation: String,
        _ body: (PostgresConnection) async throws -> Void
    ) async throws {
        let connection = try await connect(location, logger: logger)
        do {
            try await body(connection)
        } catch {
            try? await connection.close()
            throw StoreError(postgres: error, operation: operation, location: location.description)
        }
        try? await connection.close()
    }

    /// One new connection (not from the pool).
    private static func connect(_ location: PostgresLocation, logger: Logger) async throws -> PostgresConnection {
        let locationText = location.description
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: try connectionTLS(location, locationText: locationText))
        configuration.options.additionalStartupParameters = startupParameters(location)
        do {
            return try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        } catch {
            var mapped = StoreError(postgres: error, operation: "cannot connect", location: locationText)
            if mapped.code == .database { mapped.code = .cannotOpen }
            throw mapped
        }
    }

    /// The session's name for `pg_stat_activity`, and `search_path` when the URL names a schema.
    private static func startupParameters(_ location: PostgresLocation) -> [(String, String)] {
        var parameters = [("application_name", "rundschau")]
        if let schema = location.schema { parameters.append(("search_path", schema)) }
        return parameters
    }

    private static func clientTLS(_ location: PostgresLocation) -> PostgresClient.Configuration.TLS {
        switch location.tlsMode {
        case .disable: return .disable
        case .prefer: return .prefer(.makeClientConfiguration())
        case .require: return .require(.makeClientConfiguration())
        }
    }

    private static func connectionTLS(
        _ location: PostgresLocation, locationText: String
    ) throws -> PostgresConnection.Configuration.TLS {
        do {
            switch location.tlsMode {
            case .disable: return .disable
            case .prefer: return .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: return .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw StoreError(
                code: .cannotOpen, message: "cannot set up TLS: \(error)", location: locationText, underlying: error)
        }
    }

    // MARK: Access with error mapping

    /// Runs `body` in one transaction on a pooled connection: committed when it returns, rolled back when it
    /// throws; errors come out as ``StoreError`` (cancellation as `CancellationError`).
    func write<T: Sendable>(_ operation: String, _ body: (PostgresStatements) async throws -> T) async throws -> T {
        try checkOpen(operation)
        do {
            let logger = self.logger
            return try await client.withTransaction(logger: logger) { connection in
                try await body(PostgresStatements(connection: connection, logger: logger))
            }
        } catch let cancellation as CancellationError {
            throw cancellation
        } catch {
            throw StoreError(postgres: error, operation: operation, location: locationText)
        }
    }

    /// Runs `body` on a pooled connection outside a transaction (each statement sees what was committed when it
    /// started); errors come out as ``StoreError``.
    func read<T: Sendable>(_ operation: String, _ body: (PostgresStatements) async throws -> T) async throws -> T {
        try checkOpen(operation)
        do {
            let logger = self.logger
            return try await client.withConnection { connection in
                try await body(PostgresStatements(connection: connection, logger: logger))
            }
        } catch let cancellation as CancellationError {
            throw cancellation
        } catch {
            throw StoreError(postgres: error, operation: operation, location: locationText)
        }
    }

    /// Runs `body` in a read-only `REPEATABLE READ` transaction: all its statements see one snapshot, so that
    /// results read in several statements (clusters and their members, the status counts) agree.
    func snapshot<T: Sendable>(_ operation: String, _ body: (PostgresStatements) async throws -> T) async throws -> T {
        try await write(operation) { sql in
            try await sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return try await body(sql)
        }
    }

    /// `cannotOpen` once ``close()`` was called.
    private func checkOpen(_ operation: String) throws {
        if isClosed.withLock({ $0 }) {
            throw StoreError(code: .cannotOpen, message: "\(operation): the store is closed", location: locationText)
        }
    }

    /// `invalidArgument` naming this store.
    func invalidArgument(_ message: String) -> StoreError {
        StoreError(code: .invalidArgument, message: message, location: locationText)
    }
}

/// Runs statements on one leased connection and collects their rows.
struct PostgresStatements {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs `query` and returns all its rows.
    @discardableResult
    func callAsFunction(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    /// Runs `query` and reads each row with `transform`.
    func map<T>(_ query: PostgresQuery, _ transform: (PostgresRowReader) throws -> T) async throws -> [T] {
        try await self(query).map { try transform(PostgresRowReader($0)) }
    }
}
