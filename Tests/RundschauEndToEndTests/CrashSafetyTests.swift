import Foundation
import Testing
import RundschauModel
import RundschauParser
import RundschauStore
import RundschauStoreSQLite
import RundschauTestServer

/// `rundschau run` killed with SIGKILL at fixed points during fetch and publish: the database stays consistent,
/// no committed article is lost, and every file in `Feeds/` is complete and well-formed.
@Suite(.serialized) struct CrashSafetyTests {
    static let feeds = 120

    static func feed(_ index: Int) -> String {
        var out = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Crash feed \(index)</title>"
            + "<link>https://crash\(index).example/</link>"
        for n in 0..<15 {
            out += "<item><title>Israel Gaza Bundeswehr report \(index)-\(n)</title>"
                + "<link>https://crash\(index).example/\(n)</link><guid>crash-\(index)-\(n)</guid>"
                + "<pubDate>Tue, 11 Jun 2024 \(String(format: "%02d", n)):00:00 GMT</pubDate>"
                + "<description>Story \(n) from outlet \(index) about the Gaza soldiers and the Bundeswehr "
                + "surveillance leak, with words \(index * 31 + n) that differ.</description></item>"
        }
        return out + "</channel></rss>"
    }

    @Test func killedRunsLoseNothingAndLeaveWellFormedFeeds() async throws {
        let server = try await TestHTTPServer.start()
        let bodies = (0..<Self.feeds).map(Self.feed)
        server.fallback { request in
            guard let index = Int(request.path.dropFirst("/f/".count)), index < bodies.count else { return .status(404) }
            // Slow enough that kills land mid-fetch; no ETag, so every run fetches and rewrites.
            return TestResponse(status: 200, headers: [("Content-Type", "application/rss+xml")],
                                body: .bytes(Array(bodies[index].utf8)), delay: .milliseconds(Int64(5 + index * 7 % 36)))
        }
        let folder = try MainJobTests.checkout()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outlines = (0..<Self.feeds).map { "<outline type=\"rss\" text=\"f\($0)\" xmlUrl=\"\(server.url("/f/\($0)"))\"/>" }
        try "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>\(outlines.joined())</body></opml>"
            .write(to: folder.appendingPathComponent("Config/feeds.opml"), atomically: true, encoding: .utf8)
        // Every run fetches every feed again: a one-minute schedule floor and `fetch --all` between kills.
        let database = folder.appendingPathComponent(".rundschau/rundschau.sqlite").path
        var committed = 0
        var kills = 0
        // Fixed kill points (ms after start), early and late, so that every run of the test kills at the same moments.
        let killAfter = [80, 900, 250, 600, 120, 450, 350, 750]
        for (round, delay) in killAfter.enumerated() {
            let process = Process()
            process.executableURL = try MainJobTests.executable
            process.arguments = round.isMultiple(of: 2) ? ["run"] : ["fetch", "--all"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            try await Task.sleep(for: .milliseconds(delay))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()

            // The database opens, passes SQLite's integrity check, and kept every article committed before.
            let store = try SQLiteFeedStore(path: database)
            let articles = try await store.status().articles
            #expect(articles >= committed, "round \(round): \(articles) articles after \(committed) committed")
            committed = articles
            #expect(try await store.integrityCheck() == "ok")
            try await store.close()
            try Self.expectWellFormedFeeds(in: folder.appendingPathComponent("Feeds"))
        }
        // A clean run afterwards completes the job.
        let last = try MainJobTests.rundschau(["run"], in: folder)
        try await server.shutdown()
        #expect(last.status == 0, "stderr: \(last.stderr)")
        let store = try SQLiteFeedStore(path: database)
        let total = try await store.status().articles
        #expect(total == Self.feeds * 15 + 11, "stderr of the clean run: \(last.stderr)")
        try await store.close()
        try Self.expectWellFormedFeeds(in: folder.appendingPathComponent("Feeds"))
        #expect(kills > 0, "no run was killed: the test proved nothing")
    }

    /// Every published file parses completely; temporary files are hidden and never served as feeds.
    static func expectWellFormedFeeds(in folder: URL) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasSuffix(".atom") || name.hasSuffix(".json") {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let feed = try FeedParser.parse(bytes)
            #expect(feed.warnings.isEmpty, "\(name): \(feed.warnings)")
        }
    }
}
