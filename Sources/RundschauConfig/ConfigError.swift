/// A settings file that could not be used: names the file, the key and what was expected.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// The settings file.
    public var file: String
    /// The dotted key (`fetch.concurrency`), when one is to blame.
    public var key: String?
    /// What was wrong, and what was expected.
    public var message: String
    /// The 1-based line in the file, when known.
    public var line: Int?

    public init(file: String, key: String? = nil, message: String, line: Int? = nil) {
        self.file = file
        self.key = key
        self.message = message
        self.line = line
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let key { text += ": \(key)" }
        return text + ": " + message
    }
}
