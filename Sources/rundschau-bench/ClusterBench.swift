import struct RundschauModel.TopicDefinition
import ArgumentParser
import RundschauEvaluation
import Foundation
import RundschauCluster

/// `rundschau-bench cluster-data DIR`: turns the labelled story sources (`DIR/stories-*.txt`) into
/// `articles.jsonl` + `gold.tsv` (stories per language), `gold-crosslingual.tsv` (stories across languages) and
/// `syndicated.jsonl` + `syndicated-gold.tsv` (originals plus one generated copy each, with duplicate groups).
struct ClusterDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster-data", abstract: "Build the clustering evaluation files from the story sources.")

    @Argument(help: "Folder with stories-*.txt; outputs are written beside them.")
    var directory = "Benchmarks/data"

    func run() throws {
        let stories = try ClusterData.readStories(directory: directory)
        let records = stories.flatMap(\.articles)
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        try ClusterData.writeJSONL(records, to: path("articles.jsonl"))
        var gold = "# entry id<TAB>story (per language)\n"
        var cross = "# entry id<TAB>story (across languages)\n"
        for story in stories {
            for r in story.articles {
                gold += "\(r.entryID)\t\(story.id)/\(r.language ?? "?")\n"
                cross += "\(r.entryID)\t\(story.id)\n"
            }
        }
        try gold.write(toFile: path("gold.tsv"), atomically: true, encoding: .utf8)
        try cross.write(toFile: path("gold-crosslingual.tsv"), atomically: true, encoding: .utf8)

        let copies = ClusterCorpus.syndicate(stories, firstID: Int64(records.count + 1))
        try ClusterData.writeJSONL(records + copies.map(\.record), to: path("syndicated.jsonl"))
        var dupGold = "# entry id<TAB>story (per language)<TAB>duplicate group (the original's entry id)\n"
        for story in stories {
            for r in story.articles { dupGold += "\(r.entryID)\t\(story.id)/\(r.language ?? "?")\t\(r.entryID)\n" }
        }
        for c in copies {
            dupGold += "\(c.record.entryID)\t\(c.story)/\(c.record.language ?? "?")\t\(c.original)\n"
        }
        try dupGold.write(toFile: path("syndicated-gold.tsv"), atomically: true, encoding: .utf8)
        let languages = Set(records.map { "\($0.language ?? "?")" }).sorted()
        let perLanguage = Set(stories.flatMap { s in s.articles.map { "\(s.id)/\($0.language ?? "?")" } }).count
        print("\(stories.count) events (\(perLanguage) stories per language), \(records.count) articles \(languages), \(copies.count) syndicated copies")
    }
}

