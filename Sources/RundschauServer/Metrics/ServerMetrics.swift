import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// What `rundschau serve` has answered since it started, for `/metrics` (Prometheus text format 0.0.4):
/// requests by status code, body bytes sent, the share answered 304, and feed documents served by format.
/// Scrapes of `/metrics` itself are not counted.
public final class ServerMetrics: Sendable {
    struct Counts {
        var byStatus: [Int: Int] = [:]
        var bytes = 0
        var feeds: [String: Int] = ["atom": 0, "json": 0]
    }

    private let counts = Mutex(Counts())

    /// Creates empty counters.
    public init() {}

    /// Counts one answered request: its status, the body bytes sent, and, for a feed answered 200 or 304, its format.
    func record(path: String, status: Int, bodyBytes: Int) {
        let format: String? = path.hasSuffix(".atom") ? "atom" : path.hasSuffix(".json") ? "json" : nil
        counts.withLock { counts in
            counts.byStatus[status, default: 0] += 1
            counts.bytes += bodyBytes
            if let format, status == 200 || status == 304 { counts.feeds[format, default: 0] += 1 }
        }
    }

    /// The Prometheus text exposition of the counters, in a fixed order.
    public func render() -> String {
        let snapshot = counts.withLock { $0 }
        let total = snapshot.byStatus.values.reduce(0, +)
        let notModified = snapshot.byStatus[304] ?? 0
        var text = """
            # HELP rundschau_http_requests_total HTTP requests answered, by status code.
            # TYPE rundschau_http_requests_total counter

            """
        for (status, count) in snapshot.byStatus.sorted(by: { $0.key < $1.key }) {
            text += "rundschau_http_requests_total{code=\"\(status)\"} \(count)\n"
        }
        text += """
            # HELP rundschau_http_response_bytes_total Response body bytes sent (compressed size when gzip was used).
            # TYPE rundschau_http_response_bytes_total counter
            rundschau_http_response_bytes_total \(snapshot.bytes)
            # HELP rundschau_http_not_modified_total Requests answered 304 Not Modified.
            # TYPE rundschau_http_not_modified_total counter
            rundschau_http_not_modified_total \(notModified)
            # HELP rundschau_http_not_modified_ratio Share of all requests answered 304 Not Modified (0 before the first).
            # TYPE rundschau_http_not_modified_ratio gauge
            rundschau_http_not_modified_ratio \(total == 0 ? "0" : String(Double(notModified) / Double(total)))
            # HELP rundschau_feeds_served_total Feed documents answered 200 or 304, by format.
            # TYPE rundschau_feeds_served_total counter

            """
        for (format, count) in snapshot.feeds.sorted(by: { $0.key < $1.key }) {
            text += "rundschau_feeds_served_total{format=\"\(format)\"} \(count)\n"
        }
        return text
    }
}

/// Counts every answered request into ``ServerMetrics`` (after the response, or the error that became one).
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path != "/metrics" else { return try await next(request, context) }
        do {
            let response = try await next(request, context)
            let bytes = request.method == .head ? 0 : response.headers[.contentLength].flatMap { Int($0) } ?? 0
            metrics.record(path: path, status: response.status.code, bodyBytes: bytes)
            return response
        } catch {
            metrics.record(path: path, status: (error as? any HTTPResponseError)?.status.code ?? 500, bodyBytes: 0)
            throw error
        }
    }
}
