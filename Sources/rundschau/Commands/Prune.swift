import ArgumentParser
import Foundation
import RundschauPipeline
import RundschauStore

extension Rundschau {
    /// `rundschau prune`: removes old stories and articles (also done by `run` when `retention.days` is set).
    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prune",
            abstract: "Remove stories and articles older than the retention period.",
            discussion: """
                Removes every story whose articles were all first seen more than DAYS days ago, with its articles \
                and topic links, then articles in no story as old; in batches of \(PruneStep.batchSize), each its \
                own short transaction. What stays keeps its ids, so published entries do not change. SQLite \
                databases return the freed space to the file system. Takes the run lock like `run`.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "Keep this many days (default: retention.days from the settings).")
        var days: Int?

        @Flag(help: "Print what was removed as JSON.")
        var json = false

        func validate() throws {
            if let days, days < 1 { throw ValidationError("--days must be at least 1.") }
        }

        func run() async throws {
            let environment = try global.environment()
            let keep = days ?? environment.settings.retention.days
            guard keep > 0 else {
                Terminal.error("rundschau: nothing to prune: retention.days is 0 (keep everything); give --days N")
                throw ExitCode(ExitStatus.usageOrInput)
            }
            let lock = try Run.takeLock(environment, for: .prune)
            let store = try await global.openStore(environment)
            let step = PruneStep(days: keep, logger: global.logger("rundschau.prune"))
            let report: PruneReport?
            do {
                if environment.usesServerDatabase, let roles = store as? any ExclusiveRoles {
                    // The machine that publishes also clusters; pruning under its role never deletes a story
                    // while a clustering pass is extending it.
                    report = try await roles.withExclusiveRole(RunJob.publisherRole) { try await step.run(store: store) } ?? nil
                    if report == nil { Terminal.error("rundschau: prune skipped: another machine holds the publisher role") }
                } else {
                    report = try await step.run(store: store)
                }
            } catch {
                try? await store.close()
                Terminal.error("rundschau: prune: \(error)")
                throw ExitCode(ExitStatus.partialFailure)
            }
            try? await store.close()
            withExtendedLifetime(lock) {}
            guard let report else { return }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                Terminal.write(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
            } else if global.chatty {
                Terminal.write(PruneStep.summary(report, days: keep) + "\n")
            }
        }
    }
}
