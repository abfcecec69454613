import Foundation

/// Places articles into story clusters incrementally: each new article joins the most similar story near it in
/// time, or opens a new one. Existing assignments never change and cluster ids are stable (a story's id is the
/// id of the article that opened it).
///
/// Similarity is the cosine of TF-IDF vectors (document frequencies kept incrementally over the articles added)
/// between the article and the story's centroid, plus a bonus for shared names, faded by the time distance.
/// Candidates come from an inverted index of each article's strongest terms, bucketed by day, so only stories
/// with a member inside the time window are ever compared: cost grows linearly with the number of articles.
///
/// Rebuild it each run from the articles inside the window with their stored clusters (``restore(_:clusterID:isDuplicate:)``),
/// then ``add(_:duplicateOf:)`` the new ones in time order. ``ClusterEngine`` does both.
public struct StoryClusterer: Sendable {
    /// The parameters this clusterer was created with.
    public let settings: StoryClusterSettings

    private struct Story {
        var id: ClusterID
        var terms: [Int32] = []
        var weights: [Float] = []
        var members: [Int32] = []
        var first: Double
        var last: Double
        /// Language of the opening article (nil: unknown).
        var language: String?
        var opened: Bool
        var touched: Bool
    }

    var extractor: FeatureExtractor
    private var df: [Int32] = []
    private var documentCount = 0

    // Articles, by internal number.
    private var ids: [Int64] = []
    private var times: [Double] = []
    private var storyOf: [Int32] = []
    private var titles: [String] = []
    private var isDuplicate: [Bool] = []
    private var vectorStart: [Int32] = [0]
    private var vectorTerms: [Int32] = []
    private var vectorWeights: [Float] = []
    private var byID: [Int64: Int32] = [:]

    private var stories: [Story] = []
    private var storyByID: [ClusterID: Int32] = [:]

    // Inverted index: (term, day) → linked list of articles.
    private var postingTable = PostingTable()
    private var postingDoc: [Int32] = []
    private var postingNext: [Int32] = []

    // Scratch.
    private var query: [Float] = []
    private var score: [Float] = []
    private var scored: [Int32] = []

    /// Creates a value from all its fields.
    public init(settings: StoryClusterSettings = StoryClusterSettings()) {
        self.settings = settings
        extractor = FeatureExtractor(
            weights: .init(title: Float(settings.titleWeight), name: Float(settings.nameWeight)))
    }

    /// Number of articles known (restored and added).
    public var count: Int { ids.count }

    /// The story of an article known to this clusterer.
    public func clusterID(of article: Int64) -> ClusterID? {
        guard let doc = byID[article] else { return nil }
        return stories[Int(storyOf[Int(doc)])].id
    }

    /// Re-enters an article placed by an earlier run, with its stored story. Duplicates only join the member list.
    public mutating func restore(_ article: ClusterArticle, clusterID: ClusterID, isDuplicate: Bool) {
        let bodyStart = extractor.scan(title: article.title, text: article.text)
        restore(article, clusterID: clusterID, isDuplicate: isDuplicate, bodyStart: bodyStart)
    }

    /// Places a new article. A duplicate joins its canonical article's story.
    /// - Parameter duplicateOf: the canonical article (already known to this clusterer) when `article` is a copy.
    @discardableResult
    public mutating func add(_ article: ClusterArticle, duplicateOf: Int64? = nil) -> ClusterAssignment {
        let bodyStart = duplicateOf == nil ? extractor.scan(title: article.title, text: article.text) : 0
        return add(article, duplicateOf: duplicateOf, bodyStart: bodyStart)
    }

    // MARK: - Shared paths (the engine scans once for both detectors)

    mutating func restore(_ article: ClusterArticle, clusterID: ClusterID, isDuplicate duplicate: Bool, bodyStart: Int) {
        let time = article.effectiveDate.timeIntervalSince1970
        let story = storyIndex(for: clusterID, time: time, opened: false, language: language(of: article))
        if duplicate {
            appendArticle(article, time: time, story: story, duplicate: true, features: nil)
        } else {
            let features = extractor.features(bodyStart: bodyStart, language: language(of: article))
            appendArticle(article, time: time, story: story, duplicate: false, features: features)
        }
    }

