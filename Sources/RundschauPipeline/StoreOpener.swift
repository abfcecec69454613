import Foundation
import Logging
import RundschauStore
import RundschauStorePostgres
import RundschauStoreSQLite

/// Opens the store a `--database` value names: an SQLite file path (the default) or a `postgres://` URL.
public enum StoreOpener {
    /// Opens (creating if needed) the store at `location` and brings its schema up to date.
    ///
    /// - `postgres://user:password@host:port/database[?schema=…&sslmode=…]` (or `postgresql://`): the shared
    ///   PostgreSQL store (``PostgresFeedStore``), for several fetch workers.
    /// - `sqlite://PATH`, `file://PATH` or a plain path: the embedded SQLite store.
    /// - Throws: `StoreError` naming the location (a PostgreSQL URL without its password) when it cannot be opened.
    public static func open(_ location: String, logger: Logger = Logger(label: "rundschau.store")) async throws -> any FeedStore {
        if PostgresLocation.isPostgresURL(location) {
            return try await PostgresFeedStore(url: location, logger: logger)
        }
        let lowered = location.lowercased()
        let path = lowered.hasPrefix("sqlite://") ? String(location.dropFirst("sqlite://".count))
            : lowered.hasPrefix("file://") ? (URL(string: location)?.path ?? location) : location
        return try SQLiteFeedStore(path: path)
    }

    /// The location as commands may print it: a PostgreSQL URL with its password replaced by `***`.
    public static func displayName(_ location: String) -> String {
        PostgresLocation.isPostgresURL(location) ? PostgresLocation.redacting(location) : location
    }
}
