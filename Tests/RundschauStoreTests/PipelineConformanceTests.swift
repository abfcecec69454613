import Foundation
import RundschauModel
import RundschauStore
import Testing

/// What deduplication, clustering, topics and the main job keep in the store, for every backend.
@Suite("FeedStore conformance: duplicates, clusters, topics, runs, status")
struct PipelineConformanceTests {
    /// A feed with `count` articles; returns their ids.
    private func seed(_ store: any FeedStore, count: Int = 4) async throws -> [ArticleID] {
        let feed = try await store.subscribe("https://a.example/feed")
        return try await store.upsertArticles(feedID: feed.id, entries: makeEntries(1...count), seenAt: T.t0).insertedIDs
    }

    @Test("duplicate links: set, read, clear; refused when invalid", arguments: StoreBackend.all)
    func duplicates(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let ids = try await seed(store)
            try await store.setDuplicates([ids[1]: ids[0], ids[2]: ids[0]])
            #expect(try await store.duplicateOf(ids[1]) == ids[0])
            #expect(try await store.duplicateOf(ids[2]) == ids[0])
            #expect(try await store.duplicateOf(ids[0]) == nil)
            #expect(try await store.status().duplicates == 2)

            try await store.setDuplicates([ids[2]: nil])
            #expect(try await store.duplicateOf(ids[2]) == nil)

            let selfLink = await #expect(throws: StoreError.self) {
                try await store.setDuplicates([ids[3]: ids[3]])
            }
            #expect(selfLink?.code == .invalidArgument)
            let unknown = await #expect(throws: StoreError.self) {
                try await store.setDuplicates([ids[3]: ids[0], ids[2]: ArticleID(9_999)])
            }
            #expect(unknown?.code == .notFound)
            #expect(try await store.duplicateOf(ids[3]) == nil, "nothing of a refused call is written")
        }
    }

    @Test("clusters: create, assign, move, update, list with members and topics", arguments: StoreBackend.all)
    func clusters(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let ids = try await seed(store)
            let gaza = try await store.createCluster(ClusterDraft(label: "Gaza-Gespräche", firstSeen: T.t0, lastSeen: T.at(60), representativeID: ids[0]))
            let other = try await store.createCluster(ClusterDraft(label: "Anderes", firstSeen: T.at(120), lastSeen: T.at(240)))
            try await store.assignClusters([ids[0]: gaza, ids[1]: gaza, ids[2]: other, ids[3]: other])
            try await store.assignClusters([ids[2]: gaza, ids[3]: nil])

            let listed = try await store.clusters(ClusterQuery())
            #expect(listed.map(\.id) == [other, gaza], "latest last-seen first")
            let story = try #require(try await store.cluster(id: gaza))
            #expect(story.label == "Gaza-Gespräche")
            #expect(story.articleIDs == [ids[0], ids[1], ids[2]])
            #expect(story.representativeID == ids[0])
            #expect(try await store.cluster(id: other)?.articleIDs == [])
            #expect(try await store.article(id: ids[2])?.clusterID == gaza)
            #expect(try await store.articles(ArticleQuery(unclusteredOnly: true)).map(\.id) == [ids[3]])
            #expect(try await store.articles(ArticleQuery(clusterID: gaza)).map(\.id) == [ids[0], ids[1], ids[2]])

            try await store.updateCluster(gaza, ClusterDraft(label: "Waffenruhe", firstSeen: T.t0, lastSeen: T.at(600), representativeID: ids[1]))
            let updated = try #require(try await store.cluster(id: gaza))
            #expect(updated.label == "Waffenruhe")
            #expect(updated.lastSeen == T.at(600))
            #expect(updated.representativeID == ids[1])
            #expect(try await store.clusters(ClusterQuery(lastSeenSince: T.at(300))).map(\.id) == [gaza])
            #expect(try await store.clusters(ClusterQuery(limit: 1)).map(\.id) == [gaza])

            let middleEast = try await store.upsertTopic(TopicDraft(slug: "nahost", title: "Naher Osten"))
            try await store.setClusterTopics([gaza: [middleEast.id]])
            #expect(try await store.clusters(ClusterQuery(topicID: middleEast.id)).map(\.id) == [gaza])
            #expect(try await store.cluster(id: gaza)?.topicIDs == [middleEast.id])

            let missing = await #expect(throws: StoreError.self) {
                try await store.assignClusters([ids[3]: ClusterID(9_999)])
            }
            #expect(missing?.code == .notFound)
            let missingUpdate = await #expect(throws: StoreError.self) {
                try await store.updateCluster(ClusterID(9_999), ClusterDraft(label: "x", firstSeen: T.t0, lastSeen: T.t0))
            }
            #expect(missingUpdate?.code == .notFound)
            #expect(try await store.status().clusters == 2)
        }
    }

    @Test("members of many clusters in one query, grouped by cluster", arguments: StoreBackend.all)
    func membersOfManyClusters(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let ids = try await seed(store)
            let a = try await store.createCluster(ClusterDraft(label: "A", firstSeen: T.t0, lastSeen: T.t0))
            let b = try await store.createCluster(ClusterDraft(label: "B", firstSeen: T.t0, lastSeen: T.t0))
            let empty = try await store.createCluster(ClusterDraft(label: "C", firstSeen: T.t0, lastSeen: T.t0))
            try await store.assignClusters([ids[0]: a, ids[2]: a, ids[1]: b])
            let members = try await store.members(of: [a, b, empty, ClusterID(9_999)])
            #expect(members[a]?.map(\.id) == [ids[0], ids[2]])
            #expect(members[b]?.map(\.id) == [ids[1]])
            #expect(members[empty] == nil && members.count == 2)
            #expect(try await store.articles(ArticleQuery(clusterIDs: [])).isEmpty)
        }
    }

    @Test("articles by many ids in one query, in id order; unknown ids are left out", arguments: StoreBackend.all)
    func articlesByIDs(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let ids = try await seed(store)
            let found = try await store.articles(ArticleQuery(ids: [ids[2], ArticleID(9_999), ids[0]]))
            #expect(found.map(\.id) == [ids[0], ids[2]])
            #expect(try await store.articles(ArticleQuery(ids: [])).isEmpty)
            #expect(try await store.articles(ArticleQuery(ids: [ids[1]], unclusteredOnly: true)).map(\.id) == [ids[1]])
        }
    }

    @Test("merged clusters: articles move to the survivor, the other cluster and its topics are gone", arguments: StoreBackend.all)
    func mergedClusters(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let ids = try await seed(store)
            let older = try await store.createCluster(ClusterDraft(label: "Waffenruhe", firstSeen: T.t0, lastSeen: T.at(60)))
            let newer = try await store.createCluster(ClusterDraft(label: "Feuerpause", firstSeen: T.at(120), lastSeen: T.at(240)))
            let topic = try await store.upsertTopic(TopicDraft(slug: "nahost", title: "Naher Osten"))
            try await store.assignClusters([ids[0]: older, ids[1]: older, ids[2]: newer, ids[3]: newer])
            try await store.setClusterTopics([newer: [topic.id]])

            try await store.mergeClusters([newer: older])
            #expect(try await store.clusters(ClusterQuery()).map(\.id) == [older])
            #expect(try await store.cluster(id: older)?.articleIDs == ids)
            #expect(try await store.cluster(id: newer) == nil)
            #expect(try await store.clusters(ClusterQuery(topicID: topic.id)).isEmpty)
            #expect(try await store.status().clusters == 1)

            let unknown = await #expect(throws: StoreError.self) { try await store.mergeClusters([ClusterID(9_999): older]) }
            #expect(unknown?.code == .notFound)
            #expect(try await store.cluster(id: older)?.articleIDs == ids, "nothing written on failure")
        }
    }

    @Test("topics: upsert by slug, memberships replaced, removal", arguments: StoreBackend.all)
    func topics(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let ids = try await seed(store)
            let defence = try await store.upsertTopic(TopicDraft(slug: "verteidigung", title: "Verteidigung"))
            let middleEast = try await store.upsertTopic(TopicDraft(slug: "nahost", title: "Nahost"))
            let renamed = try await store.upsertTopic(TopicDraft(slug: "nahost", title: "Naher Osten"))
            let found = try await store.upsertTopic(TopicDraft(slug: "entdeckt-1", title: "Drohnen", origin: .discovered))
            #expect(renamed.id == middleEast.id)
            #expect(renamed.title == "Naher Osten")
            #expect(try await store.topics().map(\.slug) == ["entdeckt-1", "nahost", "verteidigung"])
            #expect(try await store.topics().first?.origin == .discovered)

            try await store.setArticleTopics([ids[0]: [middleEast.id, defence.id], ids[1]: [found.id]])
            #expect(try await store.topicIDs(forArticle: ids[0]) == [defence.id, middleEast.id].sorted())
            try await store.setArticleTopics([ids[0]: [middleEast.id]])
            #expect(try await store.topicIDs(forArticle: ids[0]) == [middleEast.id], "memberships are replaced")
            #expect(try await store.topicIDs(forArticle: ids[1]) == [found.id])

            #expect(try await store.removeTopic(slug: "nahost"))
            #expect(try await store.removeTopic(slug: "nahost") == false)
            #expect(try await store.topicIDs(forArticle: ids[0]) == [])
            #expect(try await store.status().topics == 2)

            let unknown = await #expect(throws: StoreError.self) {
                try await store.setArticleTopics([ids[2]: [TopicID(9_999)]])
            }
            #expect(unknown?.code == .notFound)
        }
    }

    @Test("runs: start, finish, last run", arguments: StoreBackend.all)
    func runs(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            #expect(try await store.lastRun() == nil)
            let first = try await store.startRun(command: "run", at: T.t0)
            let counts = RunCounts(feedsFetched: 10, feedsFailed: 1, feedsNotModified: 7, itemsImported: 12, articlesNew: 30, duplicates: 4, clusters: 9, feedsWritten: 5)
            try await store.finishRun(first, at: T.at(42), status: .partial, counts: counts, message: "1 feed failed")
            #expect(
                try await store.lastRun()
                    == StoredRun(id: first, command: "run", startedAt: T.t0, finishedAt: T.at(42), status: .partial, counts: counts, message: "1 feed failed"))

            let second = try await store.startRun(command: "fetch", at: T.at(300))
            let running = try #require(try await store.lastRun())
            #expect(running.id == second)
            #expect(running.status == .running)
            #expect(running.finishedAt == nil)
            #expect(running.counts == RunCounts())

            let missing = await #expect(throws: StoreError.self) {
                try await store.finishRun(RunID(9_999), at: T.t0, status: .failed, counts: RunCounts(), message: nil)
            }
            #expect(missing?.code == .notFound)
        }
    }

    @Test("status: feeds by state, dumps, articles, duplicates, clusters, topics, last run", arguments: StoreBackend.all)
    func status(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            #expect(try await store.status() == StoreStatus())
            let a = try await store.subscribe("https://a.example/")
            let b = try await store.subscribe("https://b.example/")
            let c = try await store.subscribe("https://c.example/")
            _ = try await store.subscribe("https://d.example/")
            let dump = try await store.subscribe("file:///dumps/1.txt", kind: .dump)
            try await store.recordFetch(b.id, state: FetchState(status: .failing, consecutiveErrors: 1))
            try await store.recordFetch(c.id, state: FetchState(status: .gone, httpStatus: 410))
            let ids = try await store.upsertArticles(feedID: a.id, entries: makeEntries(1...3), seenAt: T.t0).insertedIDs
            _ = try await store.upsertArticles(feedID: dump.id, entries: makeEntries(4...5), seenAt: T.t0)
            try await store.setDuplicates([ids[1]: ids[0]])
            let cluster = try await store.createCluster(ClusterDraft(label: "x", firstSeen: T.t0, lastSeen: T.t0))
            try await store.assignClusters([ids[0]: cluster, ids[1]: cluster])
            _ = try await store.upsertTopic(TopicDraft(slug: "nahost", title: "Nahost"))
            let run = try await store.startRun(command: "run", at: T.t0)

            let status = try await store.status()
            #expect(status.feedsByStatus == [.active: 2, .failing: 1, .gone: 1])
            #expect(status.feeds == 4)
            #expect(status.dumpSources == 1)
            #expect(status.articles == 5)
            #expect(status.duplicates == 1)
            #expect(status.clusters == 1)
            #expect(status.topics == 1)
            #expect(status.lastRun?.id == run)
        }
    }
}
