import Foundation
import Testing
import RundschauModel
import RundschauParser
import RundschauPipeline
import RundschauTestServer

/// The README's first command, `rundschau run`, on a copy of the repository state with a fresh data folder.
/// The shipped subscription list is swapped for a local `file://` feed: tests never leave the machine.
@Suite(.serialized) struct MainJobTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized

    /// The `rundschau` executable built beside this test bundle.
    static var executable: URL {
        get throws {
            var folder = Bundle.main.bundleURL
            for _ in 0..<3 {
                let candidate = folder.appendingPathComponent("rundschau")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder.deleteLastPathComponent()
            }
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "rundschau executable near \(Bundle.main.bundleURL.path)"])
        }
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func rundschau(_ arguments: [String], in folder: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        for key in ["RUNDSCHAU_CONFIG", "RUNDSCHAU_DATABASE", "RUNDSCHAU_OUTPUT"] { environment[key] = nil }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A copy of `Config/` and `seeds/`, with `Config/feeds.opml` pointing at one local English feed.
    static func checkout() throws -> URL {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("rundschau-e2e-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["Config", "seeds"] {
            try fm.copyItem(at: repository.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let feed = folder.appendingPathComponent("local-feed.xml")
        try """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Local Wire</title><link>https://wire.example/</link>
            <item><title>Israeli soldiers killed in Gaza explosion</title><link>https://wire.example/gaza-1</link>
            <guid>wire-gaza-1</guid><pubDate>Tue, 11 Jun 2024 09:00:00 GMT</pubDate>
            <description>Four Israeli soldiers were killed in an explosion in the Gaza Strip, the army said on Tuesday.
            Hamas claimed responsibility. Israel's military said seven soldiers were wounded.</description></item>
            </channel></rss>
            """.write(to: feed, atomically: true, encoding: .utf8)
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>test</title></head><body>
            <outline type="rss" text="Local Wire" xmlUrl="\(feed.absoluteString)"/></body></opml>
            """.write(to: folder.appendingPathComponent("Config/feeds.opml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func firstCommandProducesTopicFeedsForTheSeedsAndASecondRunChangesNothing() throws {
        let folder = try Self.checkout()
        defer { try? FileManager.default.removeItem(at: folder) }

        let first = try Self.rundschau(["run"], in: folder)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.isEmpty && first.stderr.isEmpty, "not a terminal: quiet unless something went wrong")

        let feeds = folder.appendingPathComponent("Feeds")
        for name in ["all.atom", "middle-east.atom", "defence.atom", "surveillance.atom", "index.opml", "index.html",
                     "all.json", "middle-east.json", "middle-east.html", "defence.html", "feeds.html"] {
            #expect(FileManager.default.fileExists(atPath: feeds.appendingPathComponent(name).path), "\(name) missing")
        }
        let middleEast = try FeedParser.parse([UInt8](Data(contentsOf: feeds.appendingPathComponent("middle-east.atom"))))
        #expect(middleEast.format == .atom10)
        let titles = middleEast.entries.compactMap(\.title)
        #expect(titles.contains("Gantz und Eizenkot verlassen Regierung"))
        #expect(titles.contains { $0.contains("Soldaten") || $0.contains("soldiers") })
        let middleEastJSON = try FeedParser.parse([UInt8](Data(contentsOf: feeds.appendingPathComponent("middle-east.json"))))
        #expect(middleEastJSON.format == .jsonfeed)
        #expect(middleEastJSON.entries.map(\.id) == middleEast.entries.map(\.id))
        let surveillance = try FeedParser.parse([UInt8](Data(contentsOf: feeds.appendingPathComponent("surveillance.atom"))))
        #expect(surveillance.entries.contains { ($0.title ?? "").contains("NSO") })
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".rundschau/rundschau.sqlite").path))

        let before = try FileManager.default.contentsOfDirectory(atPath: feeds.path).sorted().map {
            try Data(contentsOf: feeds.appendingPathComponent($0))
        }
        let second = try Self.rundschau(["run"], in: folder)
        #expect(second.status == 0 && second.stdout.isEmpty && second.stderr.isEmpty)
        let after = try FileManager.default.contentsOfDirectory(atPath: feeds.path).sorted().map {
            try Data(contentsOf: feeds.appendingPathComponent($0))
        }
        #expect(before == after, "an idle second run leaves every file byte-identical")

        let status = try Self.rundschau(["status", "--json"], in: folder)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(summary["articles"] as? Int == 12)
        let lastRun = try #require(summary["last_run"] as? [String: Any])
        #expect(lastRun["command"] as? String == "run")
        #expect(lastRun["status"] as? String == "succeeded")
    }

    @Test func anOverlappingRunExitsAtOnceWithStatus3() throws {
        let folder = try Self.checkout()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = try RunLock(path: folder.appendingPathComponent(".rundschau/rundschau.sqlite.lock").path)
        let outcome = try Self.rundschau(["run"], in: folder)
        withExtendedLifetime(lock) {}
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("another rundschau run holds"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Feeds/all.atom").path))
    }

    @Test func aHubThatIsDownIsAWarningAndTheRunWritesItsMetrics() async throws {
        let folder = try Self.checkout()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A hub address nobody listens on any more.
        let server = try await TestHTTPServer.start()
        let hub = server.url("/hub").absoluteString
        try await server.shutdown()
        let settings = folder.appendingPathComponent("Config/rundschau.yaml")
        var text = try String(contentsOf: settings, encoding: .utf8)
        text = text.replacingOccurrences(of: "websub_hub: \"\"", with: "websub_hub: \(hub)")
            .replacingOccurrences(of: "metrics_file: \"\"", with: "metrics_file: ../rundschau.prom")
        try text.write(to: settings, atomically: true, encoding: .utf8)

        let outcome = try Self.rundschau(["run"], in: folder)
        #expect(outcome.status == 0, "a hub that is down does not fail the run: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        // The first notification fails at once; the others are not tried, and one line says so.
        let lines = outcome.stderr.split(separator: "\n")
        let warnings = lines.filter { $0.hasPrefix("warning: websub: \(hub): ") }
        #expect(warnings.count == 2 && lines.count == 2, "\(outcome.stderr)")
        #expect(warnings.first?.contains("/all.atom: ") == true)
        #expect(warnings.last?.hasSuffix(" more notification(s) not sent (the hub is unreachable)") == true)
        let feed = try FeedParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("Feeds/all.atom"))))
        #expect(feed.links.contains { $0.rel == "hub" && $0.href == hub })
        let metrics = try String(contentsOf: folder.appendingPathComponent("rundschau.prom"), encoding: .utf8)
        #expect(metrics.contains("rundschau_run_outcome{outcome=\"succeeded\"} 1\n"))
        #expect(metrics.contains("rundschau_run_warnings \(warnings.count)\n"))
        #expect(metrics.contains("rundschau_run_feeds_fetched 1\n"))
    }

    @Test func aBrokenSettingsFileNamesFileKeyAndExpectation() throws {
        let folder = try Self.checkout()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "fetch:\n  concurrency: lots\n".write(to: folder.appendingPathComponent("Config/rundschau.yaml"),
                                               atomically: true, encoding: .utf8)
        let outcome = try Self.rundschau(["run"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("Config/rundschau.yaml:2: fetch.concurrency: expected a whole number, found \"lots\""))
    }

    /// `--database news.sqlite` names a file in the working directory: its run lock goes beside it (there is no
    /// folder to create).
    @Test func aBareDatabaseFileNameWorksFromTheWorkingDirectory() throws {
        let folder = try Self.checkout()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.rundschau(["import", "seeds", "--database", "news.sqlite"], in: folder).status == 0)
        let outcome = try Self.rundschau(["cluster", "--database", "news.sqlite"], in: folder)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("news.sqlite").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("news.sqlite.lock").path))
    }

    /// `parse` walks a directory: feed files at any depth and through a link to a file; hidden files and folders,
    /// golden `*.expected.json` files and links to folders (a loop here) are left out.
    @Test func parseWalksADirectoryTree() throws {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("rundschau-walk-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: folder) }
        let rss = "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><link>https://a.example/1</link></item></channel></rss>"
        for path in ["top.xml", "a/one.rss", "a/b/two.xml", ".hidden.xml", ".git/three.xml", "a/golden.expected.json"] {
            let url = folder.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try rss.write(to: url, atomically: true, encoding: .utf8)
        }
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("a/link.xml").path, withDestinationPath: folder.appendingPathComponent("top.xml").path)
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("a/b/loop").path, withDestinationPath: folder.appendingPathComponent("a").path)
        let outcome = try Self.rundschau(["parse", "--stats", folder.path], in: folder)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains("files 4  feeds 4  entries 4"), "stdout: \(outcome.stdout)")
    }
}
