import ArgumentParser
import Foundation
import Logging
import RundschauConfig
import RundschauPipeline
import RundschauStore
import RundschauStoreSQLite
import RundschauTestServer

/// `rundschau-bench fetch`: the cron path over N feeds served from 127.0.0.1 — conditional GET, parse, one SQLite
/// transaction per feed — first pass all 200s, second pass all 304s.
struct FetchBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch", abstract: "Fetch N local feeds twice (200s, then 304s) through the real fetch step.")

    @Option(help: "Number of feeds.")
    var feeds = 1000

    @Option(help: "Entries per feed.")
    var entries = 20

    @Option(help: "Requests in flight.")
    var concurrency = 64

    func run() async throws {
        let server = try await TestHTTPServer.start()
        server.setRecording(false)
        let bodies = (0..<feeds).map { Self.feed(index: $0, entries: entries) }
        server.fallback { request in
            let path = request.path
            guard path.hasPrefix("/feed/"), let index = Int(path.dropFirst(6)), index < bodies.count else {
                return .status(404)
            }
            let etag = "\"f\(index)\""
            if request.header("If-None-Match") == etag { return .status(304, headers: [("ETag", etag)]) }
            return .text(bodies[index], headers: [("ETag", etag)])
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fetch-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteFeedStore(path: folder.appendingPathComponent("bench.sqlite").path)
        for index in 0..<feeds {
            _ = try await store.subscribe(FeedSubscription(url: server.url("/feed/\(index)").absoluteString), at: Date())
        }
        var settings = Settings()
        settings.fetch.concurrency = concurrency
        settings.fetch.perHost = concurrency  // one local host serves every feed
        let step = FetchStep(settings: settings, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let clock = ContinuousClock()

        let start1 = clock.now
        let first = try await step.run(store: store, selection: .all)
        let pass1 = (clock.now - start1) / .seconds(1)
        let start2 = clock.now
        let second = try await step.run(store: store, selection: .all)
        let pass2 = (clock.now - start2) / .seconds(1)
        try await store.close()
        try await server.shutdown()

        print("feeds        \(feeds) × \(entries) entries, concurrency \(concurrency), SQLite WAL")
        print("pass 1 (200) \(Measure.format(pass1, 2)) s  \(first.fetched) fetched, \(first.inserted) articles stored, \(first.failures.count) failed")
        print("pass 2 (304) \(Measure.format(pass2, 2)) s  \(second.notModified) not modified, \(second.failures.count) failed")
        print("peak memory  \(Measure.format(Measure.peakMemoryMiB())) MiB (server and client in one process)")
        if let failure = first.failures.first ?? second.failures.first { print("first failure: \(failure)") }
    }

    static func feed(index: Int, entries: Int) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Feed \(index)</title>"
            + "<link>https://site\(index).example/</link><ttl>30</ttl>"
        for n in 0..<entries {
            out += "<item><title>Story \(n) of feed \(index)</title><link>https://site\(index).example/\(n)</link>"
                + "<guid>feed\(index)-\(n)</guid><pubDate>Tue, 11 Jun 2024 \(String(format: "%02d", n % 24)):00:00 GMT</pubDate>"
                + "<description>Text of story \(n) with &lt;b&gt;markup&lt;/b&gt; and more words to read.</description></item>"
        }
        return out + "</channel></rss>"
    }
}
