import Foundation
import RundschauStore

/// The metrics of one `rundschau run` in Prometheus text format (0.0.4), for node_exporter's textfile collector
/// (`run.metrics_file`, e.g. `/var/lib/node_exporter/textfile/rundschau.prom`). The file is replaced atomically
/// (a temporary file in the same folder, then `rename`), so the collector never reads half a file.
public enum RunMetrics {
    /// What a run's metrics file says.
    public struct Values: Sendable, Hashable {
        /// When the run finished.
        public var finished: Date
        /// How long it took, in seconds.
        public var duration: Double
        /// How it ended.
        public var status: RunStatus
        /// Its totals.
        public var counts: RunCounts
        /// Warnings (a WebSub hub that is down, …).
        public var warnings: Int
        /// Stories (clusters) in the store after the run.
        public var stories: Int
        /// Topics in the store after the run.
        public var topics: Int

        /// Creates the values.
        public init(finished: Date, duration: Double, status: RunStatus, counts: RunCounts, warnings: Int, stories: Int, topics: Int) {
            self.finished = finished
            self.duration = duration
            self.status = status
            self.counts = counts
            self.warnings = warnings
            self.stories = stories
            self.topics = topics
        }
    }

    /// The exposition text, one `# HELP`/`# TYPE` pair per metric, in a fixed order.
    public static func render(_ values: Values) -> String {
        var text = ""
        /// `samples`: (labels, value) pairs.
        func gauge(_ name: String, _ help: String, _ samples: [(String, String)]) {
            text += "# HELP rundschau_run_\(name) \(help)\n# TYPE rundschau_run_\(name) gauge\n"
            for (labels, value) in samples { text += "rundschau_run_\(name)\(labels) \(value)\n" }
        }
        let c = values.counts
        gauge("last_timestamp_seconds", "When the last run finished (Unix time).",
              [("", String(format: "%.3f", values.finished.timeIntervalSince1970))])
        gauge("duration_seconds", "How long the last run took.", [("", String(format: "%.3f", values.duration))])
        gauge("outcome", "How the last run ended: 1 for its outcome, 0 for the others.",
              [RunStatus.succeeded, .partial, .failed].map { ("{outcome=\"\($0.rawValue)\"}", $0 == values.status ? "1" : "0") })
        gauge("feeds_fetched", "Feeds fetched with a 200 response in the last run.", [("", "\(c.feedsFetched)")])
        gauge("feeds_not_modified", "Feeds answered 304 Not Modified in the last run.", [("", "\(c.feedsNotModified)")])
        gauge("feeds_failed", "Feeds whose fetch or storage failed in the last run.", [("", "\(c.feedsFailed)")])
        gauge("items_imported", "Items read from dump files in the last run.", [("", "\(c.itemsImported)")])
        gauge("articles_new", "Articles stored for the first time in the last run.", [("", "\(c.articlesNew)")])
        gauge("articles_updated", "Stored articles whose content changed in the last run.", [("", "\(c.articlesUpdated)")])
        gauge("duplicates", "Articles linked to a canonical article as duplicates in the last run.", [("", "\(c.duplicates)")])
        gauge("stories_changed", "Story clusters opened or changed in the last run.", [("", "\(c.clusters)")])
        gauge("stories", "Story clusters in the store after the last run.", [("", "\(values.stories)")])
        gauge("topics", "Topics in the store after the last run.", [("", "\(values.topics)")])
        gauge("files_written", "Output files written by the last run.", [("", "\(c.feedsWritten)")])
        gauge("warnings", "Warnings of the last run (a WebSub hub that could not be notified, …).", [("", "\(values.warnings)")])
        return text
    }

    /// Replaces the file at `path` with `text` atomically.
    /// - Throws: a Foundation error when the folder is missing or not writable.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                               NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
