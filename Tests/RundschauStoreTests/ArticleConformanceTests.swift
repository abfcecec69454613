import Foundation
import RundschauModel
import RundschauStore
import Testing

/// Upserts, transactions and article queries, for every backend.
@Suite("FeedStore conformance: articles")
struct ArticleConformanceTests {
    @Test("the same entries twice store nothing the second time", arguments: StoreBackend.all)
    func upsertIdempotent(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let feed = try await store.subscribe("https://a.example/feed")
            let entries = makeEntries(1...5)

            let first = try await store.upsertArticles(feedID: feed.id, entries: entries, seenAt: T.t0)
            #expect(first.inserted == 5)
            #expect(first.updated == 0)
            #expect(first.unchanged == 0)

            let second = try await store.upsertArticles(feedID: feed.id, entries: entries, seenAt: T.at(600))
            #expect(second.inserted == 0)
            #expect(second.updated == 0)
            #expect(second.unchanged == 5)

            let stored = try await store.articles(feedID: feed.id)
            #expect(stored.map(\.id) == first.insertedIDs)
            #expect(stored.map(\.entry) == entries, "every field survives the round trip")
            #expect(stored.allSatisfy { $0.firstSeen == T.t0 && $0.changedAt == T.t0 })
            #expect(stored.allSatisfy { $0.feedID == feed.id && $0.canonicalURL == nil && $0.clusterID == nil })
        }
    }

    @Test("the same entry id in two feeds is two articles", arguments: StoreBackend.all)
    func keyedByFeedAndEntry(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let a = try await store.subscribe("https://a.example/feed")
            let b = try await store.subscribe("https://b.example/feed")
            _ = try await store.upsertArticles(feedID: a.id, entries: [makeEntry(1)], seenAt: T.t0)
            let result = try await store.upsertArticles(feedID: b.id, entries: [makeEntry(1)], seenAt: T.t0)
            #expect(result.inserted == 1)
            #expect(try await store.articleCount(ArticleQuery()) == 2)
        }
    }

    @Test("a changed entry is updated in place: same id, first seen kept", arguments: StoreBackend.all)
    func changedEntryUpdated(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let feed = try await store.subscribe("https://a.example/feed")
            let original = try await store.upsertArticles(feedID: feed.id, entries: makeEntries(1...3), seenAt: T.t0)
            let before = try #require(try await store.article(id: original.insertedIDs[1]))

            var changed = makeEntries(1...3)
            changed[1].content = "<p>Korrigierte Fassung</p>"
            changed[1].title = "Titel 2 (aktualisiert)"
            let result = try await store.upsertArticles(feedID: feed.id, entries: changed, seenAt: T.at(900))
            #expect(result.inserted == 0)
            #expect(result.updatedIDs == [before.id])
            #expect(result.unchanged == 2)

            let after = try #require(try await store.article(id: before.id))
            #expect(after.entry == changed[1])
            #expect(after.firstSeen == T.t0)
            #expect(after.changedAt == T.at(900))
            #expect(after.contentHash != before.contentHash)
            #expect(try await store.articleCount(ArticleQuery(feedID: feed.id)) == 3, "updated, not duplicated")

            // A change outside the text (a category) is an update too; the text hash stays.
            changed[1].categories.append(Category(term: "kairo"))
            let metadata = try await store.upsertArticles(feedID: feed.id, entries: changed, seenAt: T.at(1800))
            #expect(metadata.updatedIDs == [before.id])
            let again = try #require(try await store.article(id: before.id))
            #expect(again.categories.map(\.term) == ["nahost", "kairo"])
            #expect(again.contentHash == after.contentHash)
        }
    }

    @Test("repeated entry ids in one upsert count once, the first wins", arguments: StoreBackend.all)
    func repeatedIDsInOneUpsert(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let feed = try await store.subscribe("https://a.example/feed")
            let result = try await store.upsertArticles(
                feedID: feed.id, entries: [makeEntry(1, content: "neu"), makeEntry(2), makeEntry(1, content: "alt")],
                seenAt: T.t0)
            #expect(result.inserted == 2)
            #expect(result.updated == 0)
            #expect(result.unchanged == 1)
            #expect(try await store.article(id: result.insertedIDs[0])?.content == "neu")
        }
    }

    @Test("a failing upsert stores nothing of its feed and loses nothing committed before", arguments: StoreBackend.all)
    func failingUpsertRollsBack(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let a = try await store.subscribe("https://a.example/feed")
            let b = try await store.subscribe("https://b.example/feed")
            let committedA = try await store.upsertArticles(feedID: a.id, entries: makeEntries(1...3), seenAt: T.t0)
            _ = try await store.upsertArticles(feedID: b.id, entries: makeEntries(1...2), seenAt: T.t0)

            // New entries and a changed one come before an entry the schema refuses (an empty id), so the
            // transaction has already written rows when it fails.
            var batch = makeEntries(1...6)
            batch[0].content = "<p>changed</p>"
            batch.append(Entry(id: "", title: "kaputt"))
            batch.append(makeEntry(7))
            let error = await #expect(throws: StoreError.self) {
                _ = try await store.upsertArticles(feedID: a.id, entries: batch, seenAt: T.at(60))
            }
            #expect(error?.code == .constraint)

            let stored = try await store.articles(feedID: a.id)
            #expect(stored.map(\.id) == committedA.insertedIDs, "no entry of the failed upsert is stored")
            #expect(stored.map(\.entry) == makeEntries(1...3), "the changed entry is as committed before")
            #expect(try await store.articleCount(ArticleQuery(feedID: b.id)) == 2, "other feeds are untouched")

            // The store goes on working: the same batch without the bad entry succeeds.
            batch.remove(at: 6)
            let retry = try await store.upsertArticles(feedID: a.id, entries: batch, seenAt: T.at(120))
            #expect(retry.inserted == 4)
            #expect(retry.updatedIDs == [committedA.insertedIDs[0]])
            #expect(retry.unchanged == 2)
        }
    }

    @Test("upserting into an unknown feed fails with notFound", arguments: StoreBackend.all)
    func unknownFeed(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let error = await #expect(throws: StoreError.self) {
                _ = try await fixture.store.upsertArticles(feedID: FeedID(42), entries: [makeEntry(1)], seenAt: T.t0)
            }
            #expect(error?.code == .notFound)
            let count = try await fixture.store.articleCount(ArticleQuery())
            #expect(count == 0)
        }
    }

    @Test("queries: id cursor, since dates, newest first, text hash, counts", arguments: StoreBackend.all)
    func queries(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let a = try await store.subscribe("https://a.example/feed")
            let b = try await store.subscribe("https://b.example/feed")
            let first = try await store.upsertArticles(feedID: a.id, entries: makeEntries(1...4), seenAt: T.t0)
            var copies = makeEntries(1...2)
            copies[0].id = "urn:other:1"
            copies[0].link = "https://b.example/1"
            copies[1].id = "urn:other:2"
            copies[1].content = "eigener Text"
            let second = try await store.upsertArticles(feedID: b.id, entries: copies, seenAt: T.at(3600))
            let all = first.insertedIDs + second.insertedIDs

            // Cursor paging in id order.
            var cursor: ArticleID?
            var paged: [ArticleID] = []
            while true {
                let page = try await store.articles(ArticleQuery(afterID: cursor, limit: 4))
                guard let last = page.last else { break }
                paged += page.map(\.id)
                cursor = last.id
            }
            #expect(paged == all)
            #expect(try await store.articles(ArticleQuery(afterID: all[3])).map(\.id) == second.insertedIDs)

            #expect(try await store.articles(ArticleQuery(firstSeenSince: T.at(1))).map(\.id) == second.insertedIDs)
            #expect(try await store.articles(ArticleQuery(changedSince: T.at(3600))).map(\.id) == second.insertedIDs)
            // makeEntry(n) is published at n minutes: since minute 3 → entries 3, 4 of feed a.
            #expect(try await store.articles(ArticleQuery(feedID: a.id, dateSince: T.at(180))).map(\.id) == [all[2], all[3]])
            #expect(
                try await store.articles(ArticleQuery(feedID: a.id, order: .newestFirst)).map(\.id)
                    == first.insertedIDs.reversed())

            // A word-for-word copy in another feed shares the text hash.
            let original = try #require(try await store.article(id: all[0]))
            let sameText = try await store.articles(ArticleQuery(contentHash: original.contentHash))
            #expect(sameText.map(\.id) == [all[0], all[4]])

            #expect(try await store.articleCount(ArticleQuery()) == 6)
            #expect(try await store.articleCount(ArticleQuery(feedID: b.id, limit: 1)) == 2, "counts ignore the limit")
            #expect(try await store.articleCount(ArticleQuery(unclusteredOnly: true)) == 6)
            #expect(try await store.article(id: ArticleID(9_999)) == nil)

            let negative = await #expect(throws: StoreError.self) {
                _ = try await store.articles(ArticleQuery(limit: -1))
            }
            #expect(negative?.code == .invalidArgument)
        }
    }
}
