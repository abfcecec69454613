import RundschauModel
import ArgumentParser
import Foundation
import RundschauPipeline
import RundschauStore

extension Rundschau {
    /// `rundschau status`: the store at a glance.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show feeds by state, articles, clusters, topics and the last run.")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print JSON instead of text (for scripts and monitoring).")
        var json = false

        func run() async throws {
            let environment = try global.environment()
            let store = try await global.openStore(environment)
            let status = try await store.status()
            try? await store.close()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                let row = StatusRow(status, database: StoreOpener.displayName(environment.database))
                Terminal.write(String(decoding: try encoder.encode(row), as: UTF8.self) + "\n")
                return
            }
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

/// `rundschau status --json`.
struct StatusRow: Encodable {
    var database: String
    var feeds: [String: Int]
    var dumpSources: Int
    var articles: Int
    var duplicates: Int
    var clusters: Int
    var topics: Int
    var lastRun: RunRow?

    /// The most recent run.
    struct RunRow: Encodable {
        var command: String
        var status: String
        var started: Date
        var finished: Date?
        var message: String?
        var counts: RunCounts
    }

    init(_ status: StoreStatus, database: String) {
        self.database = database
        var feeds = Dictionary(uniqueKeysWithValues: status.feedsByStatus.map { ($0.key.rawValue, $0.value) })
        feeds["total"] = status.feeds
        self.feeds = feeds
        dumpSources = status.dumpSources
        articles = status.articles
        duplicates = status.duplicates
        clusters = status.clusters
        topics = status.topics
        lastRun = status.lastRun.map {
            RunRow(command: $0.command, status: $0.status.rawValue, started: $0.startedAt, finished: $0.finishedAt,
                   message: $0.message, counts: $0.counts)
        }
    }

    enum CodingKeys: String, CodingKey {
        case database, feeds, articles, duplicates, clusters, topics
        case dumpSources = "dump_sources", lastRun = "last_run"
    }
}
