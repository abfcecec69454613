import ArgumentParser
import Foundation

/// Flags every command shares; each mirrors an environment variable.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Settings file (env RUNDSCHAU_CONFIG).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("SQLite path or postgres:// URL (env RUNDSCHAU_DATABASE).", valueName: "path-or-url"))
    var database: String?

    @Flag(name: [.short, .long], help: "Print progress and details even when not on a terminal.")
    var verbose = false

    @Flag(name: [.short, .long], help: "Print only problems, even on a terminal.")
    var quiet = false

    /// The settings file: `--config`, else `RUNDSCHAU_CONFIG`, else `Config/rundschau.toml`.
    var configPath: String {
        config ?? ProcessInfo.processInfo.environment["RUNDSCHAU_CONFIG"] ?? "Config/rundschau.toml"
    }

    /// Whether progress and summaries go to standard output: on a terminal unless `--quiet`, or with `--verbose`.
    var chatty: Bool {
        if verbose { return true }
        if quiet { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}
