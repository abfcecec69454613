import Foundation
import Logging
import RundschauCluster
import RundschauConfig
import RundschauModel
import RundschauStore
import RundschauText

/// What one clustering pass did.
public struct ClusterReport: Sendable {
    public var articles = 0
    public var duplicates = 0
    public var newClusters = 0
    public var updatedClusters = 0
    /// Stored stories absorbed by another story.
    public var mergedClusters = 0
    public var discoveredTopics = 0
    /// Stored articles of the window restored from the features an earlier run kept (not read or scanned again).
    public var restoredFromFeatures = 0
    /// Articles whose features this run kept for later runs.
    public var keptFeatures = 0
}

/// `cluster`: the articles not yet in a story → duplicates, stories, topics, written back to the store.
///
/// Incremental: only unclustered articles are decided; stored articles inside the time window are loaded as
/// context and never re-decided, so cluster ids stay stable across runs.
public struct ClusterStep: Sendable {
    public var settings: Settings
    public var topics: TopicsFile
    public var logger: Logger

    public init(settings: Settings, topics: TopicsFile, logger: Logger) {
        self.settings = settings
        self.topics = topics
        self.logger = logger
    }

    /// The engine configured from the settings and the topics file.
    public func engine() throws -> ClusterEngine {
        var stories = StoryClusterSettings()
        stories.window = settings.cluster.windowDays * 86_400
        return ClusterEngine(
            stories: stories, topics: try TopicMatcher(topics: topics.topics),
            discovery: TopicDiscoverySettings(enabled: topics.discoverEnabled, minArticles: topics.discoverMinArticles),
            logger: logger)
    }

    /// Articles read per query.
    static let pageSize = 5_000
    /// Articles per query when texts are read a second time, by id.
    static let rereadBatch = 1_000
    /// The default of ``heldArticles``.
    public static let defaultHeldArticles = 50_000
    /// Up to this many articles in a run (new and context), their texts are read once and held until placed;
    /// above it they are read twice (once for the boilerplate statistics, once to place them, in time order), so
    /// memory holds the window's indexes but never all of its texts.
    public var heldArticles = ClusterStep.defaultHeldArticles

