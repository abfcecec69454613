import Foundation

/// Places articles into story clusters incrementally: each new article joins the story whose members it resembles
/// most on average, or opens a new one; two stories merge when the evidence that they are one accumulates.
///
/// **Similarity** of two articles is `w·cos(char n-grams) + (1−w)·cos(word stems)`, both TF-IDF with document
/// frequencies learned from the stream. Character 3–5-grams of the title (and, for headline-only articles, of the
/// link's slug words, see ``SlugWords``) catch what word matching misses in short text (`Titanfall`/`Titanfall's`,
/// `marijuana`/`pot-tax`); word stems with names weighted up carry full texts.
///
/// **A story's score** is its members' mean similarity to the new article (average link), not the similarity to
/// its centroid: a big story's centroid resembles everything. Each member's vector is normalized when it arrives,
/// so a story keeps one sum of its members' normalized vectors and the mean costs one sparse dot product.
///
/// **Merges.** When an article joins story S, its summed similarity to the members of every other candidate story T
/// is added to the evidence between S and T; when that evidence, averaged over all member pairs, reaches the merge
/// threshold, the two become one: the older story's id survives (``merges`` lists the others).
///
/// Candidates come from an inverted index of each article's strongest terms and n-grams, bucketed by day, so only
/// stories with a member inside the time window are ever compared and cost grows linearly with the articles.
///
/// Rebuild it each run from the articles inside the window with their stored clusters (``restore(_:clusterID:isDuplicate:)``),
/// then ``add(_:duplicateOf:)`` the new ones in time order. ``ClusterEngine`` does both.
public struct StoryClusterer: Sendable {
    /// The parameters this clusterer was created with.
    public let settings: StoryClusterSettings

    private struct Story {
        var id: StoryID
        /// Sum of the members' word vectors, each normalized (with the IDF of its arrival).
        var terms = SparseSum()
        /// The same for character n-grams.
        var grams = SparseSum()
        /// Members with features (copies and empty articles do not count in the mean).
        var size: Float = 0
        var members: [Int32] = []
        var first: Double
        var last: Double
        /// Language of the opening article (nil: unknown).
        var language: String?
        var opened: Bool
        var touched: Bool
        /// Summed similarity between this story's members and another story's, observed as articles joined.
        var evidence: [Int32: Float] = [:]
        var alive = true
    }

    /// One article's vectors: word terms (sublinear tf with name and title weights) and character n-grams.
    private struct Vectors {
        var words: ArticleFeatures
        var grams: [Int32] = []
        var gramWeights: [Float] = []
        var short: Bool
    }

    /// What a scanned article contributed, for its ``FeatureRecord``: kept only while ``capturing``.
    struct Capture {
        var language: String?
        var short: Bool
        var terms: [FeatureRecord.Term]
        var titleMask: [UInt8]
        /// Joined its story as a copy: no vectors were computed.
        var copy: Bool

        /// A copy's: its language (for a story it may name), nothing else.
        static func copy(language: String?) -> Capture {
            Capture(language: language, short: false, terms: [], titleMask: [], copy: true)
        }
    }

    /// Keep what each placed article contributed in ``lastCapture``.
    var capturing = false
    private(set) var lastCapture: Capture?

    /// ``lastCapture``, handed over once.
    mutating func takeCapture() -> Capture? {
        defer { lastCapture = nil }
        return lastCapture
    }

    var extractor: FeatureExtractor
    private var df: [Int32] = []
    private var gramDF: [Int32] = []
    private var gramIDs: [UInt64: Int32] = [:]
    private var documentCount = 0

    // Articles, by internal number.
    private var ids: [Int64] = []
    private var times: [Double] = []
    private var storyOf: [Int32] = []
    /// Titles of all documents, back to back in UTF-8 (`titleEnds[doc]` ends each): one buffer, not a string each.
    private var titleBytes: [UInt8] = []
    private var titleEnds: [Int32] = []
    private var isDuplicate: [Bool] = []
    private var vectorStart: [Int32] = [0]
    private var vectorTerms: [Int32] = []
    /// Stored-vector weights as fractions of the document's largest (weight / 65,535): both readers (the label's
    /// cosine and the order of ``topTerms(of:limit:)``) are blind to a document's scale.
    private var vectorWeights: [UInt16] = []
    private var byID: [Int64: Int32] = [:]

    private var stories: [Story] = []
    private var storyByID: [StoryID: Int32] = [:]
    /// Stories merged into others since this clusterer was created, in the order it happened, each naming the
    /// story that finally survived.
    public var merges: [StoryMerge] { mergeLog.map { StoryMerge(from: $0.from, into: survivor(of: $0.into)) } }
    private var mergeLog: [StoryMerge] = []

