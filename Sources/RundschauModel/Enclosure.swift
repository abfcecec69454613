/// A media file attached to an entry (RSS `enclosure`, Atom `rel="enclosure"`, Media RSS).
public struct Enclosure: Hashable, Codable, Sendable {
    public var url: String
    public var type: String?
    public var length: Int64?

    public init(url: String, type: String? = nil, length: Int64? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}
