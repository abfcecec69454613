import ArgumentParser
import Foundation
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
