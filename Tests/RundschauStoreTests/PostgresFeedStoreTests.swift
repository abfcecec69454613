import Foundation
import RundschauModel
import RundschauStore
import RundschauStorePostgres
import Testing

/// What only the PostgreSQL backend promises: migrations under an advisory lock, errors naming the URL without
/// its password, and upserts of one feed from several connections that take turns.
///
/// Needs a server: the whole suite is skipped, with ``PostgresTestDatabase/skipNote``, when
/// `RUNDSCHAU_TEST_POSTGRES_URL` is not set.
@Suite("PostgresFeedStore", .enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipNote))
struct PostgresFeedStoreTests {
    @Test("the conformance suite runs against PostgreSQL too")
    func conformanceIncludesPostgres() {
        #expect(StoreBackend.all.map(\.name).contains("postgres"))
        #expect(StoreBackend.durable.map(\.name).contains("postgres"))
    }

    @Test("every migration is applied once, under the SQLite names, also when four stores open at once")
    func migrations() async throws {
        try await PostgresTestDatabase.withFresh { database in
            let stores = try await withThrowingTaskGroup(of: PostgresFeedStore.self) { group in
                for _ in 0..<4 { group.addTask { try await database.open(maximumConnections: 1) } }
                return try await group.reduce(into: []) { $0.append($1) }
        }
        for store in stores {
            #expect(try await store.appliedMigrations() == StoreSchema.migrations)
        }
        _ = try await stores[0].subscribe("https://a.example/feed")
        for store in stores { try await store.close() }

        let reopened = try await database.open()
        #expect(try await reopened.appliedMigrations() == StoreSchema.migrations)
        #expect(try await reopened.feeds().count == 1, "reopening migrates nothing away")
        try await reopened.close()
        }
    }

    @Test("errors name the URL with the password replaced")
    func errorsNameRedactedURL() async throws {
        var location = try PostgresTestDatabase.fresh().location
        if location.password == nil { location.password = "not-the-password" }  // ignored by trust authentication
        let database = PostgresTestDatabase(location: location)
        let password = try #require(location.password)
        let store = try await database.open()
        let error = await #expect(throws: StoreError.self) {
            try await store.updateFeedURL(FeedID(7), to: "https://x.example/")
        }
        #expect(error?.description == "store: \(location): feed 7 not found")
        #expect(error?.description.contains(":***@") == true)
        #expect(error?.description.contains(password) == false)
        try await store.close()
        await database.drop()
    }

    @Test("a database that does not exist cannot be opened")
    func missingDatabase() async throws {
        var location = try PostgresTestDatabase.fresh().location
        location.database = "rundschau_no_such_database"
        let error = await #expect(throws: StoreError.self) {
            _ = try await PostgresFeedStore(location: location, logger: .quiet)
        }
        #expect(error?.code == .cannotOpen)
        #expect(error?.message.contains("rundschau_no_such_database") == true, "\(error?.message ?? "")")
    }

    @Test("a closed store refuses calls with cannotOpen")
    func closed() async throws {
        try await PostgresTestDatabase.withFresh { database in
            let store = try await database.open()
            try await store.close()
            let error = await #expect(throws: StoreError.self) { _ = try await store.feeds() }
            #expect(error?.code == .cannotOpen)
        }
    }

    @Test("four connections upserting one feed at once store each entry once, with exact counts")
    func concurrentUpsertsOfOneFeed() async throws {
        try await PostgresTestDatabase.withFresh { database in
            let setup = try await database.open()
            let feed = try await setup.subscribe("https://a.example/feed")
            let results = try await withThrowingTaskGroup(of: ArticleUpsertResult.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        let store = try await database.open(maximumConnections: 1)
                        // Overlapping batches: entries 1…20 shifted by worker.
                        let result = try await store.upsertArticles(
                            feedID: feed.id, entries: makeEntries((1 + worker * 5)...(20 + worker * 5)), seenAt: T.t0)
                        try await store.close()
                        return result
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
        }
        let inserted = results.map(\.inserted).reduce(0, +)
        let unchanged = results.map(\.unchanged).reduce(0, +)
        #expect(inserted == 35, "entries 1…35, each inserted by exactly one worker")
        #expect(unchanged == 45, "4 × 20 entries offered, 35 of them new")
        #expect(results.allSatisfy { $0.updated == 0 })
        let stored = try await setup.articles(feedID: feed.id)
        #expect(stored.count == 35)
        #expect(Set(stored.map(\.entryID)).count == 35)
        try await setup.close()
        }
    }

    @Test("topics sort by slug in byte order, whatever the database's collation")
    func topicOrderIsBytewise() async throws {
        try await PostgresTestDatabase.withFresh { database in
            let store = try await database.open()
            for slug in ["b", "B", "a-z", "a_z", "ä"] {
                _ = try await store.upsertTopic(TopicDraft(slug: slug, title: slug))
        }
        #expect(try await store.topics().map(\.slug) == ["B", "a-z", "a_z", "b", "ä"])
        try await store.close()
        }
    }

    @Test("U+0000, which PostgreSQL text cannot hold, is dropped instead of refusing the feed; re-fetching is unchanged")
    func nulCharacters() async throws {
        try await PostgresTestDatabase.withFresh { database in
            let store = try await database.open()
            let feed = try await store.subscribe("https://a.example/feed\u{0}")
            #expect(feed.url == "https://a.example/feed")
            #expect(try await store.feed(url: "https://a.example/feed\u{0}")?.id == feed.id)
            var entry = makeEntry(1)
            entry.title = "Titel\u{0} mit NUL"
            entry.content = #"Backslash-u0000 as text stays: \u0000"#
            entry.authors = [Person(name: "Sabine\u{0} Brandes", email: "sb@example.org")]
            let first = try await store.upsertArticles(feedID: feed.id, entries: [entry], seenAt: T.t0)
            #expect(first.inserted == 1)
            let stored = try #require(try await store.article(id: first.insertedIDs[0]))
            #expect(stored.title == "Titel mit NUL")
            #expect(stored.content == #"Backslash-u0000 as text stays: \u0000"#)
            #expect(stored.authors.map(\.name) == ["Sabine Brandes"])
            let again = try await store.upsertArticles(feedID: feed.id, entries: [entry], seenAt: T.at(60))
            #expect(again.unchanged == 1)
            try await store.recordFetch(feed.id, state: FetchState(lastError: "bad\u{0}byte"))
            #expect(try await store.feed(id: feed.id)?.fetch.lastError == "badbyte")
            try await store.close()
        }
    }
}
