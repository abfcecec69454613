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

    public func run(store: any FeedStore, progress: @Sendable (String) -> Void = { _ in }) async throws -> ClusterReport {
        var report = ClusterReport()
        let feeds = Dictionary(uniqueKeysWithValues: try await store.feeds().map { ($0.id, $0) })
        // Read in pages and keep only the engine's view of each article (plain title and text), so the stored rows
        // with their HTML and JSON columns never all sit in memory at once.
        var new: [ClusterArticle] = []
        var after: ArticleID?
        while true {
            let page = try await store.articles(ArticleQuery(afterID: after, unclusteredOnly: true, limit: Self.pageSize))
            guard let last = page.last else { break }
            new += page.map { Self.clusterArticle($0, feeds: feeds) }
            after = last.id
        }
        guard !new.isEmpty else { return report }
        progress("clustering \(new.count) new article(s)")
        let engine = try engine()

        // Context: stored, clustered articles inside the windows around the new ones.
        let ranges = engine.historyRanges(for: new)
        var existing: [ClusteredArticle] = []
        var engineIDForStore: [ClusterID: StoryID] = [:]
        // One indexed query per merged window, so a new article dated last year reads that week, not the year.
        var context: [(article: ClusterArticle, cluster: ClusterID, duplicateOf: Int64?)] = []
        for range in ranges {
            var after: ArticleID?
            while true {
                let page = try await store.articles(ArticleQuery(afterID: after, dateSince: range.lowerBound,
                                                                 dateUntil: range.upperBound, limit: Self.pageSize))
                guard let last = page.last else { break }
                for article in page {
                    guard let cluster = article.clusterID else { continue }
                    // The engine names a story by one of its articles; any member id is unique to its story.
                    engineIDForStore[cluster] = min(engineIDForStore[cluster] ?? .max, article.id.rawValue)
                    context.append((Self.clusterArticle(article, feeds: feeds), cluster, article.duplicateOf?.rawValue))
                }
                after = last.id
            }
        }
        existing = context.compactMap { item in
            guard let engineID = engineIDForStore[item.cluster] else { return nil }
            return ClusteredArticle(article: item.article, clusterID: engineID, duplicateOf: item.duplicateOf)
        }
        context = []
        let newCount = new.count
        let result = engine.process(existing: consume existing, new: consume new)
        report.articles = newCount

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
        var topicIDs: [String: TopicID] = [:]
        for spec in topics.topics {
            topicIDs[spec.name] = try await store.upsertTopic(
                TopicDraft(slug: spec.name, title: spec.title, origin: .configured)).id
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
        progress("\(report.duplicates) duplicate(s), \(report.newClusters) new and \(report.updatedClusters) updated stories"
            + (report.mergedClusters > 0 ? ", \(report.mergedClusters) merged into others" : ""))
        return report
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
