import Hummingbird
import Logging
import NIOCore

/// Builds the HTTP server that serves the output folder read-only (`rundschau serve`).
///
/// ```swift
/// let app = try buildApplication(host: "127.0.0.1", port: 8080, outputFolder: "Feeds", logger: logger)
/// try await app.runService()
/// ```
///
/// - Parameters:
///   - host: the address to listen on.
///   - port: the port (0 picks a free one; `onServerRunning` tells which).
///   - outputFolder: the folder `rundschau publish` writes; it must exist.
///   - metrics: the counters `/metrics` reports.
///   - onServerRunning: called with the bound port once the server listens.
/// - Throws: ``ServerError`` `outputFolderMissing` when the folder does not exist.
public func buildApplication(
    host: String, port: Int, outputFolder: String, logger: Logger, metrics: ServerMetrics = ServerMetrics(),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws(ServerError) -> some ApplicationProtocol {
    let router = try buildRouter(outputFolder: outputFolder, logger: logger, metrics: metrics)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(host, port: port), serverName: "Rundschau"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
        logger: logger)
}

/// The router: an access log line per request, the request counters, then `GET /metrics` (Prometheus text
/// format) and `GET`/`HEAD` for `/` (the front page) and every file below the output folder.
/// - Throws: ``ServerError`` `outputFolderMissing`.
public func buildRouter(
    outputFolder: String, logger: Logger, metrics: ServerMetrics = ServerMetrics()
) throws(ServerError) -> Router<ServerRequestContext> {
    let folder = try FeedFolder(path: outputFolder)
    let router = Router(context: ServerRequestContext.self)
    router.add(middleware: AccessLogMiddleware(logger: logger))
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.get("/metrics") { _, _ -> Response in
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.render())))
    }
    FeedFolderController(folder: folder, cache: FeedFileCache(), logger: logger).addRoutes(to: router)
    return router
}
