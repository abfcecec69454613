import Foundation
import RundschauStore
import RundschauStoreSQLite

/// Opens the store a `--database` value names: an SQLite file path (the default) or a `postgres://` URL.
public enum StoreOpener {
    /// Opens (creating if needed) the store at `location`.
    /// - Throws: `StoreError` naming the location when it cannot be opened.
    public static func open(_ location: String) async throws -> any FeedStore {
        let lowered = location.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            throw StoreError(code: .cannotOpen, message: "PostgreSQL is not available in this build", location: location)
        }
        let path = lowered.hasPrefix("sqlite://") ? String(location.dropFirst("sqlite://".count))
            : lowered.hasPrefix("file://") ? (URL(string: location)?.path ?? location) : location
        return try SQLiteFeedStore(path: path)
    }
}
