import ArgumentParser
import Foundation
import RundschauStore

extension Rundschau {
    /// `rundschau stories`: the story clusters with their articles.
    struct Stories: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
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
            let topics = try await store.topics()
            var query = ClusterQuery(lastSeenSince: since.flatMap(Self.day))
            if let topic {
                guard let found = topics.first(where: { $0.slug == topic }) else {
                    try? await store.close()
                    Terminal.error("rundschau: no topic \"\(topic)\"; known: " + topics.map(\.slug).joined(separator: ", "))
                    throw ExitCode(ExitStatus.usageOrInput)
                }
                query.topicID = found.id
            }
            let slugs = Dictionary(uniqueKeysWithValues: topics.map { ($0.id, $0.slug) })
            let feeds = Dictionary(uniqueKeysWithValues: try await store.feeds().map { ($0.id, $0) })
            var rows: [StoryRow] = []
            let clusters = try await store.clusters(query)
            let membersOf = try await store.members(of: clusters.map(\.id))
            for cluster in clusters {
                let members = membersOf[cluster.id] ?? []
                rows.append(StoryRow(
                    id: cluster.id.rawValue, label: cluster.label, topics: cluster.topicIDs.compactMap { slugs[$0] },
                    firstSeen: cluster.firstSeen, lastSeen: cluster.lastSeen,
                    articles: members.sorted { $0.date < $1.date }.map {
                        StoryRow.Article(id: $0.id.rawValue, entryID: $0.entryID, feed: feeds[$0.feedID]?.url ?? "",
                                         title: $0.title, published: $0.published, duplicateOf: $0.duplicateOf?.rawValue)
                    }))
            }
            try? await store.close()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                Terminal.write(String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n")
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

/// One story in `rundschau stories --json`.
struct StoryRow: Encodable {
    struct Article: Encodable {
        var id: Int64
        var entryID: String
        var feed: String
        var title: String?
        var published: Date?
        var duplicateOf: Int64?

        enum CodingKeys: String, CodingKey {
            case id, feed, title, published
            case entryID = "entry_id", duplicateOf = "duplicate_of"
        }
    }

    var id: Int64
    var label: String
    var topics: [String]
    var firstSeen: Date
    var lastSeen: Date
    var articles: [Article]

    enum CodingKeys: String, CodingKey {
        case id, label, topics, articles
        case firstSeen = "first_seen", lastSeen = "last_seen"
    }
}
