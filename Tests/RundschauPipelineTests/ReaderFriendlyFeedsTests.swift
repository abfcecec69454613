import Foundation
import Logging
import RundschauConfig
import RundschauModel
import RundschauParser
import RundschauPipeline
import RundschauStore
import RundschauStoreSQLite
import Testing

/// What feed readers rely on, through the real steps: entry ids never change, `updated` moves only when what an
/// entry shows changed (an article joining its story), an idle run rewrites nothing, undated items keep the
/// time they were first seen, links are absolute and entries newest first.
@Suite struct ReaderFriendlyFeedsTests {
    let folder: URL
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func entries(_ name: String) throws -> [Entry] {
        try FeedParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("Feeds").appendingPathComponent(name)))).entries
    }

    @Test func idsStayUpdatedMovesOnlyWhenCoverageChangesAndIdleRunsRewriteNothing() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteFeedStore(path: folder.appendingPathComponent("db.sqlite").path)
        let topics = try TopicsFile.load(path: ClusterPublishStepTests.topicsPath)
        let cluster = ClusterStep(settings: Settings(), topics: topics, logger: logger)
        var settings = Settings()
        settings.publish.baseURL = "https://news.example.org/feeds/"
        let publish = PublishStep(settings: settings, topics: topics, output: folder.appendingPathComponent("Feeds").path, logger: logger)
        let opened = Date(timeIntervalSince1970: 1_764_000_000)

        _ = await ImportStep.run(paths: [ClusterPublishStepTests.seeds.path], source: nil, store: store, now: opened)
        _ = try await cluster.run(store: store)
        _ = try await publish.run(store: store)
        let before = try entries("all.atom")
        #expect(!before.isEmpty)
        // Absolute links, newest first, unique ids.
        #expect(before.allSatisfy { $0.id.hasPrefix("tag:news.example.org,2026:story/") })
        #expect(before.compactMap(\.link).allSatisfy { $0.hasPrefix("http://") || $0.hasPrefix("https://") })
        let updatedDates = before.compactMap(\.updated)
        #expect(updatedDates == updatedDates.sorted(by: >))
        #expect(Set(before.map(\.id)).count == before.count)
        // An undated seed item is dated when it was first seen.
        let undated = try #require(before.first { $0.published == opened })
        #expect(undated.updated == opened)

        // Importing the same dumps again a day later changes nothing: no file is rewritten, the undated item keeps
        // its first-seen time.
        _ = await ImportStep.run(paths: [ClusterPublishStepTests.seeds.path], source: nil, store: store, now: opened + 86_400)
        _ = try await cluster.run(store: store)
        let idle = try await publish.run(store: store)
        #expect(idle.written.isEmpty, "an idle run rewrites nothing: \(idle.written)")
        #expect(try entries("all.atom").first { $0.id == undated.id }?.published == opened)

        // A wire copy of a seed article joins its story an hour later: that story keeps its id and its updated
        // moves to when the copy was first seen; every other entry stays as it was.
        let wire = try await store.subscribe(FeedSubscription(url: "https://wire.example/feed", title: "Wire"), at: opened)
        let joined = opened + 3_600
        _ = try await store.upsertArticles(
            feedID: wire.id, entries: Array(ClusterPublishStepTests.wireEntries().prefix(1)), seenAt: joined)
        _ = try await cluster.run(store: store)
        let changed = try await publish.run(store: store)
        #expect(changed.written.contains("all.atom") && changed.written.contains("defence.html"))
        let after = try entries("all.atom")
        let story = try #require(after.first { ($0.title ?? "").contains("Pistorius") })
        let earlier = try #require(before.first { $0.id == story.id }, "the story keeps its id")
        #expect(story.updated == joined && earlier.updated != joined)
        for entry in after where entry.id != story.id {
            #expect(before.first { $0.id == entry.id }?.updated == entry.updated, "\(entry.title ?? entry.id)")
        }
        // The page folds the copy under its original.
        let page = try String(contentsOf: folder.appendingPathComponent("Feeds/defence.html"), encoding: .utf8)
        #expect(page.contains("<ul class=\"copies\">") && page.contains("https://wire.example/1"))
        try await store.close()
    }
}
