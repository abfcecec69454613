import Foundation

/// Why bytes could not be read as an OPML subscription list: not XML, or a root other than `<opml>`.
public struct OPMLError: Error, CustomStringConvertible, Sendable {
    /// One line for people, naming the problem.
    public var message: String
    /// The file or URL the bytes came from, when known.
    public var url: URL?
    /// The XML parser's error behind it, if any.
    public var underlying: (any Error & Sendable)?

    public init(_ message: String, url: URL? = nil, underlying: (any Error & Sendable)? = nil) {
        self.message = message
        self.url = url
        self.underlying = underlying
    }

    public var description: String { url.map { "\($0.isFileURL ? $0.path : $0.absoluteString): \(message)" } ?? message }
}
