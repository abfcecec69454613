import Foundation
import Logging

/// The one entry point of clustering: deduplicate new articles, place them into stories, assign topics.
///
/// Each run the glue passes the articles already stored inside the time window with their stored decisions
/// (`existing`) and the articles not processed yet (`new`). The engine rebuilds its indexes from `existing` without
/// changing any stored decision, then handles `new` in time order (published, else first seen; ties by first
/// seen, then id), so the earliest copy of a text becomes its group's canonical article and the earliest article
/// of a story opens it.
///
/// ```swift
/// let engine = ClusterEngine(topics: try TopicMatcher(topics: definitions), logger: logger)
/// let result = engine.process(existing: stored, new: fresh)
/// for link in result.duplicates { /* article link.article: duplicate_of = link.canonical */ }
/// for assignment in result.assignments { /* article → story assignment.cluster */ }
/// for story in result.clusters { /* upsert story.id: label, first/last seen, topics */ }
/// ```
public struct ClusterEngine: Sendable {
    /// Thresholds of duplicate detection.
    public var duplicateSettings: DuplicateSettings
    /// Parameters of story clustering (window, threshold, weights).
    public var storySettings: StoryClusterSettings
    /// The configured topics.
    public var topics: TopicMatcher
    /// Whether and how topics are discovered from recurring term groups.
    public var discovery: TopicDiscoverySettings
    /// What the run does with the configured topics of the stored articles it restores.
    public var storedTopics = StoredTopics.match

    /// What a run does with the configured topics of the stored articles in its window.
    public enum StoredTopics: Hashable, Sendable {
        /// Match them again; stories get topics when the run touches them (the default).
        case match
        /// Keep the configured topics they are stored with (``ClusteredArticle/topics``): the rules are unchanged,
        /// so matching again would only cost time. Articles stored without known topics are matched.
        case keep
        /// The rules changed: match them again, and give every story in the window its topics again, not only
        /// the stories the run touched.
        case rematchAll
    }
    let logger: Logger

