import Foundation
import RundschauConfig

/// Settings after every override: the settings file, then environment variables, then flags.
public struct RunEnvironment: Sendable {
    public var settings: Settings
    /// The store location (`--database`, `RUNDSCHAU_DATABASE`, `paths.database`, else the SQLite file).
    public var database: String
    /// The output folder (`--output`, `RUNDSCHAU_OUTPUT`, `paths.output`).
    public var output: String

    /// Loads the settings file and applies overrides.
    /// - Parameters:
    ///   - config: `--config`; `nil` falls back to `RUNDSCHAU_CONFIG`, then `Config/rundschau.yaml` (optional).
    ///   - database: `--database`; `nil` falls back to `RUNDSCHAU_DATABASE`, then the settings.
    ///   - output: `--output`; `nil` falls back to `RUNDSCHAU_OUTPUT`, then the settings.
    public static func load(
        config: String?, database: String?, output: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> RunEnvironment {
        let named = config ?? environment["RUNDSCHAU_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let settings = try SettingsLoader.load(path: named ?? "Config/rundschau.yaml", required: named != nil)
        let database = database ?? environment["RUNDSCHAU_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? settings.paths.resolvedDatabase
        let output = output ?? environment["RUNDSCHAU_OUTPUT"].flatMap { $0.isEmpty ? nil : $0 } ?? settings.paths.output
        return RunEnvironment(settings: settings, database: database, output: output)
    }

    /// Whether the store is a server database (PostgreSQL) that several processes may write at once.
    public var usesServerDatabase: Bool { database.contains("://") }

    /// The run lock beside an SQLite database (or in the data folder for a server database).
    public var lockPath: String {
        if usesServerDatabase { return (settings.paths.data as NSString).appendingPathComponent("rundschau.lock") }
        return database + ".lock"
    }

    /// The commands whose writes must not overlap with another run's on one database.
    public enum LockedCommand: Sendable {
        /// `run`: every step.
        case run
        /// `fetch`: on SQLite only; PostgreSQL workers share the due feeds through row claims instead.
        case fetch
        /// `cluster`: decisions are made against the stored stories and must not race another pass.
        case cluster
        /// `prune`: deletes stories a clustering pass might be extending.
        case prune
    }

    /// Takes the run lock that `command` needs here, or returns `nil` when it needs none.
    /// - Throws: ``RunLock/Busy`` when another run holds it; other errors when the lock file cannot be created.
    public func takeRunLock(for command: LockedCommand) throws -> RunLock? {
        if case .fetch = command, usesServerDatabase { return nil }
        return try RunLock(path: lockPath)
    }
}
