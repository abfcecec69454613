#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Logging
import RundschauFetch

/// Serves many feeds from a local ``TestHTTPServer`` and fetches them all twice: first pass 200s, second pass
/// (with the validators of the first) all 304s. Reports wall time per pass and the process's peak memory.
///
/// Meant for `rundschau-bench fetch` (release mode):
/// ```swift
/// let report = try await FetchBenchmark.run(feeds: 1000, logger: logger)
/// print(report)
/// ```
public enum FetchBenchmark {
    /// One pass over all feeds.
    public struct Pass: Sendable, CustomStringConvertible {
/// Wall time of the pass.
        public var wall: Duration
/// Responses with status 200.
        public var fetched = 0
/// Responses with status 304.
        public var notModified = 0
/// Failures (none expected).
        public var failed = 0
        /// Body bytes received.
        public var bytes = 0
        /// The first few failures, for diagnosis.
        public var failures: [String] = []

/// One line: wall time and counts.
        public var description: String {
            let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
            return String(format: "%.3f s", seconds)
                + " (\(fetched) × 200, \(notModified) × 304, \(failed) failed, \(bytes) body bytes)"
        }
    }

    /// The benchmark's result.
    public struct Report: Sendable, CustomStringConvertible {
/// Feeds served and fetched per pass.
        public var feeds: Int
/// Items per generated feed.
        public var entriesPerFeed: Int
/// Overall concurrency of `fetchAll`.
        public var concurrency: Int
/// Per-host concurrency of `fetchAll` (all feeds share one host).
        public var perHost: Int
/// The unconditional pass (200s).
        public var firstPass: Pass
/// The conditional pass (304s).
        public var secondPass: Pass
        /// The process's peak resident memory (`ru_maxrss`), server and client together.
        public var peakMemoryBytes: Int

/// A few lines for a terminal.
        public var description: String {
            """
            fetch benchmark: \(feeds) feeds × \(entriesPerFeed) entries, concurrency \(concurrency), per host \(perHost)
              first pass (200):  \(firstPass)
              second pass (304): \(secondPass)
              peak memory: \(peakMemoryBytes / (1 << 20)) MiB (process peak RSS, server included)
            """
        }
    }

    /// Runs the benchmark against a server this call starts and stops on `127.0.0.1`.
    /// - Parameters:
    ///   - feeds: how many distinct feed URLs to serve.
    ///   - entriesPerFeed: items per generated RSS document (about 350 bytes each).
    ///   - concurrency, perHost: passed to ``FeedFetcher/fetchAll(_:concurrency:perHost:)``; all feeds share one host.
    public static func run(
        feeds: Int = 1000, entriesPerFeed: Int = 20, concurrency: Int = 64, perHost: Int = 64, logger: Logger
    ) async throws -> Report {
        let bodies = (0..<feeds).map { Array(sampleFeed(number: $0, entries: entriesPerFeed).utf8) }
        let server = try await TestHTTPServer.start()
        server.setRecording(false)
        server.fallback { request in
            let name = request.path.split(separator: "/").last ?? ""
            guard let number = Int(name.split(separator: ".").first ?? ""), bodies.indices.contains(number) else {
                return .status(404)
            }
            let etag = "\"feed-\(number)-v1\""
            let validators: [(name: String, value: String)] = [
                ("ETag", etag), ("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT"), ("Cache-Control", "max-age=600"),
            ]
            if request.header("If-None-Match") == etag { return .status(304, headers: validators) }
            return TestResponse(status: 200, headers: [("Content-Type", "application/rss+xml; charset=utf-8")] + validators,
                                body: .bytes(bodies[number]))
        }
        var configuration = FeedFetcher.Configuration()
        configuration.maxConnectionsPerHost = perHost
        let report: Report
        do {
            report = try await FeedFetcher.withFetcher(configuration: configuration, logger: logger) { fetcher in
                let requests = (0..<feeds).map { FetchRequest(url: server.url("/feeds/\($0).xml"), id: Int64($0)) }
                var etags: [Int64: String] = [:]
                let first = await pass(fetcher, requests, concurrency: concurrency, perHost: perHost) { result in
                    if let id = result.request.id, let etag = result.outcome.response?.etag { etags[id] = etag }
                }
                let conditional = requests.map { request in
                    var request = request
                    request.etag = request.id.flatMap { etags[$0] }
                    return request
                }
                let second = await pass(fetcher, conditional, concurrency: concurrency, perHost: perHost) { _ in }
                return Report(feeds: feeds, entriesPerFeed: entriesPerFeed, concurrency: concurrency, perHost: perHost,
                              firstPass: first, secondPass: second, peakMemoryBytes: peakResidentBytes())
            }
        } catch {
            try? await server.shutdown()
            throw error
        }
        try await server.shutdown()
        return report
    }

    private static func pass(
        _ fetcher: FeedFetcher, _ requests: [FetchRequest], concurrency: Int, perHost: Int,
        each: (FetchResult) -> Void
    ) async -> Pass {
        let clock = ContinuousClock()
        let start = clock.now
        var pass = Pass(wall: .zero)
        for await result in fetcher.fetchAll(requests, concurrency: concurrency, perHost: perHost) {
            switch result.outcome {
            case .fetched(let response):
                pass.fetched += 1
                pass.bytes += response.body.count
            case .notModified:
                pass.notModified += 1
            case .gone, .failed:
                pass.failed += 1
                if pass.failures.count < 5 { pass.failures.append("\(result.request.url): \(result.outcome)") }
            }
            each(result)
        }
        pass.wall = clock.now - start
        return pass
    }

    /// Peak resident set size of this process in bytes.
    public static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss)
        #else
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024
        #endif
    }

    /// A plausible RSS 2.0 document for feed `number`.
    public static func sampleFeed(number: Int, entries: Int) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Feed \(number)</title><link>https://example.org/\(number)/</link>
            <description>Benchmark feed \(number)</description><ttl>60</ttl>

            """
        for item in 0..<entries {
            xml += """
                <item><title>Story \(item) of feed \(number)</title>\
                <link>https://example.org/\(number)/story/\(item)</link>\
                <guid isPermaLink="false">feed-\(number)-item-\(item)</guid>\
                <pubDate>Mon, 01 Jan 2024 \(String(format: "%02d", item % 24)):00:00 GMT</pubDate>\
                <description>Some text about story \(item), long enough to look like a teaser of a news item.</description>\
                </item>

                """
        }
        return xml + "</channel></rss>\n"
    }
}