    // Inverted index: (term or n-gram, day) → linked list of articles. Each indexed article owns one block of
    // `postingBlock` entries (its doc is `postingBlockDoc[entry / postingBlock]`), so an entry holds only its link.
    private var postingTable = PostingTable()
    private var postingNext: [Int32] = []
    private var postingBlockDoc: [Int32] = []
    private var postingBlock: Int { settings.indexedTerms + settings.indexedGrams }

    // Scratch.
    private var query: [Float] = []
    private var gramQuery: [Float] = []
    private var score: [Float] = []
    private var scored: [Int32] = []
    private var gramScratch: [Int32] = []
    /// Character n-gram ids of each word form seen (by the scanner's form hash): ranges of `formGrams`.
    private var gramsOfForm: [UInt64: Range<Int>] = [:]
    private var formGrams: [Int32] = []

    /// A clusterer with no articles yet.
    public init(settings: StoryClusterSettings = StoryClusterSettings()) {
        self.settings = settings
        extractor = FeatureExtractor(
            weights: .init(title: Float(settings.titleWeight), name: Float(settings.nameWeight)))
    }

    /// Number of articles known (restored and added).
    public var count: Int { ids.count }

    /// Whether the article was restored or added already.
    public func contains(_ article: Int64) -> Bool { byID[article] != nil }

    /// Ids of the articles known, in the order they were restored or added.
    var articleIDs: [Int64] { ids }

    /// Whether the article joined its story as a copy (stored or found in this run).
    func isDuplicate(_ article: Int64) -> Bool { byID[article].map { isDuplicate[Int($0)] } ?? false }

    /// Adds the clusterer's parts (`story.*`, `terms.*`) to a memory report.
    func footprint(into f: inout MemoryFootprint) {
        typealias M = MemoryFootprint
        f.add("story.docs", M.array(ids) + M.array(times) + M.array(storyOf) + M.array(isDuplicate) + M.array(vectorStart)
            + M.dictionary(byID))
        f.add("story.titles", M.array(titleBytes) + M.array(titleEnds))
        f.add("story.vectors", M.array(vectorTerms) + M.array(vectorWeights))
        f.add("story.postings", M.array(postingBlockDoc) + M.array(postingNext) + postingTable.bytes)
        var sums = 0, members = 0, evidence = 0
        for story in stories {
            // Each array and dictionary is a heap block of its own: about 48 bytes of header and malloc overhead.
            sums += story.terms.bytes + story.grams.bytes
            members += M.array(story.members) + 48
            evidence += M.dictionary(story.evidence) + 48
        }
        f.add("story.stories", M.array(stories) + M.dictionary(storyByID))
        f.add("story.sums", sums)
        f.add("story.members", members)
        f.add("story.evidence", evidence)
        f.add("story.grams", M.dictionary(gramIDs) + M.array(gramDF) + M.dictionary(gramsOfForm) + M.array(formGrams))
        f.add("story.df+scratch", M.array(df) + M.array(query) + M.array(gramQuery) + M.array(score))
        extractor.footprint(into: &f)
    }

    /// Makes room for `articles` articles, so that the per-article arrays are sized once instead of growing by
    /// copies (each article indexes at most `indexedTerms + indexedGrams` postings and stores at most `storedTerms`
    /// terms).
    public mutating func reserve(articles: Int) {
        ids.reserveCapacity(articles)
        times.reserveCapacity(articles)
        storyOf.reserveCapacity(articles)
        titleEnds.reserveCapacity(articles)
        isDuplicate.reserveCapacity(articles)
        vectorStart.reserveCapacity(articles + 1)
        byID.reserveCapacity(articles)
        postingBlockDoc.reserveCapacity(articles)
        postingNext.reserveCapacity(articles * postingBlock)
        vectorTerms.reserveCapacity(articles * Self.storedTerms)
        vectorWeights.reserveCapacity(articles * Self.storedTerms)
    }

    /// Terms kept of each article's vector: topic discovery reads the strongest 20, the label's choice compares
    /// all of them with the story's sums.
    private static let storedTerms = 32

    /// The story of an article known to this clusterer (after merges: the surviving story).
    public func clusterID(of article: Int64) -> StoryID? {
        guard let doc = byID[article] else { return nil }
        return stories[Int(storyOf[Int(doc)])].id
    }

    /// The story that `id` is now part of: itself, or the story it was merged into.
    public func survivor(of id: StoryID) -> StoryID {
        guard var index = storyByID[id] else { return id }
        // A merged story's entry points at the story that absorbed it, which may have been absorbed in turn.
        while !stories[Int(index)].alive, let next = storyByID[stories[Int(index)].id], next != index { index = next }
        return stories[Int(index)].id
    }

