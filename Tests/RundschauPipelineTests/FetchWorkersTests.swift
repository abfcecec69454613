import Foundation
import Logging
import Testing
import RundschauConfig
import RundschauPipeline
import RundschauStore
import RundschauStorePostgres
import RundschauTestServer

/// Several `fetch` workers on one PostgreSQL database share the due feeds: each claims batches the size of its own
/// concurrency, so the work spreads over the workers and every feed is fetched exactly once.
/// Runs when `RUNDSCHAU_TEST_POSTGRES_URL` is set (`Scripts/postgres-test-server`, `.ci/run`).
@Suite struct FetchWorkersTests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func threeWorkersSplitTheDueFeedsAndFetchEachOnce() async throws {
        guard let url = ProcessInfo.processInfo.environment["RUNDSCHAU_TEST_POSTGRES_URL"], !url.isEmpty else { return }
        let logger = self.logger
        let schema = "rt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let location = try PostgresLocation(url: url).withSchema(schema)
        defer { Task { try? await PostgresFeedStore.dropSchema(schema, at: location, logger: logger) } }

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
}
