import ArgumentParser
import Foundation
import RundschauStore

extension Rundschau {
    /// `rundschau feeds`: the subscriptions with their state.
    struct Feeds: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feeds",
            abstract: "List subscriptions with status, last fetch and errors.")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        @Flag(name: .customLong("include-dumps"), help: "Also list imported dump files (sources of kind dump).")
        var includeDumps = false

        func run() async throws {
            let environment = try global.environment()
            let store = try await global.openStore(environment)
            defer { Task { try? await store.close() } }
            let feeds = try await store.feeds().filter { includeDumps || $0.kind == .feed }
            if json {
                let rows = feeds.map { FeedRow($0) }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                Terminal.write(String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n")
                return
            }
            if feeds.isEmpty {
                Terminal.write("no subscriptions (add some with `rundschau subscribe URL` or `rundschau opml import FILE`)\n")
                return
            }
            for feed in feeds {
                let last = feed.fetch.lastFetchedAt.map { Self.short($0) } ?? "never"
                let next = feed.fetch.nextFetchAt.map { Self.short($0) } ?? "-"
                var line = "\(feed.fetch.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) "
                    + "last \(last)  next \(next)  \(feed.title ?? feed.url)"
                if feed.title != nil { line += "  <\(feed.url)>" }
                if feed.fetch.consecutiveErrors > 0, let error = feed.fetch.lastError {
                    line += "\n         \(feed.fetch.consecutiveErrors) error(s): \(error)"
                }
                Terminal.write(line + "\n")
            }
        }

        static func short(_ date: Date) -> String {
            date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeSeparator(.colon))
        }
    }
}

/// One subscription in `rundschau feeds --json`.
struct FeedRow: Encodable {
    var url: String
    var kind: String
    var title: String?
    var site: String?
    var folder: String?
    var status: String
    var lastFetched: Date?
    var lastSuccess: Date?
    var nextFetch: Date?
    var errors: Int
    var lastError: String?
    var httpStatus: Int?

    init(_ feed: StoredFeed) {
        url = feed.url
        kind = feed.kind.rawValue
        title = feed.title
        site = feed.siteLink
        folder = feed.folder
        status = feed.fetch.status.rawValue
        lastFetched = feed.fetch.lastFetchedAt
        lastSuccess = feed.fetch.lastSuccessAt
        nextFetch = feed.fetch.nextFetchAt
        errors = feed.fetch.consecutiveErrors
        lastError = feed.fetch.lastError
        httpStatus = feed.fetch.httpStatus
    }

    enum CodingKeys: String, CodingKey {
        case url, kind, title, site, folder, status, errors
        case lastFetched = "last_fetched", lastSuccess = "last_success", nextFetch = "next_fetch"
        case lastError = "last_error", httpStatus = "http_status"
    }
}