    /// Re-enters an article placed by an earlier run, with its stored story. Duplicates only join the member list.
    public mutating func restore(_ article: ClusterArticle, clusterID: StoryID, isDuplicate: Bool) {
        let bodyStart = scan(article)
        restore(article, clusterID: clusterID, isDuplicate: isDuplicate, bodyStart: bodyStart)
    }

    /// Places a new article. A duplicate joins its canonical article's story.
    /// - Parameter duplicateOf: the canonical article (already known to this clusterer) when `article` is a copy.
    @discardableResult
    public mutating func add(_ article: ClusterArticle, duplicateOf: Int64? = nil) -> ClusterAssignment {
        let bodyStart = duplicateOf == nil ? scan(article) : 0
        return add(article, duplicateOf: duplicateOf, bodyStart: bodyStart)
    }

    /// Scans title and body; a headline-only article's title is followed by its link's slug words.
    mutating func scan(_ article: ClusterArticle, body: String? = nil) -> Int {
        let text = body ?? article.text
        let bodyStart = extractor.scan(title: article.title, text: text)
        guard extractor.scanner.count - bodyStart < settings.shortTextWords, let url = article.url else { return bodyStart }
        let slug = SlugWords.words(of: url)
        return slug.isEmpty ? bodyStart : extractor.scan(title: article.title + "\n" + slug, text: text)
    }

    // MARK: - Shared paths (the engine scans once for both detectors)

    mutating func restore(_ article: ClusterArticle, clusterID: StoryID, isDuplicate duplicate: Bool, bodyStart: Int) {
        let time = article.effectiveDate.timeIntervalSince1970
        // A copy joining a story already known needs no language: it has no vector and names no new story.
        let lang = duplicate && storyByID[clusterID] != nil ? nil : language(of: article)
        let story = storyIndex(for: clusterID, time: time, opened: false, language: lang)
        let vectors = duplicate ? nil : vectors(bodyStart: bodyStart, language: lang)
        if duplicate && capturing {
            lastCapture = Capture.copy(language: lang ?? language(of: article))
        }
        appendArticle(article, time: time, story: story, duplicate: duplicate, vectors: vectors)
    }

    /// Re-enters a stored article from what an earlier run kept of it, without its text; false (and nothing
    /// changed) when the record cannot stand in for the text: a copy's record for an article now canonical.
    mutating func restore(_ article: ClusterArticle, clusterID: StoryID, isDuplicate duplicate: Bool, record: FeatureRecord) -> Bool {
        guard duplicate || !record.isCopy else { return false }
        let time = article.effectiveDate.timeIntervalSince1970
        let story = storyIndex(for: clusterID, time: time, opened: false, language: record.language)
        let vectors = duplicate ? nil : vectors(from: record, article: article)
        appendArticle(article, time: time, story: story, duplicate: duplicate, vectors: vectors)
        return true
    }

    mutating func add(_ article: ClusterArticle, duplicateOf: Int64?, bodyStart: Int) -> ClusterAssignment {
        let time = article.effectiveDate.timeIntervalSince1970
        if let duplicateOf, let canonical = byID[duplicateOf] {
            let story = storyOf[Int(canonical)]
            if capturing {
                lastCapture = Capture.copy(language: language(of: article))
            }
            stories[Int(story)].touched = true
            appendArticle(article, time: time, story: story, duplicate: true, vectors: nil)
            return ClusterAssignment(
                article: article.id, cluster: stories[Int(story)].id, opened: false, score: 1, nearest: nil)
        }
        let lang = language(of: article)
        let vectors = vectors(bodyStart: bodyStart, language: lang)
        let kind = vectors.short ? settings.short : settings.full
        let (best, similarity, sums) = bestStory(vectors, time: time, language: lang, kind: kind)
        let story: Int32
        let opened: Bool
        if let best, similarity >= kind.join {
            story = best
            opened = false
        } else {
            story = storyIndex(for: article.id, time: time, opened: true, language: lang)
            opened = true
        }
        stories[Int(story)].touched = true
        appendArticle(article, time: time, story: story, duplicate: false, vectors: vectors)
        if !opened { mergeWithEvidence(story, sums: sums, time: time, kind: kind) }
        return ClusterAssignment(
            article: article.id, cluster: clusterID(of: article.id) ?? stories[Int(story)].id, opened: opened,
            score: similarity, nearest: best.map { stories[Int($0)].id })
    }

    private func language(of article: ClusterArticle) -> String? {
        LanguageGuess.language(declared: article.language, title: article.title, text: article.text)
    }

    private mutating func storyIndex(for id: StoryID, time: Double, opened: Bool, language: String?) -> Int32 {
        if let index = storyByID[id] { return index }
        let index = Int32(stories.count)
        stories.append(Story(id: id, first: time, last: time, language: language, opened: opened, touched: opened))
        storyByID[id] = index
        return index
    }