    mutating func add(_ article: ClusterArticle, duplicateOf: Int64?, bodyStart: Int) -> ClusterAssignment {
        let time = article.effectiveDate.timeIntervalSince1970
        if let duplicateOf, let canonical = byID[duplicateOf] {
            let story = storyOf[Int(canonical)]
            stories[Int(story)].touched = true
            appendArticle(article, time: time, story: story, duplicate: true, features: nil)
            return ClusterAssignment(
                article: article.id, cluster: stories[Int(story)].id, opened: false, score: 1, nearest: nil)
        }
        let lang = language(of: article)
        let features = extractor.features(bodyStart: bodyStart, language: lang)
        let (best, similarity) = bestStory(features, time: time, language: lang)
        let story: Int32
        let opened: Bool
        if let best, similarity >= settings.threshold {
            story = best
            opened = false
        } else {
            story = storyIndex(for: article.id, time: time, opened: true, language: lang)
            opened = true
        }
        stories[Int(story)].touched = true
        appendArticle(article, time: time, story: story, duplicate: false, features: features)
        return ClusterAssignment(
            article: article.id, cluster: stories[Int(story)].id, opened: opened, score: similarity,
            nearest: best.map { stories[Int($0)].id })
    }

    private func language(of article: ClusterArticle) -> String? {
        LanguageGuess.language(declared: article.language, title: article.title, text: article.text)
    }

    private mutating func storyIndex(for id: ClusterID, time: Double, opened: Bool, language: String?) -> Int32 {
        if let index = storyByID[id] { return index }
        let index = Int32(stories.count)
        stories.append(Story(id: id, first: time, last: time, language: language, opened: opened, touched: opened))
        storyByID[id] = index
        return index
    }

    // MARK: - Weights

    @inline(__always)
    private func idf(_ term: Int32) -> Float {
        let d = Int(term) < df.count ? df[Int(term)] : 0
        return log(Float(documentCount + 1) / Float(d + 1)) + 0.5
    }

    private static let day: Double = 86_400

    @inline(__always)
    private static func postingKey(_ term: Int32, _ day: Int) -> UInt64 {
        // Never 0: the top bit is set.
        (1 << 63) | (UInt64(UInt32(bitPattern: term)) << 24) | (UInt64(bitPattern: Int64(day)) & 0xFF_FFFF)
    }

    // MARK: - Candidates and scoring

    private mutating func bestStory(_ a: ArticleFeatures, time: Double, language: String?) -> (Int32?, Double) {
        let unseenWeight = Float(settings.unsharedWeight)
        guard !a.terms.isEmpty else { return (nil, 0) }
        let termCount = extractor.dictionary.count
        if query.count < termCount { query.append(contentsOf: repeatElement(0, count: termCount - query.count + 1024)) }
        if score.count < stories.count + 1 { score.append(contentsOf: repeatElement(0, count: stories.count + 1024)) }

        // Query vector (normalized tf times idf), dense for the dot products.
        var norm: Float = 0
        for w in a.weights { norm += w * w }
        norm = norm.squareRoot()
        var queryNorm: Float = 0
        var ranked: [(Float, Int32)] = []
        ranked.reserveCapacity(a.terms.count)
        for (k, t) in a.terms.enumerated() {
            let q = a.weights[k] / norm * idf(t)
            query[Int(t)] = q
            // Terms no other article has can match nothing: they stay out of the norm.
            if documentFrequency(t) >= 1 {
                queryNorm += q * q
                ranked.append((q, t))
            } else {
                queryNorm += unseenWeight * q * q
            }
        }
        queryNorm = queryNorm.squareRoot()
        defer { for t in a.terms { query[Int(t)] = 0 } }

        // Inverted-index look-up: stories with a member within the window sharing strong terms (only terms some
        // article has can be looked up).
        if ranked.count > settings.queryTerms {
            ranked.sort { $0.0 > $1.0 }
            ranked.removeLast(ranked.count - settings.queryTerms)
        }
        let window = settings.window
        let today = Int((time / Self.day).rounded(.down))
        let span = Int((window / Self.day).rounded(.up))
        for (q, t) in ranked {
            for d in (today - span)...(today + span) {
                guard let (head, count) = postingTable.find(Self.postingKey(t, d)), count <= 4_000 else { continue }
                var e = head
                while e >= 0 {
                    let doc = Int(postingDoc[Int(e)])
                    if abs(times[doc] - time) <= window {
                        let s = Int(storyOf[doc])
                        if score[s] == 0 { scored.append(Int32(s)) }
                        score[s] += q
                    }
                    e = postingNext[Int(e)]
                }
            }
        }
        guard !scored.isEmpty else { return (nil, 0) }
        var candidates = scored.map { ($0, score[Int($0)]) }
        for s in scored { score[Int(s)] = 0 }
        scored.removeAll(keepingCapacity: true)
        if candidates.count > settings.candidates {
            candidates.sort { $0.1 > $1.1 }
            candidates.removeLast(candidates.count - settings.candidates)
        }

        // Exact scores against the centroids.
        var best: Int32?
        var bestScore = -1.0
        for (s, _) in candidates {
            let story = stories[Int(s)]
            if !settings.crossLanguage, let language, let other = story.language, other != language { continue }
            var dot: Float = 0
            var centroidNorm: Float = 0
            var sharedNames = 0
            var shared = 0
            for (k, t) in story.terms.enumerated() {
                let c = story.weights[k] * idf(t)
                let q = query[Int(t)]
                // Likewise terms of a single member that the new article lacks: no other article has them.
                centroidNorm += (q != 0 || documentFrequency(t) >= 2 ? 1 : unseenWeight) * c * c
                if q != 0 {
                    shared += 1
                    dot += q * c
                    if a.names.contains(t) { sharedNames += 1 }
                }
            }
            guard centroidNorm > 0, queryNorm > 0, shared >= settings.minimumSharedTerms else { continue }
            var cosine = Double(dot / (queryNorm * centroidNorm.squareRoot()))
            // The closest single member counts too: a story's centroid blurs as it grows.
            for doc in story.members.suffix(32) where settings.memberWeight > 0 && !isDuplicate[Int(doc)] {
                var memberDot: Float = 0, memberNorm: Float = 0
                for v in Int(vectorStart[Int(doc)])..<Int(vectorStart[Int(doc) + 1]) {
                    let w = vectorWeights[v] * idf(vectorTerms[v])
                    memberNorm += w * w
                    memberDot += w * query[Int(vectorTerms[v])]
                }
                if memberNorm > 0 {
                    cosine = max(cosine, settings.memberWeight * Double(memberDot / (queryNorm * memberNorm.squareRoot())))
                }
            }
            let bonus = settings.nameBonus * Double(min(sharedNames, 3)) / 3
            let distance = max(0, story.first - time, time - story.last)
            let fade = 1 - settings.timeDecay * min(1, distance / window)
            let total = (cosine + bonus) * fade
            if total > bestScore || (total == bestScore && best.map { stories[Int($0)].id > story.id } ?? true) {
                bestScore = total
                best = s
            }
        }
        return (best, max(0, bestScore))
    }

