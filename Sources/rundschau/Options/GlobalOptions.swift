import ArgumentParser
import Foundation
import Logging
import RundschauPipeline
import RundschauStore

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

    @Option(name: .customLong("log-level"),
            help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (default: warning; info with --verbose).",
                               valueName: "level"))
    var logLevel: String?

    func validate() throws {
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical.")
        }
    }

    /// A logger for a component: warnings and errors by default, so cron stays quiet unless something is wrong.
    func logger(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = logLevel.flatMap(Logger.Level.init(rawValue:)) ?? (verbose ? .info : .warning)
        return logger
    }

    /// Settings after the file, environment variables and flags; configuration errors exit with status 2.
    func environment(output: String? = nil) throws -> RunEnvironment {
        do {
            return try RunEnvironment.load(config: config, database: database, output: output)
        } catch {
            Terminal.error("rundschau: \(error)")
            throw ExitCode(ExitStatus.usageOrInput)
        }
    }

    /// Opens the store, turning failures into a one-line error and exit status 2.
    func openStore(_ environment: RunEnvironment) async throws -> any FeedStore {
        do {
            return try await StoreOpener.open(environment.database)
        } catch {
            Terminal.error("rundschau: \(error)")
            throw ExitCode(ExitStatus.usageOrInput)
        }
    }

    /// Whether progress and summaries go to standard output: on a terminal unless `--quiet`, or with `--verbose`.
    var chatty: Bool {
        if verbose { return true }
        if quiet { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}