    // MARK: - Vectors

    /// Word features of what `scan` left in the scanner, and character 3–5-grams of its title part.
    private mutating func vectors(bodyStart: Int, language: String?) -> Vectors {
        let words = extractor.features(bodyStart: bodyStart, language: language)
        let bodyWords = extractor.scanner.count - bodyStart
        var out = Vectors(words: words, short: bodyWords < settings.shortTextWords)
        let terms = extractor.tokenTerms
        addTitleGrams(to: &out, tokens: min(bodyStart, terms.count)) { terms[$0] >= 0 }
        if capturing { lastCapture = capture(out, bodyStart: bodyStart, language: language) }
        return out
    }

    /// What `vectors` computed, in the form a later run restores it from (``FeatureRecord``).
    private func capture(_ vectors: Vectors, bodyStart: Int, language: String?) -> Capture {
        let words = vectors.words
        let dictionary = extractor.dictionary
        var terms: [FeatureRecord.Term] = []
        terms.reserveCapacity(words.terms.count)
        for t in extractor.firstUse {
            // `words.terms` ascends: the weight by binary search.
            var low = 0, high = words.terms.count
            while low < high {
                let mid = (low + high) / 2
                if words.terms[mid] < t { low = mid + 1 } else { high = mid }
            }
            guard low < words.terms.count, words.terms[low] == t else { continue }
            terms.append(FeatureRecord.Term(
                key: dictionary.keys[Int(t)], surface: dictionary.surfaces[Int(t)], pair: dictionary.isName[Int(t)],
                weight: words.weights[low]))
        }
        // The title tokens whose n-grams count (those that made terms).
        let titleTokens = min(bodyStart, extractor.tokenTerms.count)
        var mask = [UInt8](repeating: 0, count: (titleTokens + 7) / 8)
        for i in 0..<titleTokens where extractor.tokenTerms[i] >= 0 { mask[i / 8] |= 1 << (i % 8) }
        return Capture(language: language, short: vectors.short, terms: terms, titleMask: mask, copy: false)
    }

    /// The vectors of a restored article, its terms and n-grams interned in the order a scan would have: the
    /// n-grams from its title (followed by its link's slug words when its text is short, as `scan` does).
    private mutating func vectors(from record: FeatureRecord, article: ClusterArticle) -> Vectors {
        // Id and weight packed in one integer (ids are unique and not negative), sorted by id without a closure.
        var words: [UInt64] = []
        words.reserveCapacity(record.terms.count)
        for term in record.terms {
            let id = extractor.dictionary.intern(term.key, surface: term.surface, name: term.pair)
            words.append(UInt64(UInt32(bitPattern: id)) << 32 | UInt64(term.weight.bitPattern))
        }
        words.sort()
        let features = ArticleFeatures(
            terms: words.map { Int32(bitPattern: UInt32(truncatingIfNeeded: $0 >> 32)) },
            weights: words.map { Float(bitPattern: UInt32(truncatingIfNeeded: $0)) })
        var out = Vectors(words: features, short: record.short)
        var title = article.title
        if record.short, let url = article.url {
            let slug = SlugWords.words(of: url)
            if !slug.isEmpty { title += "\n" + slug }
        }
        let titleTokens = extractor.scan(title: title, text: "")
        let mask = record.titleMask
        addTitleGrams(to: &out, tokens: min(titleTokens, mask.count * 8)) { mask[$0 / 8] & (1 << ($0 % 8)) != 0 }
        return out
    }

    /// The character 3–5-grams of the scanner's first `tokens` tokens that `counts`, with their weights. Each word
    /// form's n-grams are hashed and interned once, then looked up by the form's hash.
    private mutating func addTitleGrams(to out: inout Vectors, tokens: Int, counts: (Int) -> Bool) {
        gramScratch.removeAll(keepingCapacity: true)
        let scanner = extractor.scanner
        for i in 0..<tokens where counts(i) {
            let form = scanner.hashes[i]
            let range: Range<Int>
            if let known = gramsOfForm[form] {
                range = known
            } else {
                range = internGrams(scanner.scalars(i))
                gramsOfForm[form] = range
            }
            gramScratch.append(contentsOf: formGrams[range])
        }
        gramScratch.sort()
        var k = 0
        while k < gramScratch.count {
            var end = k + 1
            while end < gramScratch.count && gramScratch[end] == gramScratch[k] { end += 1 }
            out.grams.append(gramScratch[k])
            out.gramWeights.append(1 + log(Float(end - k)))
            k = end
        }
    }

