import Foundation
import RundschauModel
import RundschauStore
import RundschauStoreSQLite
import Testing

/// `prune`: old stories go whole, loose old articles go, everything else stays with its ids; and reads that must
/// stay fast over a long history.
@Suite("FeedStore conformance: retention and reading a long history")
struct RetentionConformanceTests {
    static let day: TimeInterval = 86_400

    @Test("prune removes stories whose articles are all old, and old loose articles; the rest keeps its ids",
          arguments: StoreBackend.all)
    func pruneOldHistory(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let feed = try await store.subscribe("https://a.example/feed")
            let old = try await store.upsertArticles(feedID: feed.id, entries: makeEntries(1...3) + makeEntries(5...5), seenAt: T.t0)
            let new = try await store.upsertArticles(feedID: feed.id, entries: makeEntries(4...4) + makeEntries(6...6),
                                                     seenAt: T.at(20 * Self.day))
            let (a1, a2, a3, a5) = (old.insertedIDs[0], old.insertedIDs[1], old.insertedIDs[2], old.insertedIDs[3])
            let (a4, a6) = (new.insertedIDs[0], new.insertedIDs[1])

            let gone = try await store.createCluster(ClusterDraft(label: "old story", firstSeen: T.t0, lastSeen: T.t0))
            let kept = try await store.createCluster(ClusterDraft(label: "running story", firstSeen: T.t0,
                                                                  lastSeen: T.at(20 * Self.day), representativeID: a3))
            try await store.assignClusters([a1: gone, a2: gone, a3: kept, a4: kept])
            try await store.setDuplicates([a2: a1])
            let topic = try await store.upsertTopic(TopicDraft(slug: "nahost", title: "Nahost")).id
            try await store.setClusterTopics([gone: [topic], kept: [topic]])
            try await store.setArticleTopics([a1: [topic], a5: [topic], a4: [topic]])

            let report = try await store.prune(before: T.at(10 * Self.day), batchSize: 1)
            #expect(report.stories == 1)
            #expect(report.articles == 3, "the old story's two articles and the loose old one")
            #expect(report.topicLinks == 3)

            let left = try await store.articles(ArticleQuery())
            #expect(Set(left.map(\.id)) == [a3, a4, a6], "a story with a recent article keeps its old one too")
            #expect(left.first { $0.id == a3 }?.clusterID == kept)
            #expect(try await store.cluster(id: gone) == nil)
            let running = try #require(try await store.cluster(id: kept))
            #expect(Set(running.articleIDs) == [a3, a4])
            #expect(running.topicIDs == [topic])
            #expect(try await store.topicIDs(forArticle: a4) == [topic])

            #expect(try await store.prune(before: T.at(10 * Self.day), batchSize: 100) == PruneReport(),
                    "a second pass finds nothing")
            await #expect(throws: StoreError.self) { _ = try await store.prune(before: T.t0, batchSize: 0) }
        }
    }

    @Test("a new SQLite file vacuums incrementally: pruning gives the space back")
    func sqliteFileShrinks() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prune-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.sqlite").path
        let store = try SQLiteFeedStore(path: path)
        let feed = try await store.subscribe("https://a.example/feed")
        let big = String(repeating: "Langer Artikeltext über die Lage. ", count: 300)
        for chunk in 0..<10 {
            let entries = (0..<50).map { makeEntry(chunk * 50 + $0, content: big + "\(chunk)-\($0)") }
            _ = try await store.upsertArticles(feedID: feed.id, entries: entries, seenAt: T.t0)
        }
        let report = try await store.prune(before: T.at(Self.day), batchSize: 100)
        #expect(report.articles == 500)
        #expect(report.pagesFreed > 1_000, "about 5 MB of text in 4 KiB pages: \(report.pagesFreed)")
        try await store.close()
    }

    @Test("a topic's newest stories follow their last-seen dates as stories grow", arguments: StoreBackend.all)
    func topicNewestFollowsUpdates(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let topic = try await store.upsertTopic(TopicDraft(slug: "nahost", title: "Nahost")).id
            var ids: [ClusterID] = []
            for n in 0..<3 {
                let id = try await store.createCluster(ClusterDraft(label: "story \(n)", firstSeen: T.at(Double(n)),
                                                                    lastSeen: T.at(Double(n))))
                ids.append(id)
            }
            try await store.setClusterTopics(Dictionary(uniqueKeysWithValues: ids.map { ($0, [topic]) }))
            #expect(try await store.clusters(ClusterQuery(topicID: topic, limit: 2)).map(\.id) == [ids[2], ids[1]])
            // The oldest story gets a new article: it leads its topic now, also after its topics are set again.
            try await store.updateCluster(ids[0], ClusterDraft(label: "story 0", firstSeen: T.t0, lastSeen: T.at(100)))
            #expect(try await store.clusters(ClusterQuery(topicID: topic, limit: 2)).map(\.id) == [ids[0], ids[2]])
            try await store.setClusterTopics([ids[0]: [topic]])
            #expect(try await store.clusters(ClusterQuery(topicID: topic, lastSeenSince: T.at(50))).map(\.id) == [ids[0]])
        }
    }
}
