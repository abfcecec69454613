import ArgumentParser
import Foundation
import Logging
import RundschauPipeline

extension Rundschau {
    /// `rundschau fetch`: the due subscriptions, politely.
    struct Fetch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fetch",
            abstract: "Fetch the subscriptions that are due and store their entries.",
            discussion: """
                Conditional GET, per-host limits, back-off and Retry-After are honoured. A second run while one \
                is active exits at once with status 3. Exit status 1 when some feeds failed (one line each).
                """)

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Fetch every subscription now, ignoring the schedule (never a server's Retry-After, never a gone feed; on PostgreSQL, not one any worker fetched in the last minute).")
        var all = false

        @Option(help: ArgumentHelp("Fetch only this subscription.", valueName: "url"))
        var feed: String?

        func validate() throws {
            if all && feed != nil { throw ValidationError("--all and --feed exclude each other.") }
        }

        func run() async throws {
            let environment = try global.environment()
            let lock = try Run.takeLock(environment, for: .fetch)
            let store = try await global.openStore(environment)
            let chatty = global.chatty
            let step = FetchStep(settings: environment.settings, logger: global.logger("rundschau.fetch"),
                                 useClaims: environment.usesServerDatabase)
            let selection: FetchStep.Selection = feed.map { .one($0) } ?? (all ? .all : .due)
            let report: FetchReport
            do {
                report = try await step.run(store: store, selection: selection) { line in
                    if chatty { Terminal.write(line + "\n") }
                }
            } catch {
                try? await store.close()
                Terminal.error("rundschau: \(error)")
                throw ExitCode(ExitStatus.usageOrInput)
            }
            try? await store.close()
            withExtendedLifetime(lock) {}
            for failure in report.failures { Terminal.error(failure) }
            if chatty {
                Terminal.write("fetched \(report.fetched), not modified \(report.notModified), failed \(report.failures.count); "
                    + "\(report.inserted) new articles, \(report.updated) updated"
                    + (report.skippedEmpty > 0 ? ", \(report.skippedEmpty) empty entries skipped\n" : "\n"))
            }
            if !report.failures.isEmpty { throw ExitCode(ExitStatus.partialFailure) }
        }
    }
}