    /// Interns the 3–5-grams of one word padded with spaces (` word `) and returns their range in `formGrams`.
    private mutating func internGrams(_ scalars: ArraySlice<UInt32>) -> Range<Int> {
        let start = formGrams.count
        var padded: [UInt32] = [0x20]
        padded.append(contentsOf: scalars)
        padded.append(0x20)
        for n in 3...5 where padded.count >= n {
            for first in 0...(padded.count - n) {
                var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(n)
                for k in first..<(first + n) { h = (h ^ UInt64(padded[k])) &* 0x0000_0100_0000_01B3 }
                if let known = gramIDs[h] {
                    formGrams.append(known)
                } else {
                    let id = Int32(gramIDs.count)
                    gramIDs[h] = id
                    gramDF.append(0)
                    formGrams.append(id)
                }
            }
        }
        return start..<formGrams.count
    }

    // MARK: - Weights

    @inline(__always)
    private func idf(_ term: Int32) -> Float {
        let d = Int(term) < df.count ? df[Int(term)] : 0
        return Self.idf(documentFrequency: d, documents: documentCount)
    }

    @inline(__always)
    private func gramIDF(_ gram: Int32) -> Float {
        Self.idf(documentFrequency: gramDF[Int(gram)], documents: documentCount)
    }

    /// Smoothed IDF of the stream so far: `ln((N + 1) / (df + 1)) + 1` (terms no article has weigh most).
    @inline(__always)
    static func idf(documentFrequency df: Int32, documents: Int) -> Float {
        log(Float(documents + 1) / Float(df + 1)) + 1
    }

    private static let day: Double = 86_400

    @inline(__always)
    private static func postingKey(_ term: UInt32, _ day: Int) -> UInt64 {
        // Never 0: the top bit is set. N-grams are entered with bit 31 of `term` set.
        (1 << 63) | (UInt64(term) << 24) | (UInt64(bitPattern: Int64(day)) & 0xFF_FFFF)
    }

    private static let gramBit: UInt32 = 0x8000_0000
    /// (Term, day) lists longer than this are not walked: a term that common in one day finds no story.
    private static let longestPostingList: Int32 = 1_000

    // MARK: - Candidates and scoring

    /// The best story by mean similarity, that similarity, and each scored story's summed similarity to the
    /// article (for the merge evidence).
    private mutating func bestStory(
        _ a: Vectors, time: Double, language: String?, kind: StoryClusterSettings.Kind
    ) -> (Int32?, Double, [(Int32, Float)]) {
        guard !a.words.terms.isEmpty || !a.grams.isEmpty else { return (nil, 0, []) }
        let termCount = extractor.dictionary.count
        if query.count < termCount { query.append(contentsOf: repeatElement(0, count: termCount - query.count + 1024)) }
        if gramQuery.count < gramIDs.count {
            gramQuery.append(contentsOf: repeatElement(0, count: gramIDs.count - gramQuery.count + 4096))
        }
        if score.count < stories.count + 1 { score.append(contentsOf: repeatElement(0, count: stories.count + 1024)) }

        // Normalized query vectors (tf × idf / norm), dense for the dot products.
        var ranked: [(Float, UInt32)] = []
        var norm: Float = 0
        // Terms no stored article has can match nothing: they count with `unsharedWeight` in the query's norm.
        let unshared = Float(settings.unsharedWeight)
        for (k, t) in a.words.terms.enumerated() {
            norm += sq(a.words.weights[k] * idf(t)) * (df[safe: Int(t)] > 0 ? 1 : unshared)
        }
        norm = norm.squareRoot()
        if norm > 0 {
            var rankedWords: [(Float, UInt32)] = []
            for (k, t) in a.words.terms.enumerated() {
                let q = a.words.weights[k] * idf(t) / norm
                query[Int(t)] = q
                if df[safe: Int(t)] > 0 { rankedWords.append((q, UInt32(t))) }
            }
            ranked += Self.strongest(rankedWords, settings.queryTerms)
        }
        var gramNorm: Float = 0
        for (k, g) in a.grams.enumerated() { gramNorm += sq(a.gramWeights[k] * gramIDF(g)) * (gramDF[Int(g)] > 0 ? 1 : unshared) }
        gramNorm = gramNorm.squareRoot()
        if gramNorm > 0 {
            var rankedGrams: [(Float, UInt32)] = []
            for (k, g) in a.grams.enumerated() {
                let q = a.gramWeights[k] * gramIDF(g) / gramNorm
                gramQuery[Int(g)] = q
                if gramDF[Int(g)] > 0 { rankedGrams.append((q, UInt32(g) | Self.gramBit)) }
            }
            // With a body, words carry most of the evidence: a few n-grams find the stories words miss.
            ranked += Self.strongest(rankedGrams, a.short ? settings.queryGrams : settings.queryGrams / 4)
        }
        defer {
            for t in a.words.terms { query[Int(t)] = 0 }
            for g in a.grams { gramQuery[Int(g)] = 0 }
        }

        // Inverted-index look-up: stories with a member within the window sharing strong terms or n-grams.
        let window = settings.window
        let block = postingBlock
        let today = Int((time / Self.day).rounded(.down))
        let span = Int((window / Self.day).rounded(.up))
        for (q, t) in ranked {
            for d in (today - span)...(today + span) {
                guard let (head, count) = postingTable.find(Self.postingKey(t, d)), count <= Self.longestPostingList else { continue }
                var e = head
                while e >= 0 {
                    let doc = Int(postingBlockDoc[Int(e) / block])
                    if abs(times[doc] - time) <= window {
                        let s = Int(storyOf[doc])
                        if score[s] == 0 { scored.append(Int32(s)) }
                        score[s] += q
                    }
                    e = postingNext[Int(e)]
                }
            }
        }
        guard !scored.isEmpty else { return (nil, 0, []) }
        var candidates = scored.map { ($0, score[Int($0)]) }
        for s in scored { score[Int(s)] = 0 }
        scored.removeAll(keepingCapacity: true)
        if candidates.count > settings.candidates {
            candidates.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
            candidates.removeLast(candidates.count - settings.candidates)
        }

        // Mean similarity to each candidate's members: one dot product with the sum of their normalized vectors.
        let charWeight = Float(kind.charWeight)
        var best: Int32?
        var bestScore = -1.0
        var sums: [(Int32, Float)] = []
        for (s, _) in candidates {
            let story = stories[Int(s)]
            if !settings.crossLanguage, let language, let other = story.language, other != language { continue }
            guard story.size > 0 else { continue }
            let wordDot = story.terms.dot(query, df: df, documents: documentCount)
            let gramDot = story.grams.dot(gramQuery, df: gramDF, documents: documentCount)
            let sum = charWeight * gramDot + (1 - charWeight) * wordDot
            sums.append((s, sum))
            let mean = Double(sum / story.size)
            if mean > bestScore || (mean == bestScore && best.map { stories[Int($0)].id > story.id } ?? true) {
                bestScore = mean
                best = s
            }
        }
        return (best, max(0, bestScore), sums)
    }

