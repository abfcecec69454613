import Foundation
import RundschauModel
import RundschauStore
@testable import RundschauStorePostgres
@testable import RundschauStoreSQLite
import Testing

/// Feature rows (what clustering keeps of each article between runs) and metadata-only article reads, for every
/// backend.
@Suite("FeedStore conformance: article features")
struct FeatureConformanceTests {
    static let day: TimeInterval = 86_400

    /// Articles `numbers` of one new feed, by id.
    static func articles(_ numbers: ClosedRange<Int>, in store: any FeedStore) async throws -> [ArticleID] {
        let feed = try await store.subscribe("https://a.example/feed")
        return try await store.upsertArticles(feedID: feed.id, entries: makeEntries(numbers), seenAt: T.t0).insertedIDs
    }

    /// A row whose bytes name the article and a version, so that a mixed-up or stale row shows.
    static func row(_ id: ArticleID, date: Date = T.t0, version: UInt8 = 1, size: Int = 16) -> ArticleFeatureRow {
        let seed = UInt8(truncatingIfNeeded: id.rawValue)
        return ArticleFeatureRow(
            article: id, date: date, sentences: [0xA0, seed, version],
            data: (0..<size).map { UInt8(truncatingIfNeeded: $0 &+ Int(seed) &* 7 &+ Int(version)) })
    }

    @Test("rows are read back by id, sentences and data apart; ids without a row are absent",
          arguments: StoreBackend.all)
    func roundTrip(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let ids = try await Self.articles(1...5, in: store)
            let big = ArticleFeatureRow(
                article: ids[2], date: T.at(60), sentences: (0..<4_000).map { UInt8(truncatingIfNeeded: $0 * 31) },
                data: (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 5) })
            let empty = ArticleFeatureRow(article: ids[3], date: T.at(120), sentences: [], data: [])
            let rows = [Self.row(ids[0]), Self.row(ids[1]), big, empty]
            try await store.setArticleFeatures(rows)
            try await store.setArticleFeatures([])