    public func run(store: any FeedStore, progress: @Sendable (String) -> Void = { _ in }) async throws -> ClusterReport {
        var report = ClusterReport()
        let feeds = Dictionary(uniqueKeysWithValues: try await store.feeds().map { ($0.id, $0) })
        var engine = try engine()
        // The stored articles' topics are kept unless a configured topic's rules changed since they were matched.
        let storedTopics = Dictionary(try await store.topics().map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let rulesChanged = topics.topics.contains { storedTopics[$0.name]?.rules != Self.rules(of: $0) }
        engine.storedTopics = rulesChanged ? .rematchAll : .keep
        let topicRef = Dictionary(uniqueKeysWithValues: storedTopics.values.map {
            ($0.id, TopicRef(name: $0.slug, discovered: $0.origin == .discovered))
        })
        var session = ClusterSession(engine: engine, articles: 0)
        var held = HeldTexts(limit: heldArticles)

        // Pass 1: the new articles, read in pages, each shown to the boilerplate statistics; only the engine's
        // view (plain title and text) is kept, and only while the run is small.
        var new: [TimeOrderKey] = []
        var after: ArticleID?
        while true {
            let page = try await store.articles(ArticleQuery(afterID: after, unclusteredOnly: true, limit: Self.pageSize))
            guard let last = page.last else { break }
            for stored in page {
                let article = Self.clusterArticle(stored, feeds: feeds)
                session.learn(article)
                new.append(TimeOrderKey(article))
                held.keep(article)
            }
            after = last.id
        }
        guard !new.isEmpty else { return report }
        progress("clustering \(new.count) new article(s)")

        // Context: stored, clustered articles inside the windows around the new ones, one indexed query per
        // merged window, so a new article dated last year reads that week, not the year. An article whose
        // features an earlier run kept is read without its text and learned from its sentence keys; the others
        // are read with their texts (and their features kept this time).
        let useFeatures = engine.storedTopics == .keep
        session.capturesFeatures = true
        var context: [ContextArticle] = []
        var engineIDForStore: [ClusterID: StoryID] = [:]
        for range in engine.historyRanges(forDates: new.map(\.date)) {
            var after: ArticleID?
            while true {
                let page = try await store.articles(ArticleQuery(
                    afterID: after, dateSince: range.lowerBound, dateUntil: range.upperBound, limit: Self.pageSize,
                    withText: !useFeatures))
                guard let last = page.last else { break }
                let clustered = page.filter { $0.clusterID != nil }
                let pageTopics = try await store.topicIDs(forArticles: clustered.map(\.id))
                let sentences = useFeatures ? try await store.articleSentences(clustered.map(\.id)) : [:]
                var withoutFeatures: [ArticleID] = []
                for stored in clustered {
                    guard let cluster = stored.clusterID else { continue }
                    // The engine names a story by one of its articles; any member id is unique to its story.
                    engineIDForStore[cluster] = min(engineIDForStore[cluster] ?? .max, stored.id.rawValue)
                    let article = Self.clusterArticle(stored, feeds: feeds)
                    var item = ContextArticle(
                        key: TimeOrderKey(article), cluster: cluster, duplicateOf: stored.duplicateOf?.rawValue,
                        topics: (pageTopics[stored.id] ?? []).compactMap { topicRef[$0] })
                    if let bytes = sentences[stored.id], session.learn(article, sentences: bytes) {
                        item.article = article
                    } else if useFeatures {
                        withoutFeatures.append(stored.id)
                    } else {
                        session.learn(article)
                        held.keep(article)
                    }
                    context.append(item)
                }
                for article in try await texts(of: withoutFeatures, store: store, feeds: feeds).values {
                    session.learn(article)
                    held.keep(article)
                }
                after = last.id
            }
        }

        // Pass 2: stored articles in time order, then the new ones; texts held, or read again by id. Each batch's
        // captured features are written as it ends.
        session.reserve(articles: context.count + new.count)
        context.sort { $0.key < $1.key }
        new.sort()
        if !held.isHolding { progress("reading \(context.count + new.count) article(s) again, in time order") }
        // Features are kept while their article can be in a later run's window, counted back from the run's newest
        // article (no later than tomorrow: a feed's bogus future date must not evict everything).
        let newest = min(new.map(\.date).max() ?? Date(), Date().addingTimeInterval(86_400))
        let keepSince = newest.addingTimeInterval(-(2 * settings.cluster.windowDays + 1) * 86_400)
        func keepFeatures() async throws {
            let rows = session.takeCapturedFeatures().filter { $0.date >= keepSince }.map {
                ArticleFeatureRow(article: ArticleID($0.article), date: $0.date, sentences: $0.sentences, data: $0.data)
            }
            if !rows.isEmpty { try await store.setArticleFeatures(rows) }
            report.keptFeatures += rows.count
        }
        var start = 0
        while start < context.count {
            let batch = context[start..<min(start + Self.rereadBatch, context.count)]
            start += batch.count
            let data = try await store.articleFeatures(batch.compactMap { $0.article.map { ArticleID($0.id) } })
            let needText = batch.filter { $0.article.map { data[ArticleID($0.id)] == nil } ?? !held.isHolding }.map(\.key.id)
            var texts = try await self.texts(of: needText.map { ArticleID($0) }, store: store, feeds: feeds)
            for item in batch {
                guard let engineID = engineIDForStore[item.cluster] else { continue }
                func clustered(_ article: ClusterArticle) -> ClusteredArticle {
                    ClusteredArticle(article: article, clusterID: engineID, duplicateOf: item.duplicateOf, topics: item.topics)
                }
                if let article = item.article, let bytes = data[ArticleID(article.id)] {
                    if session.restore(clustered(article), features: bytes) {
                        report.restoredFromFeatures += 1
                        continue
                    }
                    // Features that cannot stand in for the text (a copy's, for an article canonical now).
                    texts.merge(try await self.texts(of: [ArticleID(article.id)], store: store, feeds: feeds)) { $1 }
                }
                if let article = texts.removeValue(forKey: item.key.id) ?? held.take(item.key.id) {
                    session.restore(clustered(article))
                }
            }
            try await keepFeatures()
        }
        context = []
        try await forEach(new, id: \.id, held: &held, store: store, feeds: feeds, afterBatch: keepFeatures) { _, article in
            session.add(article)
        }
        let result = session.finish()
        report.articles = new.count

        // Duplicates: each copy points at its canonical article.
        var duplicates: [ArticleID: ArticleID?] = [:]
        for link in result.duplicates where link.article != link.canonical {
            duplicates[ArticleID(link.article)] = ArticleID(link.canonical)
        }
        if !duplicates.isEmpty { try await store.setDuplicates(duplicates) }
        report.duplicates = duplicates.count

        // Stories: existing ones updated, new ones created, then every new article assigned.
        var storeIDForEngine = Dictionary(uniqueKeysWithValues: engineIDForStore.map { ($1, $0) })
        let storedClusters = Dictionary(uniqueKeysWithValues: try await store.clusters(
            ClusterQuery(ids: Array(engineIDForStore.keys))).map { ($0.id, $0) })
        for cluster in result.clusters {
            var draft = ClusterDraft(label: cluster.label, firstSeen: cluster.firstSeen, lastSeen: cluster.lastSeen,
                                     representativeID: ArticleID(cluster.labelArticle))
            if let storeID = storeIDForEngine[cluster.id] {
                if let stored = storedClusters[storeID] {
                    draft.firstSeen = min(draft.firstSeen, stored.firstSeen)
                    draft.lastSeen = max(draft.lastSeen, stored.lastSeen)
                }
                try await store.updateCluster(storeID, draft)
                report.updatedClusters += 1
            } else {
                storeIDForEngine[cluster.id] = try await store.createCluster(draft)
                report.newClusters += 1
            }
        }
        // Stored stories that merged into another: their articles move, and they stop appearing in the feeds.
        var merges: [ClusterID: ClusterID] = [:]
        for merge in result.merges {
            guard let from = storeIDForEngine[merge.from], let into = storeIDForEngine[merge.into] else { continue }
            merges[from] = into
        }
        try await store.mergeClusters(merges)
        report.mergedClusters = merges.count
        var assignments: [ArticleID: ClusterID?] = [:]
        for assignment in result.assignments {
            if let storeID = storeIDForEngine[assignment.cluster] { assignments[ArticleID(assignment.article)] = storeID }
        }
        try await store.assignClusters(assignments)

        // Topics: configured ones kept in step with the file, discovered ones added as they recur.
        // A topic's rules fingerprint is written only after its memberships, so a run that fails in between
        // matches again next time.
        var topicIDs: [String: TopicID] = [:]
        for spec in topics.topics {
            topicIDs[spec.name] = try await store.upsertTopic(TopicDraft(
                slug: spec.name, title: spec.title, origin: .configured, rules: storedTopics[spec.name]?.rules)).id
        }
        for discovered in result.discoveredTopics {
            topicIDs[discovered.name] = try await store.upsertTopic(
                TopicDraft(slug: discovered.name, title: discovered.label, origin: .discovered)).id
        }
        report.discoveredTopics = result.discoveredTopics.count
        var articleTopics: [ArticleID: [TopicID]] = [:]
        for (article, refs) in result.articleTopics {
            articleTopics[ArticleID(article)] = refs.compactMap { topicIDs[$0.name] }
        }
        if !articleTopics.isEmpty { try await store.setArticleTopics(articleTopics) }
        var clusterTopics: [ClusterID: [TopicID]] = [:]
        for (cluster, refs) in result.clusterTopics {
            guard let storeID = storeIDForEngine[cluster] else { continue }
            clusterTopics[storeID] = refs.compactMap { topicIDs[$0.name] }
        }
        if !clusterTopics.isEmpty { try await store.setClusterTopics(clusterTopics) }
        if rulesChanged {
            for spec in topics.topics {
                _ = try await store.upsertTopic(
                    TopicDraft(slug: spec.name, title: spec.title, origin: .configured, rules: Self.rules(of: spec)))
            }
        }
        let evicted = try await store.deleteArticleFeatures(datedBefore: keepSince)
        logger.debug("cluster.features", metadata: [
            "features.restored": "\(report.restoredFromFeatures)", "features.kept": "\(report.keptFeatures)",
            "features.evicted": "\(evicted)"])
        progress("\(report.duplicates) duplicate(s), \(report.newClusters) new and \(report.updatedClusters) updated stories"
            + (report.mergedClusters > 0 ? ", \(report.mergedClusters) merged into others" : ""))
        return report
    }

    /// Calls `body` with each item and its article, in the items' order, and `afterBatch` after every
    /// ``rereadBatch`` items: from `held` while it holds them, else read again from the store in batches (an
    /// article removed meanwhile is skipped).
    private func forEach<Item>(
        _ items: [Item], id: (Item) -> Int64, held: inout HeldTexts, store: any FeedStore, feeds: [FeedID: StoredFeed],
        afterBatch: () async throws -> Void, _ body: (Item, ClusterArticle) -> Void
    ) async throws {
        var start = 0
        while start < items.count {
            let batch = items[start..<min(start + Self.rereadBatch, items.count)]
            if held.isHolding {
                for item in batch { if let article = held.take(id(item)) { body(item, article) } }
            } else {
                let byID = try await texts(of: batch.map { ArticleID(id($0)) }, store: store, feeds: feeds)
                for item in batch { if let article = byID[id(item)] { body(item, article) } }
            }
            try await afterBatch()
            start += Self.rereadBatch
        }
    }

    /// The engine's view of these articles by id, texts included, read in batches (an article removed meanwhile
    /// is missing).
    private func texts(
        of ids: [ArticleID], store: any FeedStore, feeds: [FeedID: StoredFeed]
    ) async throws -> [Int64: ClusterArticle] {
        var out: [Int64: ClusterArticle] = [:]
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(start + Self.rereadBatch, ids.count)])
            for stored in try await store.articles(ArticleQuery(ids: batch)) {
                out[stored.id.rawValue] = Self.clusterArticle(stored, feeds: feeds)
            }
            start += batch.count
        }
        return out
    }

    /// Bumped when matching itself changes, so that stored memberships are matched again once.
    public static let matcherVersion = "1"

    /// The fingerprint of a topic's matching rules (``TopicDraft/rules``): everything that decides its members.
    public static func rules(of topic: TopicDefinition) -> String {
        let parts = [["matcher \(matcherVersion)", topic.name], topic.keywords, topic.phrases, topic.patterns,
                     topic.languages, topic.sources]
        let text = parts.map { $0.joined(separator: "\u{1F}") }.joined(separator: "\u{1E}")
        return String(StableHash.value(of: text), radix: 16)
    }

    /// The engine's view of a stored article: plain title and text, source name, dates.
    static func clusterArticle(_ article: StoredArticle, feeds: [FeedID: StoredFeed]) -> ClusterArticle {
        let body = article.content ?? article.summary ?? ""
        let isHTML = (article.content != nil ? article.contentType : article.summaryType) != .text
        let text = isHTML ? HTMLText.plainText(fromHTML: body) : body
        let feed = feeds[article.feedID]
        return ClusterArticle(
            id: article.id.rawValue, entryID: article.entryID,
            source: feed?.title ?? feed?.url ?? "feed \(article.feedID)",
            title: article.title.map { HTMLText.collapseWhitespace($0) } ?? "",
            text: text, url: article.canonicalURL ?? article.link, published: article.published,
            firstSeen: article.firstSeen, language: article.language, contentHash: article.contentHash,
            tags: (article.kicker.map { [$0] } ?? []) + article.categories.map { $0.label ?? $0.term })
    }
}