/// `rundschau-bench cluster-eval ARTICLES GOLD`: clusters labelled articles and prints pairwise and B-cubed
/// precision, recall and F1 and the cluster counts; with a third gold column, duplicate detection too.
struct ClusterEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster-eval", abstract: "Evaluate deduplication and story clustering against gold labels.")

    @Argument(help: "articles.jsonl, or a folder of *.jsonl / `rundschau parse --json` *.json files.")
    var articles: String

    @Argument(help: "Gold file: entry id<TAB>story[<TAB>duplicate group].")
    var gold: String

    @Option(help: "Join threshold of headline-only articles (default: the library's).")
    var shortJoin: Double?

    @Option(help: "Merge threshold of headline-only articles (default: the library's).")
    var shortMerge: Double?

    @Option(help: "Character n-gram weight for headline-only articles (default: the library's).")
    var shortChar: Double?

    @Option(help: "Join threshold of articles with a body (default: the library's).")
    var fullJoin: Double?

    @Option(help: "Merge threshold of articles with a body (default: the library's).")
    var fullMerge: Double?

    @Option(help: "Character n-gram weight for articles with a body (default: the library's).")
    var fullChar: Double?

    @Option(help: "Bodies with fewer words make an article headline-only (default: the library's).")
    var shortWords: Int?

    @Option(help: "Weight of a new article's unshared terms in its norm (default: the library's).")
    var unsharedWeight: Double?

    @Option(help: "Title weight (default: the library's).")
    var titleWeight: Double?

    @Option(help: "Name weight (default: the library's).")
    var nameWeight: Double?

    @Flag(help: "Cluster only the articles the gold file lists (to score one part of a split on its own).")
    var onlyGold = false

    @Flag(help: "Let articles join stories opened in another language.")
    var crossLanguage = false

    @Option(help: "Near-duplicate Jaccard threshold (default: the library's).")
    var jaccard: Double?

    @Option(help: "Near-duplicate containment threshold (default: the library's).")
    var containment: Double?

    @Flag(help: "Print every placement with its score and nearest story.")
    var explain = false

    @Flag(help: "List the errors: wrongly merged and wrongly split gold stories, wrong duplicate links.")
    var errors = false

    func run() throws {
        let (goldStories, goldGroups) = try ClusterData.readGold(gold)
        let articles = try ClusterData.readArticles(self.articles).filter { !onlyGold || goldStories[$0.entryID] != nil }
        var stories = StoryClusterSettings()
        if let shortJoin { stories.short.join = shortJoin }
        if let shortMerge { stories.short.merge = shortMerge }
        if let shortChar { stories.short.charWeight = shortChar }
        if let fullJoin { stories.full.join = fullJoin }
        if let fullMerge { stories.full.merge = fullMerge }
        if let fullChar { stories.full.charWeight = fullChar }
        if let shortWords { stories.shortTextWords = shortWords }
        if let unsharedWeight { stories.unsharedWeight = unsharedWeight }
        if let titleWeight { stories.titleWeight = titleWeight }
        if let nameWeight { stories.nameWeight = nameWeight }
        if crossLanguage { stories.crossLanguage = true }
        var duplicates = DuplicateSettings()
        if let jaccard { duplicates.jaccard = jaccard }
        if let containment { duplicates.containment = containment }
        let engine = ClusterEngine(duplicates: duplicates, stories: stories)

        let clock = ContinuousClock()
        let start = clock.now
        let result = engine.process(existing: [], new: articles)
        let seconds = (clock.now - start) / .seconds(1)

        let entry = Dictionary(articles.map { ($0.id, $0.entryID) }, uniquingKeysWith: { a, _ in a })
        var predicted: [String: Int64] = [:]
        for a in result.assignments { if let e = entry[a.article] { predicted[e] = a.cluster } }
        let evaluation = ClusterEvaluation(gold: goldStories, predicted: predicted)
        print("articles: \(articles.count)  evaluated: \(evaluation.items)  gold stories: \(evaluation.goldClusters)  predicted stories: \(evaluation.predictedClusters)")
        print("stories   pairwise P \(f(evaluation.pairwise.precision)) R \(f(evaluation.pairwise.recall)) F1 \(f(evaluation.pairwise.f1))  (pairs: \(evaluation.truePairs) right of \(evaluation.predictedPairs) predicted, \(evaluation.goldPairs) gold)")
        print("stories   B-cubed  P \(f(evaluation.bcubed.precision)) R \(f(evaluation.bcubed.recall)) F1 \(f(evaluation.bcubed.f1))")

        if !goldGroups.isEmpty {
            var canonical: [String: Int64] = [:]
            for a in articles { canonical[a.entryID] = a.id }
            for link in result.duplicates { if let e = entry[link.article] { canonical[e] = link.canonical } }
            let dup = ClusterEvaluation(gold: goldGroups, predicted: canonical)
            print("duplicates pairwise P \(f(dup.pairwise.precision)) R \(f(dup.pairwise.recall)) F1 \(f(dup.pairwise.f1))  (pairs: \(dup.truePairs) right of \(dup.predictedPairs) predicted, \(dup.goldPairs) gold; links: \(result.duplicates.count))")
            if errors { printDuplicateErrors(articles, result, goldGroups, entry) }
        }
        print("time: \(f(seconds, 3)) s")
        if explain {
            let byID = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for a in result.assignments {
                guard let article = byID[a.article] else { continue }
                let near = a.nearest.map { String($0) } ?? "-"
                print("\(a.opened ? "open" : "join") \(a.cluster) score \(f(a.score)) nearest \(near) [\(goldStories[article.entryID] ?? "?")] \(article.title)")
            }
        }
        if errors { printStoryErrors(articles, predicted, goldStories) }
    }

    private func printStoryErrors(_ articles: [ClusterArticle], _ predicted: [String: Int64], _ gold: [String: String]) {
        let title = Dictionary(articles.map { ($0.entryID, $0.title) }, uniquingKeysWith: { a, _ in a })
        var byPredicted: [Int64: [String]] = [:]
        for (e, c) in predicted { byPredicted[c, default: []].append(e) }
        print("\nmerged (one predicted story, several gold stories):")
        for (c, members) in byPredicted.sorted(by: { $0.key < $1.key }) {
            let labels = Set(members.compactMap { gold[$0] })
            guard labels.count > 1 else { continue }
            print("  story \(c):")
            for m in members.sorted() { print("    [\(gold[m] ?? "?")] \(title[m] ?? "")") }
        }
        var byGold: [String: [String]] = [:]
        for (e, g) in gold where predicted[e] != nil { byGold[g, default: []].append(e) }
        print("\nsplit (one gold story, several predicted stories):")
        for (g, members) in byGold.sorted(by: { $0.key < $1.key }) {
            let clusters = Set(members.compactMap { predicted[$0] })
            guard clusters.count > 1 else { continue }
            print("  \(g):")
            for m in members.sorted() { print("    (\(predicted[m] ?? 0)) \(title[m] ?? "")") }
        }
    }

    private func printDuplicateErrors(
        _ articles: [ClusterArticle], _ result: ClusterResult, _ gold: [String: String], _ entry: [Int64: String]
    ) {
        print("\nwrong duplicate links:")
        for link in result.duplicates {
            guard let a = entry[link.article], let c = entry[link.canonical] else { continue }
            if gold[a] != gold[c] { print("  \(a) → \(c)  J≈\(f(link.similarity))") }
        }
        let linked = Set(result.duplicates.map(\.article))
        print("missed copies:")
        for a in articles where a.entryID.contains(":copy:") && !linked.contains(a.id) {
            print("  \(a.entryID)")
        }
    }
}

