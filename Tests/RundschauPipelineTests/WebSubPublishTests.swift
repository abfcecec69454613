import Foundation
import Logging
import RundschauConfig
import RundschauParser
import RundschauPipeline
import RundschauStore
import RundschauStoreSQLite
import RundschauTestServer
import Testing

/// `publish.websub_hub`: feeds name the hub, and a publish notifies a real local hub (127.0.0.1) of exactly the
/// feeds that changed; a hub that is down or refuses is a warning, never a failed publish.
@Suite struct WebSubPublishTests {
    let folder: URL
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("websub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The seeds imported and clustered into a fresh store.
    func seededStore() async throws -> (SQLiteFeedStore, TopicsFile) {
        let store = try SQLiteFeedStore(path: folder.appendingPathComponent("db.sqlite").path)
        let topics = try TopicsFile.load(path: ClusterPublishStepTests.topicsPath)
        _ = await ImportStep.run(paths: [ClusterPublishStepTests.seeds.path], source: nil, store: store)
        _ = try await ClusterStep(settings: Settings(), topics: topics, logger: logger).run(store: store)
        return (store, topics)
    }

    func step(hub: String, topics: TopicsFile) -> PublishStep {
        var settings = Settings()
        settings.publish.baseURL = "https://news.example.org/feeds/"
        settings.publish.webSubHub = hub
        settings.fetch.timeout = 5
        return PublishStep(settings: settings, topics: topics, output: folder.appendingPathComponent("Feeds").path, logger: logger)
    }

    @Test func changedFeedsAreAnnouncedToTheHubOnceAndUnchangedOnesNever() async throws {
        let hub = try await TestHTTPServer.start()
        hub.route("/hub", response: .status(204))
        let (store, topics) = try await seededStore()
        let hubURL = hub.url("/hub").absoluteString
        let publish = step(hub: hubURL, topics: topics)

        let first = try await publish.run(store: store)
        #expect(first.warnings.isEmpty)
        let changed = first.changedFeeds
        #expect(changed.contains("all.atom") && changed.contains("all.json") && changed.count >= 4)
        let requests = hub.requests(to: "/hub")
        #expect(requests.count == changed.count)
        #expect(requests.allSatisfy { $0.method == "POST" && $0.header("Content-Type") == "application/x-www-form-urlencoded" })
        let expected = changed.map { "hub.mode=publish&hub.url=" + "https://news.example.org/feeds/\($0)".formEncoded }
        #expect(requests.map(\.bodyText) == expected)

        // Every subscription document names the hub next to its self link.
        let output = folder.appendingPathComponent("Feeds")
        let atom = try FeedParser.parse([UInt8](try Data(contentsOf: output.appendingPathComponent("all.atom"))))
        #expect(atom.links.filter { $0.rel == "hub" }.map(\.href) == [hubURL])
        #expect(atom.links.contains { $0.rel == "self" && $0.href == "https://news.example.org/feeds/all.atom" })
        let json = try FeedParser.parse([UInt8](try Data(contentsOf: output.appendingPathComponent("all.json"))))
        #expect(json.links.filter { $0.rel == "hub" }.map(\.href) == [hubURL])

        // Nothing changed: no notification at all.
        let idle = try await publish.run(store: store)
        #expect(idle.written.isEmpty && idle.warnings.isEmpty)
        #expect(hub.requests(to: "/hub").count == changed.count)

        // One feed changed (here: its file went missing and is written again): one notification, for it.
        try FileManager.default.removeItem(at: output.appendingPathComponent("all.json"))
        let one = try await publish.run(store: store)
        #expect(one.written == ["all.json"])
        #expect(hub.requests(to: "/hub").last?.bodyText == "hub.mode=publish&hub.url=https%3A%2F%2Fnews.example.org%2Ffeeds%2Fall.json")
        #expect(hub.requests(to: "/hub").count == changed.count + 1)
        try await hub.shutdown()
        try await store.close()
    }

    @Test func aHubThatIsDownOrRefusesIsAWarningNotAFailure() async throws {
        let hub = try await TestHTTPServer.start()
        hub.route("/hub", response: .text("hub is overloaded\nmore", contentType: "text/plain", status: 503))
        let (store, topics) = try await seededStore()
        let refusing = try await step(hub: hub.url("/hub").absoluteString, topics: topics).run(store: store)
        #expect(!refusing.written.isEmpty)
        #expect(refusing.warnings.count == refusing.changedFeeds.count)
        #expect(refusing.warnings.first?.hasSuffix(": HTTP 503: hub is overloaded") == true)

        // A hub nobody listens on: the publish still completes, with a warning per changed feed.
        let closed = hub.url("/hub").absoluteString
        try await hub.shutdown()
        let output = folder.appendingPathComponent("Feeds")
        try FileManager.default.removeItem(at: output.appendingPathComponent("all.atom"))
        let down = try await step(hub: closed, topics: topics).run(store: store)
        #expect(down.written == ["all.atom"])
        #expect(down.warnings.count == 1)
        #expect(down.warnings.first?.hasPrefix("websub: \(closed): https://news.example.org/feeds/all.atom: ") == true)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("all.atom").path))
        try await store.close()
    }
}

extension String {
    /// `application/x-www-form-urlencoded` as the notifier writes it.
    var formEncoded: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}
