import Foundation
import Logging
import RundschauConfig
import RundschauModel
import RundschauStore
import RundschauStoreSQLite
import Testing
@testable import RundschauPipeline

/// `run.metrics_file`: each run replaces a Prometheus text file with its outcome and totals.
@Suite struct RunMetricsTests {
    static func values(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        return values
    }

    @Test func eachRunWritesItsMetricsAtomically() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = Settings()
        settings.paths.subscriptions = folder.appendingPathComponent("none.opml").path  // no network in tests
        settings.paths.topics = ClusterPublishStepTests.topicsPath
        settings.importing.folders = [ClusterPublishStepTests.seeds.path]
        let metricsPath = folder.appendingPathComponent("rundschau.prom").path
        settings.run.metricsFile = metricsPath
        let environment = RunEnvironment(settings: settings, database: folder.appendingPathComponent("db.sqlite").path,
                                         output: folder.appendingPathComponent("Feeds").path)
        let store = try SQLiteFeedStore(path: environment.database)
        let job = RunJob(environment: environment, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let start = Date()

        let first = try await job.run(store: store, now: start)
        #expect(first.problems.isEmpty && first.warnings.isEmpty)
        let text = try String(contentsOfFile: metricsPath, encoding: .utf8)
        let values = Self.values(text)
        #expect(values["rundschau_run_outcome{outcome=\"succeeded\"}"] == "1")
        #expect(values["rundschau_run_outcome{outcome=\"partial\"}"] == "0")
        #expect(values["rundschau_run_items_imported"] == "\(first.counts.itemsImported)")
        #expect(values["rundschau_run_articles_new"] == "11")
        #expect(values["rundschau_run_feeds_fetched"] == "0" && values["rundschau_run_feeds_failed"] == "0")
        #expect(values["rundschau_run_duplicates"] == "\(first.counts.duplicates)")
        #expect(Int(values["rundschau_run_stories"] ?? "") ?? 0 >= 9)
        #expect(Int(values["rundschau_run_topics"] ?? "") ?? 0 >= 4)
        #expect(Int(values["rundschau_run_files_written"] ?? "") ?? 0 > 0)
        #expect((Double(values["rundschau_run_last_timestamp_seconds"] ?? "") ?? 0) >= start.timeIntervalSince1970.rounded(.down))
        #expect(Double(values["rundschau_run_duration_seconds"] ?? "") != nil)
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.count == 15)

        // A second run with nothing new: the file is replaced, the new totals are zero, nothing left behind.
        _ = try await job.run(store: store, now: Date())
        let again = Self.values(try String(contentsOfFile: metricsPath, encoding: .utf8))
        #expect(again["rundschau_run_articles_new"] == "0")
        #expect(again["rundschau_run_files_written"] == "0")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp") }.isEmpty)
        try await store.close()
    }
}

/// `retention.days`: the main job prunes what is older, and what stays keeps its ids.
@Suite struct RunRetentionTests {
    @Test func theMainJobPrunesOldHistory() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-retention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = Settings()
        settings.paths.subscriptions = folder.appendingPathComponent("none.opml").path
        settings.paths.topics = ClusterPublishStepTests.topicsPath
        settings.importing.folders = []
        settings.retention.days = 30
        let environment = RunEnvironment(settings: settings, database: folder.appendingPathComponent("db.sqlite").path,
                                         output: folder.appendingPathComponent("Feeds").path)
        let store = try SQLiteFeedStore(path: environment.database)
        let feed = try await store.subscribe(FeedSubscription(url: "file:///dumps/000.txt", kind: .dump), at: Date())  // never fetched
        let now = Date()
        let old = try await store.upsertArticles(
            feedID: feed.id, entries: [Entry(id: "old", title: "Alte Meldung über den Haushalt", published: now.addingTimeInterval(-90 * 86_400))],
            seenAt: now.addingTimeInterval(-90 * 86_400))
        let fresh = try await store.upsertArticles(
            feedID: feed.id, entries: [Entry(id: "new", title: "Neue Meldung über die Wahl", published: now)], seenAt: now)
        let job = RunJob(environment: environment, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))

        // The first run clusters both; the next one, 30 days of retention later, drops the old story only.
        _ = try await job.run(store: store, now: now.addingTimeInterval(-89 * 86_400))
        #expect(try await store.articleCount(ArticleQuery()) == 2)
        let summary = try await job.run(store: store, now: now)
        #expect(summary.problems.isEmpty)
        let left = try await store.articles(ArticleQuery())
        #expect(left.map(\.id) == fresh.insertedIDs, "the old article went, the new one kept its id")
        #expect(try await store.article(id: old.insertedIDs[0]) == nil)
        try await store.close()
    }
}
