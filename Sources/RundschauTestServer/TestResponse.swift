/// A response the ``TestHTTPServer`` sends, with the misbehaviours fetch tests need.
public struct TestResponse: Sendable {
    /// How the body is sent.
    public enum Body: Sendable {
        /// These bytes, with `Content-Length` (or chunked when compressed).
        case bytes([UInt8])
        /// `chunk` repeated, chunked, until the client goes away or `limit` bytes were sent (a bound for safety).
        case endless(chunk: [UInt8], limit: Int)
    }

/// The HTTP status code.
    public var status: Int
    /// Header fields to send; `Content-Length` is added for ``Body/bytes(_:)`` bodies.
    public var headers: [(name: String, value: String)]
/// The body and how it is sent.
    public var body: Body
    /// Wait this long before sending anything (a server slower than the client's read timeout).
    public var delay: Duration?
    /// Send the head at once, then wait this long before the body.
    public var bodyDelay: Duration?
    /// Compress the body with gzip or deflate when the request's `Accept-Encoding` allows it (NIO's compressor).
    public var compress: Bool

/// Creates a response; by default an empty 200.
    public init(
        status: Int = 200, headers: [(name: String, value: String)] = [], body: Body = .bytes([]),
        delay: Duration? = nil, bodyDelay: Duration? = nil, compress: Bool = false
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.bodyDelay = bodyDelay
        self.compress = compress
    }

    /// A 200 (or `status`) with a text body and content type.
    public static func text(
        _ text: String, contentType: String = "application/rss+xml; charset=utf-8", status: Int = 200,
        headers: [(name: String, value: String)] = []
    ) -> TestResponse {
        TestResponse(status: status, headers: [("Content-Type", contentType)] + headers, body: .bytes(Array(text.utf8)))
    }

    /// A redirect to `location` (absolute or relative).
    public static func redirect(_ status: Int, to location: String) -> TestResponse {
        TestResponse(status: status, headers: [("Location", location)])
    }

    /// An empty response with `status` and `headers`.
    public static func status(_ status: Int, headers: [(name: String, value: String)] = []) -> TestResponse {
        TestResponse(status: status, headers: headers)
    }
}