    private static func strongest(_ items: [(Float, UInt32)], _ limit: Int) -> [(Float, UInt32)] {
        guard items.count > limit else { return items }
        var items = items
        items.sortPrefix(limit) { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        return Array(items.prefix(limit))
    }

    // MARK: - Merges

    /// Adds the joining article's similarity sums to the evidence between its story and the others, then merges
    /// while the best-supported pair reaches the merge threshold.
    private mutating func mergeWithEvidence(_ joined: Int32, sums: [(Int32, Float)], time: Double, kind: StoryClusterSettings.Kind) {
        var s = joined
        for (t, sum) in sums where t != s && sum > 0 && stories[Int(t)].alive {
            stories[Int(s)].evidence[t, default: 0] += sum
            stories[Int(t)].evidence[s, default: 0] += sum
        }
        while true {
            let story = stories[Int(s)]
            var best: Int32 = -1
            var bestMean: Float = 0
            var stale: [Int32] = []
            for (t, total) in story.evidence {
                let other = stories[Int(t)]
                guard other.alive, other.last >= time - settings.window else {
                    stale.append(t)  // absorbed, or out of the window for good: articles arrive in time order
                    continue
                }
                guard other.size > 0, story.size > 0, other.first <= time + settings.window else { continue }
                if !settings.crossLanguage, let a = story.language, let b = other.language, a != b { continue }
                let mean = total / (story.size * other.size)
                if mean > bestMean || (mean == bestMean && t < best) {
                    bestMean = mean
                    best = t
                }
            }
            for t in stale { stories[Int(s)].evidence[t] = nil }
            guard best >= 0, Double(bestMean) >= kind.merge else { return }
            s = merge(s, best)
        }
    }

    /// Merges two stories and returns the survivor's index: a story stored by an earlier run (perhaps published)
    /// over one opened in this run, else the older one (first member earlier; ties: lower id).
    private mutating func merge(_ a: Int32, _ b: Int32) -> Int32 {
        let x = stories[Int(a)], y = stories[Int(b)]
        let older = x.opened != y.opened ? !x.opened : (x.first, x.id) <= (y.first, y.id)
        let keep = older ? a : b
        let gone = older ? b : a
        var survivor = stories[Int(keep)]
        let absorbed = stories[Int(gone)]
        survivor.terms = survivor.terms.adding(absorbed.terms)
        survivor.grams = survivor.grams.adding(absorbed.grams)
        survivor.size += absorbed.size
        survivor.members += absorbed.members
        survivor.first = min(survivor.first, absorbed.first)
        survivor.last = max(survivor.last, absorbed.last)
        survivor.touched = true
        survivor.evidence[gone] = nil
        for (t, total) in absorbed.evidence where t != keep {
            survivor.evidence[t, default: 0] += total
            stories[Int(t)].evidence[gone] = nil
            stories[Int(t)].evidence[keep, default: 0] += total
        }
        for doc in absorbed.members { storyOf[Int(doc)] = keep }
        stories[Int(keep)] = survivor
        truncate(keep)
        stories[Int(gone)] = Story(id: absorbed.id, first: absorbed.first, last: absorbed.last, language: absorbed.language,
                                   opened: absorbed.opened, touched: false, alive: false)
        storyByID[absorbed.id] = keep
        mergeLog.append(StoryMerge(from: absorbed.id, into: survivor.id))
        return keep
    }

    // MARK: - Bookkeeping

    private mutating func appendArticle(_ article: ClusterArticle, time: Double, story: Int32, duplicate: Bool, vectors: Vectors?) {
        let doc = Int32(ids.count)
        ids.append(article.id)
        times.append(time)
        storyOf.append(story)
        titleBytes.append(contentsOf: article.title.utf8)
        titleEnds.append(Int32(titleBytes.count))
        isDuplicate.append(duplicate)
        byID[article.id] = doc
        stories[Int(story)].members.append(doc)
        stories[Int(story)].first = min(stories[Int(story)].first, time)
        stories[Int(story)].last = max(stories[Int(story)].last, time)

        guard let vectors, !vectors.words.terms.isEmpty || !vectors.grams.isEmpty else {
            vectorStart.append(Int32(vectorTerms.count))
            return
        }
        let words = vectors.words
        // Norms with the IDF before this article counts: the member's vector is frozen as it arrives.
        var norm: Float = 0
        for (k, t) in words.terms.enumerated() { norm += sq(words.weights[k] * idf(t)) }
        norm = max(norm.squareRoot(), 1e-6)
        var gramNorm: Float = 0
        for (k, g) in vectors.grams.enumerated() { gramNorm += sq(vectors.gramWeights[k] * gramIDF(g)) }
        gramNorm = max(gramNorm.squareRoot(), 1e-6)

        // Strongest terms and n-grams by tf-idf, for the inverted index and the stored vector.
        var ranked = words.terms.enumerated().map { (k, t) in (words.weights[k], t, words.weights[k] * idf(t)) }
        // Only the strongest few are read: the postings' and the stored vector's.
        ranked.sortPrefix(max(settings.indexedTerms, Self.storedTerms)) { $0.2 > $1.2 || ($0.2 == $1.2 && $0.1 < $1.1) }
        var rankedGrams = vectors.grams.enumerated().map { (k, g) in (g, vectors.gramWeights[k] * gramIDF(g)) }
        rankedGrams.sortPrefix(settings.indexedGrams) { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }

        // Document frequencies.
        documentCount += 1
        if df.count < extractor.dictionary.count {
            df.append(contentsOf: repeatElement(0, count: extractor.dictionary.count - df.count + 1024))
        }
        for t in words.terms { df[Int(t)] += 1 }
        for g in vectors.grams { gramDF[Int(g)] += 1 }

        // Inverted index.
        let day = Int((time / Self.day).rounded(.down))
        var entry = postingNext.count
        postingBlockDoc.append(doc)
        postingNext.append(contentsOf: repeatElement(-1, count: postingBlock))
        for (_, t, _) in ranked.prefix(settings.indexedTerms) { index(UInt32(t), day, entry: &entry) }
        for (g, _) in rankedGrams.prefix(settings.indexedGrams) { index(UInt32(g) | Self.gramBit, day, entry: &entry) }

        // Stored vector (labels, discovery).
        let kept = ranked.prefix(Self.storedTerms).sorted { $0.1 < $1.1 }
        let largest = kept.reduce(Float(0)) { max($0, $1.0 / norm) }
        for (w, t, _) in kept {
            vectorTerms.append(t)
            vectorWeights.append(largest > 0 ? UInt16((w / norm / largest * 65_535).rounded()) : 0)
        }
        vectorStart.append(Int32(vectorTerms.count))

        // The story's sums of normalized member vectors.
        var sums = stories[Int(story)]
        sums.terms = sums.terms.adding(ids: words.terms, weights: words.weights, factor: 1 / norm)
        sums.grams = sums.grams.adding(ids: vectors.grams, weights: vectors.gramWeights, factor: 1 / gramNorm)
        sums.size += 1
        stories[Int(story)] = sums
        truncate(story)
    }

    private mutating func index(_ term: UInt32, _ day: Int, entry: inout Int) {
        postingNext[entry] = postingTable.push(Self.postingKey(term, day), head: Int32(entry))
        entry += 1
    }

    /// Keeps a story's strongest terms and n-grams (by weight × IDF), with a quarter of slack so that the
    /// selection runs once every few members rather than for each.
    private mutating func truncate(_ s: Int32) {
        var story = stories[Int(s)]
        stories[Int(s)].terms = SparseSum()
        stories[Int(s)].grams = SparseSum()
        if story.terms.count > settings.storyTerms + settings.storyTerms / 4 {
            story.terms = story.terms.strongest(settings.storyTerms) { idf($0) }
        }
        if story.grams.count > settings.storyGrams + settings.storyGrams / 4 {
            story.grams = story.grams.strongest(settings.storyGrams) { gramIDF($0) }
        }
        stories[Int(s)] = story
    }

    // MARK: - Results

    /// Ids of the live stories that gained members, were opened or absorbed another since this clusterer was created.
    public var touchedClusters: [StoryID] { stories.filter { $0.touched && $0.alive }.map(\.id) }

    /// Ids of every live story (restored or opened), touched or not.
    public var liveClusters: [StoryID] { stories.filter(\.alive).map(\.id) }

    /// Story summaries (label, time span, members) for the given ids; topics are left empty.
    public func stories(_ clusterIDs: [StoryID]) -> [StoryCluster] {
        clusterIDs.compactMap { id in
            guard let s = storyByID[id], stories[Int(s)].id == id else { return nil }
            let story = stories[Int(s)]
            let members = story.members.sorted { (times[Int($0)], ids[Int($0)]) < (times[Int($1)], ids[Int($1)]) }
            guard let labelDoc = representative(story) ?? members.first else { return nil }
            return StoryCluster(
                id: story.id, label: title(labelDoc), labelArticle: ids[Int(labelDoc)],
                firstSeen: Date(timeIntervalSince1970: story.first), lastSeen: Date(timeIntervalSince1970: story.last),
                members: members.map { ids[Int($0)] }, topics: [], isNew: story.opened)
        }
    }

    private func titleRange(_ doc: Int32) -> Range<Int> {
        (doc == 0 ? 0 : Int(titleEnds[Int(doc) - 1]))..<Int(titleEnds[Int(doc)])
    }

    private func title(_ doc: Int32) -> String { String(decoding: titleBytes[titleRange(doc)], as: UTF8.self) }

    private func hasTitle(_ doc: Int32) -> Bool { !titleRange(doc).isEmpty }

    /// The canonical member with a title whose vector is closest to the story's sum (ties: earliest).
    private func representative(_ story: Story) -> Int32? {
        var centroid: [Int32: Float] = [:]
        var centroidNorm: Float = 0
        for k in 0..<story.terms.count {
            let t = story.terms.ids[k]
            let c = story.terms.weight(at: k) * idf(t)
            centroid[t] = c
            centroidNorm += c * c
        }
        var best: Int32?
        var bestScore: Float = -1
        for doc in story.members where !isDuplicate[Int(doc)] && hasTitle(doc) {
            var dot: Float = 0, norm: Float = 0
            for v in Int(vectorStart[Int(doc)])..<Int(vectorStart[Int(doc) + 1]) {
                let w = Float(vectorWeights[v]) * idf(vectorTerms[v])
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

    /// Terms of an article's stored vector, strongest first, weighted relative to its strongest: for topic discovery.
    func topTerms(of article: Int64, limit: Int) -> [(term: Int32, weight: Float)] {
        guard let doc = byID[article], !isDuplicate[Int(doc)] else { return [] }
        var out: [(term: Int32, weight: Float)] = []
        for v in Int(vectorStart[Int(doc)])..<Int(vectorStart[Int(doc) + 1]) {
            out.append((vectorTerms[v], Float(vectorWeights[v]) * idf(vectorTerms[v])))
        }
        out.sort { $0.weight > $1.weight || ($0.weight == $1.weight && $0.term < $1.term) }
        return Array(out.prefix(limit))
    }

    /// Document frequency of a term among the canonical articles known.
    func documentFrequency(_ term: Int32) -> Int { Int(term) < df.count ? Int(df[Int(term)]) : 0 }
}

/// One story absorbed by another: its articles now belong to `into`, and `from` no longer exists.
public struct StoryMerge: Hashable, Sendable {
    /// The story that was absorbed.
    public var from: StoryID
    /// The surviving (older) story.
    public var into: StoryID

    /// A merge of `from` into `into`.
    public init(from: StoryID, into: StoryID) {
        self.from = from
        self.into = into
    }
}

@inline(__always)
private func sq(_ x: Float) -> Float { x * x }

extension Array where Element == Int32 {
    /// The element at `index`, or 0 past the end.
    fileprivate subscript(safe index: Int) -> Int32 { index < count ? self[index] : 0 }
}