            let asked = [ids[0], ids[2], ids[3], ids[4], ArticleID(999_999)]
            let sentences = try await store.articleSentences(asked)
            #expect(sentences == [ids[0]: rows[0].sentences, ids[2]: big.sentences, ids[3]: []],
                    "ids[1] not asked for, ids[4] without a row, 999999 unknown")
            let data = try await store.articleFeatures(asked)
            #expect(data == [ids[0]: rows[0].data, ids[2]: big.data, ids[3]: []])
            #expect(try await store.articleFeatures([ids[1]]) == [ids[1]: rows[1].data])
            #expect(try await store.articleSentences([]).isEmpty)
            #expect(try await store.articleFeatures([]).isEmpty)
        }
    }

    @Test("a new row replaces an article's earlier one; within one call the last row wins",
          arguments: StoreBackend.all)
    func replace(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let ids = try await Self.articles(1...2, in: store)
            try await store.setArticleFeatures([Self.row(ids[0]), Self.row(ids[1])])

            let newer = Self.row(ids[0], date: T.at(10 * Self.day), version: 2, size: 40)
            try await store.setArticleFeatures([newer])
            #expect(try await store.articleSentences(ids) == [ids[0]: newer.sentences, ids[1]: Self.row(ids[1]).sentences])
            #expect(try await store.articleFeatures(ids) == [ids[0]: newer.data, ids[1]: Self.row(ids[1]).data])

            let last = Self.row(ids[1], date: T.at(10 * Self.day), version: 4)
            try await store.setArticleFeatures([Self.row(ids[1], version: 3), last])
            #expect(try await store.articleFeatures([ids[1]]) == [ids[1]: last.data])

            // The date was replaced too: evicting before day 5 leaves both (both rows are dated day 10 now).
            #expect(try await store.deleteArticleFeatures(datedBefore: T.at(5 * Self.day)) == 0)
            #expect(try await store.articleFeatures(ids).count == 2)
        }
    }

    @Test("a row for an unknown article is skipped, the others are written", arguments: StoreBackend.all)
    func unknownArticleSkipped(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let ids = try await Self.articles(1...2, in: store)
            let unknown = ArticleID(ids[1].rawValue + 1_000)
            try await store.setArticleFeatures([Self.row(unknown), Self.row(ids[0]), Self.row(ids[1])])
            #expect(try await store.articleSentences([unknown, ids[0], ids[1]]).keys.sorted() == [ids[0], ids[1]])
            try await store.setArticleFeatures([Self.row(unknown)])
            #expect(try await store.articleFeatures([unknown]).isEmpty)
            #expect(try await store.deleteArticleFeatures(datedBefore: T.at(Self.day)) == 2, "only the two real rows")
        }
    }

    @Test("eviction removes exactly the rows dated before the date and counts them", arguments: StoreBackend.all)
    func evictByDate(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let ids = try await Self.articles(1...5, in: store)
            // Dated days 0, 1, 2, 3 and 4 (a millisecond before day 4 for the last but one).
            try await store.setArticleFeatures([
                Self.row(ids[0], date: T.t0), Self.row(ids[1], date: T.at(Self.day)),
                Self.row(ids[2], date: T.at(2 * Self.day)), Self.row(ids[3], date: T.at(4 * Self.day - 0.001)),
                Self.row(ids[4], date: T.at(4 * Self.day)),
            ])
            #expect(try await store.deleteArticleFeatures(datedBefore: T.at(-Self.day)) == 0)
            #expect(try await store.deleteArticleFeatures(datedBefore: T.at(2 * Self.day)) == 2)
            #expect(try await store.articleFeatures(ids).keys.sorted() == Array(ids[2...]), "a row dated at the date stays")
            #expect(try await store.deleteArticleFeatures(datedBefore: T.at(2 * Self.day)) == 0, "nothing left to evict")
            #expect(try await store.deleteArticleFeatures(datedBefore: T.at(4 * Self.day)) == 2)
            #expect(try await store.articleFeatures(ids).keys.sorted() == [ids[4]])
            #expect(try await store.articles(ArticleQuery()).count == 5, "eviction leaves the articles")
        }
    }

    @Test("eviction goes on batch after batch until a batch comes back short", arguments: StoreBackend.all)
    func evictInBatches(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let feed = try await store.subscribe("https://a.example/feed")
            let entries = (0..<10).map { Entry(id: "urn:n:\($0)", title: "Nr. \($0)") }
            let ids = try await store.upsertArticles(feedID: feed.id, entries: entries, seenAt: T.t0).insertedIDs
            try await store.setArticleFeatures(ids.enumerated().map { index, id in
                ArticleFeatureRow(article: id, date: T.at(Double(index)), sentences: [1], data: [2, 3])
            })
            // Batches of 3: 3 + 3 + 1 rows; then exactly two full batches and an empty one.
            #expect(try await Self.deleteFeatures(store, before: T.at(7), batchSize: 3) == 7)
            #expect(try await store.articleFeatures(ids).keys.sorted() == Array(ids[7...]))
            #expect(try await Self.deleteFeatures(store, before: T.at(10), batchSize: 3) == 3)
            #expect(try await store.articleFeatures(ids).isEmpty)
            try await store.setArticleFeatures(ids.map { ArticleFeatureRow(article: $0, date: T.t0, sentences: [], data: [1]) })
            #expect(try await Self.deleteFeatures(store, before: T.at(1), batchSize: 5) == 10)
            #expect(try await store.articleSentences(ids).isEmpty)
        }
    }

    /// The backend's eviction with a small batch size, so that a few rows take several batches.
    static func deleteFeatures(_ store: any FeedStore, before date: Date, batchSize: Int) async throws -> Int {
        switch store {
        case let sqlite as SQLiteFeedStore: try await sqlite.deleteArticleFeatures(datedBefore: date, batchSize: batchSize)
        case let postgres as PostgresFeedStore: try await postgres.deleteArticleFeatures(datedBefore: date, batchSize: batchSize)
        default: throw StoreError(code: .invalidArgument, message: "no batch size for \(type(of: store))")
        }
    }

    @Test("pruning or removing a feed removes the articles' rows", arguments: StoreBackend.all)
    func rowsGoWithArticles(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let feed = try await store.subscribe("https://a.example/feed")
            let other = try await store.subscribe("https://b.example/feed")
            let old = try await store.upsertArticles(feedID: feed.id, entries: makeEntries(1...3), seenAt: T.t0).insertedIDs
            let new = try await store.upsertArticles(feedID: feed.id, entries: makeEntries(4...5),
                                                     seenAt: T.at(20 * Self.day)).insertedIDs
            let elsewhere = try await store.upsertArticles(feedID: other.id, entries: makeEntries(1...2),
                                                           seenAt: T.at(20 * Self.day)).insertedIDs
            // A story of old articles (pruned as a story) and loose old articles (pruned alone).
            let story = try await store.createCluster(ClusterDraft(label: "old story", firstSeen: T.t0, lastSeen: T.t0))
            try await store.assignClusters([old[0]: story, old[1]: story])
            let all = old + new + elsewhere
            // Rows dated far ahead, so that only the articles' removal can take them.
            try await store.setArticleFeatures(all.map { Self.row($0, date: T.at(100 * Self.day)) })

            let report = try await store.prune(before: T.at(10 * Self.day), batchSize: 2)
            #expect(report.articles == 3)
            #expect(try await store.articleSentences(all).keys.sorted() == new + elsewhere)
            #expect(try await store.articleFeatures(all).keys.sorted() == new + elsewhere)

            #expect(try await store.removeFeed(other.id))
            #expect(try await store.articleFeatures(all).keys.sorted() == new)
            #expect(try await store.deleteArticleFeatures(datedBefore: T.at(1_000 * Self.day)) == 2,
                    "no orphan rows were left behind")
        }
    }

    @Test("withText: false leaves content and summary unread and every other field as with text",
          arguments: StoreBackend.all)
    func withoutText(backend: StoreBackend) async throws {
        try await backend.withStore { fixture in
            let store = fixture.store
            let ids = try await Self.articles(1...6, in: store)
            let story = try await store.createCluster(ClusterDraft(label: "story", firstSeen: T.t0, lastSeen: T.t0))
            try await store.assignClusters([ids[0]: story, ids[1]: story])
            try await store.setDuplicates([ids[1]: ids[0]])

            let queries = [
                ArticleQuery(),
                ArticleQuery(dateSince: T.at(120), dateUntil: T.at(300), order: .newestFirst),
                ArticleQuery(clusterIDs: [story]),
                ArticleQuery(ids: [ids[1], ids[4]], limit: 1),
            ]
            for query in queries {
                var without = query
                without.withText = false
                let full = try await store.articles(query)
                let lean = try await store.articles(without)
                #expect(!full.isEmpty)
                #expect(full.allSatisfy { $0.content != nil && $0.summary != nil })
                #expect(lean.allSatisfy { $0.content == nil && $0.summary == nil })
                let stripped = full.map { article in
                    var article = article
                    article.content = nil
                    article.summary = nil
                    return article
                }
                #expect(lean == stripped, "\(query)")
                #expect(try await store.articleCount(without) == store.articleCount(query))
            }
            #expect(ArticleQuery().withText, "text is read by default")
            let lean = try #require(try await store.articles(ArticleQuery(ids: [ids[1]], withText: false)).first)
            #expect(lean.summaryType == .html && lean.contentType == .html && lean.title != nil)
            #expect(lean.duplicateOf == ids[0] && lean.clusterID == story && !lean.contentHash.isEmpty)
        }
    }
}
