import Foundation
@testable import RundschauFetch
import RundschauTestServer
import Testing

@Suite("FeedFetcher.fetchAll and its host scheduler")
struct FetchAllTests {
    @Test("every request yields one result, matched by id; a bad feed does not stop the others")
    func allResults() async throws {
        try await withServer { server, fetcher in
            server.fallback { request in
                request.path == "/feeds/3.xml" ? .status(500) : .text(rss(request.path))
            }
            let requests = (0..<10).map { FetchRequest(url: server.url("/feeds/\($0).xml"), id: Int64($0)) }
            var seen: [Int64: FetchOutcome] = [:]
            for await result in fetcher.fetchAll(requests, concurrency: 4, perHost: 4) {
                seen[try #require(result.request.id)] = result.outcome
                #expect(result.duration >= .zero)
            }
            #expect(seen.count == 10)
            #expect(seen[3]?.error?.httpStatus == 500)
            for id in (0..<10).filter({ $0 != 3 }) {
                #expect(seen[Int64(id)]?.fetched?.body == Array(rss("/feeds/\(id).xml").utf8))
            }
        }
    }

    @Test("perHost bounds concurrent requests to one host")
    func perHostLimit() async throws {
        try await withServer { server, fetcher in
            server.fallback { _ in TestResponse(status: 200, body: .bytes(Array(rss().utf8)), delay: .milliseconds(250)) }
            let requests = (0..<8).map { FetchRequest(url: server.url("/f\($0)")) }
            let start = ContinuousClock.now
            var count = 0
            for await result in fetcher.fetchAll(requests, concurrency: 8, perHost: 2) {
                #expect(result.outcome.fetched != nil, "\(String(describing: result.outcome.error))")
                count += 1
            }
            #expect(count == 8)
            // Two at a time, four rounds of at least 250 ms each.
            #expect(seconds(since: start) >= 0.95)
        }
    }

    @Test("the callback form runs to completion")
    func callbackForm() async throws {
        try await withServer { server, fetcher in
            server.fallback { _ in .text(rss()) }
            let requests = (0..<5).map { FetchRequest(url: server.url("/c\($0)")) }
            var results: [FetchResult] = []
            await fetcher.fetchAll(requests, concurrency: 2, perHost: 2) { results.append($0) }
            #expect(results.count == 5)
            #expect(Set(results.map(\.request.url)) == Set(requests.map(\.url)))
        }
    }

    @Test("the scheduler takes hosts in turn and respects the per-host limit")
    func schedulerRoundRobin() throws {
        func request(_ string: String) throws -> FetchRequest { FetchRequest(url: try #require(URL(string: string))) }
        var scheduler = HostScheduler([
            try request("https://a.example/1"), try request("https://a.example/2"), try request("https://a.example/3"),
            try request("https://b.example/1"), try request("file:///tmp/x.xml"),
        ], perHost: 1)
        let started = (0..<3).compactMap { _ in scheduler.next() }
        #expect(started.map(\.0) == ["a.example", "b.example", "(local)"])
        #expect(scheduler.next() == nil)  // every host is at its limit
        scheduler.finished("a.example")
        let next = scheduler.next()
        let fourth = try #require(next)
        #expect(fourth.1.url.absoluteString == "https://a.example/2")
        #expect(scheduler.next() == nil)
    }
}
