import ArgumentParser
import RundschauEvaluation
import Foundation
import RundschauPipeline
import RundschauCluster

/// `rundschau-bench eval`: story or duplicate quality through the whole CLI path, as a user would run it.
///
/// Subscribes every feed file of a folder (through a generated OPML list), runs `rundschau fetch --all`,
/// `rundschau cluster` and `rundschau stories --json` as child processes on a fresh SQLite database, and scores
/// the stories (or the duplicate links) against a gold file of `entry id<TAB>label…`. Gold ids that no story
/// lists count as singletons, as `score.py --missing singleton` does.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score stories or duplicates against gold labels, through the real `rundschau` commands.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        /// Story ids.
        case stories
        /// The canonical article of each copy.
        case duplicates
        /// The topics of each article's story (discovered and configured, joined; "none" without any).
        case topics
    }

    @Argument(help: "Folder of feed files (RSS, Atom, JSON Feed); each becomes one subscription.")
    var feeds: String

    @Argument(help: "Gold file: entry id<TAB>label[<TAB>…].")
    var gold: String

    @Option(help: "What to score: stories (story ids) or duplicates (the canonical article of each copy).")
    var kind: Kind = .stories

    @Option(name: .customLong("gold-column"), help: "The gold label's column (1-based).")
    var goldColumn = 2

    @Option(help: "Settings file handed to rundschau (its topics and cluster settings apply).")
    var config = "Config/rundschau.yaml"

    @Flag(help: "Append a per-feed newsletter and rights footer to every item's text first (boilerplate test).")
    var footer = false

    @Option(help: "Keep the database, the feeds and the stories JSON in this folder instead of a temporary one.")
    var keep: String?

    @Option(help: "Write the predictions (entry id<TAB>cluster) to this file, for ../shared/data/score.py.")
    var predictions: String?

    @Flag(help: "List the largest wrong merges and splits.")
    var errors = false

    func run() throws {
        let work = try workFolder()
        defer { if keep == nil { try? FileManager.default.removeItem(at: work) } }
        let database = work.appendingPathComponent("eval.sqlite").path
        let feedFolder = footer ? try FooterFeeds.write(from: feeds, into: work.appendingPathComponent("feeds")) : feeds
        let files = try FileManager.default.contentsOfDirectory(atPath: feedFolder)
            .filter { !$0.hasPrefix(".") }.sorted()
            .map { URL(fileURLWithPath: feedFolder).appendingPathComponent($0).standardizedFileURL }
        let opml = work.appendingPathComponent("feeds.opml")
        try EvalOPML.document(files).write(to: opml, atomically: true, encoding: .utf8)

        let cli = try CLI(config: config, database: database)
        var steps: [(String, CLI.Timing)] = []
        steps.append(("opml import", try cli.run(["opml", "import", opml.path]).timing))
        steps.append(("fetch --all", try cli.run(["fetch", "--all", "--quiet"], allowFailure: true).timing))
        steps.append(("cluster", try cli.run(["cluster", "--quiet"]).timing))
        let listing = try cli.run(["stories", "--json"])
        steps.append(("stories --json", listing.timing))
        if keep != nil { try listing.stdout.write(to: work.appendingPathComponent("stories.json")) }

        let stories = try ListedStory.decode(listing.stdout)
        let goldLabels = try Self.readGold(gold, column: goldColumn)
        var predicted: [String: String]
        switch kind {
        case .stories: predicted = Self.storyLabels(stories)
        case .duplicates: predicted = Self.duplicateLabels(stories)
        case .topics: predicted = Self.topicLabels(stories)
        }
        let listed = predicted.count
        for id in goldLabels.keys where predicted[id] == nil { predicted[id] = "missing:\(id)" }
        let unknown = predicted.keys.filter { goldLabels[$0] == nil }.count
        let restricted = predicted.filter { goldLabels[$0.key] != nil }
        if let predictions {
            let lines = restricted.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)" }
            try (lines.joined(separator: "\n") + "\n").write(toFile: predictions, atomically: true, encoding: .utf8)
        }

        let scores = ClusterEvaluation(gold: goldLabels, predicted: restricted)
        let articles = stories.reduce(0) { $0 + $1.articles.count }
        let copies = stories.reduce(0) { $0 + $1.articles.filter { $0.duplicateOf != nil }.count }
        print("feeds: \(files.count)  articles listed: \(articles) (\(listed) distinct entry ids; \(unknown) not in gold)")
        print("gold items: \(goldLabels.count)  gold clusters: \(scores.goldClusters)  predicted clusters: \(scores.predictedClusters)")
        print("\(kind.rawValue) pairwise P \(f(scores.pairwise.precision)) R \(f(scores.pairwise.recall)) F1 \(f(scores.pairwise.f1))"
            + "  (pairs: \(scores.truePairs) right of \(scores.predictedPairs) predicted, \(scores.goldPairs) gold)")
        print("\(kind.rawValue) B-cubed  P \(f(scores.bcubed.precision)) R \(f(scores.bcubed.recall)) F1 \(f(scores.bcubed.f1))")
        print("stories: \(stories.count)  articles marked as duplicates: \(copies)")
        if kind == .topics {
            let (nmi, homogeneity, completeness) = Self.vMeasure(gold: goldLabels, predicted: restricted)
            let covered = restricted.values.filter { $0 != "none" && !$0.hasPrefix("missing:") }.count
            print("topics    NMI (V-measure) \(f(nmi))  homogeneity \(f(homogeneity))  completeness \(f(completeness))"
                + "  articles with a topic: \(covered) of \(restricted.count)")
            let sizes = Dictionary(grouping: restricted.keys) { restricted[$0] ?? "" }.mapValues(\.count)
            // Ties fall to the name, so the listing is the same from run to run.
            for (label, size) in sizes.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(12) {
                let sections = Dictionary(grouping: restricted.filter { $0.value == label }.keys) { goldLabels[$0] ?? "?" }
                    .mapValues(\.count).sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(3)
                print("  \(label): \(size) articles; gold " + sections.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
        }
        for (name, timing) in steps {
            print("  \(name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(f(timing.wall, 2)) s wall, \(f(timing.cpu, 2)) s CPU")
        }
        if errors { printErrors(goldLabels, restricted, stories) }
    }

    private func workFolder() throws -> URL {
        let url = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("rundschau-eval-\(UUID().uuidString)")
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("eval.sqlite").path) {
            throw ValidationError("\(url.path) already holds an eval.sqlite; remove it or name another folder")
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// entry id → story id.
    static func storyLabels(_ stories: [ListedStory]) -> [String: String] {
        var out: [String: String] = [:]
        for story in stories { for a in story.articles { out[a.entryID] = "s\(story.id)" } }
        return out
    }

    /// entry id → its story's topics, joined (`none` when the story has none).
    static func topicLabels(_ stories: [ListedStory]) -> [String: String] {
        var out: [String: String] = [:]
        for story in stories {
            let label = story.topics.isEmpty ? "none" : story.topics.sorted().joined(separator: "+")
            for a in story.articles { out[a.entryID] = label }
        }
        return out
    }

    /// Normalized mutual information (the V-measure with β = 1), homogeneity and completeness.
    static func vMeasure(gold: [String: String], predicted: [String: String]) -> (Double, Double, Double) {
        var cells: [String: [String: Int]] = [:]
        var goldSizes: [String: Int] = [:], predictedSizes: [String: Int] = [:]
        var n = 0
        for (item, g) in gold {
            guard let p = predicted[item] else { continue }
            cells[g, default: [:]][p, default: 0] += 1
            goldSizes[g, default: 0] += 1
            predictedSizes[p, default: 0] += 1
            n += 1
        }
        guard n > 0 else { return (0, 0, 0) }
        let total = Double(n)
        func entropy(_ sizes: [String: Int]) -> Double {
            sizes.values.reduce(0) { $0 - Double($1) / total * log(Double($1) / total) }
        }
        var mutual = 0.0
        for (g, row) in cells {
            for (p, c) in row {
                let joint = Double(c) / total
                mutual += joint * log(joint / (Double(goldSizes[g] ?? 1) / total * Double(predictedSizes[p] ?? 1) / total))
            }
        }
        let hg = entropy(goldSizes), hp = entropy(predictedSizes)
        let homogeneity = hg > 0 ? mutual / hg : 1
        let completeness = hp > 0 ? mutual / hp : 1
        let v = homogeneity + completeness > 0 ? 2 * homogeneity * completeness / (homogeneity + completeness) : 0
        return (v, homogeneity, completeness)
    }

    /// entry id → entry id of its canonical article (itself when it is no copy).
    static func duplicateLabels(_ stories: [ListedStory]) -> [String: String] {
        var entryOf: [Int64: String] = [:]
        var canonicalOf: [Int64: Int64] = [:]
        for story in stories {
            for a in story.articles {
                entryOf[a.id] = a.entryID
                if let c = a.duplicateOf { canonicalOf[a.id] = c }
            }
        }
        var out: [String: String] = [:]
        for (id, entry) in entryOf {
            var root = id
            var hops = 0
            while let next = canonicalOf[root], hops < 64 {
                root = next
                hops += 1
            }
            out[entry] = entryOf[root] ?? entry
        }
        return out
    }

    static func readGold(_ path: String, column: Int) throws -> [String: String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var out: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= column, column >= 1 else {
                throw ValidationError("\(path): expected at least \(column) tab-separated columns in \"\(line)\"")
            }
            out[String(fields[0])] = String(fields[column - 1])
        }
        return out
    }

    private func printErrors(_ gold: [String: String], _ predicted: [String: String], _ stories: [ListedStory]) {
        var title: [String: String] = [:]
        for s in stories { for a in s.articles { title[a.entryID] = a.title ?? "" } }
        var byPredicted: [String: [String]] = [:]
        for (id, p) in predicted { byPredicted[p, default: []].append(id) }
        var byGold: [String: [String]] = [:]
        for (id, g) in gold { byGold[g, default: []].append(id) }
        print("\nwrong merges (predicted clusters holding several gold labels):")
        let merges = byPredicted.values.filter { Set($0.compactMap { gold[$0] }).count > 1 }.sorted { $0.count > $1.count }
        for members in merges.prefix(10) {
            let labels = Dictionary(grouping: members) { gold[$0] ?? "?" }.sorted { $0.value.count > $1.value.count }
            print("  \(members.count) items: " + labels.map { "\($0.key) ×\($0.value.count)" }.joined(separator: ", "))
            for (_, ids) in labels.prefix(3) { print("    \(ids[0]): \(title[ids[0]] ?? "")") }
        }
        print("\nwrong splits (gold labels spread over several predicted clusters):")
        let splits = byGold.values.map { ids in (ids, Set(ids.compactMap { predicted[$0] })) }
            .filter { $0.1.count > 1 }.sorted { $0.0.count > $1.0.count }
        for (ids, parts) in splits.prefix(10) {
            print("  \(gold[ids[0]] ?? "?"): \(ids.count) items in \(parts.count) clusters")
        }
    }
}

