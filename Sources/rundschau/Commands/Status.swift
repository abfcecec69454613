import RundschauModel
import ArgumentParser
import Foundation
import RundschauPipeline
import RundschauStore

extension Rundschau {
    /// `rundschau status`: the store at a glance.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show feeds by state, articles, clusters, topics and the last run.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let environment = try global.environment()
            let store = try await global.openStore(environment)
            let status = try await store.status()
            try? await store.close()
            let states = FeedStatus.allCases.map { "\(status.feedsByStatus[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            var text = """
                database  \(StoreOpener.displayName(environment.database))
                feeds     \(status.feeds) (\(states)); \(status.dumpSources) dump sources
                articles  \(status.articles) (\(status.duplicates) duplicates)
                clusters  \(status.clusters)
                topics    \(status.topics)

                """
            if let run = status.lastRun {
                let finished = run.finishedAt.map { Feeds.short($0) } ?? "still running"
                text += "last run  \(run.command) \(run.status.rawValue), started \(Feeds.short(run.startedAt)), finished \(finished)\n"
                if let message = run.message { text += "          \(message)\n" }
            } else {
                text += "last run  never\n"
            }
            Terminal.write(text)
        }
    }
}
