import GRDB
import RundschauStore

/// The SQLite schema as a fixed history of migrations.
///
/// - warning: Never edit a migration once it is on `main`: databases in the field have run it. Append a new one
///   (its name added to `StoreSchema.migrations` too) and implement it in every backend.
///
/// Migrations use table and column names as strings, never application types, so that they keep meaning what
/// they meant when they were written. Dates are GRDB's text form (`YYYY-MM-DD HH:MM:SS.SSS`, UTC), which sorts
/// and compares as text. JSON columns hold arrays of the model's `Codable` values.
enum Migrations {
    /// The migrator with every migration registered, in `StoreSchema.migrations` order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-feeds-articles", migrate: v1FeedsArticles)
        migrator.registerMigration("v2-clusters-topics", migrate: v2ClustersTopics)
        migrator.registerMigration("v3-runs", migrate: v3Runs)
        migrator.registerMigration("v4-article-date-index", migrate: v4ArticleDateIndex)
        migrator.registerMigration("v5-topic-newest-index", migrate: v5TopicNewestIndex)
        migrator.registerMigration("v6-topic-rules", migrate: v6TopicRules)
        migrator.registerMigration("v7-article-features", migrate: v7ArticleFeatures)
        return migrator
    }

    /// Subscriptions (fetched feeds and dump sources) with fetch state and claim leases; articles keyed by
    /// (feed, entry id), with duplicate links.
    private static func v1FeedsArticles(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE feed (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    url TEXT NOT NULL UNIQUE CHECK (url <> ''),
                    kind TEXT NOT NULL DEFAULT 'feed' CHECK (kind IN ('feed', 'dump')),
                    title TEXT,
                    site_link TEXT,
                    folder TEXT,
                    subscribed_at DATETIME NOT NULL,
                    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'failing', 'gone')),
                    etag TEXT,
                    last_modified TEXT,
                    next_fetch_at DATETIME,
                    retry_after DATETIME,
                    consecutive_errors INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_errors >= 0),
                    last_error TEXT,
                    last_fetched_at DATETIME,
                    last_success_at DATETIME,
                    http_status INTEGER,
                    lease_owner TEXT,
                    lease_until DATETIME
                );
                CREATE INDEX feed_next_fetch_at ON feed (next_fetch_at);

                CREATE TABLE article (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    feed_id INTEGER NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
                    entry_id TEXT NOT NULL CHECK (entry_id <> ''),
                    canonical_url TEXT,
                    link TEXT,
                    links_json TEXT NOT NULL DEFAULT '[]',
                    title TEXT,
                    summary TEXT,
                    summary_type TEXT CHECK (summary_type IN ('text', 'html', 'xhtml')),
                    content TEXT,
                    content_type TEXT CHECK (content_type IN ('text', 'html', 'xhtml')),
                    authors_json TEXT NOT NULL DEFAULT '[]',
                    categories_json TEXT NOT NULL DEFAULT '[]',
                    enclosures_json TEXT NOT NULL DEFAULT '[]',
                    published DATETIME,
                    updated DATETIME,
                    language TEXT,
                    image TEXT,
                    kicker TEXT,
                    dateline TEXT,
                    first_seen DATETIME NOT NULL,
                    changed_at DATETIME NOT NULL,
                    content_hash TEXT NOT NULL,
                    revision_hash TEXT NOT NULL,
                    duplicate_of INTEGER REFERENCES article (id) ON DELETE SET NULL CHECK (duplicate_of <> id),
                    UNIQUE (feed_id, entry_id)
                );
                CREATE INDEX article_published ON article (published);
                CREATE INDEX article_first_seen ON article (first_seen);
                CREATE INDEX article_changed_at ON article (changed_at);
                CREATE INDEX article_content_hash ON article (content_hash);
                CREATE INDEX article_canonical_url ON article (canonical_url);
                CREATE INDEX article_duplicate_of ON article (duplicate_of);
                """)
    }

    /// Story clusters (an article belongs to at most one: `article.cluster_id`) and topics of articles and
    /// clusters.
    private static func v2ClustersTopics(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE cluster (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    label TEXT NOT NULL,
                    first_seen DATETIME NOT NULL,
                    last_seen DATETIME NOT NULL,
                    representative_id INTEGER REFERENCES article (id) ON DELETE SET NULL,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL
                );
                CREATE INDEX cluster_last_seen ON cluster (last_seen);

                ALTER TABLE article ADD COLUMN cluster_id INTEGER REFERENCES cluster (id) ON DELETE SET NULL;
                CREATE INDEX article_cluster_id ON article (cluster_id);

                CREATE TABLE topic (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    slug TEXT NOT NULL UNIQUE CHECK (slug <> ''),
                    title TEXT NOT NULL,
                    origin TEXT NOT NULL DEFAULT 'configured' CHECK (origin IN ('configured', 'discovered')),
                    created_at DATETIME NOT NULL
                );

                CREATE TABLE article_topic (
                    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
                    topic_id INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
                    PRIMARY KEY (article_id, topic_id)
                );
                CREATE INDEX article_topic_topic_id ON article_topic (topic_id);

                CREATE TABLE cluster_topic (
                    cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
                    topic_id INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
                    PRIMARY KEY (cluster_id, topic_id)
                );
                CREATE INDEX cluster_topic_topic_id ON cluster_topic (topic_id);
                """)
    }

    /// An index on the date an article is sorted and windowed by (`StoredArticle.date`): clustering reads the
    /// articles of its time window through it instead of scanning a year of history.
    private static func v4ArticleDateIndex(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX article_date ON article (COALESCE(published, updated, first_seen))")
    }

    /// Each story's last-seen date beside its topic links, with an index, so a topic's newest stories are read
    /// from the index instead of sorting every story the topic ever had (kept in step by `setClusterTopics` and
    /// `updateCluster`).
    private static func v5TopicNewestIndex(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE cluster_topic ADD COLUMN last_seen DATETIME;
                UPDATE cluster_topic SET last_seen = (SELECT last_seen FROM cluster WHERE cluster.id = cluster_topic.cluster_id);
                CREATE INDEX cluster_topic_newest ON cluster_topic (topic_id, last_seen, cluster_id);
                """)
    }

    /// A fingerprint of each configured topic's matching rules, so that clustering matches the stored articles of
    /// its window again only when the rules changed (`TopicDraft.rules`).
    private static func v6TopicRules(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE topic ADD COLUMN rules TEXT")
    }

    /// What clustering computed from each article's text (opaque bytes: the sentence keys read on their own, and
    /// the rest), so that a later run restores the article without reading its text; one row per article, gone
    /// with the article, evicted by the article's date through an index.
    private static func v7ArticleFeatures(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE article_feature (
                    article_id INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
                    date DATETIME NOT NULL,
                    sentences BLOB NOT NULL,
                    data BLOB NOT NULL
                );
                CREATE INDEX article_feature_date ON article_feature (date);
                """)
    }

    /// Runs of the main job and its steps, for `rundschau status` and the summary line.
    private static func v3Runs(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    command TEXT NOT NULL,
                    started_at DATETIME NOT NULL,
                    finished_at DATETIME,
                    status TEXT NOT NULL DEFAULT 'running'
                        CHECK (status IN ('running', 'succeeded', 'partial', 'failed')),
                    counts_json TEXT NOT NULL DEFAULT '{}',
                    message TEXT
                );
                CREATE INDEX run_started_at ON run (started_at);
                """)
    }
}
