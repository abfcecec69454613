import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import RundschauText

/// Fetches feeds politely over HTTP(S) and from local files, with one shared `HTTPClient`.
///
/// Every fetch sends a real User-Agent and the conditional-GET validators it is given, follows redirects itself
/// (so that it can tell a permanent 301/308 move from a temporary one), decodes gzip and deflate, enforces the
/// body limit while streaming, and turns every failure into a ``FetchOutcome`` value: `fetch` never throws.
///
/// ```swift
/// try await FeedFetcher.withFetcher(logger: logger) { fetcher in
///     for await result in fetcher.fetchAll(requests, concurrency: 16, perHost: 2) {
///         switch result.outcome {
///         case .fetched(let response): … // parse response.body, store response.etag / .lastModified
///         case .notModified: …           // nothing to parse
///         case .gone: …                  // mark the feed gone
///         case .failed(let error): …     // record error, back off (error.retryAfter)
///         }
///     }
/// }
/// ```
/// Create one fetcher per run and call ``shutdown()`` when done (``withFetcher(configuration:logger:_:)`` does).
public final class FeedFetcher: Sendable {
    /// The limits this fetcher was made with.
    public let configuration: Configuration
    let client: HTTPClient
    let logger: Logger

    /// Creates a fetcher and its HTTP client on the shared NIO event loop group.
    /// - Parameter logger: receives `debug` lines per fetch (metadata `feed.url`, `http.status`); never bootstrapped.
    public init(configuration: Configuration = Configuration(), logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        var clientConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: configuration.connectTimeout.timeAmount, read: configuration.readTimeout.timeAmount),
            connectionPool: .init(
                idleTimeout: .seconds(30),
                concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, configuration.maxConnectionsPerHost)),
            decompression: .enabled(limit: .ratio(max(1, configuration.decompressionRatioLimit))))
        clientConfiguration.httpVersion = .automatic
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
    }

    /// Closes the client's connections. Call once, after the last fetch has finished.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Runs `body` with a new fetcher and shuts the fetcher down afterwards, also when `body` throws.
    public static func withFetcher<Result: Sendable>(
        configuration: Configuration = Configuration(), logger: Logger,
        _ body: (FeedFetcher) async throws -> Result
    ) async throws -> Result {
        let fetcher = FeedFetcher(configuration: configuration, logger: logger)
        let result: Result
        do {
            result = try await body(fetcher)
        } catch {
            try? await fetcher.shutdown()
            throw error
        }
        try await fetcher.shutdown()
        return result
    }

    /// Fetches one feed: `http`/`https` over the network, `file` from disk.
    ///
    /// Never throws; a failure is ``FetchOutcome/failed(_:)`` with a ``FetchError`` whose code is one of
    /// `invalidURL`, `unsupportedScheme`, `connection`, `timeout`, `httpStatus`, `tooLarge`, `tooManyRedirects`,
    /// `badRedirect`, `decompression`, `file` or `cancelled`.
    public func fetch(_ request: FetchRequest) async -> FetchOutcome {
        var logger = self.logger
        logger[metadataKey: "feed.url"] = "\(request.url.absoluteString)"
        let outcome: FetchOutcome
        switch request.url.scheme?.lowercased() {
        case "http", "https":
            outcome = await fetchHTTPWithinTotalTimeout(request, logger: logger)
        case "file":
            outcome = fetchFile(request, logger: logger)
        case let scheme:
            outcome = .failed(FetchError(
                .unsupportedScheme, "cannot fetch \(scheme.map { "'\($0):'" } ?? "a URL without a scheme")",
                url: request.url))
        }
        log(outcome, logger: logger)
        return outcome
    }

    private func log(_ outcome: FetchOutcome, logger: Logger) {
        switch outcome {
        case .fetched(let response):
            logger.debug("fetched", metadata: [
                "http.status": "\(response.httpStatus)", "fetch.bytes": "\(response.body.count)",
                "fetch.final_url": "\(response.finalURL.absoluteString)",
            ])
            for warning in response.warnings { logger.debug("fetch warning", metadata: ["fetch.warning": "\(warning)"]) }
        case .notModified:
            logger.debug("not modified", metadata: ["http.status": "304"])
        case .gone:
            logger.info("feed is gone", metadata: ["http.status": "410"])
        case .failed(let error):
            logger.debug("fetch failed", metadata: ["fetch.error": "\(error.code)", "fetch.message": "\(error.message)"])
        }
    }

    // MARK: HTTP

    /// The AHC deadline covers only the response head; the body is raced against a timer here.
    private func fetchHTTPWithinTotalTimeout(_ request: FetchRequest, logger: Logger) async -> FetchOutcome {
        let total = configuration.totalTimeout
        return await withTaskGroup(of: FetchOutcome?.self) { group in
            group.addTask { await self.fetchHTTP(request, logger: logger) }
            group.addTask {
                try? await Task.sleep(for: total)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            if let first { return first }
            if Task.isCancelled { return .failed(FetchError(.cancelled, "the fetch was cancelled", url: request.url)) }
            return .failed(FetchError(.timeout, "no complete answer within the total timeout of \(total)", url: request.url))
        }
    }

    private func fetchHTTP(_ request: FetchRequest, logger: Logger) async -> FetchOutcome {
        var current = request.url
        var redirects: [FetchResponse.Redirect] = []
        var permanentRedirect: URL?
        var chainIsPermanent = true
        let deadline = NIODeadline.now() + configuration.totalTimeout.timeAmount
        do {
            while true {
                var httpRequest = HTTPClientRequest(url: current.absoluteString)
                httpRequest.method = .GET
                httpRequest.headers.add(name: "User-Agent", value: configuration.userAgent)
                httpRequest.headers.add(name: "Accept", value: configuration.accept)
                httpRequest.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
                if let etag = request.etag, !etag.isEmpty { httpRequest.headers.add(name: "If-None-Match", value: etag) }
                if let lastModified = request.lastModified, !lastModified.isEmpty {
                    httpRequest.headers.add(name: "If-Modified-Since", value: lastModified)
                }
                let response = try await client.execute(httpRequest, deadline: deadline, logger: logger)
                let status = Int(response.status.code)
                switch status {
                case 301, 302, 303, 307, 308:
                    await discard(response.body)
                    guard let value = response.headers.first(name: "location"),
                          let target = Self.resolve(value, against: current) else {
                        throw FetchError(.badRedirect, "HTTP \(status) without a usable Location header",
                                         url: request.url, httpStatus: status)
                    }
                    guard let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                        throw FetchError(.unsupportedScheme, "refused a redirect to \(target.absoluteString)",
                                         url: request.url, httpStatus: status)
                    }
                    guard redirects.count < configuration.maxRedirects else {
                        let loop = redirects.contains { $0.location == target } || target == request.url
                        throw FetchError(.tooManyRedirects,
                                         "more than \(configuration.maxRedirects) redirects\(loop ? " (a redirect loop)" : "")",
                                         url: request.url, httpStatus: status)
                    }
                    let hop = FetchResponse.Redirect(status: status, location: target)
                    redirects.append(hop)
                    if chainIsPermanent && hop.isPermanent { permanentRedirect = target } else { chainIsPermanent = false }
                    logger.debug("redirect", metadata: ["http.status": "\(status)", "fetch.location": "\(target)"])
                    current = target
                case 304:
                    await discard(response.body)
                    return .notModified(makeResponse(response.headers, status: status, body: [], finalURL: current,
                                                     permanentRedirect: permanentRedirect, redirects: redirects))
                case 410:
                    await discard(response.body)
                    return .gone(makeResponse(response.headers, status: status, body: [], finalURL: current,
                                              permanentRedirect: permanentRedirect, redirects: redirects))
                case 200..<300:
                    let body = try await readBody(response, url: request.url)
                    var result = makeResponse(response.headers, status: status, body: body, finalURL: current,
                                              permanentRedirect: permanentRedirect, redirects: redirects)
                    result.warnings += Self.contentTypeWarnings(result)
                    return .fetched(result)
                default:
                    await discard(response.body)
                    var retryAfter: Date?
                    if status == 429 || status == 503, let value = response.headers.first(name: "retry-after") {
                        retryAfter = RetryAfter.date(from: value, now: Date())
                    }
                    let reason = response.status.reasonPhrase
                    return .failed(FetchError(.httpStatus, "HTTP \(status)\(reason.isEmpty ? "" : " \(reason)")",
                                              url: request.url, httpStatus: status, retryAfter: retryAfter))
                }
            }
        } catch {
            return .failed(Self.fetchError(from: error, url: request.url, configuration: configuration))
        }
    }

    /// Streams the body into memory, refusing it as soon as it passes the limit.
    private func readBody(_ response: HTTPClientResponse, url: URL) async throws -> [UInt8] {
        let limit = configuration.maxBodySize
        let encoded = response.headers.first(name: "content-encoding").map { !$0.isEmpty && $0 != "identity" } ?? false
        var expected = 0
        if let text = response.headers.first(name: "content-length"), let length = Int(text) {
            if length > limit {
                throw FetchError(.tooLarge, "the body is \(length) bytes, over the limit of \(limit)", url: url)
            }
            if !encoded { expected = length }
        }
        var body: [UInt8] = []
        body.reserveCapacity(min(max(expected, 16 << 10), limit))
        for try await buffer in response.body {
            guard body.count + buffer.readableBytes <= limit else {
                throw FetchError(.tooLarge, "the body passed the limit of \(limit) bytes", url: url)
            }
            buffer.withUnsafeReadableBytes { body.append(contentsOf: $0) }
        }
        return body
    }

    /// Reads and drops a small body (a redirect's or error page's) so the connection can be reused; a large one
    /// is abandoned, which closes the connection instead.
    private func discard(_ body: HTTPClientResponse.Body) async {
        var seen = 0
        do {
            for try await buffer in body {
                seen += buffer.readableBytes
                if seen > 64 << 10 { return }
            }
        } catch {
            return
        }
    }

    static func resolve(_ location: String, against base: URL) -> URL? {
        let trimmed = location.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let url = URL(string: trimmed, relativeTo: base) { return url.absoluteURL }
        let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: Self.urlAllowed) ?? trimmed
        return URL(string: encoded, relativeTo: base)?.absoluteURL
    }

    /// Characters left alone when repairing a Location or href with spaces or non-ASCII characters.
    static let urlAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.insert(charactersIn: "#%")
        return set
    }()

    // MARK: Headers

    func makeResponse(
        _ headers: HTTPHeaders, status: Int, body: [UInt8], finalURL: URL, permanentRedirect: URL?,
        redirects: [FetchResponse.Redirect]
    ) -> FetchResponse {
        let (contentType, charset) = Self.parseContentType(headers.first(name: "content-type"))
        var warnings: [String] = []
        var expires: Date?
        if let value = headers.first(name: "expires") {
            expires = HTTPDate.parse(value)
            if expires == nil && value.trimmingCharacters(in: .whitespaces) != "0" && value != "-1" {
                warnings.append("unreadable Expires header '\(value)'")
            }
        }
        return FetchResponse(
            body: body, contentType: contentType, charset: charset, etag: headers.first(name: "etag"),
            lastModified: headers.first(name: "last-modified"), finalURL: finalURL, permanentRedirect: permanentRedirect,
            cacheControlMaxAge: Self.maxAge(headers[canonicalForm: "cache-control"].map(String.init)),
            expires: expires, httpStatus: status, redirects: redirects, warnings: warnings)
    }

    /// `text/xml; charset="UTF-8"` → (`text/xml`, `utf-8`).
    static func parseContentType(_ value: String?) -> (String?, String?) {
        guard let value else { return (nil, nil) }
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let type = parts.first.map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        var charset: String?
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let raw = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            charset = raw.isEmpty ? nil : raw.lowercased()
        }
        return (type, charset)
    }

    /// `max-age` from Cache-Control directives; `no-store`/`no-cache` mean no freshness hint.
    static func maxAge(_ directives: [String]) -> Int? {
        var maxAge: Int?
        for directive in directives {
            let pair = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            switch pair[0].lowercased() {
            case "no-store", "no-cache": return nil
            case "max-age" where pair.count == 2:
                maxAge = Int(pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            default: break
            }
        }
        return maxAge.map { max(0, $0) }
    }

    static func contentTypeWarnings(_ response: FetchResponse) -> [String] {
        let kind = response.sniffedKind
        let type = response.contentType ?? ""
        let feedTypes: Set<String> = [
            "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
            "application/feed+json", "application/json",
        ]
        switch kind {
        case .xmlFeed, .jsonFeed, .xml:
            guard !feedTypes.contains(type) else { return [] }
            return ["served as '\(type.isEmpty ? "no content type" : type)', not a feed type; the content is sniffed"]
        case .html, .unknown:
            return []
        }
    }

    // MARK: Errors

    static func fetchError(from error: any Error, url: URL, configuration: Configuration) -> FetchError {
        if let error = error as? FetchError { return error }
        if error is CancellationError { return FetchError(.cancelled, "the fetch was cancelled", url: url, underlying: error) }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return FetchError(.timeout, "no connection within \(configuration.connectTimeout)", url: url, underlying: error)
            case .readTimeout:
                return FetchError(.timeout, "the server sent nothing for \(configuration.readTimeout)", url: url,
                                  underlying: error)
            case .deadlineExceeded, .writeTimeout:
                return FetchError(.timeout, "no complete answer within \(configuration.totalTimeout)", url: url,
                                  underlying: error)
            case .cancelled:
                return FetchError(.cancelled, "the fetch was cancelled", url: url, underlying: error)
            case .invalidURL, .emptyHost, .emptyScheme:
                return FetchError(.invalidURL, "not a fetchable URL", url: url, underlying: error)
            default:
                return FetchError(.connection, "\(error)", url: url, underlying: error)
            }
        }
        if let error = error as? NIOHTTPDecompression.DecompressionError {
            return FetchError(.decompression, "the compressed body could not be decoded (\(error))", url: url,
                              underlying: error)
        }
        if error is NIOHTTPDecompression.ExtraDecompressionError {
            return FetchError(.decompression, "the compressed body could not be decoded (\(error))", url: url,
                              underlying: error)
        }
        if error is HTTPParserError {
            return FetchError(.connection, "the server sent malformed HTTP (\(error))", url: url, underlying: error)
        }
        return FetchError(.connection, "\(error)", url: url, underlying: error)
    }
}

extension Duration {
    /// The same span as a NIO `TimeAmount`.
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
