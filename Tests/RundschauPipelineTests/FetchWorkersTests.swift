import RundschauModel
import Foundation
import Logging
import Testing
import RundschauConfig
@testable import RundschauPipeline
import RundschauStore
import RundschauStorePostgres
import RundschauTestServer
import Synchronization

/// Several `fetch` workers on one PostgreSQL database share the due feeds: each claims batches the size of its own
/// concurrency, so the work spreads over the workers and every feed is fetched exactly once.
/// Runs when `RUNDSCHAU_TEST_POSTGRES_URL` is set (`Scripts/postgres-test-server`, `.ci/run`).
@Suite struct FetchWorkersTests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The test server's URL and a fresh schema in it; `nil` when no PostgreSQL server is configured.
    static func freshSchema() throws -> (url: String, schema: String, location: PostgresLocation)? {
        guard let url = ProcessInfo.processInfo.environment["RUNDSCHAU_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        let schema = "rt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return (url, schema, try PostgresLocation(url: url).withSchema(schema))
    }

    /// Drops a test's schema once the test is over.
    static func dropLater(_ schema: String, at location: PostgresLocation) {
        Task { try? await PostgresFeedStore.dropSchema(schema, at: location, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) }
    }

    @Test func threeWorkersSplitTheDueFeedsAndFetchEachOnce() async throws {
        guard let (_, schema, location) = try Self.freshSchema() else { return }
        defer { Self.dropLater(schema, at: location) }
        let logger = self.logger

        let server = try await TestHTTPServer.start()
        let feeds = 24
        server.fallback { request in
            let n = request.path.split(separator: "/").last.map(String.init) ?? "?"
            let body = """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Feed \(n)</title>\
                <item><guid>\(n)-1</guid><title>Item one of feed \(n)</title></item>\
                <item><guid>\(n)-2</guid><title>Item two of feed \(n)</title></item></channel></rss>
                """
            // Slow enough that every worker is still fetching when the others claim.
            return TestResponse(status: 200, headers: [("Content-Type", "application/rss+xml")],
                                body: .bytes(Array(body.utf8)), delay: .milliseconds(150))
        }
        let setup = try await PostgresFeedStore(location: location, logger: logger)
        for n in 0..<feeds { _ = try await setup.subscribe(FeedSubscription(url: server.url("/f/\(n)").absoluteString), at: Date()) }

        var settings = Settings()
        settings.fetch.concurrency = 2
        settings.fetch.timeout = 60
        let workerSettings = settings
        // The workers' stores are open before any starts fetching, so that they start together.
        var stores: [(String, PostgresFeedStore)] = []
        for worker in ["w1", "w2", "w3"] {
            stores.append((worker, try await PostgresFeedStore(location: location, logger: logger, maximumConnections: 2)))
        }
        let reports = try await withThrowingTaskGroup(of: FetchReport.self) { group in
            for (worker, store) in stores {
                group.addTask {
                    let step = FetchStep(settings: workerSettings, logger: logger, useClaims: true, worker: worker)
                    return try await step.run(store: store, selection: .due)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for (_, store) in stores { try await store.close() }
        try await server.shutdown()

        // Every feed fetched once, every article stored once, and every worker took a share (the first worker
        // no longer claims everything).
        #expect(reports.map(\.fetched).reduce(0, +) == feeds)
        for n in 0..<feeds { #expect(server.requests(to: "/f/\(n)").count == 1, "feed \(n)") }
        #expect(try await setup.articleCount(ArticleQuery()) == 2 * feeds)
        #expect(reports.allSatisfy { $0.fetched >= 2 }, "fetched per worker: \(reports.map(\.fetched))")
        #expect(reports.allSatisfy { $0.failures.isEmpty }, "\(reports.flatMap(\.failures))")
        try await setup.close()
    }

    @Test func workersRunningFetchAllTogetherFetchEachFeedOnce() async throws {
        guard let (_, schema, location) = try Self.freshSchema() else { return }
        defer { Self.dropLater(schema, at: location) }
        let logger = self.logger

        let server = try await TestHTTPServer.start()
        let feeds = 20
        server.fallback { request in
            let n = request.path.split(separator: "/").last.map(String.init) ?? "?"
            let body = "<rss version=\"2.0\"><channel><title>F\(n)</title><item><guid>\(n)</guid><title>Item \(n)</title></item></channel></rss>"
            return TestResponse(status: 200, headers: [("Content-Type", "application/rss+xml")],
                                body: .bytes(Array(body.utf8)), delay: .milliseconds(100))
        }
        let setup = try await PostgresFeedStore(location: location, logger: logger)
        let earlier = Date().addingTimeInterval(-600)
        for n in 0..<feeds {
            let feed = try await setup.subscribe(FeedSubscription(url: server.url("/a/\(n)").absoluteString), at: earlier)
            // Fetched ten minutes ago and not due for an hour: only `--all` fetches them now.
            try await setup.recordFetch(feed.id, state: FetchState(nextFetchAt: Date().addingTimeInterval(3600), lastFetchedAt: earlier))
        }
        var settings = Settings()
        settings.fetch.concurrency = 2
        settings.fetch.timeout = 60
        let workerSettings = settings
        var stores: [(String, PostgresFeedStore)] = []
        for worker in ["a1", "a2", "a3", "a4"] {
            stores.append((worker, try await PostgresFeedStore(location: location, logger: logger, maximumConnections: 2)))
        }
        let round = Date()
        let reports = try await withThrowingTaskGroup(of: FetchReport.self) { group in
            for (worker, store) in stores {
                group.addTask {
                    try await FetchStep(settings: workerSettings, logger: logger, useClaims: true, worker: worker)
                        .run(store: store, selection: .all, now: round)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(reports.map(\.fetched).reduce(0, +) == feeds)
        for n in 0..<feeds { #expect(server.requests(to: "/a/\(n)").count == 1, "feed \(n)") }
        #expect(reports.allSatisfy { $0.fetched >= 2 }, "fetched per worker: \(reports.map(\.fetched))")
        #expect(try await setup.articleCount(ArticleQuery()) == feeds)
        #expect(try await setup.feeds().allSatisfy { $0.leaseOwner == nil }, "every claim ended with its fetch")

        // `--feed` claims too: a feed another worker holds is left to it.
        let held = try await setup.claimFeeds(.notFetchedSince(Date().addingTimeInterval(60)), limit: 1, worker: "other",
                                              leaseSeconds: 300, now: Date())
        let heldURL = try #require(held.first?.url)
        let lines = LineCollector()
        let skipped = try await FetchStep(settings: workerSettings, logger: logger, useClaims: true, worker: "a1")
            .run(store: stores[0].1, selection: .one(heldURL)) { lines.append($0) }
        #expect(skipped.fetched == 0)
        #expect(lines.all.contains { $0.contains("being fetched by other") }, "\(lines.all)")
        for (_, store) in stores { try await store.close() }
        try await server.shutdown()
        try await setup.close()
    }

    @Test func onlyOneMachinePublishesARound() async throws {
        guard let (url, schema, location) = try Self.freshSchema() else { return }
        defer { Self.dropLater(schema, at: location) }
        let logger = self.logger
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("one-publisher-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var settings = Settings()
        settings.paths.subscriptions = folder.appendingPathComponent("none.opml").path
        settings.paths.topics = ClusterPublishStepTests.topicsPath
        settings.importing.folders = [ClusterPublishStepTests.seeds.path]
        let databaseURL = url.contains("?") ? url + "&schema=\(schema)" : url + "?schema=\(schema)"
        func environment(_ name: String) -> RunEnvironment {
            RunEnvironment(settings: settings, database: databaseURL, output: folder.appendingPathComponent(name).path)
        }
        let publisher = try await PostgresFeedStore(location: location, logger: logger)
        let worker = try await PostgresFeedStore(location: location, logger: logger)

        // While machine A holds the publisher role, machine B's run fetches but skips the rest, with a note.
        let skipped = try await publisher.withExclusiveRole(RunJob.publisherRole) {
            try await RunJob(environment: environment("B"), logger: logger).run(store: worker)
        }
        let b = try #require(skipped)
        #expect(b.problems.isEmpty)
        #expect(b.notes.count == 1 && b.notes[0].contains("another machine"), "\(b.notes)")
        #expect(b.counts.itemsImported == 0 && b.counts.feedsWritten == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("B").path))

        // With the role free, the run imports, clusters and publishes.
        let a = try await RunJob(environment: environment("A"), logger: logger).run(store: publisher)
        #expect(a.problems.isEmpty && a.notes.isEmpty)
        #expect(a.counts.articlesNew == 11 && a.counts.feedsWritten > 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("A").path))
        try await worker.close()
        try await publisher.close()
    }
}

/// Progress lines collected from a `@Sendable` callback.
private final class LineCollector: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
