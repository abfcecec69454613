import RundschauText

/// Finds exact and near-duplicate articles across all feeds and imported dumps, incrementally.
///
/// Exact duplicates share a canonical URL (``URLCanonicalizer``) or a content hash. Near-duplicates share enough
/// word 5-shingles of their body text: one-permutation MinHash signatures (128 bins, the low 16 bits of each kept)
/// are banded for LSH (64 bands of 2 bins), and every candidate is verified by estimated Jaccard similarity, or by estimated
/// containment for a short text inside a long one (a truncated teaser). Different outlets' own wording shares
/// almost no 5-shingles, so a story retold is never a duplicate.
///
/// Only canonical articles are indexed as candidates, so a copy is linked only when it resembles the canonical
/// article itself: no chains through a third article.
///
/// A duplicate group keeps one canonical article: the first article of the group that was added. Add articles
/// in time order (``ClusterEngine`` does) and the canonical is the earliest published one (ties: first seen,
/// then lowest id). A canonical never changes once chosen; later copies link to it, even when published earlier.
///
/// ```swift
/// var detector = DuplicateDetector()
/// for article in articles.sorted(by: ClusterEngine.timeOrder) {
///     if let link = detector.add(article) { print(link.article, "copies", link.canonical) }
/// }
/// ```
public struct DuplicateDetector: Sendable {
    /// Thresholds used for near-duplicates.
    public var settings: DuplicateSettings

    private var ids: [Int64] = []
    /// Id of each document's canonical article (its own id for canonicals; stored links may point outside).
    private var canonicalOf: [Int64] = []
    /// `MinHasher.bins` values per row, each the low 16 bits of the bin's minimum (b-bit MinHash: two unequal
    /// bins agree by chance once in 65,536, which leaves the Jaccard estimate unbiased in practice). Only the
    /// candidates (comparable canonical documents) keep a row: a copy's or a short text's is never read again.
    private var signatures: [UInt16] = []
    /// Document and shingle count of each row; the band index and `stamp` count in rows.
    private var rowDoc: [Int32] = []
    private var shingleCounts: [Int32] = []
    private var bands = BandIndex()
    /// Canonical URLs by their 64-bit FNV-1a hash: two URLs of one run sharing a hash is a one-in-10^9 chance at
    /// a million articles, and the strings would cost ten times the memory.
    private var byURL: [UInt64: Int32] = [:]
    private var byContent: [UInt64: Int32] = [:]
    private var byID: [Int64: Int32] = [:]
    private var stamp: [Int32] = []

    /// What an article contributed, for its ``FeatureRecord``: kept only while ``capturing``.
    struct Capture {
        var contentKey: UInt64?
        var urlKey: UInt64?
        /// 0 when the body is too short to compare.
        var shingles: Int
        var signature: [UInt16]
    }

    /// Keep what each added article contributed in ``lastCapture``.
    var capturing = false
    private(set) var lastCapture: Capture?

    /// ``lastCapture``, handed over once.
    mutating func takeCapture() -> Capture? {
        defer { lastCapture = nil }
        return lastCapture
    }

    // Scratch.
    private var scanner = TokenScanner()
    private var signature = [UInt32](repeating: MinHasher.empty, count: MinHasher.bins)

    /// An empty detector with these thresholds.
    public init(settings: DuplicateSettings = DuplicateSettings()) {
        self.settings = settings
    }

    /// Number of articles indexed.
    public var count: Int { ids.count }

    /// Number of candidates: canonical articles long enough to compare, each with a signature row.
    var candidates: Int { rowDoc.count }

    /// Adds the detector's parts (`dup.*`) to a memory report.
    func footprint(into f: inout MemoryFootprint) {
        typealias M = MemoryFootprint
        f.add("dup.arrays", M.array(ids) + M.array(canonicalOf) + M.array(rowDoc) + M.array(shingleCounts) + M.array(stamp))
        f.add("dup.signatures", M.array(signatures))
        f.add("dup.bands", bands.bytes)
        f.add("dup.byURL", M.dictionary(byURL))
        f.add("dup.byContent+byID", M.dictionary(byContent) + M.dictionary(byID))
    }

