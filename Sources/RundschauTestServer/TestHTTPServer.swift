import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import Synchronization

/// A programmable HTTP/1.1 server on the loopback interface, for fetch tests and the fetch benchmark.
///
/// It binds `127.0.0.1` (never another address) on a free port, answers each request through the handler
/// registered for its path (else the fallback, else 404), and records the requests it saw.
/// ```swift
/// let server = try await TestHTTPServer.start()
/// server.route("/feed.xml") { request in
///     request.header("If-None-Match") == "\"v1\"" ? .status(304) : .text(rss, headers: [("ETag", "\"v1\"")])
/// }
/// let outcome = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml")))
/// try await server.shutdown()
/// ```
public final class TestHTTPServer: Sendable {
    /// Answers one request.
    public typealias Handler = @Sendable (TestRequest) -> TestResponse

    /// The port the server listens on.
    public let port: Int
    private let channel: any Channel
    let state: Mutex<State>

    struct State {
        var routes: [String: Handler] = [:]
        var fallback: Handler?
        var recorded: [TestRequest] = []
        var recording = true
        var requestCount = 0
        var endlessBytesSent = 0
        var openEndlessBodies = 0
    }

    private init(channel: any Channel, port: Int) {
        self.channel = channel
        self.port = port
        self.state = Mutex(State())
    }

    /// Starts a server on `127.0.0.1` and a free port (or `port`).
    public static func start(port: Int = 0, backlog: Int32 = 1024) async throws -> TestHTTPServer {
        let router = RouterBox()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: backlog)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.configureHTTPServerPipeline(withErrorHandling: true)
                    try pipeline.addHandler(HTTPResponseCompressor(responseCompressionPredicate: { head, _ in
                        guard head.headers.contains(name: TestHTTPHandler.compressMarker) else { return .doNotCompress }
                        head.headers.remove(name: TestHTTPHandler.compressMarker)
                        return .compressIfPossible
                    }))
                    try pipeline.addHandler(TestHTTPHandler(router: router))
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .get()
        guard let boundPort = channel.localAddress?.port else {
            try? await channel.close()
            throw ChannelError.unknownLocalAddress
        }
        let server = TestHTTPServer(channel: channel, port: boundPort)
        router.server.withLock { $0 = server }
        return server
    }

    /// `http://127.0.0.1:<port><path>`.
    public func url(_ path: String) -> URL {
        let suffix = path.hasPrefix("/") ? path : "/" + path
        // The string is built from an integer port and a path we control: always a valid URL.
        return URL(string: "http://127.0.0.1:\(port)\(suffix)") ?? URL(fileURLWithPath: "/")
    }

    /// Answers requests for `path` (query ignored) with `handler`.
    public func route(_ path: String, _ handler: @escaping Handler) {
        state.withLock { $0.routes[path] = handler }
    }

    /// Answers requests for `path` with a fixed response.
    public func route(_ path: String, response: TestResponse) {
        route(path) { _ in response }
    }

    /// Answers requests no route matches.
    public func fallback(_ handler: @escaping Handler) {
        state.withLock { $0.fallback = handler }
    }

    /// Whether requests are kept for ``requests(to:)`` (default on; the benchmark turns it off).
    public func setRecording(_ on: Bool) {
        state.withLock { $0.recording = on }
    }

    /// The requests received for `path` so far, oldest first.
    public func requests(to path: String) -> [TestRequest] {
        state.withLock { $0.recorded.filter { $0.path == path } }
    }

    /// How many requests the server has answered or is answering.
    public var requestCount: Int { state.withLock { $0.requestCount } }

    /// Bytes written so far for ``TestResponse/Body/endless(chunk:limit:)`` bodies, all connections together.
    public var endlessBytesSent: Int { state.withLock { $0.endlessBytesSent } }

    /// Endless bodies still being sent (their clients have neither closed nor reached the limit).
    public var openEndlessBodies: Int { state.withLock { $0.openEndlessBodies } }

    /// Stops listening. Open connections end when their clients close them.
    public func shutdown() async throws {
        try await channel.close()
    }

    func endlessBody(sent bytes: Int, opened: Int) {
        state.withLock {
            $0.endlessBytesSent += bytes
            $0.openEndlessBodies += opened
        }
    }

    func handle(_ request: TestRequest) -> TestResponse {
        let handler = state.withLock { state -> Handler? in
            state.requestCount += 1
            if state.recording { state.recorded.append(request) }
            return state.routes[request.path] ?? state.fallback
        }
        return handler?(request) ?? .text("not found", contentType: "text/plain", status: 404)
    }
}

/// Lets the channel initializer reach the server object created after `bind`.
final class RouterBox: Sendable {
    let server = Mutex<TestHTTPServer?>(nil)

    func handle(_ request: TestRequest) -> TestResponse {
        guard let server = server.withLock({ $0 }) else { return .status(503) }
        return server.handle(request)
    }

    func endlessBody(sent bytes: Int, opened: Int) {
        server.withLock { $0 }?.endlessBody(sent: bytes, opened: opened)
    }
}
