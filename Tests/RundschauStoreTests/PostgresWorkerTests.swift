import Foundation
import RundschauModel
import RundschauStore
import RundschauStorePostgres
import Testing

/// Several fetch workers against one database: claims with `FOR UPDATE SKIP LOCKED` and leases.
///
/// Each worker is its own `PostgresFeedStore`, so its own connection pool, as separate `rundschau fetch` processes
/// would be. Skipped with ``PostgresTestDatabase/skipNote`` when no server is configured.
@Suite("PostgreSQL fetch workers", .enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipNote))
struct PostgresWorkerTests {
    static let feedCount = 200
    static let workerCount = 4

    @Test("four workers share 200 due feeds: each fetched exactly once per round, no article lost or stored twice")
    func fourWorkers() async throws {
        try await PostgresTestDatabase.withFresh { database in
            let setup = try await database.open()
            var feeds: [FeedID] = []
            for n in 0..<Self.feedCount {
                feeds.append(try await setup.subscribe("https://feed-\(n).example/rss").id)
            }

            // Round 1: every feed is new and serves entries 1…5.
            let first = try await runWorkers(database, entries: 1...5)
            try check(first, feeds: feeds)
            #expect(first.inserted == Self.feedCount * 5)
            #expect(first.unchanged == 0)
            #expect(try await setup.articleCount(ArticleQuery()) == Self.feedCount * 5)

            // Round 2: all due again; each feed now serves entries 3…7 (3 known, 2 new).
            for id in feeds { try await setup.recordFetch(id, state: FetchState(nextFetchAt: T.t0)) }
            let second = try await runWorkers(database, entries: 3...7)
            try check(second, feeds: feeds)
            #expect(second.inserted == Self.feedCount * 2)
            #expect(second.unchanged == Self.feedCount * 3)
            #expect(second.updated == 0)

            let articles = try await setup.articles(ArticleQuery())
            #expect(articles.count == Self.feedCount * 7, "no article lost")
            let keys = Set(articles.map { "\($0.feedID)|\($0.entryID)" })
            #expect(keys.count == articles.count, "no article stored twice")
            let perFeed = Dictionary(grouping: articles, by: \.feedID).mapValues { Set($0.map(\.entryID)) }
            let expected = Set(makeEntries(1...7).map(\.id))
            #expect(perFeed.count == Self.feedCount)
            #expect(perFeed.values.allSatisfy { $0 == expected })

            let after = try await setup.feeds()
            #expect(after.allSatisfy { $0.leaseOwner == nil && $0.leaseUntil == nil }, "recording released every claim")
            #expect(try await setup.dueFeeds(at: Date(), limit: nil).isEmpty)
            let summary = [first, second].map { round in
                round.fetchesByWorker.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }
            print("four workers, \(Self.feedCount) feeds: round 1: \(summary[0]); round 2: \(summary[1])")
            try await setup.close()
        }
    }

