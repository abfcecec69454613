/// The one error type of every ``FeedStore`` backend.
///
/// Match on ``code`` rather than on the message; codes are structs so that new ones never break a `switch`.
///
/// ```swift
/// do { try await store.updateFeedURL(id, to: newURL) }
/// catch let error as StoreError where error.code == .conflict { print("already subscribed: \(newURL)") }
/// ```
public struct StoreError: Error, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notFound = "not found"
            case conflict
            case constraint = "constraint violated"
            case invalidArgument = "invalid argument"
            case busy
            case cannotOpen = "cannot open"
            case corrupt
            case io = "I/O error"
            case readOnly = "read-only"
            case full = "disk full"
            case migration = "migration failed"
            case decoding = "unreadable row"
            case database = "database error"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The feed, article, cluster, topic or run named does not exist.
        public static let notFound = Code(.notFound)
        /// A unique value is taken, e.g. a feed URL that another subscription already has.
        public static let conflict = Code(.conflict)
        /// A row broke a schema rule (empty entry id, unknown foreign key, a failed check).
        public static let constraint = Code(.constraint)
        /// The caller passed a value the store cannot accept (negative limit, an article as its own duplicate).
        public static let invalidArgument = Code(.invalidArgument)
        /// Another process held the database longer than the busy timeout.
        public static let busy = Code(.busy)
        /// The database could not be opened or created (bad path, permissions, server unreachable).
        public static let cannotOpen = Code(.cannotOpen)
        /// The file is not a database or is damaged.
        public static let corrupt = Code(.corrupt)
        /// Reading or writing the storage failed.
        public static let io = Code(.io)
        /// The database is read-only.
        public static let readOnly = Code(.readOnly)
        /// The disk or quota is full.
        public static let full = Code(.full)
        /// The schema could not be brought up to date.
        public static let migration = Code(.migration)
        /// A stored value could not be read back (bad JSON column, unknown enum value).
        public static let decoding = Code(.decoding)
        /// Any other database failure; see ``StoreError/underlying``.
        public static let database = Code(.database)

        /// A few words for a terminal (`not found`, `conflict`).
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A one-line explanation for a terminal.
    public var message: String
    /// The database involved: an SQLite file path, `:memory:`, or a server URL without credentials.
    public var location: String?
    /// The backend's own error, when there is one.
    public var underlying: (any Error)?

    /// Creates an error; backends fill in ``location``.
    public init(code: Code, message: String, location: String? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.underlying = underlying
    }

    /// `store: <location>: <message>`, e.g. `store: .rundschau/rundschau.sqlite: feed 12 not found`.
    public var description: String {
        if let location { return "store: \(location): \(message)" }
        return "store: \(message)"
    }
}
