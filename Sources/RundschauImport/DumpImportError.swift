/// Why one dump could not be imported. Other dumps of the same run are not affected.
///
/// `description` is the one-line message for a terminal: `<file>: <reason>`, e.g.
/// `seeds/cover.txt: binary file (NUL bytes)`.
public struct DumpImportError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The kind of failure. New codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case empty, binary, unreadable, tooLarge, noArticles
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file has no bytes, or only white space.
        public static let empty = Code(.empty)
        /// The file holds NUL bytes or mostly control characters.
        public static let binary = Code(.binary)
        /// The path does not exist, is not a regular file, or cannot be read.
        public static let unreadable = Code(.unreadable)
        /// The file is larger than ``DumpImportOptions/maxFileSize``.
        public static let tooLarge = Code(.tooLarge)
        /// The text holds nothing that reads as an article or teaser.
        public static let noArticles = Code(.noArticles)

        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// The file as the user named it (`-` for standard input).
    public var file: String
    /// The reason, for people: `binary file (NUL bytes)`.
    public var reason: String

    public init(_ code: Code, file: String, reason: String) {
        self.code = code
        self.file = file
        self.reason = reason
    }

    /// `<file>: <reason>`.
    public var message: String { "\(file): \(reason)" }

    public var description: String { message }
}
