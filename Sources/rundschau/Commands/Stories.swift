import ArgumentParser
import Foundation
import RundschauPipeline

extension Rundschau {
    /// `rundschau stories`: the story clusters with their articles.
    struct Stories: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stories",
            abstract: "List story clusters (newest first) with their articles and topics.")

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Only stories in this topic (its slug).", valueName: "slug"))
        var topic: String?

        @Option(help: ArgumentHelp("Only stories seen on or after this day.", valueName: "YYYY-MM-DD"))
        var since: String?

        @Flag(help: "Print JSON: [{id, label, topics, first_seen, last_seen, articles: [{id, entry_id, feed, title, published, duplicate_of}]}].")
        var json = false

        func validate() throws {
            if let since, Self.day(since) == nil { throw ValidationError("--since expects YYYY-MM-DD, got \"\(since)\".") }
        }

        static func day(_ text: String) -> Date? {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            return formatter.date(from: text)
        }

        func run() async throws {
            let environment = try global.environment()
            let store = try await global.openStore(environment)
            let rows: [ListedStory]
            do {
                rows = try await StoryListing.load(store: store, topic: topic, since: since.flatMap(Self.day))
            } catch let unknown as StoryListing.UnknownTopic {
                try? await store.close()
                Terminal.error("rundschau: \(unknown)")
                throw ExitCode(ExitStatus.usageOrInput)
            }
            try? await store.close()
            if json {
                Terminal.write(String(decoding: try ListedStory.json(rows), as: UTF8.self) + "\n")
                return
            }
            for row in rows {
                let topicText = row.topics.isEmpty ? "" : "  [" + row.topics.joined(separator: ", ") + "]"
                Terminal.write("story \(row.id): \(row.label)\(topicText)\n")
                for article in row.articles {
                    let mark = article.duplicateOf.map { " (copy of \($0))" } ?? ""
                    let date = article.published.map { $0.formatted(.iso8601.year().month().day()) } ?? "          "
                    Terminal.write("  \(date)  \(article.title ?? "(untitled)")\(mark)\n")
                }
            }
        }
    }
}
