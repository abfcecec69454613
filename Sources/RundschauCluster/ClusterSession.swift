import Foundation
import Logging
import RundschauText

/// One clustering run fed one article at a time, so that a large window never holds every text at once.
///
/// Three phases, in this order:
/// 1. ``learn(_:)`` every article of the run, stored and new, in any order: the boilerplate statistics need all
///    of them before the first body is cleaned;
/// 2. ``restore(_:)`` the stored articles inside the window, in time order (``ClusterEngine/timeOrder(_:_:)``);
/// 3. ``add(_:)`` the new articles, in time order; then ``finish()``.
///
/// Each article's text is let go as soon as it has been scanned, so the caller can read the texts twice (once to
/// learn, once to place) instead of holding them. ``ClusterEngine/process(existing:new:)`` does all of this for
/// articles already in memory.
///
/// ```swift
/// var session = ClusterSession(engine: engine, articles: stored.count + fresh.count)
/// for article in everything { session.learn(article) }
/// for item in stored.sorted(by: …) { session.restore(item) }
/// for article in fresh.sorted(by: ClusterEngine.timeOrder) { session.add(article) }
/// let result = session.finish()
/// ```
public struct ClusterSession: Sendable {
    private let engine: ClusterEngine
    private var detector: DuplicateDetector
    private var clusterer: StoryClusterer
    private var boilerplate = BoilerplateFilter()
    private var memo = TopicMatcher.Memo()
    private var articleTopics: [Int64: [TopicRef]] = [:]
    private var storedTopics: [Int64: Set<TopicRef>] = [:]
    private let configuredNames: Set<String>
    private var duplicates: [DuplicateLink] = []
    private var assignments: [ClusterAssignment] = []
    /// Sentence keys learned from stored features, until their article is restored.
    private var learnedKeys: [Int64: [UInt64]] = [:]
    private var captured: [CapturedFeatures] = []

    /// What the run derived from one scanned article's text, for the store to keep until the article leaves the
    /// window: a later run restores the article from it (``restore(_:features:)``) instead of scanning its text.
    public struct CapturedFeatures: Sendable {
        public var article: Int64
        /// The article's ``ClusterArticle/effectiveDate``.
        public var date: Date
        /// Its boilerplate sentence keys: what ``learn(_:sentences:)`` reads.
        public var sentences: [UInt8]
        /// Everything else: what ``restore(_:features:)`` reads.
        public var data: [UInt8]
    }

    /// Keep the features of every article scanned (added, or restored from its text), to be taken with
    /// ``takeCapturedFeatures()``. Off by default: an in-memory run has no store to keep them in.
    public var capturesFeatures = false {
        didSet {
            detector.capturing = capturesFeatures
            clusterer.capturing = capturesFeatures
        }
    }

    /// A run of `engine` sized for about `articles` articles (stored and new).
    public init(engine: ClusterEngine, articles: Int) {
        self.engine = engine
        configuredNames = engine.topics.names
        detector = DuplicateDetector(settings: engine.duplicateSettings)
        clusterer = StoryClusterer(settings: engine.storySettings)
        reserve(articles: articles)
    }

    /// Sizes the indexes for about `articles` articles once the count is known (before phase 2), so they do not
    /// grow by copies.
    public mutating func reserve(articles: Int) {
        detector.reserve(articles: articles)
        clusterer.reserve(articles: articles)
    }

    /// Counts the article's sentences for the boilerplate filter (phase 1).
    public mutating func learn(_ article: ClusterArticle) {
        boilerplate.learn(source: article.source, text: article.text)
    }

    /// Counts a stored article's sentences from the `sentences` of its kept features (phase 1), when
    /// ``restore(_:features:)`` will restore it; false (nothing counted) when the bytes are not readable, and the
    /// article must then be learned from its text.
    public mutating func learn(_ article: ClusterArticle, sentences: [UInt8]) -> Bool {
        guard engine.storedTopics == .keep, let keys = FeatureRecord.sentences(from: sentences) else { return false }
        boilerplate.learn(source: article.source, keys: keys)
        learnedKeys[article.id] = keys
        return true
    }

    /// Re-enters a stored article from the `data` of its kept features (phase 2, time order), without its text.
    /// Only for an article learned by ``learn(_:sentences:)``; false (nothing changed) when the features cannot
    /// stand in for the text (unreadable, or made for a copy while the article is canonical now): restore it with
    /// its text then.
    public mutating func restore(_ item: ClusteredArticle, features data: [UInt8]) -> Bool {
        let article = item.article
        guard !clusterer.contains(article.id) else { return true }
        guard let keys = learnedKeys[article.id], item.topics != nil,
            let record = FeatureRecord(data: data, bins: MinHasher.bins),
            clusterer.restore(article, clusterID: item.clusterID, isDuplicate: item.duplicateOf != nil, record: record)
        else { return false }
        learnedKeys[article.id] = nil
        detector.restore(article, record: record, knownCanonical: item.duplicateOf)
        boilerplate.record(keys: keys, isCanonical: item.duplicateOf == nil)
        noteStoredTopics(item, keep: true)
        return true
    }

    /// The features captured since the last call (``capturesFeatures``), handed over and forgotten.
    public mutating func takeCapturedFeatures() -> [CapturedFeatures] {
        defer { captured = [] }
        return captured
    }

