import Foundation

/// What one ``FeedPublisher/publish(topics:entries:to:)`` run did to the output folder.
public struct PublishReport: Sendable, Hashable, CustomStringConvertible {
    /// Files (re)written because their content changed or they were new.
    public var written: [String] = []
    /// Files left untouched because their content was already identical.
    public var unchanged: [String] = []
    /// Files of an earlier run that this run no longer produces, removed.
    public var removed: [String] = []
    /// Feeds published (topics plus `all`).
    public var feeds = 0
    /// Entries written across all feed documents (an entry in three topics counts three times).
    public var entries = 0
    /// Bytes of all generated files, written or not.
    public var bytes = 0
    /// Problems that did not fail the publish (a WebSub hub that could not be notified), one line each.
    public var warnings: [String] = []

    /// An empty report.
    public init() {}

    /// `written + unchanged`.
    public var files: Int { written.count + unchanged.count }

    /// The subscription documents among ``written`` (`<slug>.atom` and `<slug>.json`, not archive pages), sorted:
    /// the feeds whose subscribers should hear about a change.
    public var changedFeeds: [String] {
        written.filter { name in
            (name.hasSuffix(".atom") && name.range(of: #"-archive-[0-9]+\.atom$"#, options: .regularExpression) == nil)
                || name.hasSuffix(".json")
        }.sorted()
    }

    /// One line for a terminal.
    public var description: String {
        "\(feeds) feeds, \(entries) entries: \(written.count) files written, \(unchanged.count) unchanged, \(removed.count) removed"
    }
}