/// The `rundschau` executable beside this benchmark, run as a child process with one database and settings file.
struct CLI {
    /// Wall-clock and CPU seconds (user + system) of one child process.
    struct Timing {
        var wall: Double
        var cpu: Double
    }

    let executable: URL
    let config: String
    let database: String

    init(config: String, database: String) throws {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        executable = here.deletingLastPathComponent().appendingPathComponent("rundschau")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw ValidationError("no rundschau executable beside \(here.path): build it first (swift build -c release)")
        }
        self.config = config
        self.database = database
    }

    /// Runs `rundschau ARGS --config … --database …`; throws when it exits non-zero (unless allowed).
    func run(_ arguments: [String], allowFailure: Bool = false) throws -> (stdout: Data, timing: Timing) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--config", config, "--database", database]
        let out = Pipe()
        process.standardOutput = out
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("rundschau-eval-\(UUID().uuidString).err")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil),
              let errorHandle = FileHandle(forWritingAtPath: errorFile.path) else {
            throw ValidationError("cannot create \(errorFile.path)")
        }
        defer { try? FileManager.default.removeItem(at: errorFile) }
        process.standardError = errorHandle
        let before = Measure.cpuSeconds(children: true)
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? errorHandle.close()
        let errorBytes = (try? Data(contentsOf: errorFile)) ?? Data()
        let wall = (clock.now - start) / .seconds(1)
        let timing = Timing(wall: wall, cpu: Measure.cpuSeconds(children: true) - before)
        if process.terminationStatus != 0 && !(allowFailure && process.terminationStatus == 1) {
            let message = String(decoding: errorBytes.prefix(2_000), as: UTF8.self)
            throw ValidationError("rundschau \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(message)")
        }
        return (stdout, timing)
    }

}

