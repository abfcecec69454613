import Foundation
import RundschauTestServer
import Testing

@Suite("FetchBenchmark helper")
struct FetchBenchmarkTests {
    /// Runs the benchmark small (set `RUNDSCHAU_FETCH_BENCH_FEEDS=1000` to run it full size in debug).
    @Test("first pass all 200, second pass all 304")
    func twoPasses() async throws {
        let feeds = ProcessInfo.processInfo.environment["RUNDSCHAU_FETCH_BENCH_FEEDS"].flatMap(Int.init) ?? 60
        let report = try await FetchBenchmark.run(feeds: feeds, entriesPerFeed: 10, concurrency: 16, perHost: 16,
                                                  logger: quietLogger)
        #expect(report.firstPass.fetched == feeds, "\(report.firstPass.failures)")
        #expect(report.firstPass.failed == 0)
        #expect(report.firstPass.bytes > feeds * 1000)
        #expect(report.secondPass.notModified == feeds, "\(report.secondPass.failures)")
        #expect(report.secondPass.bytes == 0)
        #expect(report.peakMemoryBytes > 0)
        if feeds > 60 { print(report) }
    }
}
