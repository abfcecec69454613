import RundschauText

/// The content hashes a store keeps for every article.
public enum ContentHash {
    /// The hash of an article's text: title, summary and content, exactly as stored.
    ///
    /// Equal for word-for-word copies of a story in different feeds (their links differ), so exact-duplicate
    /// detection can look articles up by it (`ArticleQuery.contentHash`). 16 hex digits of `StableHash` (FNV-1a 64).
    public static func text(title: String?, summary: String?, content: String?) -> String {
        var hasher = StableHash()
        hasher.combine("text-v1")
        hasher.combine(title)
        hasher.combine(summary)
        hasher.combine(content)
        return hasher.hex
    }
}
