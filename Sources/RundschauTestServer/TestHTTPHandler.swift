import NIOCore
import NIOHTTP1

/// One connection's HTTP/1.1 request handling: route, optional delays, plain or endless chunked bodies.
final class TestHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// A header the response compressor's predicate removes; its presence asks for compression.
    static let compressMarker = "x-test-compress"

    private let router: RouterBox
    private var requestHead: HTTPRequestHead?
    /// The body of the request being read (kept up to 1 MiB).
    private var requestBody: [UInt8] = []
    /// The endless body being pumped: chunk and bytes still allowed.
    private var endless: (chunk: ByteBuffer, remaining: Int, keepAlive: Bool)?
    private var pumping = false

    init(router: RouterBox) {
        self.router = router
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            requestHead = head
            requestBody = []
        case .body(let buffer):
            if requestBody.count < 1 << 20 { requestBody += buffer.readableBytesView.prefix((1 << 20) - requestBody.count) }
        case .end:
            guard let head = requestHead else { return }
            requestHead = nil
            let request = TestRequest(
                method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: requestBody)
            requestBody = []
            let response = router.handle(request)
            let keepAlive = head.isKeepAlive
            if let delay = response.delay {
                context.eventLoop.assumeIsolated().scheduleTask(in: delay.timeAmount) {
                    self.send(response, keepAlive: keepAlive, version: head.version, context: context)
                }
            } else {
                send(response, keepAlive: keepAlive, version: head.version, context: context)
            }
        }
    }

    private func send(_ response: TestResponse, keepAlive: Bool, version: HTTPVersion, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        if response.compress { headers.add(name: Self.compressMarker, value: "1") }
        if case .bytes(let bytes) = response.body, !headers.contains(name: "content-length") {
            headers.add(name: "Content-Length", value: "\(bytes.count)")
        }
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let bodyDelay = response.bodyDelay {
            context.flush()
            context.eventLoop.assumeIsolated().scheduleTask(in: bodyDelay.timeAmount) {
                self.sendBody(response.body, keepAlive: keepAlive, context: context)
            }
        } else {
            sendBody(response.body, keepAlive: keepAlive, context: context)
        }
    }

    private func sendBody(_ body: TestResponse.Body, keepAlive: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        switch body {
        case .bytes(let bytes):
            if !bytes.isEmpty {
                context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))),
                              promise: nil)
            }
            finish(keepAlive: keepAlive, context: context)
        case .endless(let chunk, let limit):
            endless = (context.channel.allocator.buffer(bytes: chunk.isEmpty ? [0x20] : chunk), limit, keepAlive)
            router.endlessBody(sent: 0, opened: 1)
            pump(context: context)
        }
    }

    /// Writes chunks while the channel is open and writable, at most 1 MiB per turn of the event loop (so that the
    /// other channels on this loop are served); resumes on `channelWritabilityChanged` (back-pressure) or on the
    /// next turn. Stops when the client goes away: writes to a closed channel fail at once and would never make it
    /// unwritable.
    private func pump(context: ChannelHandlerContext) {
        guard !pumping else { return }  // flush() can report writability again, re-entrantly
        pumping = true
        defer { pumping = false }
        var sent = 0
        while let state = endless, context.channel.isActive, context.channel.isWritable, sent < 1 << 20 {
            guard state.remaining > 0 else {
                stopEndless()
                router.endlessBody(sent: sent, opened: 0)
                finish(keepAlive: state.keepAlive, context: context)
                return
            }
            context.write(wrapOutboundOut(.body(.byteBuffer(state.chunk))), promise: nil)
            sent += state.chunk.readableBytes
            endless = (state.chunk, state.remaining - state.chunk.readableBytes, state.keepAlive)
        }
        router.endlessBody(sent: sent, opened: 0)
        context.flush()
        guard endless != nil else { return }
        guard context.channel.isActive else {
            stopEndless()
            return
        }
        if context.channel.isWritable {
            context.eventLoop.assumeIsolated().execute { self.pump(context: context) }
        }
    }

    private func stopEndless() {
        guard endless != nil else { return }
        endless = nil
        router.endlessBody(sent: 0, opened: -1)
    }

    private func finish(keepAlive: Bool, context: ChannelHandlerContext) {
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            done.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if endless != nil, context.channel.isWritable { pump(context: context) }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopEndless()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        stopEndless()
        context.close(promise: nil)
    }
}

extension Duration {
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
