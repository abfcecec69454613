import Foundation
import RundschauModel
import RundschauStore
import Testing

/// Subscriptions, fetch state, schedule and claims, for every backend.
@Suite("FeedStore conformance: feeds")
struct FeedConformanceTests {
    @Test("subscribe, list, find, remove", arguments: StoreBackend.all)
    func subscribeListRemove(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let a = try await store.subscribe(
                FeedSubscription(url: "https://a.example/feed", title: "A", siteLink: "https://a.example/", folder: "News"),
                at: T.t0)
            let b = try await store.subscribe("https://b.example/rss")
            let dump = try await store.subscribe("file:///dumps/000.txt", kind: .dump, title: "000.txt")

            #expect(a.url == "https://a.example/feed")
            #expect(a.title == "A")
            #expect(a.siteLink == "https://a.example/")
            #expect(a.folder == "News")
            #expect(a.kind == .feed)
            #expect(a.subscribedAt == T.t0)
            #expect(a.fetch == FetchState(nextFetchAt: T.t0), "a new feed is active and due at once")
            #expect(dump.kind == .dump)
            #expect(dump.fetch.nextFetchAt == nil, "a dump source is never due")

            #expect(try await store.feeds().map(\.id) == [a.id, b.id, dump.id])
            #expect(try await store.feed(url: "https://b.example/rss") == b)
            #expect(try await store.feed(id: a.id) == a)
            #expect(try await store.feed(url: "https://nowhere.example/") == nil)

            let again = try await store.subscribe(FeedSubscription(url: "https://a.example/feed", title: "Other"), at: T.at(99))
            #expect(again == a, "subscribing twice returns the existing subscription unchanged")
            #expect(try await store.feeds().count == 3)

            _ = try await store.upsertArticles(feedID: b.id, entries: makeEntries(1...3), seenAt: T.t0)
            #expect(try await store.removeFeed(b.id))
            #expect(try await store.removeFeed(b.id) == false)
            #expect(try await store.feeds().map(\.id) == [a.id, dump.id])
            #expect(try await store.articleCount(ArticleQuery()) == 0, "a removed feed takes its articles along")
        }
    }

    @Test("an empty URL is refused", arguments: StoreBackend.all)
    func emptyURL(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let error = await #expect(throws: StoreError.self) {
                _ = try await fixture.store.subscribe("")
            }
            #expect(error?.code == .invalidArgument)
        }
    }

    @Test("fetch state round trip; recording releases a claim", arguments: StoreBackend.all)
    func fetchStateRoundTrip(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let feed = try await store.subscribe("https://a.example/feed")
            let state = FetchState(
                status: .failing, etag: "W/\"abc-123\"", lastModified: "Tue, 11 Jun 2024 10:00:00 GMT",
                nextFetchAt: T.at(3600), retryAfter: T.at(120), consecutiveErrors: 3, lastError: "HTTP 503 Service Unavailable",
                lastFetchedAt: T.at(10), lastSuccessAt: T.at(-86_400), httpStatus: 503)
            _ = try await store.claimDueFeeds(limit: 5, worker: "w1", leaseSeconds: 60, now: T.at(1))
            try await store.recordFetch(feed.id, state: state)

            let stored = try #require(try await store.feed(id: feed.id))
            #expect(stored.fetch == state)
            #expect(stored.leaseOwner == nil)
            #expect(stored.leaseUntil == nil)
            #expect(stored.url == feed.url)
            #expect(stored.subscribedAt == feed.subscribedAt)

            let healthy = FetchState(
                etag: "\"v2\"", nextFetchAt: T.at(7200), lastFetchedAt: T.at(3600), lastSuccessAt: T.at(3600), httpStatus: 304)
            try await store.recordFetch(feed.id, state: healthy)
            #expect(try await store.feed(id: feed.id)?.fetch == healthy, "the whole state is replaced")

            let error = await #expect(throws: StoreError.self) {
                try await store.recordFetch(FeedID(9_999), state: healthy)
            }
            #expect(error?.code == .notFound)
        }
    }

    @Test("due feeds: ordered by next fetch; gone, dumps, future and Retry-After excluded", arguments: StoreBackend.all)
    func dueFeeds(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let late = try await store.subscribe("https://late.example/")
            let early = try await store.subscribe("https://early.example/")
            let gone = try await store.subscribe("https://gone.example/")
            let future = try await store.subscribe("https://future.example/")
            let retry = try await store.subscribe("https://retry.example/")
            let failing = try await store.subscribe("https://failing.example/")
            _ = try await store.subscribe("file:///dumps/1.txt", kind: .dump)

            try await store.recordFetch(late.id, state: FetchState(nextFetchAt: T.at(50)))
            try await store.recordFetch(early.id, state: FetchState(nextFetchAt: T.at(10)))
            try await store.recordFetch(gone.id, state: FetchState(status: .gone, nextFetchAt: T.at(0), httpStatus: 410))
            try await store.recordFetch(future.id, state: FetchState(nextFetchAt: T.at(500)))
            try await store.recordFetch(retry.id, state: FetchState(nextFetchAt: T.at(20), retryAfter: T.at(300)))
            try await store.recordFetch(
                failing.id, state: FetchState(status: .failing, nextFetchAt: T.at(30), consecutiveErrors: 2))

            let now = T.at(100)
            #expect(try await store.dueFeeds(at: now, limit: nil).map(\.id) == [early.id, failing.id, late.id])
            #expect(try await store.dueFeeds(at: now, limit: 2).map(\.id) == [early.id, failing.id])
            #expect(try await store.dueFeeds(at: T.at(10), limit: nil).map(\.id) == [early.id], "due is inclusive")
            #expect(try await store.dueFeeds(at: T.at(1000), limit: nil).map(\.id) == [early.id, retry.id, failing.id, late.id, future.id])
            #expect(try await store.dueFeeds(at: T.at(-1), limit: nil).isEmpty)
        }
    }

    @Test("a permanent redirect updates the URL and keeps articles and state", arguments: StoreBackend.all)
    func permanentRedirect(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let feed = try await store.subscribe("http://old.example/feed")
            let other = try await store.subscribe("https://other.example/feed")
            _ = try await store.upsertArticles(feedID: feed.id, entries: makeEntries(1...2), seenAt: T.t0)
            try await store.recordFetch(feed.id, state: FetchState(etag: "\"e\"", nextFetchAt: T.at(60), httpStatus: 301))

            try await store.updateFeedURL(feed.id, to: "https://new.example/feed")
            #expect(try await store.feed(url: "http://old.example/feed") == nil)
            let moved = try #require(try await store.feed(url: "https://new.example/feed"))
            #expect(moved.id == feed.id)
            #expect(moved.fetch.etag == "\"e\"")
            #expect(try await store.articleCount(ArticleQuery(feedID: feed.id)) == 2)

            try await store.updateFeedURL(feed.id, to: "https://new.example/feed")  // no change, no error
            let conflict = await #expect(throws: StoreError.self) {
                try await store.updateFeedURL(feed.id, to: other.url)
            }
            #expect(conflict?.code == .conflict)
            let missing = await #expect(throws: StoreError.self) {
                try await store.updateFeedURL(FeedID(9_999), to: "https://x.example/")
            }
            #expect(missing?.code == .notFound)
        }
    }

    @Test("feed title and site link from the document", arguments: StoreBackend.all)
    func updateFeedInfo(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let feed = try await store.subscribe("https://a.example/feed", title: "given")
            try await store.updateFeedInfo(feed.id, title: "Die Zeitung", siteLink: "https://a.example/")
            try await store.updateFeedInfo(feed.id, title: nil, siteLink: nil)
            let stored = try #require(try await store.feed(id: feed.id))
            #expect(stored.title == "Die Zeitung")
            #expect(stored.siteLink == "https://a.example/")
        }
    }

    @Test("claims: exclusive while the lease runs, free again after it or after recording", arguments: StoreBackend.all)
    func claimWithLease(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            var ids: [FeedID] = []
            for n in 1...5 {
                let feed = try await store.subscribe("https://\(n).example/")
                try await store.recordFetch(feed.id, state: FetchState(nextFetchAt: T.at(Double(n))))
                ids.append(feed.id)
            }
            let now = T.at(10)
            let first = try await store.claimDueFeeds(limit: 2, worker: "w1", leaseSeconds: 300, now: now)
            #expect(first.map(\.id) == [ids[0], ids[1]])
            #expect(first.allSatisfy { $0.leaseOwner == "w1" && $0.leaseUntil == T.at(310) })

            let second = try await store.claimDueFeeds(limit: 10, worker: "w2", leaseSeconds: 300, now: now)
            #expect(second.map(\.id) == [ids[2], ids[3], ids[4]], "claimed feeds are skipped")
            #expect(try await store.claimDueFeeds(limit: 10, worker: "w3", leaseSeconds: 300, now: T.at(20)).isEmpty)

            // w1 records one feed: its claim ends, and the feed is due later.
            try await store.recordFetch(ids[0], state: FetchState(nextFetchAt: T.at(3600), httpStatus: 200))
            #expect(try await store.feed(id: ids[0])?.leaseOwner == nil)

            // w2 gives up early.
            #expect(try await store.releaseClaims(worker: "w2") == 3)
            let third = try await store.claimDueFeeds(limit: 10, worker: "w3", leaseSeconds: 300, now: T.at(30))
            #expect(third.map(\.id) == [ids[2], ids[3], ids[4]])

            // w1 died holding ids[1]: after its lease expires, another worker takes it.
            #expect(try await store.claimDueFeeds(limit: 10, worker: "w4", leaseSeconds: 60, now: T.at(309)).isEmpty)
            let rescued = try await store.claimDueFeeds(limit: 10, worker: "w4", leaseSeconds: 60, now: T.at(310))
            #expect(rescued.map(\.id) == [ids[1]])
            #expect(rescued.first?.leaseOwner == "w4")

            let bad = await #expect(throws: StoreError.self) {
                _ = try await store.claimDueFeeds(limit: 1, worker: "", leaseSeconds: 60, now: now)
            }
            #expect(bad?.code == .invalidArgument)
        }
    }

    @Test("claims of every scope: all feeds not fetched since a date, one feed; renewing a lease", arguments: StoreBackend.all)
    func claimScopesAndRenewal(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            var ids: [FeedID] = []
            for n in 1...4 {
                let feed = try await store.subscribe("https://\(n).example/")
                // Not due for an hour; feed 2 was fetched at 50, feed 4 is gone.
                try await store.recordFetch(feed.id, state: FetchState(
                    status: n == 4 ? .gone : .active, nextFetchAt: T.at(3600), lastFetchedAt: n == 2 ? T.at(50) : T.at(5)))
                ids.append(feed.id)
            }
            _ = try await store.subscribe("file:///dumps/000.txt", kind: .dump, title: "000.txt")
            let now = T.at(60)
            #expect(try await store.claimFeeds(.due, limit: 10, worker: "w1", leaseSeconds: 300, now: now).isEmpty)

            // `fetch --all` of a round that began at 40: feed 2 was fetched since, feed 4 is gone, the dump is no feed.
            let round = try await store.claimFeeds(.notFetchedSince(T.at(40)), limit: 10, worker: "w1", leaseSeconds: 300, now: now)
            #expect(round.map(\.id) == [ids[0], ids[2]])
            #expect(try await store.claimFeeds(.notFetchedSince(T.at(40)), limit: 10, worker: "w2", leaseSeconds: 300, now: now).isEmpty,
                    "claimed feeds are skipped")

            // One feed, whatever its schedule, unless another worker holds it.
            #expect(try await store.claimFeeds(.feed(ids[1]), limit: 1, worker: "w2", leaseSeconds: 300, now: now).map(\.id) == [ids[1]])
            #expect(try await store.claimFeeds(.feed(ids[0]), limit: 1, worker: "w2", leaseSeconds: 300, now: now).isEmpty)
            #expect(try await store.claimFeeds(.feed(ids[3]), limit: 1, worker: "w2", leaseSeconds: 300, now: now).isEmpty, "gone")

            // w1 renews at 300: its leases now run to 600, so they are not free at 400. w2's are not w1's to renew.
            #expect(try await store.renewClaims([ids[0], ids[1], ids[2]], worker: "w1", leaseSeconds: 300, now: T.at(300)) == 2)
            #expect(try await store.feed(id: ids[0])?.leaseUntil == T.at(600))
            #expect(try await store.feed(id: ids[1])?.leaseUntil == T.at(360))
            #expect(try await store.claimFeeds(.notFetchedSince(T.at(40)), limit: 10, worker: "w3", leaseSeconds: 60, now: T.at(400)).isEmpty)
            let rescued = try await store.claimFeeds(.notFetchedSince(T.at(40)), limit: 10, worker: "w3", leaseSeconds: 60, now: T.at(600))
            #expect(rescued.map(\.id) == [ids[0], ids[2]])
        }
    }
}
