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

    /// An empty report.
    public init() {}

    /// `written + unchanged`.
    public var files: Int { written.count + unchanged.count }

    /// One line for a terminal.
    public var description: String {
        "\(feeds) feeds, \(entries) entries: \(written.count) files written, \(unchanged.count) unchanged, \(removed.count) removed"
    }
}
