/// How a duplicate was recognized.
public enum DuplicateKind: String, Hashable, Sendable, Codable {
    /// The same canonical URL (tracking parameters, default ports, fragments and `index.html` ignored).
    case url
    /// The same content hash (the same text).
    case contentHash
    /// A near-duplicate: the same text with light edits, found by MinHash/LSH over word 5-shingles.
    case nearDuplicate
}

/// One article linked to the canonical article of its duplicate group. Duplicates are linked, never deleted.
public struct DuplicateLink: Hashable, Sendable {
    /// The duplicate.
    public var article: Int64
    /// The canonical article of the group (never itself a duplicate).
    public var canonical: Int64
    /// The article the match was made against: the canonical or another member of its group.
    public var matched: Int64
    /// Which rule recognized it.
    public var kind: DuplicateKind
    /// Estimated Jaccard similarity of the word 5-shingles (1 for exact duplicates).
    public var similarity: Double

    /// A copy, its canonical article, the article it matched and how.
    public init(article: Int64, canonical: Int64, matched: Int64, kind: DuplicateKind, similarity: Double) {
        self.article = article
        self.canonical = canonical
        self.matched = matched
        self.kind = kind
        self.similarity = similarity
    }
}