    @Test("claims made at the same instant by eight callers on four pools are disjoint")
    func simultaneousClaimsAreDisjoint() async throws {
        try await PostgresTestDatabase.withFresh { database in
            let setup = try await database.open()
            for n in 0..<50 { _ = try await setup.subscribe("https://feed-\(n).example/rss") }
            let stores = try await withThrowingTaskGroup(of: PostgresFeedStore.self) { group in
                for _ in 0..<4 { group.addTask { try await database.open(maximumConnections: 2) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let now = T.at(60)
            let claims = try await withThrowingTaskGroup(of: [FeedID].self) { group in
                for caller in 0..<8 {
                    let store = stores[caller % stores.count]
                    group.addTask {
                        try await store.claimDueFeeds(limit: 10, worker: "caller-\(caller)", leaseSeconds: 300, now: now).map(\.id)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let all = claims.flatMap { $0 }
            #expect(all.count == Set(all).count, "a feed was claimed twice: \(claims)")
            #expect(all.count == 50, "together the callers claimed every due feed")
            for store in stores { try await store.close() }
            try await setup.close()
        }
    }

    @Test("a worker that dies holding claims: its feeds are claimed by another once the lease expires")
    func leaseExpiry() async throws {
        try await PostgresTestDatabase.withFresh { database in
            let setup = try await database.open()
            var feeds: [FeedID] = []
            for n in 0..<3 { feeds.append(try await setup.subscribe("https://feed-\(n).example/rss").id) }

            let dying = try await database.open()
            let held = try await dying.claimDueFeeds(limit: 10, worker: "dying", leaseSeconds: 60, now: Date())
            #expect(held.map(\.id) == feeds)
            // The worker's process ends here: no recordFetch, no releaseClaims.
            try await dying.close()

            let survivor = try await database.open()
            #expect(
                try await survivor.claimDueFeeds(limit: 10, worker: "survivor", leaseSeconds: 60, now: Date()).isEmpty,
                "while the lease runs, the feeds stay with the dead worker")
            let stale = try #require(try await survivor.feed(id: feeds[0]))
            #expect(stale.leaseOwner == "dying")

            // 61 seconds later by the workers' clock (passed in, not waited for): the 60-second lease has run out.
            let later = Date().addingTimeInterval(61)
            let rescued = try await survivor.claimDueFeeds(limit: 10, worker: "survivor", leaseSeconds: 60, now: later)
            #expect(rescued.map(\.id) == feeds)
            #expect(rescued.allSatisfy { $0.leaseOwner == "survivor" })
            for feed in rescued {
                let result = try await survivor.upsertArticles(feedID: feed.id, entries: makeEntries(1...3), seenAt: Date())
                #expect(result.inserted == 3)
                try await survivor.recordFetch(feed.id, state: FetchState(nextFetchAt: Date().addingTimeInterval(3600)))
            }
            #expect(try await survivor.claimDueFeeds(limit: 10, worker: "late", leaseSeconds: 60, now: Date()).isEmpty)
            #expect(try await setup.articleCount(ArticleQuery()) == 9)
            try await survivor.close()
            try await setup.close()
        }
    }

    @Test("an exclusive role is held by one process at a time, per schema, and freed when its holder ends")
    func exclusiveRole() async throws {
        try await PostgresTestDatabase.withFresh { database in
            let first = try await database.open()
            let second = try await database.open()
            let elsewhere = try PostgresTestDatabase.fresh()
            let other = try await elsewhere.open()
            let inside = try await first.withExclusiveRole("publish") { () async throws -> [String?] in
                // While the first holds it, the second is turned away at once; another schema's role is separate,
                // and another role name is free.
                let refused = try await second.withExclusiveRole("publish") { "second ran" }
                let otherSchema = try await other.withExclusiveRole("publish") { "other schema ran" }
                let otherRole = try await second.withExclusiveRole("prune") { "other role ran" }
                return [refused, otherSchema, otherRole]
            }
            #expect(inside == [nil, "other schema ran", "other role ran"])
            #expect(try await second.withExclusiveRole("publish") { "second ran" } == "second ran", "released after the body")

            // A body that throws still releases the role.
            struct Boom: Error {}
            await #expect(throws: Boom.self) { _ = try await first.withExclusiveRole("publish") { () async throws -> Int in throw Boom() } }
            #expect(try await second.withExclusiveRole("publish") { 1 } == 1)
            for store in [first, second, other] { try await store.close() }
            await elsewhere.drop()
        }
    }

    // MARK: Workers

    /// What one round of all workers did.
    struct Round: Sendable {
        var fetches: [FeedID: Int] = [:]
        var overlaps: [String] = []
        var fetchesByWorker: [String: Int] = [:]
        var inserted = 0
        var updated = 0
        var unchanged = 0
    }

    /// Runs ``workerCount`` workers until no feed is due, each looping claim → "fetch" (upsert `entries`) →
    /// record; returns what they did.
    private func runWorkers(_ database: PostgresTestDatabase, entries: ClosedRange<Int>) async throws -> Round {
        let ledger = ClaimLedger()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 1...Self.workerCount {
                group.addTask {
                    let worker = "worker-\(index)"
                    let store = try await database.open(maximumConnections: 2)
                    while true {
                        let claimed = try await store.claimDueFeeds(limit: 5, worker: worker, leaseSeconds: 60, now: Date())
                        if claimed.isEmpty { break }
                        for feed in claimed {
                            await ledger.begin(feed.id, worker: worker)
                            let result = try await store.upsertArticles(
                                feedID: feed.id, entries: makeEntries(entries), seenAt: Date())
                            let now = Date()
                            try await store.recordFetch(
                                feed.id,
                                state: FetchState(
                                    etag: "\"\(feed.id)\"", nextFetchAt: now.addingTimeInterval(3600), lastFetchedAt: now,
                                    lastSuccessAt: now, httpStatus: 200))
                            await ledger.end(feed.id, worker: worker, result: result)
                        }
                    }
                    try await store.close()
                }
            }
            try await group.waitForAll()
        }
        return await ledger.round
    }

    private func check(_ round: Round, feeds: [FeedID]) throws {
        #expect(round.overlaps.isEmpty, "overlapping claims: \(round.overlaps)")
        #expect(Set(round.fetches.keys) == Set(feeds), "every feed fetched")
        #expect(round.fetches.values.allSatisfy { $0 == 1 }, "each feed fetched exactly once")
        #expect(round.fetchesByWorker.values.reduce(0, +) == feeds.count)
    }
}

/// Records which worker holds which feed, to catch two workers fetching one feed at the same time.
private actor ClaimLedger {
    private var holder: [FeedID: String] = [:]
    private(set) var round = PostgresWorkerTests.Round()

    func begin(_ feed: FeedID, worker: String) {
        if let other = holder[feed] { round.overlaps.append("feed \(feed): \(other) and \(worker)") }
        holder[feed] = worker
        round.fetches[feed, default: 0] += 1
        round.fetchesByWorker[worker, default: 0] += 1
    }

    func end(_ feed: FeedID, worker: String, result: ArticleUpsertResult) {
        if holder[feed] == worker { holder[feed] = nil }
        round.inserted += result.inserted
        round.updated += result.updated
        round.unchanged += result.unchanged
    }
}
