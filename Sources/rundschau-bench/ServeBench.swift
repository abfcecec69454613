import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import RundschauConfig
import RundschauServer
import RundschauWriter

/// `rundschau-bench serve --requests N --concurrency C`: conditional GETs (`If-None-Match` with the current
/// ETag) answered 304 by the server, from a keep-alive load generator in this process on 127.0.0.1.
struct ServeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Measure conditional requests answered 304.")

    @Option(help: "Requests in total.")
    var requests = 100_000

    @Option(help: "Concurrent keep-alive connections.")
    var concurrency = 16

    @Option(help: "The file requested.")
    var path = "/all.atom"

    @Flag(help: "Send unconditional requests (200 with the body) instead of 304s.")
    var unconditional = false

    @Flag(help: "Ask for gzip.")
    var gzip = false

    @Flag(help: "Write the server's access log (to stderr) during the run.")
    var accessLog = false

    @Option(help: "Also load the server with wrk (Debian's wrk package) for this many seconds, from a separate process.")
    var wrkSeconds: Int?

    func run() async throws {
        // A published folder to serve.
        let folder = NSTemporaryDirectory() + "rundschau-bench-serve-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let publishConfiguration = PublishConfiguration(baseURL: "http://127.0.0.1:8080/", language: "de")
        let slugs = (0..<10).map { "thema-\($0)" }
        let entries = WriteBench.entries(count: 2000, topics: slugs, contentBytes: 800, configuration: publishConfiguration)
        let silent = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        _ = try FeedPublisher(configuration: publishConfiguration, logger: silent).publish(
            topics: slugs.map { PublicationFeed(slug: $0, title: $0, category: publishConfiguration.topicCategory(slug: $0)) },
            entries: entries, to: folder)

        var serverLogger = accessLog ? Logger(label: "rundschau.serve") : silent
        serverLogger.logLevel = .info
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = try buildApplication(host: "127.0.0.1", port: 0, outputFolder: folder, logger: serverLogger) { port in
            portContinuation.yield(port)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var portIterator = ports.makeAsyncIterator()
            guard let port = await portIterator.next() else { throw CleanExit.message("the server did not start") }
            let result = try await LoadGenerator(port: port, path: path, gzip: gzip).run(
                requests: requests, concurrency: concurrency, conditional: !unconditional)
            let sorted = result.latencies.sorted()
            func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000 }
            print("serve: \(result.count) requests for \(path) over \(concurrency) keep-alive connections on 127.0.0.1:\(port)"
                  + (gzip ? ", gzip" : "") + (accessLog ? ", access log on" : ""))
            print("  \(Measure.format(Double(result.count) / result.seconds, 0)) requests/s  "
                  + "statuses \(result.statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))  "
                  + "latency p50 \(Measure.format(percentile(0.5), 3)) ms, p99 \(Measure.format(percentile(0.99), 3)) ms  "
                  + "(\(Measure.format(result.seconds, 2)) s)")
            print("peak memory: \(Measure.format(Measure.peakMemoryMiB())) MiB")
            if let wrkSeconds {
                try await runWrk(port: port, seconds: wrkSeconds)
            }
            group.cancelAll()
        }
    }

    /// Runs `wrk` against the server with the same conditional request and prints its summary.
    private func runWrk(port: Int, seconds: Int) async throws {
        let generator = LoadGenerator(port: port, path: path, gzip: gzip)
        guard let wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("wrk: not installed (apt-get install wrk)")
            return
        }
        let etag = try await generator.currentETag()
        var arguments = ["-t2", "-c\(concurrency)", "-d\(seconds)s", "--latency"]
        if !unconditional, let etag { arguments += ["-H", "If-None-Match: \(etag)"] }
        if gzip { arguments += ["-H", "Accept-Encoding: gzip"] }
        arguments.append("http://127.0.0.1:\(port)\(path)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        print("wrk \(arguments.joined(separator: " ")):")
        print(String(decoding: output, as: UTF8.self).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    }
}

/// Keep-alive HTTP/1.1 connections, each sending its share of requests one after another.
struct LoadGenerator: Sendable {
    let port: Int
    let path: String
    let gzip: Bool

    struct Result {
        var count = 0
        var seconds = 0.0
        var statuses: [UInt: Int] = [:]
        var latencies: [Double] = []
    }

    /// The ETag the server currently sends for the path.
    func currentETag() async throws -> String? {
        try await connection { inbound, outbound in
            try await Self.send(self.head(etag: nil), inbound: &inbound, outbound: outbound)
        }.etag
    }

    func run(requests: Int, concurrency: Int, conditional: Bool) async throws -> Result {
        // Learn the current validator first.
        var etag: String?
        if conditional {
            let probe = try await connection { inbound, outbound in
                try await Self.send(self.head(etag: nil), inbound: &inbound, outbound: outbound)
            }
            etag = probe.etag
        }
        let head = self.head(etag: etag)
        let clock = ContinuousClock()
        let start = clock.now
        let shares = (0..<concurrency).map { requests / concurrency + ($0 < requests % concurrency ? 1 : 0) }
        var result = Result()
        try await withThrowingTaskGroup(of: Result.self) { group in
            for share in shares where share > 0 {
                group.addTask {
                    try await connection { inbound, outbound in
                        var partial = Result()
                        partial.latencies.reserveCapacity(share)
                        for _ in 0..<share {
                            let sent = clock.now
                            let response = try await Self.send(head, inbound: &inbound, outbound: outbound)
                            partial.latencies.append((clock.now - sent) / .seconds(1))
                            partial.statuses[response.status, default: 0] += 1
                            partial.count += 1
                        }
                        return partial
                    }
                }
            }
            for try await partial in group {
                result.count += partial.count
                result.latencies += partial.latencies
                result.statuses.merge(partial.statuses, uniquingKeysWith: +)
            }
        }
        result.seconds = (clock.now - start) / .seconds(1)
        return result
    }

    private func head(etag: String?) -> HTTPRequestHead {
        var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path)
        head.headers.add(name: "Host", value: "127.0.0.1:\(port)")
        head.headers.add(name: "User-Agent", value: "rundschau-bench")
        if let etag { head.headers.add(name: "If-None-Match", value: etag) }
        if gzip { head.headers.add(name: "Accept-Encoding", value: "gzip") }
        return head
    }

    typealias Inbound = NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    typealias Outbound = NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>

    private func connection<Value: Sendable>(_ body: (inout Inbound, Outbound) async throws -> Value) async throws -> Value {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            return try await body(&iterator, outbound)
        }
    }

    /// Sends one request and reads the whole response.
    private static func send(_ head: HTTPRequestHead, inbound: inout Inbound, outbound: Outbound) async throws -> (status: UInt, etag: String?) {
        try await outbound.write(contentsOf: [.head(head), .end(nil)])
        var status: UInt = 0
        var etag: String?
        while let part = try await inbound.next() {
            switch part {
            case .head(let response):
                status = response.status.code
                etag = response.headers.first(name: "ETag")
            case .body:
                break
            case .end:
                return (status, etag)
            }
        }
        throw CleanExit.message("the server closed the connection")
    }
}
