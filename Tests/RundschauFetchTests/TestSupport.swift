import Foundation
import Logging
import RundschauFetch
import RundschauTestServer

/// A logger that drops everything: tests never bootstrap logging and should print nothing.
let quietLogger = Logger(label: "rundschau.fetch.tests", factory: { _ in SwiftLogNoOpLogHandler() })

extension FeedFetcher.Configuration {
    /// Short timeouts so that no test can hang: every server is on 127.0.0.1.
    static var testing: FeedFetcher.Configuration {
        FeedFetcher.Configuration(connectTimeout: .seconds(10), readTimeout: .seconds(30), totalTimeout: .seconds(60))
    }
}

/// Starts a loopback server and a fetcher, runs `body`, and shuts both down.
func withServer(
    _ configuration: FeedFetcher.Configuration = .testing,
    _ body: (TestHTTPServer, FeedFetcher) async throws -> Void
) async throws {
    let server = try await TestHTTPServer.start()
    do {
        try await FeedFetcher.withFetcher(configuration: configuration, logger: quietLogger) { fetcher in
            try await body(server, fetcher)
        }
    } catch {
        try? await server.shutdown()
        throw error
    }
    try await server.shutdown()
}

extension FetchOutcome {
    var fetched: FetchResponse? { if case .fetched(let response) = self { response } else { nil } }
    var notModified: FetchResponse? { if case .notModified(let response) = self { response } else { nil } }
    var gone: FetchResponse? { if case .gone(let response) = self { response } else { nil } }
}

/// A small RSS document.
func rss(_ title: String = "Test feed", items: Int = 2) -> String {
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>\(title)</title>"
    for index in 0..<items { xml += "<item><title>Item \(index)</title><guid>item-\(index)</guid></item>" }
    return xml + "</channel></rss>\n"
}

/// Always returns zero: `Double.random(in: 0..<1)` becomes 0, so jitter takes nothing off.
struct ZeroGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}

/// Seconds elapsed since `start`.
func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}
