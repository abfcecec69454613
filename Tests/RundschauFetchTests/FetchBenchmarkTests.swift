import Foundation
import RundschauTestServer
import Testing

@Suite("FetchBenchmark helper")
struct FetchBenchmarkTests {
    /// Runs the benchmark small; `RUNDSCHAU_FETCH_BENCH_FEEDS=1000` runs it with that many feeds and the
    /// benchmark's default settings, and prints the report.
    @Test("first pass all 200, second pass all 304")
    func twoPasses() async throws {
        let requested = ProcessInfo.processInfo.environment["RUNDSCHAU_FETCH_BENCH_FEEDS"].flatMap(Int.init)
        let feeds = requested ?? 60
        let report = if requested != nil {
            try await FetchBenchmark.run(feeds: feeds, logger: quietLogger)
        } else {
            try await FetchBenchmark.run(feeds: feeds, entriesPerFeed: 10, concurrency: 16, perHost: 16,
                                         logger: quietLogger)
        }
        #expect(report.firstPass.fetched == feeds, "\(report.firstPass.failures)")
        #expect(report.firstPass.failed == 0)
        #expect(report.firstPass.bytes > feeds * 1000)
        #expect(report.secondPass.notModified == feeds, "\(report.secondPass.failures)")
        #expect(report.secondPass.bytes == 0)
        #expect(report.peakMemoryBytes > 0)
        if requested != nil { print(report) }
    }
}
