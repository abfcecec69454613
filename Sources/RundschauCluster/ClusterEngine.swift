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
    private let logger: Logger

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
        (a.effectiveDate, a.firstSeen, a.id) < (b.effectiveDate, b.firstSeen, b.id)
    }

    /// `items` sorted by `timeOrder` of their article, sorting keys rather than moving whole articles around.
    static func inTimeOrder<Item>(_ items: [Item], _ article: (Item) -> ClusterArticle) -> [Item] {
        let keys = items.map { item -> (Date, Date, Int64) in
            let a = article(item)
            return (a.effectiveDate, a.firstSeen, a.id)
        }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { items[$0] }
    }

    /// The time ranges whose stored articles the glue should pass as `existing` for these new articles: every
    /// new article's date ± the window, merged. Load the stored articles whose effective date (published, else
    /// first seen) falls into one of them.
    public func historyRanges(for new: [ClusterArticle]) -> [ClosedRange<Date>] {
        let window = storySettings.window
        var ranges: [ClosedRange<Date>] = []
        for date in new.map(\.effectiveDate).sorted() {
            let range = date.addingTimeInterval(-window)...date.addingTimeInterval(window)
            if let last = ranges.last, range.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges
    }

    /// Deduplicates and clusters `new` against `existing`, and assigns topics.
    /// - Parameters:
    ///   - existing: stored articles inside the window, with their stored story and duplicate link.
    ///   - new: articles to place; an id that is also in `existing` (or earlier in `new`) is ignored.
    public func process(existing: [ClusteredArticle], new: [ClusterArticle]) -> ClusterResult {
        var detector = DuplicateDetector(settings: duplicateSettings)
        var clusterer = StoryClusterer(settings: storySettings)
        var boilerplate = BoilerplateFilter()

        // Both detectors and the topic matcher see the bodies without boilerplate.
        var seenIDs = Set(existing.map(\.article.id))
        var fresh = Self.inTimeOrder(new.filter { seenIDs.insert($0.id).inserted }, \.self)
        var stored = Self.inTimeOrder(existing, \.article)
        for item in stored { boilerplate.learn(source: item.article.source, text: item.article.text) }
        for article in fresh { boilerplate.learn(source: article.source, text: article.text) }
        for index in stored.indices {
            let article = stored[index].article
            let body = boilerplate.clean(source: article.source, text: article.text)
            boilerplate.record(isCanonical: stored[index].duplicateOf == nil)
            let bodyStart = clusterer.scan(article, body: body)
            let words = clusterer.extractor.scanner.hashes[bodyStart...]
            _ = detector.add(article, bodyWords: words, decide: false, knownCanonical: stored[index].duplicateOf)
            clusterer.restore(
                article, clusterID: stored[index].clusterID, isDuplicate: stored[index].duplicateOf != nil,
                bodyStart: bodyStart)
            if body.utf8.count != article.text.utf8.count { stored[index].article.text = body }
        }

        var duplicates: [DuplicateLink] = []
        var assignments: [ClusterAssignment] = []
        duplicates.reserveCapacity(fresh.count / 4)
        assignments.reserveCapacity(fresh.count)
        for index in fresh.indices {
            let article = fresh[index]
            let body = boilerplate.clean(source: article.source, text: article.text)
            let bodyStart = clusterer.scan(article, body: body)
            let words = clusterer.extractor.scanner.hashes[bodyStart...]
            let link = detector.add(article, bodyWords: words, decide: true, knownCanonical: nil)
            boilerplate.record(isCanonical: link == nil)
            var joined: Int64?
            if let link {
                duplicates.append(link)
                joined = clusterer.clusterID(of: link.canonical) != nil ? link.canonical : link.matched
            }
            assignments.append(clusterer.add(article, duplicateOf: joined, bodyStart: bodyStart))
            if body.utf8.count != article.text.utf8.count { fresh[index].text = body }
        }

        // Stories merged during the run: every assignment names the surviving story.
        for index in assignments.indices { assignments[index].cluster = clusterer.survivor(of: assignments[index].cluster) }
        var result = ClusterResult(duplicates: duplicates, assignments: assignments, merges: clusterer.merges)
        assignTopics(&result, clusterer: clusterer, existing: stored, fresh: fresh)
        logger.debug(
            "clustered",
            metadata: [
                "cluster.existing": "\(existing.count)", "cluster.new": "\(fresh.count)",
                "cluster.duplicates": "\(duplicates.count)", "cluster.stories": "\(result.clusters.count)",
                "cluster.opened": "\(assignments.filter(\.opened).count)",
            ])
        return result
    }

    private func assignTopics(
        _ result: inout ClusterResult, clusterer: StoryClusterer, existing: [ClusteredArticle], fresh: [ClusterArticle]
    ) {
        var stories = clusterer.stories(clusterer.touchedClusters)
        let all = existing.map(\.article) + fresh

        // Configured topics.
        var articleTopics: [Int64: [TopicRef]] = [:]
        if !topics.definitions.isEmpty {
            var memo = TopicMatcher.Memo()
            for article in all {
                let names = topics.topics(of: article, memo: &memo)
                if !names.isEmpty { articleTopics[article.id] = names.map { TopicRef(name: $0) } }
            }
        }

        // Discovered topics.
        var discovered: [DiscoveredTopic] = []
        if discovery.enabled {
            var inputs: [TopicDiscovery.Input] = []
            for article in all {
                guard let cluster = clusterer.clusterID(of: article.id) else { continue }
                let terms = clusterer.topTerms(of: article.id, limit: 20).map(\.term)
                if !terms.isEmpty { inputs.append(.init(article: article.id, cluster: cluster, terms: terms)) }
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
        let duplicateIDs = Set(result.duplicates.map(\.article)).union(existing.filter { $0.duplicateOf != nil }.map(\.article.id))
        for index in stories.indices {
            let story = stories[index]
            let members = story.members.filter { !duplicateIDs.contains($0) }
            let topics = TopicMatcher.clusterTopics(
                memberTopics: members.map { articleTopics[$0] ?? [] }, labelTopics: articleTopics[story.labelArticle] ?? [])
            stories[index].topics = topics
            if !topics.isEmpty { clusterTopics[story.id] = topics }
        }
        result.clusters = stories
        result.articleTopics = articleTopics
        result.clusterTopics = clusterTopics
        result.discoveredTopics = discovered
    }
}