    /// - Parameter logger: receives one debug line per run (`cluster.*` metadata); silent by default.
    public init(
        duplicates: DuplicateSettings = DuplicateSettings(), stories: StoryClusterSettings = StoryClusterSettings(),
        topics: TopicMatcher = TopicMatcher(), discovery: TopicDiscoverySettings = TopicDiscoverySettings(),
        logger: Logger = Logger(label: "rundschau.cluster", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        duplicateSettings = duplicates
        storySettings = stories
        self.topics = topics
        self.discovery = discovery
        self.logger = logger
    }

    /// The processing order: effective date (published, else first seen), then first seen, then id.
    public static func timeOrder(_ a: ClusterArticle, _ b: ClusterArticle) -> Bool {
        TimeOrderKey(a) < TimeOrderKey(b)
    }

    /// `items` sorted by `timeOrder` of their article, sorting keys rather than moving whole articles around.
    static func inTimeOrder<Item>(_ items: [Item], _ article: (Item) -> ClusterArticle) -> [Item] {
        let keys = items.map { TimeOrderKey(article($0)) }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { items[$0] }
    }

    /// The time ranges whose stored articles the glue should pass as `existing` for these new articles: every
    /// new article's date ± the window, merged. Load the stored articles whose effective date (published, else
    /// first seen) falls into one of them.
    public func historyRanges(for new: [ClusterArticle]) -> [ClosedRange<Date>] {
        historyRanges(forDates: new.map(\.effectiveDate))
    }

    /// ``historyRanges(for:)`` from the new articles' effective dates alone.
    public func historyRanges(forDates dates: [Date]) -> [ClosedRange<Date>] {
        let window = storySettings.window
        var ranges: [ClosedRange<Date>] = []
        for date in dates.sorted() {
            let range = date.addingTimeInterval(-window)...date.addingTimeInterval(window)
            if let last = ranges.last, range.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges
    }

    /// Deduplicates and clusters `new` against `existing`, and assigns topics: a ``ClusterSession`` over
    /// articles already in memory.
    ///
    /// Each article's text is dropped as soon as it has been scanned; pass the arrays without keeping copies
    /// (`consume`) to let that free memory during the run.
    /// - Parameters:
    ///   - existing: stored articles inside the window, with their stored story and duplicate link.
    ///   - new: articles to place; an id that is also in `existing` is ignored, and one repeated in `new` is placed
    ///     once (its earliest copy in time order).
    public func process(existing: consuming [ClusteredArticle], new: consuming [ClusterArticle]) -> ClusterResult {
        var session = ClusterSession(engine: self, articles: existing.count + new.count)
        var stored = Self.inTimeOrder(existing, \.article)
        existing = []
        var fresh = Self.inTimeOrder(new, \.self)
        new = []
        for item in stored { session.learn(item.article) }
        var seen = Set(stored.map(\.article.id))
        for article in fresh where seen.insert(article.id).inserted { session.learn(article) }
        for index in stored.indices {
            session.restore(stored[index])
            stored[index].article = Self.released(stored[index].article)
        }
        for index in fresh.indices {
            session.add(fresh[index])
            fresh[index] = Self.released(fresh[index])
        }
        return session.finish()
    }

    /// The article without the fields only scanning needs, so their memory can go.
    private static func released(_ article: ClusterArticle) -> ClusterArticle {
        var article = article
        article.text = ""
        article.tags = []
        return article
    }

    func assignTopics(
        _ result: inout ClusterResult, articleTopics: consuming [Int64: [TopicRef]], clusterer: StoryClusterer,
        storedTopics: [Int64: Set<TopicRef>]
    ) {
        var stories = clusterer.stories(clusterer.touchedClusters)
        // Rules changed: every story in the window is given its topics again, not only those the run touched.
        let touched = Set(stories.map(\.id))
        let everyStory = self.storedTopics == .rematchAll
            ? clusterer.stories(clusterer.liveClusters.filter { !touched.contains($0) }) : []

        // Discovered topics.
        var discovered: [DiscoveredTopic] = []
        if discovery.enabled {
            var inputs: [TopicDiscovery.Input] = []
            for id in clusterer.articleIDs {
                guard let cluster = clusterer.clusterID(of: id) else { continue }
                let terms = clusterer.topTerms(of: id, limit: 20).map(\.term)
                if !terms.isEmpty { inputs.append(.init(article: id, cluster: cluster, terms: terms)) }
            }
            let dictionary = clusterer.extractor.dictionary
            discovered = TopicDiscovery.discover(
                inputs, settings: discovery, excluded: topics.keywordStems,
                key: { dictionary.keys[Int($0)] }, surface: { dictionary.surfaces[Int($0)] },
                isName: { dictionary.isName[Int($0)] })
            for topic in discovered {
                for id in topic.articles { articleTopics[id, default: []].append(TopicRef(name: topic.name, discovered: true)) }
            }
        }

        // Stories.
        var clusterTopics: [StoryID: [TopicRef]] = [:]
        func storyTopics(_ story: StoryCluster) -> [TopicRef] {
            let members = story.members.filter { !clusterer.isDuplicate($0) }
            return TopicMatcher.clusterTopics(
                memberTopics: members.map { articleTopics[$0] ?? [] }, labelTopics: articleTopics[story.labelArticle] ?? [])
        }
        for index in stories.indices {
            let topics = storyTopics(stories[index])
            stories[index].topics = topics
            if !topics.isEmpty || self.storedTopics == .rematchAll { clusterTopics[stories[index].id] = topics }
        }
        for story in everyStory { clusterTopics[story.id] = storyTopics(story) }
        result.clusters = stories
        // Stored articles whose topics came out as they are stored need no writing; those that lost all of them
        // are listed with none, so the glue clears them.
        for (id, stored) in storedTopics {
            let now = articleTopics[id] ?? []
            if Set(now) == stored {
                articleTopics[id] = nil
            } else if now.isEmpty {
                articleTopics[id] = []
            }
        }
        result.articleTopics = articleTopics
        result.clusterTopics = clusterTopics
        result.discoveredTopics = discovered
    }
}
