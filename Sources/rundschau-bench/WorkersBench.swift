import RundschauModel
import ArgumentParser
import Foundation
import Logging
import RundschauStore
import RundschauStorePostgres
import RundschauTestServer

/// `rundschau-bench workers`: N `rundschau fetch` processes on one PostgreSQL database against a local server that
/// answers each request after a delay; compares the round's wall time with one process, and counts requests per
/// feed (each feed must be fetched exactly once per round, also by `fetch --all`).
struct WorkersBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workers",
        abstract: "Time one round of N `rundschau fetch` workers on one PostgreSQL database against one worker.")

    @Option(help: "Number of feeds.")
    var feeds = 400

    @Option(help: "Milliseconds the local server waits before each answer.")
    var delay = 50

    @Option(help: "Worker processes for the shared round.")
    var workers = 4

    @Option(help: "PostgreSQL URL (default: RUNDSCHAU_TEST_POSTGRES_URL); each configuration runs in a fresh schema.")
    var database: String?

    func run() async throws {
        guard let url = database ?? ProcessInfo.processInfo.environment["RUNDSCHAU_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw ValidationError("give --database postgres://… or set RUNDSCHAU_TEST_POSTGRES_URL (Scripts/postgres-test-server)")
        }
        let server = try await TestHTTPServer.start()
        let pause = Duration.milliseconds(delay)
        server.fallback { request in
            let n = request.path.split(separator: "/").last.map(String.init) ?? "?"
            var body = "<rss version=\"2.0\"><channel><title>Feed \(n)</title><link>https://site\(n).example/</link>"
            for item in 0..<5 {
                body += "<item><guid>\(n)-\(item)</guid><title>Story \(item) of feed \(n)</title>"
                    + "<link>https://site\(n).example/\(item)</link><description>Text of story \(item).</description></item>"
            }
            body += "</channel></rss>"
            return TestResponse(status: 200, headers: [("Content-Type", "application/rss+xml")],
                                body: .bytes(Array(body.utf8)), delay: pause)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workers-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("rundschau.yaml").path
        try "fetch:\n  timeout: 60\n".write(toFile: config, atomically: true, encoding: .utf8)

        print("feeds        \(feeds) on one local host, \(delay) ms per answer; default fetch settings per worker")
        let one = try await round(url: url, server: server, config: config, workers: 1, all: false)
        print(one.line("1 × fetch"))
        let many = try await round(url: url, server: server, config: config, workers: workers, all: false)
        print(many.line("\(workers) × fetch"))
        let everything = try await round(url: url, server: server, config: config, workers: workers, all: true)
        print(everything.line("\(workers) × fetch --all"))
        print("ratio        \(Measure.format(many.wall / one.wall, 2))× the time of one worker (target ≤ 0.4×)")
        try await server.shutdown()
    }

    /// What one round did.
    struct Round {
        var wall: Double
        var requests: Int
        var fetchedTwice: Int
        var missed: Int
        var articles: Int
        var perWorker: [Int]

        func line(_ label: String) -> String {
            label.padding(toLength: 24, withPad: " ", startingAt: 0)
                + "\(Measure.format(wall, 2)) s  \(requests) requests, \(fetchedTwice) feeds fetched twice, \(missed) missed, "
                + "\(articles) articles; per worker \(perWorker.map(String.init).joined(separator: "/"))"
        }
    }

    /// A fresh schema with every feed subscribed (due now, or for `all` fetched before and not due), then
    /// `workers` processes started together.
    private func round(url: String, server: TestHTTPServer, config: String, workers: Int, all: Bool) async throws -> Round {
        let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let schema = "bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let location = try PostgresLocation(url: url).withSchema(schema)
        let store = try await PostgresFeedStore(location: location, logger: logger)
        defer { Task { try? await PostgresFeedStore.dropSchema(schema, at: location, logger: logger) } }
        let prefix = "/\(schema)/"
        let earlier = Date().addingTimeInterval(-600)
        for n in 0..<feeds {
            let feed = try await store.subscribe(FeedSubscription(url: server.url(prefix + "\(n)").absoluteString), at: earlier)
            if all {
                try await store.recordFetch(feed.id, state: FetchState(nextFetchAt: Date().addingTimeInterval(3600),
                                                                      lastFetchedAt: earlier))
            }
        }
        let databaseURL = url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
        let cli = try CLI(config: config, database: databaseURL)
        let clock = ContinuousClock()
        let start = clock.now
        // Started together, waited for afterwards; output to files so no pipe fills up.
        var processes: [(Process, URL)] = []
        for index in 0..<workers {
            let process = Process()
            process.executableURL = cli.executable
            process.arguments = (all ? ["fetch", "--all", "--verbose"] : ["fetch", "--verbose"])
                + ["--config", config, "--database", databaseURL]
            let output = URL(fileURLWithPath: config).deletingLastPathComponent().appendingPathComponent("worker-\(index).out")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.nullDevice
            processes.append((process, output))
        }
        for (process, _) in processes { try process.run() }
        var reports: [Data] = []
        for (process, output) in processes {
            process.waitUntilExit()
            if process.terminationStatus != 0 { throw ValidationError("a worker exited \(process.terminationStatus)") }
            reports.append((try? Data(contentsOf: output)) ?? Data())
        }
        let wall = (clock.now - start) / .seconds(1)
        var requests = 0, twice = 0, missed = 0
        for n in 0..<feeds {
            let count = server.requests(to: prefix + "\(n)").count
            requests += count
            if count > 1 { twice += 1 }
            if count == 0 { missed += 1 }
        }
        let perWorker = reports.map { output -> Int in
            // "fetched N, not modified …" is the summary line of `fetch --verbose`.
            let text = String(decoding: output, as: UTF8.self)
            guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("fetched ") }),
                  let number = line.dropFirst(8).split(separator: ",").first else { return -1 }
            return Int(number) ?? -1
        }
        let articles = try await store.articleCount(ArticleQuery())
        try await store.close()
        return Round(wall: wall, requests: requests, fetchedTwice: twice, missed: missed, articles: articles,
                     perWorker: perWorker.sorted(by: >))
    }
}