    /// Makes room for `articles` articles, so that the indexes are sized once instead of growing by copies.
    public mutating func reserve(articles: Int) {
        ids.reserveCapacity(articles)
        canonicalOf.reserveCapacity(articles)
        shingleCounts.reserveCapacity(articles)
        rowDoc.reserveCapacity(articles)
        signatures.reserveCapacity(articles * MinHasher.bins)
        stamp.reserveCapacity(articles)
        byID.reserveCapacity(articles)
        bands.reserve(documents: articles)
    }

    /// The canonical article of `id`'s group (itself when it is canonical); nil when `id` is unknown.
    public func canonical(of id: Int64) -> Int64? {
        guard let doc = byID[id] else { return nil }
        return canonicalOf[Int(doc)]
    }

    /// Checks `article` against everything added so far, then indexes it.
    /// - Returns: the link to its canonical article when it is a duplicate, else nil (it is canonical).
    @discardableResult
    public mutating func add(_ article: ClusterArticle) -> DuplicateLink? {
        scanner.scan(article.text)
        let words = scanner.hashes[...]
        return add(article, bodyWords: words.isEmpty ? nil : words, decide: true, knownCanonical: nil)
    }

    /// Indexes an article decided in an earlier run, keeping that decision.
    /// - Parameter duplicateOf: its stored canonical, when it is a duplicate.
    public mutating func restore(_ article: ClusterArticle, duplicateOf: Int64?) {
        scanner.scan(article.text)
        let words = scanner.hashes[...]
        _ = add(article, bodyWords: words.isEmpty ? nil : words, decide: false, knownCanonical: duplicateOf)
    }

    /// The shared path: `bodyWords` are the word hashes of the body (already scanned by the caller).
    mutating func add(
        _ article: ClusterArticle, bodyWords: ArraySlice<UInt64>?, decide: Bool, knownCanonical: Int64?
    ) -> DuplicateLink? {
        let words = bodyWords ?? []
        let shingles = MinHasher.signature(words: words, into: &signature)
        let comparable = shingles >= settings.minimumShingles
        let content = Self.contentKey(article, words: words)
        let url = Self.urlKey(article)
        // The new row is entered for the look-up, and kept only if the document becomes a candidate.
        let row = signatures.count
        if comparable { for i in 0..<MinHasher.bins { signatures.append(UInt16(truncatingIfNeeded: signature[i])) } }
        if capturing {
            lastCapture = Capture(contentKey: content, urlKey: url, shingles: comparable ? shingles : 0,
                                  signature: comparable ? Array(signatures[row...]) : [])
        }
        return place(article, shingles: shingles, comparable: comparable, row: row, content: content, url: url,
                     decide: decide, knownCanonical: knownCanonical)
    }

    /// Indexes a stored article from what an earlier run kept of it (its decision kept), without its text.
    mutating func restore(_ article: ClusterArticle, record: FeatureRecord, knownCanonical: Int64?) {
        let comparable = record.shingles >= settings.minimumShingles && record.signature.count == MinHasher.bins
        let row = signatures.count
        if comparable { signatures.append(contentsOf: record.signature) }
        _ = place(article, shingles: record.shingles, comparable: comparable, row: row, content: record.contentKey,
                  url: record.urlKey ?? Self.urlKey(article), decide: false, knownCanonical: knownCanonical)
    }

