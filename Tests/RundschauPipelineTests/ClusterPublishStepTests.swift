import Foundation
import Logging
import Testing
import RundschauConfig
import RundschauModel
import RundschauParser
import RundschauText
import RundschauPipeline
import RundschauStore
import RundschauStoreSQLite

/// Store → cluster engine → store → writer, on a real SQLite file and a real output folder.
@Suite struct ClusterPublishStepTests {
    let folder: URL
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds").standardized
    static let topicsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Config/topics.yaml").standardized.path

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-step-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A wire copy of the seed's Pistorius article (another headline, a footer) and an unrelated story.
    static func wireEntries() -> [Entry] {
        let body = """
            Bundesverteidigungsminister Boris Pistorius (SPD) hat im Taurus-Abhörskandal einen "individuellen \
            Anwendungsfehler" als Grund für den Leak genannt. "Unsere Kommunikationssysteme sind nicht und wurden nicht \
            kompromittiert", sagte der Minister am Dienstag in Berlin. Das sei das Zwischenergebnis der laufenden \
            Untersuchung. Es sei in der fraglichen Konferenz eine für den Dienstgebrauch zertifizierte Variante der \
            Plattform Webex verwendet worden. Diese werde in Rechenzentren der Bundeswehr gehostet und es würden auch \
            keine Server im Ausland genutzt. Der Grund, dass das Telefonat in den Reihen der Luftwaffe trotzdem \
            mitgeschnitten werden konnte, gehe auf einen "individuellen Anwendungsfehler" zurück, fügte der Minister \
            hinzu. Mehr Nachrichten auf unserer Seite.
            """
        let date = FeedDate.parse("2024-03-01T10:00:00Z")
        return [
            Entry(id: "wire-1", title: "Pistorius: Anwendungsfehler schuld am Taurus-Leak", link: "https://wire.example/1",
                  content: "<p>\(body)</p>", contentType: .html, published: date, language: "de"),
            Entry(id: "wire-2", title: "Hochwasser: Pegel in Köln steigt weiter", link: "https://wire.example/2",
                  content: "<p>Der Rhein bei Köln steigt nach tagelangem Regen weiter; die Stadt schließt Uferwege.</p>",
                  contentType: .html, published: date, language: "de"),
        ]
    }

