/// The names every backend's schema shares: migration identifiers and tables.
///
/// Migrations are a fixed history: once released, a migration is never edited; changes come as a new one
/// appended here and implemented by every backend under the same name.
public enum StoreSchema {
    /// Migration names, in the order they apply.
    public static let migrations = [
        "v1-feeds-articles", "v2-clusters-topics", "v3-runs", "v4-article-date-index", "v5-topic-newest-index",
        "v6-topic-rules", "v7-article-features",
    ]

    /// Table names.
    public static let tables = [
        "feed", "article", "cluster", "topic", "article_topic", "cluster_topic", "run", "article_feature",
    ]
}
