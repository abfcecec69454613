/// A request as the ``TestHTTPServer`` received it.
public struct TestRequest: Sendable {
    /// `GET`, `HEAD`, …
    public var method: String
    /// The request target as sent (`/feed.xml?x=1`).
    public var uri: String
    /// The header fields in order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The request body as received (empty for `GET`).
    public var body: [UInt8]

    /// Creates a request record.
    public init(method: String, uri: String, headers: [(name: String, value: String)], body: [UInt8] = []) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The path of ``uri`` without query.
    public var path: String { String(uri.prefix { $0 != "?" }) }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
