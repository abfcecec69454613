import Foundation
import Logging
import Testing
import RundschauConfig
import RundschauModel
import RundschauPipeline
import RundschauStore
import RundschauStoreSQLite
import RundschauTestServer

/// The fetch step end to end: a real HTTP server on 127.0.0.1, the real fetcher and parser, a real SQLite file.
@Suite struct FetchStepTests {
    let folder: URL
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fetch-step-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func rss(_ title: String, items: [String]) -> String {
        let entries = items.map {
            "<item><title>\($0)</title><link>https://example.org/\($0)</link><guid>\($0)</guid>"
                + "<pubDate>Tue, 11 Jun 2024 08:00:00 GMT</pubDate></item>"
        }.joined()
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(title)</title>"
            + "<link>https://example.org/</link>\(entries)</channel></rss>"
    }

    var step: FetchStep {
        var settings = Settings()
        settings.fetch.connectTimeout = 2
        settings.fetch.timeout = 5
        return FetchStep(settings: settings, logger: logger, worker: "test")
    }

    @Test func conditionalGetStoresOnceThen304CostsNothing() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { try? await server.shutdown() } }
        let body = rss("Wire", items: ["a", "b"])
        server.route("/feed") { request in
            if request.header("If-None-Match") == "\"v1\"" { return .status(304, headers: [("ETag", "\"v1\"")]) }
            return .text(body, headers: [("ETag", "\"v1\"")])
        }
        let store = try SQLiteFeedStore(path: folder.appendingPathComponent("db.sqlite").path)
        _ = try await store.subscribe(FeedSubscription(url: server.url("/feed").absoluteString), at: Date())

        let first = try await step.run(store: store, selection: .all)
        #expect(first.fetched == 1 && first.inserted == 2 && first.failures.isEmpty)
        let stored = try #require(try await store.feed(url: server.url("/feed").absoluteString))
        #expect(stored.title == "Wire")
        #expect(stored.fetch.etag == "\"v1\"")
        #expect(stored.fetch.nextFetchAt.map { $0 > Date() } == true)

        let second = try await step.run(store: store, selection: .all)
        #expect(second.notModified == 1 && second.fetched == 0 && second.inserted == 0)
        #expect(try await store.status().articles == 2)
        // Not due again before its schedule.
        let due = try await step.run(store: store, selection: .due)
        #expect(due.fetched + due.notModified == 0)
    }

    @Test func entriesWithNothingToShowAreCountedNotStored() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { try? await server.shutdown() } }
        // One item with a title, one podcast episode with only an enclosure (kept), and two with only an author
        // or only a date and a category (nothing to show: skipped and counted).
        let body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Sparse</title>"
            + "<link>https://example.org/</link>"
            + "<item><title>Real</title><guid>real</guid></item>"
            + "<item><enclosure url=\"https://example.org/e.mp3\" type=\"audio/mpeg\" length=\"10\"/></item>"
            + "<item><author>a@example.org (A)</author></item>"
            + "<item><pubDate>Tue, 11 Jun 2024 08:00:00 GMT</pubDate><category>x</category></item>"
            + "</channel></rss>"
        server.route("/feed", response: .text(body))
        let store = try SQLiteFeedStore(path: folder.appendingPathComponent("db.sqlite").path)
        _ = try await store.subscribe(FeedSubscription(url: server.url("/feed").absoluteString), at: Date())

        let report = try await step.run(store: store, selection: .all)
        #expect(report.fetched == 1 && report.failures.isEmpty)
        #expect(report.inserted == 2)
        #expect(report.skippedEmpty == 2)
        #expect(try await store.status().articles == 2)
    }

    @Test func aBadFeedNeverStopsTheOthers() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { try? await server.shutdown() } }
        server.route("/good", response: .text(rss("Good", items: ["x"])))
        server.route("/html", response: .text("<html><body>hello</body></html>", contentType: "text/html"))
        server.route("/broken", response: .status(500))
        server.route("/gone", response: .status(410))
        let store = try SQLiteFeedStore(path: folder.appendingPathComponent("db.sqlite").path)
        for path in ["/good", "/html", "/broken", "/gone"] {
            _ = try await store.subscribe(FeedSubscription(url: server.url(path).absoluteString), at: Date())
        }
        let report = try await step.run(store: store, selection: .all)
        #expect(report.fetched == 1 && report.inserted == 1)
        #expect(report.failures.count == 3)
        #expect(report.failures.contains { $0.hasPrefix(server.url("/html").absoluteString + ": not a feed: an HTML page") })
        let broken = try #require(try await store.feed(url: server.url("/broken").absoluteString))
        #expect(broken.fetch.consecutiveErrors == 1 && broken.fetch.lastError != nil && broken.fetch.httpStatus == 500)
        let gone = try #require(try await store.feed(url: server.url("/gone").absoluteString))
        #expect(gone.fetch.status == .gone)
        // A gone feed is never fetched again, not even with --all.
        let again = try await step.run(store: store, selection: .all)
        #expect(!again.failures.contains { $0.contains("/gone") })
    }

    @Test func permanentRedirectMovesTheSubscription() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { try? await server.shutdown() } }
        server.route("/old", response: .redirect(301, to: "/new"))
        server.route("/new", response: .text(rss("Moved", items: ["m"])))
        let store = try SQLiteFeedStore(path: folder.appendingPathComponent("db.sqlite").path)
        _ = try await store.subscribe(FeedSubscription(url: server.url("/old").absoluteString), at: Date())
        let report = try await step.run(store: store, selection: .all)
        #expect(report.fetched == 1)
        #expect(try await store.feed(url: server.url("/old").absoluteString) == nil)
        #expect(try await store.feed(url: server.url("/new").absoluteString) != nil)
    }

    @Test func retryAfterIsHonouredEvenWithAll() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { try? await server.shutdown() } }
        server.setRecording(true)
        server.route("/busy", response: .status(429, headers: [("Retry-After", "3600")]))
        let store = try SQLiteFeedStore(path: folder.appendingPathComponent("db.sqlite").path)
        _ = try await store.subscribe(FeedSubscription(url: server.url("/busy").absoluteString), at: Date())
        let first = try await step.run(store: store, selection: .all)
        #expect(first.failures.count == 1)
        let feed = try #require(try await store.feed(url: server.url("/busy").absoluteString))
        #expect(feed.fetch.retryAfter.map { $0 > Date().addingTimeInterval(3000) } == true)
        let second = try await step.run(store: store, selection: .all)
        #expect(second.failures.isEmpty && second.fetched == 0)
        #expect(server.requests(to: "/busy").count == 1)
    }
}
