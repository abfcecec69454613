import ArgumentParser
import Foundation
import Logging
import RundschauPipeline

extension Rundschau {
    /// `rundschau run`: the main job, for cron.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "The main job: fetch due feeds, import dumps, prune (retention.days), cluster, publish.",
            discussion: """
                Safe to run from cron: a second run while one is active exits at once with status 3. Quiet when \
                standard output is not a terminal unless something went wrong. Exit status 0 when all went well, \
                1 when some feeds or files failed (one line each), 2 for usage or configuration errors. On \
                PostgreSQL several machines may run it: each fetches its share, and one of them per round \
                imports, prunes, clusters and publishes (the others note that and skip those steps).
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var outputOptions: OutputOptions

        func run() async throws {
            let environment = try global.environment(output: outputOptions.output)
            let lock = try Self.takeLock(environment, for: .run)
            let store = try await global.openStore(environment)
            let chatty = global.chatty
            let job = RunJob(environment: environment, logger: global.logger("rundschau.run")) { line in
                if chatty { Terminal.write(line + "\n") }
            }
            let summary = try await job.run(store: store)
            try? await store.close()
            withExtendedLifetime(lock) {}
            for problem in summary.problems { Terminal.error(problem) }
            for warning in summary.warnings { Terminal.error("warning: " + warning) }
            if chatty {
                let c = summary.counts
                Terminal.write("done: \(c.feedsFetched) feeds fetched, \(c.feedsFailed) failed, \(c.feedsNotModified) not modified; "
                    + "\(c.itemsImported) items imported; \(c.articlesNew) new articles; \(c.duplicates) duplicates; "
                    + "\(c.clusters) clusters; \(c.feedsWritten) feeds written"
                    + (c.entriesSkipped > 0 ? "; \(c.entriesSkipped) empty entries skipped\n" : "\n"))
            }
            if !summary.problems.isEmpty { throw ExitCode(ExitStatus.partialFailure) }
        }

        /// Takes the run lock `command` needs (``RunEnvironment/takeRunLock(for:)``) or exits with status 3 and a
        /// one-line note.
        static func takeLock(_ environment: RunEnvironment, for command: RunEnvironment.LockedCommand) throws -> RunLock? {
            do {
                return try environment.takeRunLock(for: command)
            } catch let busy as RunLock.Busy {
                Terminal.error("rundschau: \(busy)")
                throw ExitCode(ExitStatus.locked)
            } catch {
                Terminal.error("rundschau: cannot take the run lock: \(error)")
                throw ExitCode(ExitStatus.usageOrInput)
            }
        }
    }
}
