import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// Tells a WebSub hub (https://www.w3.org/TR/websub/) that feeds changed, so that it fetches them and pushes
/// them to its subscribers: one `POST` of `hub.mode=publish&hub.url=<feed URL>` per changed feed
/// (`application/x-www-form-urlencoded`, the form hubs such as Google's and Superfeedr accept).
///
/// A hub that is down or refuses is not an error of the publish: ``notify(_:)`` returns one warning line per
/// failed notification and never throws.
///
/// ```swift
/// let warnings = await WebSubNotifier(hub: "https://pubsubhubbub.appspot.com/", logger: logger)
///     .notify(["https://news.example.org/feeds/all.atom"])
/// ```
public struct WebSubNotifier: Sendable {
    /// The hub's URL.
    public var hub: String
    /// The `User-Agent` sent.
    public var userAgent: String
    /// The longest a notification may take (connect and answer).
    public var timeout: Duration
    private let logger: Logger

    /// Creates a notifier for one hub.
    public init(
        hub: String, userAgent: String = FeedFetcher.Configuration.defaultUserAgent, timeout: Duration = .seconds(10),
        logger: Logger
    ) {
        self.hub = hub
        self.userAgent = userAgent
        self.timeout = timeout
        self.logger = logger
    }

    /// The form body for one feed: `hub.mode=publish&hub.url=<percent-encoded URL>`.
    public static func body(for topic: String) -> String {
        "hub.mode=publish&hub.url=" + formEncode(topic)
    }

    /// Notifies the hub of each URL in `topics`, one request each, in order; returns a warning per failure
    /// (`websub: <hub>: <feed URL>: <reason>`), empty when the hub took every one (any 2xx). When the hub cannot
    /// be reached at all (refused, timed out), the remaining feeds are not tried: one more warning counts them.
    public func notify(_ topics: [String]) async -> [String] {
        guard !topics.isEmpty else { return [] }
        var warnings: [String] = []
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(Int64(max(1, timeout.components.seconds))),
                           read: .seconds(Int64(max(1, timeout.components.seconds)))))
        // A hub that refuses connections fails at once instead of being retried until the timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        for (index, topic) in topics.enumerated() {
            var request = HTTPClientRequest(url: hub)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.headers.add(name: "User-Agent", value: userAgent)
            request.body = .bytes(ByteBuffer(string: Self.body(for: topic)))
            do {
                let response = try await client.execute(request, timeout: .seconds(Int64(max(1, timeout.components.seconds))))
                // The answer is short or empty; read a little of it for the message and drop the rest.
                let text = (try? await response.body.collect(upTo: 4096)).map { String(buffer: $0) } ?? ""
                if (200..<300).contains(Int(response.status.code)) {
                    logger.debug("websub: hub notified", metadata: ["websub.hub": "\(hub)", "websub.topic": "\(topic)"])
                } else {
                    let detail = text.split(whereSeparator: \.isNewline).first.map { ": " + $0.prefix(120) } ?? ""
                    warnings.append("websub: \(hub): \(topic): HTTP \(response.status.code)\(detail)")
                }
            } catch {
                // The hub cannot be reached: one warning for this feed, one for the rest, which are not tried.
                warnings.append("websub: \(hub): \(topic): \(Self.describe(error))")
                let rest = topics.count - index - 1
                if rest > 0 { warnings.append("websub: \(hub): \(rest) more notification(s) not sent (the hub is unreachable)") }
                break
            }
        }
        try? await client.shutdown()
        // The caller reports the warnings (the run summary); the log gets them at info.
        for warning in warnings { logger.info("\(warning)") }
        return warnings
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .deadlineExceeded, .readTimeout: return "timed out"
            default: break
            }
        }
        let text = "\(error)"
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        return String(text.prefix(160))
    }

    /// `application/x-www-form-urlencoded` encoding of a value: unreserved characters as they are, the rest as
    /// `%XX` (spaces too).
    static func formEncode(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