/// `rundschau-bench cluster --articles 100000`: deduplicates and clusters a synthetic stream, then twice as many
/// articles, and times near-duplicate detection alone.
struct ClusterSpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster", abstract: "Time deduplication + clustering on synthetic articles (release build).")

    @Option(help: "Articles in the first run; the second run doubles it.")
    var articles = 100_000

    @Flag(help: "Skip the doubling run.")
    var noDoubling = false

    /// The shipped topics' keywords (`Config/topics.yaml`), so topic matching is part of the measured work.
    static let topics: [TopicDefinition] = [
        TopicDefinition(name: "middle-east", title: "Naher Osten / Middle East",
                        keywords: ["Israel", "Gaza", "Hamas", "Hisbollah", "Hezbollah", "Libanon", "Lebanon", "Netanjahu",
                                   "Netanyahu", "Palästinenser", "Geiseln", "hostages", "Iran", "Jerusalem"],
                        phrases: ["Naher Osten", "Nahost", "Middle East", "West Bank"]),
        TopicDefinition(name: "defence", title: "Verteidigung / Defence",
                        keywords: ["Bundeswehr", "Luftwaffe", "Verteidigungsminister", "Pistorius", "Taurus", "Soldaten",
                                   "soldiers", "military", "NATO", "Armee", "army", "defence", "defense", "ceasefire"],
                        phrases: ["Ministry of Defence"]),
        TopicDefinition(name: "surveillance", title: "Überwachung und Spionage / Surveillance and espionage",
                        keywords: ["Überwachung", "surveillance", "Spionage", "espionage", "Spyware", "Pegasus", "NSO",
                                   "Abhörskandal", "Leak", "Geheimdienst", "intelligence", "hacking"],
                        phrases: ["data breach"]),
        TopicDefinition(name: "europe", title: "Europa / Europe",
                        keywords: ["EU", "Europa", "Europe", "Brüssel", "Brussels", "Macron", "Frankreich", "France",
                                   "Paris", "Scholz", "Kommission", "Commission"],
                        phrases: ["Europäische Union", "European Union"]),
    ]

    private func engine() throws -> ClusterEngine {
        ClusterEngine(topics: try TopicMatcher(topics: Self.topics))
    }

    func run() throws {
        let engine = try engine()
        let n = articles
        var corpus = ClusterCorpus.synthetic(count: n)
        let bytes = corpus.reduce(0) { $0 + $1.title.utf8.count + $1.text.utf8.count }
        print("corpus: \(n) synthetic articles, \(f(Double(bytes) / 1_048_576, 1)) MiB of text, \(f(Double(n) / 2_000, 0)) days")

        let dedup: (seconds: Double, cpu: Double, note: String)
        do {
            let ordered = corpus.sorted(by: ClusterEngine.timeOrder)
            dedup = time {
                var detector = DuplicateDetector()
                var links = 0
                for a in ordered where detector.add(a) != nil { links += 1 }
                return "\(links) duplicates"
            }
        }
        print("near-duplicate detection alone: \(rate(n, dedup)) (\(dedup.note))")

        let rssBefore = Measure.currentMemoryMiB()
        let first = time { summarize(engine.process(existing: [], new: corpus)) }
        print("dedup + cluster + topics, \(n) articles: \(rate(n, first)) (\(first.note))")
        print("  peak memory \(f(Measure.peakMemoryMiB(), 0)) MiB (process, corpus included; corpus + runtime before the run: \(f(rssBefore, 0)) MiB)")
        guard !noDoubling else { return }

        corpus = []
        let doubled = ClusterCorpus.synthetic(count: 2 * n)
        let second = time { summarize(engine.process(existing: [], new: doubled)) }
        print("dedup + cluster + topics, \(2 * n) articles: \(rate(2 * n, second)) (\(second.note))")
        print("  peak memory \(f(Measure.peakMemoryMiB(), 0)) MiB (process)")
        print("scaling: doubling the input costs \(f(second.cpu / first.cpu, 2))x the CPU time (\(f(second.seconds / first.seconds, 2))x wall)")
    }

    private func rate(_ n: Int, _ t: (seconds: Double, cpu: Double, note: String)) -> String {
        "\(f(t.cpu, 2)) s CPU (\(f(t.seconds, 2)) s wall), \(f(Double(n) / t.cpu, 0)) articles/s of CPU"
    }

    private func summarize(_ result: ClusterResult) -> String {
        "\(result.duplicates.count) duplicates, \(result.assignments.filter(\.opened).count) stories"
    }

    /// Wall-clock and CPU seconds of `body` (CPU time is what counts on a machine shared with other jobs).
    private func time(_ body: () -> String) -> (seconds: Double, cpu: Double, note: String) {
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Measure.cpuSeconds()
        let note = body()
        return ((clock.now - start) / .seconds(1), Measure.cpuSeconds() - cpuStart, note)
    }
}

private func f(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