    @Test func storiesAreStableDuplicatesLinkedAndFeedsPublished() async throws {
        let store = try SQLiteFeedStore(path: folder.appendingPathComponent("db.sqlite").path)
        let topics = try TopicsFile.load(path: Self.topicsPath)
        let step = ClusterStep(settings: Settings(), topics: topics, logger: logger)
        _ = await ImportStep.run(paths: [Self.seeds.path], source: nil, store: store)

        let first = try await step.run(store: store)
        #expect(first.articles == 11 && first.newClusters >= 9)
        let storiesBefore = try await store.clusters(ClusterQuery())
        var clusterOfArticle: [ArticleID: ClusterID] = [:]
        for cluster in storiesBefore { for id in cluster.articleIDs { clusterOfArticle[id] = cluster.id } }

        // A new feed brings a wire copy of a seed article and an unrelated story.
        let wire = try await store.subscribe(FeedSubscription(url: "https://wire.example/feed", title: "Wire"), at: Date())
        let upsert = try await store.upsertArticles(feedID: wire.id, entries: Self.wireEntries(), seenAt: Date())
        let second = try await step.run(store: store)
        #expect(second.articles == 2)
        #expect(second.duplicates == 1)

        // Earlier decisions stand: every old article keeps its story.
        let storiesAfter = try await store.clusters(ClusterQuery())
        for cluster in storiesAfter {
            for id in cluster.articleIDs where clusterOfArticle[id] != nil { #expect(clusterOfArticle[id] == cluster.id) }
        }
        // Every stored article is in exactly one story.
        let all = try await store.articles(ArticleQuery())
        let memberships = storiesAfter.flatMap(\.articleIDs)
        #expect(Set(memberships) == Set(all.map(\.id)) && memberships.count == all.count)
        // The copy points at the seed article and joins its story.
        let copyID = upsert.insertedIDs[0]
        let copy = try #require(try await store.article(id: copyID))
        let canonicalID = try #require(copy.duplicateOf)
        let canonical = try #require(try await store.article(id: canonicalID))
        #expect(canonical.entryID.hasPrefix("urn:rundschau:dump:"))
        #expect(copy.clusterID == canonical.clusterID)
        // A third run with nothing new decides nothing.
        #expect(try await step.run(store: store).articles == 0)

        // Publishing: topic feeds our parser reads back; the defence story carries its topic category.
        let output = folder.appendingPathComponent("Feeds").path
        let publish = PublishStep(settings: Settings(), topics: topics, output: output, logger: logger)
        let report = try await publish.run(store: store)
        #expect(report.written.contains { $0.hasSuffix("defence.atom") })
        let defence = try FeedParser.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: output).appendingPathComponent("defence.atom"))))
        let story = try #require(defence.entries.first { ($0.title ?? "").contains("Pistorius") })
        #expect(story.categories.contains { $0.term == "defence" })
        #expect(story.id.contains(":story/"))
        // Unchanged store → unchanged files.
        let again = try await publish.run(store: store)
        #expect(again.written.isEmpty)
    }

    /// A large window's texts are read twice (once for the boilerplate statistics, once in time order) instead of
    /// held: the decisions must be the same as when they are held.
    @Test func readingTextsTwiceDecidesAsHoldingThem() async throws {
        let topics = try TopicsFile.load(path: Self.topicsPath)
        let held = try await Self.decisions(heldArticles: ClusterStep.defaultHeldArticles, store: try store("held"), topics: topics)
        let reread = try await Self.decisions(heldArticles: 3, store: try store("reread"), topics: topics)
        #expect(held.report == reread.report)
        #expect(held.members == reread.members && held.members.count >= 9)
        #expect(held.copies == reread.copies && held.copies.count == 1)
        #expect(held.topics == reread.topics && !held.topics.isEmpty)
    }

    /// The second run restores the first run's articles from the features it kept, without reading or scanning
    /// their texts: its decisions are those of a run that scans them (features dropped before it).
    @Test func restoringFromKeptFeaturesDecidesAsScanning() async throws {
        let topics = try TopicsFile.load(path: Self.topicsPath)
        // Dated within the last day: features are kept only while their article can be in a later window.
        let recent = try await Self.recentSeedEntries(scratch: try store("scratch"))
        let kept = try await Self.decisions(
            heldArticles: ClusterStep.defaultHeldArticles, store: try store("kept"), topics: topics, recent: recent)
        let scanned = try await Self.decisions(
            heldArticles: ClusterStep.defaultHeldArticles, store: try store("scanned"), topics: topics, recent: recent,
            dropFeatures: true)
        #expect(kept.first.keptFeatures == 11 && kept.first.restoredFromFeatures == 0)
        #expect(kept.second.restoredFromFeatures == 11 && kept.second.keptFeatures == 2)
        // Without features the first run's articles are scanned again, and their features kept this time.
        #expect(scanned.second.restoredFromFeatures == 0 && scanned.second.keptFeatures == 13)
        #expect(kept.report == scanned.report)
        #expect(kept.members == scanned.members && kept.members.count >= 9)
        #expect(kept.copies == scanned.copies && kept.copies.count == 1)
        #expect(kept.topics == scanned.topics && !kept.topics.isEmpty)
    }

    private func store(_ name: String) throws -> SQLiteFeedStore {
        try SQLiteFeedStore(path: folder.appendingPathComponent("\(name).sqlite").path)
    }

    /// The seed articles as entries of a feed, published in the last day, an hour apart.
    private static func recentSeedEntries(scratch: SQLiteFeedStore) async throws -> [Entry] {
        _ = await ImportStep.run(paths: [Self.seeds.path], source: nil, store: scratch)
        let articles = try await scratch.articles(ArticleQuery())
        let now = Date()
        return articles.enumerated().map { k, article in
            Entry(id: article.entryID, title: article.title, link: article.link, content: article.content ?? article.summary,
                  contentType: article.content != nil ? article.contentType : article.summaryType,
                  published: now.addingTimeInterval(-Double(articles.count - k + 1) * 3_600), language: article.language)
        }
    }

    /// Imports the seeds (or stores `recent` entries) and clusters them, then adds the wire entries (dated now with
    /// `recent`) and clusters again; what was decided.
    private static func decisions(
        heldArticles: Int, store: SQLiteFeedStore, topics: TopicsFile, recent: [Entry]? = nil, dropFeatures: Bool = false
    ) async throws -> (
        report: [Int], members: Set<[String]>, copies: [String: String], topics: [String: [String]], first: ClusterReport,
        second: ClusterReport
    ) {
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        var step = ClusterStep(settings: Settings(), topics: topics, logger: logger)
        step.heldArticles = heldArticles
        var wireEntries = Self.wireEntries()
        if let recent {
            let archive = try await store.subscribe(FeedSubscription(url: "https://archiv.example/feed", title: "Archiv"), at: Date())
            _ = try await store.upsertArticles(feedID: archive.id, entries: recent, seenAt: Date())
            for index in wireEntries.indices { wireEntries[index].published = Date().addingTimeInterval(-600) }
        } else {
            _ = await ImportStep.run(paths: [Self.seeds.path], source: nil, store: store)
        }
        let first = try await step.run(store: store)
        if dropFeatures { _ = try await store.deleteArticleFeatures(datedBefore: .distantFuture) }
        let wire = try await store.subscribe(FeedSubscription(url: "https://wire.example/feed", title: "Wire"), at: Date())
        _ = try await store.upsertArticles(feedID: wire.id, entries: wireEntries, seenAt: Date())
        let second = try await step.run(store: store)
        let all = try await store.articles(ArticleQuery())
        let entryOf = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.entryID) })
        let members = Set(try await store.clusters(ClusterQuery()).map { $0.articleIDs.compactMap { entryOf[$0] }.sorted() })
        var copies: [String: String] = [:]
        for article in all { if let of = article.duplicateOf { copies[article.entryID] = entryOf[of] } }
        let slugs = Dictionary(uniqueKeysWithValues: try await store.topics().map { ($0.id, $0.slug) })
        var topicsOf: [String: [String]] = [:]
        for (id, topicIDs) in try await store.topicIDs(forArticles: all.map(\.id)) {
            topicsOf[entryOf[id] ?? ""] = topicIDs.compactMap { slugs[$0] }.sorted()
        }
        return ([first.articles, first.newClusters, first.duplicates, second.articles, second.duplicates, second.newClusters],
                members, copies, topicsOf, first, second)
    }

    /// Stored articles keep the topics they were matched with while the rules stay the same (no matching again,
    /// no writing); when a topic's rules change, the next run matches its window again.
    @Test func storedTopicsAreKeptUntilTheRulesChange() async throws {
        var topics = try TopicsFile.load(path: Self.topicsPath)
        let store = try SQLiteFeedStore(path: folder.appendingPathComponent("topics.sqlite").path)
        _ = await ImportStep.run(paths: [Self.seeds.path], source: nil, store: store)
        _ = try await ClusterStep(settings: Settings(), topics: topics, logger: logger).run(store: store)
        let stored = try await store.topics()
        #expect(stored.filter { $0.origin == .configured }.allSatisfy { $0.rules != nil })
        let defence = try #require(stored.first { $0.slug == "defence" })
        // The seed's Pistorius article, dated within the window of the wire articles added below.
        let all = try await store.articles(ArticleQuery())
        let pistorius = try #require(all.first { ($0.title ?? "").contains("Pistorius") }?.id)
        #expect(try await store.topicIDs(forArticle: pistorius).contains(defence.id))

        // Take the topic off one stored article behind the clusterer's back: with unchanged rules, a run with new
        // articles keeps what is stored rather than matching it again.
        try await store.setArticleTopics([pistorius: []])
        let wire = try await store.subscribe(FeedSubscription(url: "https://wire.example/feed", title: "Wire"), at: Date())
        _ = try await store.upsertArticles(feedID: wire.id, entries: Self.wireEntries(), seenAt: Date())
        _ = try await ClusterStep(settings: Settings(), topics: topics, logger: logger).run(store: store)
        #expect(try await store.topicIDs(forArticle: pistorius).isEmpty)

        // A changed rule set (one more keyword) matches the window again: the article gets its topic back.
        let index = try #require(topics.topics.firstIndex { $0.name == "defence" })
        topics.topics[index].keywords.append("Panzerhaubitze")
        let more = Entry(id: "wire-3", title: "Hochwasser: Pegel sinkt", link: "https://wire.example/3",
                         content: "<p>Der Rhein bei Köln sinkt wieder; die Uferwege bleiben gesperrt.</p>", contentType: .html,
                         published: FeedDate.parse("2024-03-01T12:00:00Z"), language: "de")
        _ = try await store.upsertArticles(feedID: wire.id, entries: [more], seenAt: Date())
        _ = try await ClusterStep(settings: Settings(), topics: topics, logger: logger).run(store: store)
        #expect(try await store.topicIDs(forArticle: pistorius).contains(defence.id))
        let after = try #require(try await store.topics().first { $0.slug == "defence" })
        #expect(after.rules != defence.rules && after.rules != nil)
    }
}
