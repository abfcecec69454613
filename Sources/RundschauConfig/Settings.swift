import Foundation

/// Everything `Config/rundschau.yaml` can set, with its defaults. Relative paths in the file are resolved
/// against the file's own folder; without a file, against the current directory.
public struct Settings: Sendable, Hashable {
    /// Where Rundschau keeps and finds things.
    public struct Paths: Sendable, Hashable {
        /// Folder for the SQLite database and the run lock.
        public var data: String = ".rundschau"
        /// `postgres://…` or an SQLite file path; `nil` means `<data>/rundschau.sqlite`.
        public var database: String?
        /// The OPML subscription list the main job reads.
        public var subscriptions: String = "Config/feeds.opml"
        /// The topic definitions.
        public var topics: String = "Config/topics.yaml"
        /// Where `publish` writes the Atom feeds.
        public var output: String = "Feeds"

        /// The database location after defaults: an explicit value, else the SQLite file in the data folder.
        public var resolvedDatabase: String { database ?? (data as NSString).appendingPathComponent("rundschau.sqlite") }
    }

    /// Text-dump folders the main job imports on every run.
    public struct Import: Sendable, Hashable {
        public var folders: [String] = ["seeds"]
        /// File-name pattern inside the folders (`*` wildcards).
        public var pattern: String = "*.txt"
    }

    /// How politely and how hard to fetch.
    public struct Fetch: Sendable, Hashable {
        public var concurrency: Int = 16
        public var perHost: Int = 2
        /// Seconds to establish a connection.
        public var connectTimeout: Int = 10
        /// Seconds for a whole request, body included.
        public var timeout: Int = 30
        /// Largest response body accepted, in bytes.
        public var maxBodyBytes: Int = 16 << 20
        /// Shortest interval between two fetches of one feed, in minutes.
        public var minIntervalMinutes: Int = 15
        /// Longest interval, in minutes.
        public var maxIntervalMinutes: Int = 24 * 60
        /// Consecutive failures after which a feed is marked failing.
        public var failingAfter: Int = 3
        /// Overrides the User-Agent header.
        public var userAgent: String?
    }

    /// Parser limits.
    public struct Parser: Sendable, Hashable {
        /// Largest feed document accepted, in bytes.
        public var maxDocumentBytes: Int = 32 << 20
    }

    /// Deduplication and story clustering.
    public struct Cluster: Sendable, Hashable {
        /// Articles further apart than this many days never join one story.
        public var windowDays: Double = 3
    }

    /// The generated Atom feeds.
    public struct Publish: Sendable, Hashable {
        /// Public URL under which the output folder is served (self and alternate links).
        public var baseURL: String = "http://127.0.0.1:8080/"
        /// Feed title prefix and author name.
        public var title: String = "Rundschau"
        public var author: String = "Rundschau"
        /// Newest entries per feed.
        public var entries: Int = 50
        /// One entry per story cluster (`story`) or per article (`article`).
        public var mode: PublishMode = .story
        /// A WebSub hub URL (absolute http(s)): feeds name it, and a run notifies it of the feeds that changed.
        public var webSubHub: String?
    }

    /// What one entry of a published feed stands for (`publish.mode`).
    public enum PublishMode: String, Sendable, Hashable, CaseIterable {
        /// One entry per story, listing its sources.
        case story
        /// One entry per article (copies left out).
        case article
    }

    /// The main job (`rundschau run`).
    public struct Run: Sendable, Hashable {
        /// When set, each run writes its metrics here in Prometheus text format (for node_exporter's textfile
        /// collector), atomically.
        public var metricsFile: String?
    }

    /// How long articles are kept (`rundschau prune`, and every `rundschau run` when set).
    public struct Retention: Sendable, Hashable {
        /// Stories whose articles were all first seen longer ago than this, and loose articles as old, are
        /// removed; `0` keeps everything.
        public var days: Int = 0
    }

    /// `rundschau serve`.
    public struct Serve: Sendable, Hashable {
        public var host: String = "127.0.0.1"
        public var port: Int = 8080
    }

    public var paths = Paths()
    public var importing = Import()
    public var fetch = Fetch()
    public var parser = Parser()
    public var cluster = Cluster()
    public var publish = Publish()
    public var serve = Serve()
    public var run = Run()
    public var retention = Retention()
    /// The file these settings came from; `nil` for built-in defaults.
    public var file: String?

    public init() {}
}