    /// Decides (when `decide`) and indexes a document whose signature, if `comparable`, is the last row.
    private mutating func place(
        _ article: ClusterArticle, shingles: Int, comparable: Bool, row: Int, content: UInt64?, url: UInt64?,
        decide: Bool, knownCanonical: Int64?
    ) -> DuplicateLink? {
        let doc = Int32(ids.count)
        var link: DuplicateLink?
        var canonical = article.id
        if let knownCanonical {
            canonical = byID[knownCanonical].map { canonicalOf[Int($0)] } ?? knownCanonical
        } else if decide {
            var match: (doc: Int32, kind: DuplicateKind, similarity: Double)?
            if let url, let other = byURL[url] {
                match = (other, .url, 1)
            } else if let content, let other = byContent[content] {
                match = (other, .contentHash, 1)
            } else if comparable, let (other, similarity) = nearDuplicate(doc: doc, row: row, shingles: shingles) {
                match = (other, .nearDuplicate, similarity)
            }
            if let match {
                canonical = canonicalOf[Int(match.doc)]
                link = DuplicateLink(
                    article: article.id, canonical: canonical, matched: ids[Int(match.doc)], kind: match.kind,
                    similarity: match.similarity)
            }
        }

        ids.append(article.id)
        canonicalOf.append(canonical)
        byID[article.id] = doc
        if let url, byURL[url] == nil { byURL[url] = doc }
        if let content, byContent[content] == nil { byContent[content] = doc }
        // Only canonical articles are candidates: a copy links to the article it resembles itself, never through
        // a third article (chains join unrelated texts).
        if comparable && canonical == article.id {
            let rowIndex = Int32(rowDoc.count)
            rowDoc.append(doc)
            shingleCounts.append(Int32(shingles))
            stamp.append(-1)
            signatures.withUnsafeBufferPointer { bands.insert(rowIndex, signatures: $0) }
        } else if comparable {
            signatures.removeLast(MinHasher.bins)
        }
        return link
    }

    private mutating func nearDuplicate(doc: Int32, row: Int, shingles: Int) -> (Int32, Double)? {
        var marks = stamp
        stamp = []
        defer { stamp = marks }
        return signatures.withUnsafeBufferPointer { bestNearDuplicate(doc: doc, row: row, shingles: shingles, signatures: $0, stamp: &marks) }
    }

    private func bestNearDuplicate(
        doc: Int32, row: Int, shingles: Int, signatures: UnsafeBufferPointer<UInt16>, stamp: inout [Int32]
    ) -> (Int32, Double)? {
        var best: Int32 = -1
        var bestScore = 0.0
        var bestJaccard = 0.0
        let settings = self.settings
        bands.forEachCandidate(signatures, row: row) { other in
            let o = Int(other)
            if stamp[o] == doc { return }
            stamp[o] = doc
            let base = o * MinHasher.bins
            var equal = 0
            for i in 0..<MinHasher.bins where signatures[base + i] == signatures[row + i] { equal += 1 }
            let jaccard = Double(equal) / Double(MinHasher.bins)
            let otherShingles = Int(shingleCounts[o])  // rows are candidates: comparable, so never 0
            let small = min(shingles, otherShingles)
            let containment = min(1, jaccard * Double(shingles + otherShingles) / ((1 + jaccard) * Double(small)))
            let isDuplicate = jaccard >= settings.jaccard
                || (containment >= settings.containment && small >= settings.minimumContainedShingles)
            guard isDuplicate else { return }
            let score = max(jaccard, containment)
            if score > bestScore {
                bestScore = score
                bestJaccard = jaccard
                best = rowDoc[o]
            }
        }
        return best >= 0 ? (best, bestJaccard) : nil
    }

    /// The hash of the article's canonical URL, when it has one.
    private static func urlKey(_ article: ClusterArticle) -> UInt64? {
        article.url.flatMap(URLCanonicalizer.canonical).map(StableHash.value(of:))
    }

    /// Exact-content key: the store's hash when given (and the text is not empty), else a hash of the body's
    /// folded words; nil for bodies of fewer than eight words.
    private static func contentKey(_ article: ClusterArticle, words: ArraySlice<UInt64>) -> UInt64? {
        if let hash = article.contentHash, !hash.isEmpty, !article.text.isEmpty {
            return TokenScanner.finish(StableHash.value(of: hash))
        }
        guard words.count >= 8 else { return nil }
        var h: UInt64 = 0x84_2222_3251
        for w in words { h = TokenScanner.finish(h ^ w) }
        return h
    }
}
