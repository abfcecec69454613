/// Why the server could not start.
public struct ServerError: Error, Sendable, CustomStringConvertible {
    /// A stable, matchable reason.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case outputFolderMissing }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// The output folder does not exist or is not a folder.
        public static let outputFolderMissing = Code(.outputFolderMissing)
        /// The code's name.
        /// `serve: <message>: <path>`.
        public var description: String { base.rawValue }
    }

    /// The matchable reason.
    public var code: Code
    /// What went wrong, for a terminal.
    public var message: String
    /// The path involved, if any.
    public var path: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String {
        if let path { return "serve: \(message): \(path)" }
        return "serve: \(message)"
    }
}
