import ArgumentParser
import Foundation
import GRDB
import Logging
import RundschauCluster
import RundschauConfig
import RundschauModel
import RundschauPipeline
import RundschauStore
import RundschauStorePostgres
import RundschauStoreSQLite
import RundschauText

/// `rundschau-bench history`: does a year of history slow the daily round? Fills a store with history (articles
/// from many feeds, in stories and topics, spread over a year), then times one round that adds new articles, runs
/// `rundschau cluster` and `rundschau publish` as child processes, and compares with the same round on an empty
/// store: wall and CPU time and peak memory of each process, and the database's size.
struct HistoryBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Time a cluster and publish round on an empty store and on one with a year of history.")

    @Option(help: "Articles of history.")
    var articles = 2_000_000

    @Option(help: "Feeds they come from.")
    var feeds = 1_000

    @Option(help: "Days the history spans (ending yesterday).")
    var days = 365

    @Option(help: "New articles in the timed round (dated within the last day).")
    var round = 20_000

    @Option(help: "PostgreSQL URL (each trial in a fresh schema); default: SQLite files in a temporary folder.")
    var database: String?

    @Option(help: "Topics file for the round (its slugs also label the history).")
    var topics = "Config/topics.yaml"

    @Option(help: "Folder that receives a copy of each SQLite trial's database as the round found it (for profiling).")
    var keep: String?

    @Option(help: "Timed rounds per trial on SQLite, the two trials interleaved, each from a copy of the database as the round found it; medians are reported.")
    var repeats = 5

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("history-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let topicsPath = URL(fileURLWithPath: topics).standardizedFileURL.path
        let definitions = try TopicsFile.load(path: topicsPath).topics
        let config = folder.appendingPathComponent("rundschau.yaml").path
        try """
            paths:
              topics: \(topicsPath)
              subscriptions: \(folder.appendingPathComponent("none.opml").path)
            import:
              folders: []
            """.write(toFile: config, atomically: true, encoding: .utf8)

        print("backend      \(database == nil ? "SQLite (WAL)" : "PostgreSQL")")
        print("history      \(articles) articles from \(feeds) feeds over \(days) days; round: \(round) new articles")
        let emptyStore = try await prepare(name: "empty", history: 0, topics: definitions, folder: folder, config: config)
        let historyStore = try await prepare(name: "history", history: articles, topics: definitions, folder: folder, config: config)
        // On SQLite one untimed round of the history trial logs every statement, and the plans are shown.
        if database == nil {
            let trace = folder.appendingPathComponent("statements.txt").path
            _ = try measure(historyStore, config: config, trace: trace)
            try Self.showPlans(statements: trace, database: historyStore.location)
        }
        // Interleaved rounds, each from the database as the round found it: the machine's load moves CPU time by
        // ±20%, and the ratio of medians of interleaved runs holds still.
        let rounds = database == nil ? max(1, repeats) : 1
        var emptyRuns: [Trial] = [], historyRuns: [Trial] = []
        for _ in 0..<rounds {
            emptyRuns.append(try measure(emptyStore, config: config, trace: nil))
            historyRuns.append(try measure(historyStore, config: config, trace: nil))
        }
        let empty = Trial.median(emptyRuns), full = Trial.median(historyRuns)
        // Each interleaved pair on its own, so that the spread behind the medians shows.
        let pairs = zip(emptyRuns, historyRuns).map { e, h in
            "\(Measure.format(e.cluster.cpu, 1))/\(Measure.format(h.cluster.cpu, 1)) s "
                + "(\(Measure.format(h.cluster.cpu / max(e.cluster.cpu, 0.001), 2))×)"
        }
        print("cluster CPU by round, empty/history: " + pairs.joined(separator: ", "))
        print("empty: cluster \(empty.cluster.text); publish \(empty.publish.text) (median of \(rounds))")
        print("history: cluster \(full.cluster.text); publish \(full.publish.text) (median of \(rounds))")
        print("")
        print("step".padding(toLength: 20, withPad: " ", startingAt: 0) + "empty store".padding(toLength: 32, withPad: " ", startingAt: 0)
              + "with history".padding(toLength: 32, withPad: " ", startingAt: 0) + "ratio: wall, CPU, memory")
        for (label, a, b) in [("rundschau cluster", empty.cluster, full.cluster), ("rundschau publish", empty.publish, full.publish)] {
            print(label.padding(toLength: 20, withPad: " ", startingAt: 0)
                  + a.text.padding(toLength: 32, withPad: " ", startingAt: 0)
                  + b.text.padding(toLength: 32, withPad: " ", startingAt: 0)
                  + "\(Measure.format(b.wall / max(a.wall, 0.001), 2))×, \(Measure.format(b.cpu / max(a.cpu, 0.001), 2))×, "
                  + "\(Measure.format(b.peakMiB / max(a.peakMiB, 1), 2))×")
        }
        // The round fills every configured topic's page on both stores; discovered topics differ.
        print("publish      \(empty.entries) Atom entries written on the empty store, \(full.entries) with history: "
              + "\(Measure.format(empty.publish.cpu * 1_000 / Double(max(empty.entries, 1)), 2)) and "
              + "\(Measure.format(full.publish.cpu * 1_000 / Double(max(full.entries, 1)), 2)) ms of CPU per entry")
        print("database     empty + round \(Measure.format(empty.bytes / 1_048_576)) MiB; "
              + "history + round \(Measure.format(full.bytes / 1_048_576)) MiB "
              + "(\(Measure.format(full.bytes / 1_048_576 / (Double(articles + round) / 1_000_000))) MiB per million articles)")
    }

    /// Wall and CPU seconds and peak resident memory of one child process.
    struct Cost {
        var wall: Double
        var cpu: Double
        var peakMiB: Double
        var text: String { "\(Measure.format(wall, 2)) s, \(Measure.format(cpu, 2)) s CPU, \(Measure.format(peakMiB, 0)) MiB" }
    }

    struct Trial {
        var cluster: Cost
        var publish: Cost
        var bytes: Double
        /// Atom entries the publish step wrote (all feeds together): the work it had to do.
        var entries: Int

        /// Field by field, the median of several runs.
        static func median(_ runs: [Trial]) -> Trial {
            func mid(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            func cost(_ part: (Trial) -> Cost) -> Cost {
                Cost(wall: mid(runs.map { part($0).wall }), cpu: mid(runs.map { part($0).cpu }),
                     peakMiB: mid(runs.map { part($0).peakMiB }))
            }
            return Trial(cluster: cost(\.cluster), publish: cost(\.publish), bytes: mid(runs.map(\.bytes)),
                         entries: runs.map(\.entries).sorted()[runs.count / 2])
        }
    }

    /// A filled store, ready for rounds: where it is, how to read its size, and (SQLite) a pristine copy.
    struct Prepared {
        var location: String
        var size: () throws -> Double
        var pristine: String?
        var output: String
    }

    private func prepare(name: String, history: Int, topics definitions: [TopicDefinition], folder: URL, config: String) async throws -> Prepared {
        let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let (store, location, size) = try await open(name: name, folder: folder, logger: logger)
        var feedIDs: [FeedID] = []
        for n in 0..<feeds {
            feedIDs.append(try await store.subscribe(FeedSubscription(url: "https://feed\(n).example/rss"), at: Date()).id)
        }
        var topical: [Topical] = []
        // Topics as earlier runs with this configuration left them, rules fingerprint included.
        for topic in definitions {
            let id = try await store.upsertTopic(TopicDraft(
                slug: topic.name, title: topic.title, origin: .configured, rules: ClusterStep.rules(of: topic))).id
            if let keyword = topic.keywords.first ?? topic.phrases.first { topical.append(Topical(id: id, keyword: keyword)) }
        }

        let now = Date()
        let clock = ContinuousClock()
        if history > 0 {
            let start = clock.now
            let chunkDays = 5
            let perChunk = max(1, history * chunkDays / days)
            var filled = 0, chunk = 0
            while filled < history {
                let count = min(perChunk, history - filled)
                let from = now.addingTimeInterval(-Double(days - chunk * chunkDays) * 86_400)
                try await fill(store, count: count, seed: 1_000 + UInt64(chunk), prefix: "h\(chunk)", from: from,
                               span: Double(chunkDays) * 86_400, feeds: feedIDs, topics: topical, stories: true)
                filled += count
                chunk += 1
                if chunk % 10 == 0 {
                    let elapsed = (clock.now - start) / .seconds(1)
                    print("  filled \(filled) articles in \(Measure.format(elapsed, 0)) s (\(Measure.format(Double(filled) / elapsed, 0))/s)")
                }
            }
            let elapsed = (clock.now - start) / .seconds(1)
            print("\(name): history of \(history) articles stored in \(Measure.format(elapsed, 0)) s "
                  + "(\(Measure.format(Double(history) / elapsed, 0)) articles/s through the store API, with stories and topics)")
        }
        // Yesterday's cron run: a few articles clustered by `rundschau cluster` itself, which keeps the features
        // of the window's articles as every run does for the next.
        try await fill(store, count: 100, seed: 98, prefix: "w", from: now.addingTimeInterval(-86_400), span: 86_400,
                       feeds: feedIDs, topics: topical, stories: false)
        let warm = try timed(["cluster"], config: config, database: location, trace: nil)
        print("\(name): yesterday's run took \(Measure.format(warm.cpu, 1)) s CPU, \(Measure.format(warm.peakMiB, 0)) MiB")
        try await fill(store, count: round, seed: 99, prefix: "r", from: now.addingTimeInterval(-86_400), span: 86_400,
                       feeds: feedIDs, topics: topical, stories: false)
        try await store.close()
        if let keep, database == nil {
            try FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            let copy = URL(fileURLWithPath: keep).appendingPathComponent("\(name).sqlite").path
            try? FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: location, toPath: copy)
            print("\(name): database before the round copied to \(copy)")
        }

        var pristine: String?
        if database == nil {
            let copy = folder.appendingPathComponent("\(name)-pristine.sqlite").path
            try FileManager.default.copyItem(atPath: location, toPath: copy)
            pristine = copy
        }
        return Prepared(location: location, size: size, pristine: pristine,
                        output: folder.appendingPathComponent("\(name)-Feeds").path)
    }

    /// One timed round (`cluster`, then `publish`) on the store as the round found it.
    private func measure(_ store: Prepared, config: String, trace: String?) throws -> Trial {
        let fm = FileManager.default
        if let pristine = store.pristine {
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: store.location + suffix) }
            try fm.copyItem(atPath: pristine, toPath: store.location)
        }
        try? fm.removeItem(atPath: store.output)
        let cluster = try timed(["cluster"], config: config, database: store.location, trace: trace)
        let publish = try timed(["publish", "--output", store.output], config: config, database: store.location, trace: trace)
        return Trial(cluster: cluster, publish: publish, bytes: try store.size(), entries: try Self.entries(in: store.output))
    }

    /// Number of `<entry` elements in the Atom files of `folder`.
    static func entries(in folder: String) throws -> Int {
        var count = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".atom") {
            let text = try String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            count += text.components(separatedBy: "<entry").count - 1
        }
        return count
    }

    /// A configured topic and the keyword that puts a generated story in it.
    struct Topical {
        var id: TopicID
        var keyword: String
    }

    /// The configured topic of every third generated story, for history and round alike: its members' titles
    /// carry the topic's keyword, so the round's articles match topics as the history's were linked to them.
    private static func topic(ofStory story: Int, _ topics: [Topical]) -> Topical? {
        topics.isEmpty || story % 3 != 0 ? nil : topics[story / 3 % topics.count]
    }

    /// Stores `count` synthetic articles dated in `[from, from + span)`, spread over the feeds, one upsert per feed
    /// as a fetch would; with `stories`, also their stories (one per generated story), topic links, and each
    /// syndicated copy's link to the story's first original (as earlier runs would have left them).
    private func fill(_ store: any FeedStore, count: Int, seed: UInt64, prefix: String, from: Date, span: Double,
                      feeds: [FeedID], topics: [Topical], stories: Bool) async throws {
        let generated = ClusterCorpus.syntheticStories(count: count, seed: seed)
        let times = generated.compactMap { $0.article.published?.timeIntervalSince1970 }
        let low = times.min() ?? 0, high = max(times.max() ?? 1, low + 1)
        var byFeed: [Int: [Entry]] = [:]
        var storyOfEntry: [String: Int] = [:]
        var copies: Set<String> = []
        for (article, story) in generated {
            let t = from.addingTimeInterval(((article.published?.timeIntervalSince1970 ?? low) - low) / (high - low) * span * 0.999)
            let entryID = "\(prefix)-\(article.id)"
            let feed = Int(StableHash.value(of: entryID) % UInt64(feeds.count))
            let title = Self.topic(ofStory: story, topics).map { "\($0.keyword) \(article.title)" } ?? article.title
            byFeed[feed, default: []].append(Entry(id: entryID, title: title, link: article.url.map { $0 + "?" + prefix },
                                                   summary: article.text, published: t, language: article.language))
            storyOfEntry[entryID] = story
            if article.source.hasPrefix("copy-") { copies.insert(entryID) }
        }
        var originalOfStory: [Int: ArticleID] = [:]
        var copyIDs: [(ArticleID, Int)] = []
        var articleIDs: [Int: [(ArticleID, Date)]] = [:]
        var titles: [Int: String] = [:]
        for (feed, entries) in byFeed {
            let result = try await store.upsertArticles(feedID: feeds[feed], entries: entries, seenAt: from)
            guard stories else { continue }
            for (entry, id) in zip(entries, result.insertedIDs) {
                guard let story = storyOfEntry[entry.id] else { continue }
                articleIDs[story, default: []].append((id, entry.published ?? from))
                if titles[story] == nil { titles[story] = entry.title }
                if copies.contains(entry.id) {
                    copyIDs.append((id, story))
                } else if originalOfStory[story].map({ id < $0 }) ?? true {
                    originalOfStory[story] = id
                }
            }
        }
        guard stories else { return }
        var duplicates: [ArticleID: ArticleID?] = [:]
        for (copy, story) in copyIDs { if let original = originalOfStory[story] { duplicates[copy] = original } }
        try await store.setDuplicates(duplicates)
        var assignments: [ArticleID: ClusterID?] = [:]
        var clusterTopics: [ClusterID: [TopicID]] = [:]
        var articleTopics: [ArticleID: [TopicID]] = [:]
        for (story, members) in articleIDs {
            let dates = members.map(\.1)
            let cluster = try await store.createCluster(ClusterDraft(
                label: titles[story] ?? "story", firstSeen: dates.min() ?? from, lastSeen: dates.max() ?? from,
                representativeID: members.first?.0))
            for (id, _) in members { assignments[id] = cluster }
            if let topic = Self.topic(ofStory: story, topics) {
                clusterTopics[cluster] = [topic.id]
                for (id, _) in members { articleTopics[id] = [topic.id] }
            }
        }
        try await store.assignClusters(assignments)
        try await store.setClusterTopics(clusterTopics)
        try await store.setArticleTopics(articleTopics)
    }

    /// A fresh store for one trial: its location for the child processes and a way to read its size.
    private func open(name: String, folder: URL, logger: Logger) async throws
        -> (any FeedStore, String, () throws -> Double) {
        if let database {
            let schema = "history_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased()
            let location = try PostgresLocation(url: database).withSchema(schema)
            let store = try await PostgresFeedStore(location: location, logger: logger)
            let url = database + (database.contains("?") ? "&" : "?") + "schema=\(schema)"
            return (store, url, {
                let query = "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n "
                    + "ON n.oid = c.relnamespace WHERE n.nspname = '\(schema)' AND c.relkind IN ('r', 'm')"
                let out = try Self.capture("/usr/bin/psql", [database.components(separatedBy: "?")[0], "-Atc", query])
                return Double(out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            })
        }
        let path = folder.appendingPathComponent("\(name).sqlite").path
        let store = try SQLiteFeedStore(path: path)
        return (store, path, {
            ["", "-wal"].reduce(0.0) { total, suffix in
                total + Double((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
            }
        })
    }

    /// Runs `rundschau ARGS` under `/usr/bin/time` and reads its wall time, CPU time and peak memory.
    private func timed(_ arguments: [String], config: String, database: String, trace: String?) throws -> Cost {
        let cli = try CLI(config: config, database: database)
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("history-time-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: report) }
        _ = try Self.capture("/usr/bin/time", ["-o", report.path, "-f", "%e %U %S %M", cli.executable.path]
                             + arguments + ["--config", config, "--database", database],
                             environment: trace.map { ["RUNDSCHAU_SQL_TRACE": $0] } ?? [:])
        let fields = try String(contentsOf: report, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        guard fields.count >= 4 else { throw ValidationError("cannot read /usr/bin/time's report") }
        return Cost(wall: fields[0], cpu: fields[1] + fields[2], peakMiB: fields[3] / 1024)
    }

    /// Runs a program and returns its standard output; throws with its standard error when it fails.
    static func capture(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(program) \(arguments.prefix(3).joined(separator: " ")) … exited \(process.terminationStatus): "
                                  + String(decoding: errors.prefix(2_000), as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Prints SQLite's plan for each distinct statement the round ran, and counts those that read a whole large
    /// table instead of an index.
    static func showPlans(statements path: String, database: String) throws {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        var examples: [(template: String, expanded: String, count: Int)] = []
        var index: [String: Int] = [:]
        for line in lines {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let verb = parts[0].prefix(7).uppercased()
            guard verb.hasPrefix("SELECT") || verb.hasPrefix("INSERT") || verb.hasPrefix("UPDATE")
                || verb.hasPrefix("DELETE") || verb.hasPrefix("WITH") else { continue }
            // Statements that differ only in the length of an IN list are one statement.
            let template = parts[0].replacingOccurrences(of: "?,", with: "")
            if let at = index[template] { examples[at].count += 1; continue }
            index[template] = examples.count
            examples.append((template, parts[1], 1))
        }
        let large: Set<String> = ["article", "cluster", "article_topic", "cluster_topic", "article_feature"]
        var scans = 0
        let queue = try DatabaseQueue(path: database, configuration: { var c = Configuration(); c.readonly = true; return c }())
        print("query plans of the round (\(examples.count) distinct statements, \(lines.count) executed):")
        try queue.read { db in
            for example in examples {
                let details = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + example.expanded).map { $0["detail"] as String? ?? "" }
                let full = details.filter { detail in
                    let words = detail.split(separator: " ")
                    return words.count >= 2 && words[0] == "SCAN" && large.contains(String(words[1])) && !detail.contains("USING")
                }
                scans += full.isEmpty ? 0 : 1
                let shown = example.template.count > 150 ? String(example.template.prefix(147)) + "…" : example.template
                print("  \(full.isEmpty ? "index" : "SCAN ") ×\(example.count)  \(shown)")
                for detail in details { print("           \(detail)") }
            }
        }
        print("statements reading a whole large table: \(scans)")
    }
}