    /// Keeps what the article just scanned contributed; `sentences` when it was not cleaned.
    private mutating func capture(_ article: ClusterArticle, sentences: [UInt64]? = nil) {
        guard capturesFeatures, let words = clusterer.takeCapture(), let dup = detector.takeCapture() else { return }
        let record = FeatureRecord(
            language: words.language, short: words.short, isCopy: words.copy, contentKey: dup.contentKey, urlKey: dup.urlKey,
            shingles: dup.shingles, signature: dup.signature, terms: words.terms, titleMask: words.titleMask,
            sentences: sentences ?? boilerplate.keysOfLastCleaned())
        captured.append(CapturedFeatures(
            article: article.id, date: article.effectiveDate, sentences: record.encodedSentences, data: record.encodedData))
    }

    /// Re-enters a stored article with its stored decisions (phase 2, time order). A repeated id is ignored.
    public mutating func restore(_ item: ClusteredArticle) {
        let article = item.article
        guard !clusterer.contains(article.id) else { return }
        learnedKeys[article.id] = nil  // learned from kept features that could not stand in for the text
        let keepTopics = engine.storedTopics == .keep && item.topics != nil
        if item.duplicateOf != nil, keepTopics, let hash = article.contentHash, !hash.isEmpty {
            // A stored copy is never a candidate and has no vector: its URL and content hash are all the indexes
            // need, so its body is neither cleaned nor scanned.
            _ = detector.add(article, bodyWords: nil, decide: false, knownCanonical: item.duplicateOf)
            clusterer.restore(article, clusterID: item.clusterID, isDuplicate: true, bodyStart: 0)
            if capturesFeatures { capture(article, sentences: boilerplate.keys(of: article.text)) }
        } else {
            let body = boilerplate.clean(source: article.source, text: article.text)
            boilerplate.record(isCanonical: item.duplicateOf == nil)
            let bodyStart = clusterer.scan(article, body: body)
            let words = clusterer.extractor.scanner.hashes[bodyStart...]
            _ = detector.add(article, bodyWords: words, decide: false, knownCanonical: item.duplicateOf)
            clusterer.restore(article, clusterID: item.clusterID, isDuplicate: item.duplicateOf != nil, bodyStart: bodyStart)
            capture(article)
            if !keepTopics { matchTopics(article, body: body) }
        }
        noteStoredTopics(item, keep: keepTopics)
    }

    /// Remembers a restored article's stored topics (what the run compares its outcome with) and, when they are
    /// kept, its configured ones as its topics for this run.
    private mutating func noteStoredTopics(_ item: ClusteredArticle, keep: Bool) {
        guard let stored = item.topics else { return }
        if keep {
            let configured = stored.filter { !$0.discovered && configuredNames.contains($0.name) }
            if !configured.isEmpty { articleTopics[item.article.id] = configured }
        }
        storedTopics[item.article.id] = Set(stored)
    }

    /// Places a new article (phase 3, time order). An id already restored or added is ignored.
    public mutating func add(_ article: ClusterArticle) {
        guard !clusterer.contains(article.id) else { return }
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
        capture(article)
        matchTopics(article, body: body)
    }

    /// What the run's indexes hold at their largest (before `finish` frees them), by part.
    private func footprint() -> MemoryFootprint {
        typealias M = MemoryFootprint
        var footprint = MemoryFootprint()
        detector.footprint(into: &footprint)
        clusterer.footprint(into: &footprint)
        footprint.add("boilerplate", boilerplate.bytes)
        footprint.add("topics.memo", M.dictionary(memo.forms) + M.array(memo.rules) + M.array(memo.phraseSlots))
        footprint.add("session", M.dictionary(articleTopics) + M.array(assignments) + M.array(duplicates)
            + M.dictionary(storedTopics))
        return footprint
    }

    /// Configured topics, matched on the body without boilerplate while it is at hand.
    private mutating func matchTopics(_ article: ClusterArticle, body: String) {
        guard !engine.topics.definitions.isEmpty else { return }
        var cleaned = article
        cleaned.text = body
        let names = engine.topics.topics(of: cleaned, memo: &memo)
        if !names.isEmpty { articleTopics[article.id] = names.map { TopicRef(name: $0) } }
    }

    /// Everything the run decided: resolves merges, discovers topics, and gives stories their topics. Call it
    /// once; it frees the duplicate indexes and sentence statistics in place (mutating rather than consuming, so
    /// that no copy of them outlives the call).
    public mutating func finish() -> ClusterResult {
        if engine.logger.logLevel <= .debug {
            let footprint = footprint()
            engine.logger.debug(
                "cluster.memory", metadata: ["MiB": "\(footprint.total >> 20)", "parts": "\(footprint.summary)"])
        }
        // The duplicate indexes and sentence statistics are done with: free them before topics are assigned.
        detector = DuplicateDetector()
        boilerplate = BoilerplateFilter()
        memo = TopicMatcher.Memo()
        ProcessMemory.returnFreedMemory()
        // Stories merged during the run: every assignment names the surviving story.
        for index in assignments.indices { assignments[index].cluster = clusterer.survivor(of: assignments[index].cluster) }
        var result = ClusterResult(duplicates: duplicates, assignments: assignments, merges: clusterer.merges)
        engine.assignTopics(
            &result, articleTopics: articleTopics, clusterer: clusterer, storedTopics: storedTopics)
        engine.logger.debug(
            "clustered",
            metadata: [
                "cluster.existing": "\(clusterer.count - assignments.count)", "cluster.new": "\(assignments.count)",
                "cluster.duplicates": "\(duplicates.count)", "cluster.stories": "\(result.clusters.count)",
                "cluster.opened": "\(assignments.filter(\.opened).count)",
            ])
        return result
    }
}
