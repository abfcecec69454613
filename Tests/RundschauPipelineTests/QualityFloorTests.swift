import Foundation
import RundschauEvaluation
import Testing
import RundschauCluster
import RundschauModel
import RundschauParser
import RundschauText

/// Quality floors on data the defaults were not tuned on: the held-out part of the in-repository gold, and the
/// public development sets in `../shared/data` when they are there (they are not copied into the repository).
///
/// The floors sit below the measured figures (README, `Scripts/evaluate`) with room for small changes; a change
/// that falls through one has made clustering or duplicate detection worse.
@Suite struct QualityFloorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared/data")

    // MARK: In-repository held-out part

    @Test func heldOutStoriesAndCopiesOfTheRepositoryGold() throws {
        let data = Self.root.appendingPathComponent("Benchmarks/data")
        let articles = try Self.jsonl(data.appendingPathComponent("articles.jsonl"))
        let gold = try Self.gold(data.appendingPathComponent("gold-heldout.tsv"))
        let result = ClusterEngine().process(existing: [], new: articles)
        let stories = Self.storyLabels(articles, result)
        let scores = ClusterEvaluation(gold: gold, predicted: stories)
        #expect(scores.items == gold.count)
        #expect(scores.pairwise.f1 >= 0.85, "held-out story F1 \(scores.pairwise.f1)")

        let copies = try Self.jsonl(data.appendingPathComponent("syndicated.jsonl"))
        let groups = try Self.gold(data.appendingPathComponent("syndicated-gold-heldout.tsv"), column: 3)
        let dedup = ClusterEvaluation(gold: groups, predicted: Self.duplicateLabels(copies, ClusterEngine().process(existing: [], new: copies)))
        #expect(dedup.pairwise.precision >= 0.99 && dedup.pairwise.recall >= 0.95,
                "held-out duplicates P \(dedup.pairwise.precision) R \(dedup.pairwise.recall)")
    }

    // MARK: Public development sets (skipped when ../shared/data is absent)

    @Test func englishHeadlinesClusterIntoStories() throws {
        let folder = Self.shared.appendingPathComponent("stories-en-dev")
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        let articles = try Self.feeds(folder.appendingPathComponent("feeds"))
        let gold = try Self.gold(folder.appendingPathComponent("gold.tsv"))
        let scores = ClusterEvaluation(gold: gold, predicted: Self.storyLabels(articles, ClusterEngine().process(existing: [], new: articles)))
        #expect(scores.items == gold.count)
        #expect(scores.pairwise.f1 >= 0.80, "headline story F1 \(scores.pairwise.f1) (P \(scores.pairwise.precision), R \(scores.pairwise.recall))")
    }

    @Test func germanCopiesAreFoundAndNothingElse() throws {
        let folder = Self.shared.appendingPathComponent("duplicates-de-dev")
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        let articles = try Self.feeds(folder.appendingPathComponent("feeds"))
        let gold = try Self.gold(folder.appendingPathComponent("dups-de.tsv"))
        let scores = ClusterEvaluation(gold: gold, predicted: Self.duplicateLabels(articles, ClusterEngine().process(existing: [], new: articles)))
        #expect(scores.pairwise.precision >= 0.99 && scores.pairwise.recall >= 0.95,
                "duplicates P \(scores.pairwise.precision) R \(scores.pairwise.recall)")
    }

    @Test func aFeedFooterMakesNoDuplicates() throws {
        let folder = Self.shared.appendingPathComponent("topics-de-dev/feeds")
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        // Every item of a feed ends with that feed's newsletter pitch and rights note.
        var articles = try Self.feeds(folder)
        for index in articles.indices {
            let feed = articles[index].source.utf8.reduce(0) { $0 + Int($1) } % 3
            articles[index].text += " " + [
                "Abonnieren Sie jetzt unseren kostenlosen Newsletter und erhalten Sie jeden Morgen die wichtigsten Nachrichten aus Politik, Wirtschaft und Sport.",
                "Mehr Nachrichten, Reportagen und Kommentare finden Sie in unserer App, jetzt kostenlos herunterladen.",
                "Sie möchten keine Nachricht mehr verpassen? Melden Sie sich für unseren täglichen Newsletter an.",
            ][feed] + " © \(articles[index].source). Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung der Redaktion."
        }
        let result = ClusterEngine().process(existing: [], new: articles)
        #expect(result.duplicates.isEmpty, "\(result.duplicates.count) unrelated articles marked as copies")
    }

    // MARK: Reading

    static func feeds(_ folder: URL) throws -> [ClusterArticle] {
        var articles: [ClusterArticle] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where !name.hasPrefix(".") {
            let path = folder.appendingPathComponent(name).path
            let feed = try FeedParser.parse(try FeedParser.readDocument(atPath: path), url: path)
            for entry in feed.entries {
                let body = entry.content ?? entry.summary ?? ""
                let date = entry.published ?? entry.updated ?? Date(timeIntervalSince1970: 0)
                articles.append(ClusterArticle(
                    id: Int64(articles.count + 1), entryID: entry.id, source: feed.title ?? name, title: entry.title ?? "",
                    text: HTMLText.plainText(fromHTML: body), url: entry.link, published: date, firstSeen: date,
                    language: entry.language ?? feed.language))
            }
        }
        return articles
    }

    struct Row: Decodable {
        var id: Int64
        var entry_id: String
        var feed: String
        var title: String
        var text: String
        var url: String?
        var published: Date
        var language: String?
    }

    static func jsonl(_ url: URL) throws -> [ClusterArticle] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let row = try decoder.decode(Row.self, from: Data(line.utf8))
            return ClusterArticle(id: row.id, entryID: row.entry_id, source: row.feed, title: row.title, text: row.text,
                                  url: row.url, published: row.published, firstSeen: row.published, language: row.language)
        }
    }

    static func gold(_ url: URL, column: Int = 2) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            if fields.count >= column { out[String(fields[0])] = String(fields[column - 1]) }
        }
        return out
    }

    static func storyLabels(_ articles: [ClusterArticle], _ result: ClusterResult) -> [String: Int64] {
        let entry = Dictionary(articles.map { ($0.id, $0.entryID) }, uniquingKeysWith: { a, _ in a })
        var out: [String: Int64] = [:]
        for a in result.assignments { if let e = entry[a.article] { out[e] = a.cluster } }
        return out
    }

    static func duplicateLabels(_ articles: [ClusterArticle], _ result: ClusterResult) -> [String: Int64] {
        var out = Dictionary(articles.map { ($0.entryID, $0.id) }, uniquingKeysWith: { a, _ in a })
        let entry = Dictionary(articles.map { ($0.id, $0.entryID) }, uniquingKeysWith: { a, _ in a })
        for link in result.duplicates { if let e = entry[link.article] { out[e] = link.canonical } }
        return out
    }
}
