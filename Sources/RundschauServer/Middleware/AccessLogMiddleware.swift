import Foundation
import Hummingbird
import Logging

/// Logs one line per request, after the response (or the error that became one): client address, method,
/// target, status, body bytes, duration and user agent, at `info`.
struct AccessLogMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status.code, bytes: response.headers[.contentLength] ?? "-", since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context: context, status: status, bytes: "-", since: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, bytes: String, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let agent = request.headers[.userAgent] ?? "-"
        let target = String(request.uri.description.prefix(512))
        let client = context.remoteAddress?.ipAddress ?? "-"
        logger.info(
            "\(client) \(request.method.rawValue) \(target) \(status) \(bytes) \(String(format: "%.2f", milliseconds))ms \"\(agent)\"",
            metadata: ["http.method": "\(request.method.rawValue)", "http.status": "\(status)", "http.client": "\(client)"])
    }
}
