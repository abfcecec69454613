import Foundation
import RundschauModel
import RundschauStore
import Testing

/// Data outlive the process; readers never see half a transaction.
@Suite("FeedStore conformance: durability and concurrency")
struct DurabilityConcurrencyTests {
    @Test("a reopened database has everything", arguments: StoreBackend.durable)
    func reopen(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let feed = try await store.subscribe(FeedSubscription(url: "https://a.example/feed", title: "A", folder: "News"), at: T.t0)
            let state = FetchState(etag: "\"1\"", nextFetchAt: T.at(60), lastFetchedAt: T.t0, lastSuccessAt: T.t0, httpStatus: 200)
            try await store.recordFetch(feed.id, state: state)
            let ids = try await store.upsertArticles(feedID: feed.id, entries: makeEntries(1...10), seenAt: T.t0).insertedIDs
            try await store.setDuplicates([ids[1]: ids[0]])
            let cluster = try await store.createCluster(ClusterDraft(label: "Story", firstSeen: T.t0, lastSeen: T.at(600)))
            try await store.assignClusters([ids[0]: cluster, ids[1]: cluster])
            let topic = try await store.upsertTopic(TopicDraft(slug: "nahost", title: "Nahost"))
            try await store.setArticleTopics([ids[0]: [topic.id]])
            let run = try await store.startRun(command: "run", at: T.t0)
            try await store.finishRun(run, at: T.at(5), status: .succeeded, counts: RunCounts(articlesNew: 10), message: nil)
            let statusBefore = try await store.status()
            try await store.close()

            let reopenStore = try #require(fixture.reopen)
            let reopened = try await reopenStore()
            #expect(try await reopened.feed(id: feed.id)?.fetch == state)
            #expect(try await reopened.feed(id: feed.id)?.folder == "News")
            #expect(try await reopened.articles(feedID: feed.id).map(\.entry) == makeEntries(1...10))
            #expect(try await reopened.duplicateOf(ids[1]) == ids[0])
            #expect(try await reopened.cluster(id: cluster)?.articleIDs == [ids[0], ids[1]])
            #expect(try await reopened.topicIDs(forArticle: ids[0]) == [topic.id])
            #expect(try await reopened.status() == statusBefore)
            let again = try await reopened.upsertArticles(feedID: feed.id, entries: makeEntries(1...10), seenAt: T.at(60))
            #expect(again.unchanged == 10, "re-fetching after a restart adds nothing")
            try await reopened.close()
        }
    }

    @Test("concurrent readers see whole transactions only", arguments: StoreBackend.all)
    func concurrentReaders(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let feed = try await store.subscribe("https://a.example/feed")
            let batches = 25
            let batchSize = 8
            try await withThrowingTaskGroup(of: [Int].self) { group in
                group.addTask {
                    for batch in 0..<batches {
                        let first = batch * batchSize + 1
                        _ = try await store.upsertArticles(
                            feedID: feed.id, entries: makeEntries(first...(first + batchSize - 1)), seenAt: T.at(Double(batch)))
                    }
                    return []
                }
                for _ in 0..<3 {
                    group.addTask {
                        var seen: [Int] = []
                        for _ in 0..<40 {
                            seen.append(try await store.articleCount(ArticleQuery(feedID: feed.id)))
                            seen.append(try await store.articles(ArticleQuery(feedID: feed.id)).count)
                            seen.append(try await store.status().articles)
                        }
                        return seen
                    }
                }
                for try await counts in group {
                    #expect(counts.allSatisfy { $0.isMultiple(of: batchSize) }, "a reader saw part of a transaction: \(counts)")
                    #expect(counts == counts.sorted(), "counts never go back")
                }
            }
            #expect(try await store.articleCount(ArticleQuery()) == batches * batchSize)
        }
    }
}
