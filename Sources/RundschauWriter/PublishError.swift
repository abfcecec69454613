/// Why publishing failed.
public struct PublishError: Error, Sendable, CustomStringConvertible {
    /// A stable, matchable reason.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case invalidConfiguration, invalidFeed, fileSystem }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// The base URL or tag date cannot be used.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// A feed's slug is malformed, reserved or used twice.
        public static let invalidFeed = Code(.invalidFeed)
        /// The output folder or a file in it could not be created, written, renamed or removed.
        public static let fileSystem = Code(.fileSystem)
        /// The code's name.
        public var description: String { base.rawValue }
    }

    /// The matchable reason.
    public var code: Code
    /// What went wrong, for a terminal.
    public var message: String
    /// The file or folder involved, if any.
    public var path: String?
    /// The system error number, for `fileSystem`.
    public var errno: Int32?

    /// Creates an error.
    public init(_ code: Code, _ message: String, path: String? = nil, errno: Int32? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.errno = errno
    }

    /// `publish: <message>: <path>`.
    public var description: String {
        var text = "publish: \(message)"
        if let path { text += ": \(path)" }
        return text
    }
}