/// An OPML subscription list of local feed files.
enum EvalOPML {
    static func document(_ files: [URL]) -> String {
        let outlines = files.map { file -> String in
            let name = escape(file.deletingPathExtension().lastPathComponent)
            return "<outline type=\"rss\" text=\"\(name)\" xmlUrl=\"\(escape(file.absoluteString))\"/>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"><head><title>eval</title></head><body>\n"
            + outlines.joined(separator: "\n") + "\n</body></opml>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}

/// Copies of feed files with a newsletter and rights footer, different per feed, appended to every item's text:
/// the boilerplate that must not make unrelated articles look like copies of each other.
enum FooterFeeds {
    static func write(from source: String, into folder: URL) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: source).filter { !$0.hasPrefix(".") }.sorted()
        for (index, name) in names.enumerated() {
            let text = try String(contentsOfFile: (source as NSString).appendingPathComponent(name), encoding: .utf8)
            let footer = " " + footerText(index)
            var out = text
            for closing in ["</content>", "</summary>", "</description>"] {
                out = out.replacingOccurrences(of: closing, with: footer + closing)
            }
            try out.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    /// A footer in the style of German news sites: newsletter pitch, rights note, social links.
    static func footerText(_ index: Int) -> String {
        let outlets = ["Morgenpost", "Tagesblatt", "Rundbrief", "Abendzeitung", "Kurier", "Anzeiger", "Nachrichten",
                       "Rundschau", "Echo", "Bote", "Zeitung", "Journal"]
        let outlet = outlets[index % outlets.count] + " \(index + 1)"
        let pitches = [
            "Abonnieren Sie jetzt unseren kostenlosen Newsletter und erhalten Sie jeden Morgen die wichtigsten Nachrichten des Tages aus Politik, Wirtschaft, Sport und Kultur direkt in Ihr Postfach.",
            "Sie möchten keine Nachricht mehr verpassen? Melden Sie sich für unseren täglichen Newsletter an und lesen Sie alle Hintergründe, Analysen und Kommentare unserer Redaktion zuerst.",
            "Mehr Nachrichten, Reportagen und Kommentare finden Sie in unserer App. Jetzt kostenlos herunterladen und keine Eilmeldung mehr verpassen, auch unterwegs auf dem Smartphone.",
        ]
        let rights = [
            "© \(outlet). Alle Rechte vorbehalten. Vervielfältigung, Weitergabe und Speicherung nur mit ausdrücklicher Genehmigung der Redaktion.",
            "Copyright \(outlet) und Nachrichtenagenturen. Alle Rechte vorbehalten. Die Weiterverbreitung ist ohne schriftliche Zustimmung des Verlags untersagt.",
        ]
        return pitches[index % pitches.count] + " " + rights[index % rights.count]
            + " Folgen Sie \(outlet) auch auf Facebook, Instagram und X."
    }
}

private func f(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