    // MARK: - Bookkeeping

    private mutating func appendArticle(
        _ article: ClusterArticle, time: Double, story: Int32, duplicate: Bool, features: ArticleFeatures?
    ) {
        let doc = Int32(ids.count)
        ids.append(article.id)
        times.append(time)
        storyOf.append(story)
        titles.append(article.title)
        isDuplicate.append(duplicate)
        byID[article.id] = doc
        stories[Int(story)].members.append(doc)
        stories[Int(story)].first = min(stories[Int(story)].first, time)
        stories[Int(story)].last = max(stories[Int(story)].last, time)

        guard let features, !features.terms.isEmpty else {
            vectorStart.append(Int32(vectorTerms.count))
            return
        }
        // Document frequencies.
        documentCount += 1
        if df.count < extractor.dictionary.count {
            df.append(contentsOf: repeatElement(0, count: extractor.dictionary.count - df.count + 1024))
        }
        for t in features.terms { df[Int(t)] += 1 }

        // Normalized tf vector, strongest terms first by tf-idf.
        var norm: Float = 0
        for w in features.weights { norm += w * w }
        norm = norm.squareRoot()
        var ranked = features.terms.enumerated().map { (k, t) in (features.weights[k] / norm, t, features.weights[k] / norm * idf(t)) }
        ranked.sort { $0.2 > $1.2 || ($0.2 == $1.2 && $0.1 < $1.1) }

        // Inverted index.
        let day = Int((time / Self.day).rounded(.down))
        for (_, t, _) in ranked.prefix(settings.indexedTerms) {
            postingDoc.append(doc)
            postingNext.append(postingTable.push(Self.postingKey(t, day), head: Int32(postingDoc.count - 1)))
        }

        // Stored vector (for labels) and the story centroid.
        let kept = ranked.prefix(48).sorted { $0.1 < $1.1 }
        for (w, t, _) in kept {
            vectorTerms.append(t)
            vectorWeights.append(w)
        }
        vectorStart.append(Int32(vectorTerms.count))
        mergeIntoCentroid(story, features, norm: norm)
    }

    private mutating func mergeIntoCentroid(_ s: Int32, _ features: ArticleFeatures, norm: Float) {
        var story = stories[Int(s)]
        stories[Int(s)].terms = []
        stories[Int(s)].weights = []
        var terms: [Int32] = []
        var weights: [Float] = []
        terms.reserveCapacity(story.terms.count + features.terms.count)
        weights.reserveCapacity(story.terms.count + features.terms.count)
        var i = 0, j = 0
        while i < story.terms.count || j < features.terms.count {
            if j >= features.terms.count || (i < story.terms.count && story.terms[i] < features.terms[j]) {
                terms.append(story.terms[i])
                weights.append(story.weights[i])
                i += 1
            } else if i >= story.terms.count || features.terms[j] < story.terms[i] {
                terms.append(features.terms[j])
                weights.append(features.weights[j] / norm)
                j += 1
            } else {
                terms.append(story.terms[i])
                weights.append(story.weights[i] + features.weights[j] / norm)
                i += 1
                j += 1
            }
        }
        // Truncate with some slack, so the sort runs once every few members rather than for each.
        if terms.count > settings.centroidTerms + settings.centroidTerms / 4 {
            var scored = [(Float, Int)]()
            scored.reserveCapacity(terms.count)
            for i in 0..<terms.count { scored.append((weights[i] * idf(terms[i]), i)) }
            scored.sort { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            let keep = scored.prefix(settings.centroidTerms).map(\.1).sorted()
            terms = keep.map { terms[$0] }
            weights = keep.map { weights[$0] }
        }
        story.terms = terms
        story.weights = weights
        stories[Int(s)] = story
    }

    // MARK: - Results

    /// Ids of the stories that gained members or were opened since this clusterer was created.
    public var touchedClusters: [ClusterID] { stories.filter(\.touched).map(\.id) }

    /// Story summaries (label, time span, members) for the given ids; topics are left empty.
    public func stories(_ clusterIDs: [ClusterID]) -> [StoryCluster] {
        clusterIDs.compactMap { id in
            guard let s = storyByID[id] else { return nil }
            let story = stories[Int(s)]
            let members = story.members.sorted { (times[Int($0)], ids[Int($0)]) < (times[Int($1)], ids[Int($1)]) }
            guard let labelDoc = representative(story) ?? members.first else { return nil }
            return StoryCluster(
                id: story.id, label: titles[Int(labelDoc)], labelArticle: ids[Int(labelDoc)],
                firstSeen: Date(timeIntervalSince1970: story.first), lastSeen: Date(timeIntervalSince1970: story.last),
                members: members.map { ids[Int($0)] }, topics: [], isNew: story.opened)
        }
    }

    /// The canonical member with a title whose vector is closest to the centroid (ties: earliest).
    private func representative(_ story: Story) -> Int32? {
        var centroid: [Int32: Float] = [:]
        var centroidNorm: Float = 0
        for (k, t) in story.terms.enumerated() {
            let c = story.weights[k] * idf(t)
            centroid[t] = c
            centroidNorm += c * c
        }
        var best: Int32?
        var bestScore: Float = -1
        for doc in story.members where !isDuplicate[Int(doc)] && !titles[Int(doc)].isEmpty {
            var dot: Float = 0, norm: Float = 0
            for v in Int(vectorStart[Int(doc)])..<Int(vectorStart[Int(doc) + 1]) {
                let w = vectorWeights[v] * idf(vectorTerms[v])
                norm += w * w
                dot += w * (centroid[vectorTerms[v]] ?? 0)
            }
            let cosine = norm > 0 && centroidNorm > 0 ? dot / (norm.squareRoot() * centroidNorm.squareRoot()) : 0
            if cosine > bestScore + 1e-6
                || (abs(cosine - bestScore) <= 1e-6 && best.map { (times[Int(doc)], ids[Int(doc)]) < (times[Int($0)], ids[Int($0)]) } ?? true)
            {
                bestScore = cosine
                best = doc
            }
        }
        return best
    }

    /// Terms (display forms) of an article's stored vector, strongest first: for topic discovery.
    func topTerms(of article: Int64, limit: Int) -> [(term: Int32, weight: Float)] {
        guard let doc = byID[article], !isDuplicate[Int(doc)] else { return [] }
        var out: [(term: Int32, weight: Float)] = []
        for v in Int(vectorStart[Int(doc)])..<Int(vectorStart[Int(doc) + 1]) {
            out.append((vectorTerms[v], vectorWeights[v] * idf(vectorTerms[v])))
        }
        out.sort { $0.weight > $1.weight || ($0.weight == $1.weight && $0.term < $1.term) }
        return Array(out.prefix(limit))
    }

    /// Document frequency of a term among the canonical articles known.
    func documentFrequency(_ term: Int32) -> Int { Int(term) < df.count ? Int(df[Int(term)]) : 0 }
}
