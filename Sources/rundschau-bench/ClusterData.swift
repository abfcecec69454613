import Foundation
import RundschauText
import RundschauCluster
import RundschauModel

/// One labelled article of the evaluation data (a line of `articles.jsonl`).
struct ClusterRecord: Codable {
    var id: Int64
    var entryID: String
    var feed: String
    var title: String
    var text: String
    var url: String?
    var published: Date?
    var language: String?

    enum CodingKeys: String, CodingKey {
        case id, feed, title, text, url, published, language
        case entryID = "entry_id"
    }

    var article: ClusterArticle {
        ClusterArticle(
            id: id, entryID: entryID, source: feed, title: title, text: text, url: url, published: published,
            firstSeen: published ?? Date(timeIntervalSince1970: 0), language: language)
    }
}

/// Reading and writing the evaluation data: story sources, JSONL articles, gold files, feed JSON folders.
enum ClusterData {
    struct Story {
        var id: String
        var articles: [ClusterRecord]
    }

    /// Parses `stories-*.txt` (see the header of those files).
    static func readStories(directory: String) throws -> [Story] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix("stories-") && $0.hasSuffix(".txt") }.sorted()
        var stories: [Story] = []
        var nextID: Int64 = 1
        let iso = ISO8601DateFormatter()
        for file in files {
            let text = try String(contentsOfFile: (directory as NSString).appendingPathComponent(file), encoding: .utf8)
            var current: Story?
            var header: [String]?
            var lines: [String] = []
            func flushArticle() {
                guard let h = header, h.count >= 3, var story = current, let title = lines.first else { return }
                let feed = h[0], language = h[1]
                let body = lines.dropFirst().joined(separator: "\n")
                var entry = "\(feed):\(story.id)"
                if story.articles.contains(where: { $0.entryID == entry }) { entry += ":\(story.articles.count)" }
                story.articles.append(ClusterRecord(
                    id: nextID, entryID: entry, feed: feed, title: title, text: body,
                    url: "https://\(feed).example/\(story.id)", published: iso.date(from: h[2]), language: language))
                nextID += 1
                current = story
                header = nil
                lines = []
            }
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = String(raw)
                if line.hasPrefix("## ") {
                    flushArticle()
                    header = line.dropFirst(3).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                } else if line.hasPrefix("# ") {
                    flushArticle()
                    if let story = current { stories.append(story) }
                    let id = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                    current = id.contains(" ") ? nil : Story(id: id, articles: [])
                } else if line.hasPrefix("#") {
                    continue
                } else if header != nil, !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    lines.append(line)
                }
            }
            flushArticle()
            if let story = current { stories.append(story) }
        }
        return stories
    }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }

    static func writeJSONL(_ records: [ClusterRecord], to path: String) throws {
        let e = encoder()
        var out = Data()
        for r in records {
            out.append(try e.encode(r))
            out.append(0x0A)
        }
        try out.write(to: URL(fileURLWithPath: path))
    }

    /// Articles from a JSONL file, or from a folder of `*.jsonl` files and `rundschau parse --json` outputs
    /// (`*.json`, one feed each).
    static func readArticles(_ path: String) throws -> [ClusterArticle] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BenchError("no such file: \(path)")
        }
        if !isDirectory.boolValue { return try readJSONL(path, firstID: 1) }
        var articles: [ClusterArticle] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() {
            let file = (path as NSString).appendingPathComponent(name)
            if name.hasSuffix(".jsonl") {
                articles += try readJSONL(file, firstID: Int64(articles.count + 1))
            } else if name.hasSuffix(".json") {
                let feed = try FeedJSON.makeDecoder().decode(Feed.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
                for entry in feed.entries {
                    let body = entry.content ?? entry.summary ?? ""
                    articles.append(ClusterArticle(
                        id: Int64(articles.count + 1), entryID: entry.id, source: feed.title ?? name,
                        title: entry.title ?? "", text: plainText(body), url: entry.link,
                        published: entry.published ?? entry.updated, firstSeen: entry.published ?? Date(timeIntervalSince1970: 0),
                        language: entry.language ?? feed.language))
                }
            }
        }
        return articles
    }

    private static func plainText(_ html: String) -> String { HTMLText.plainText(fromHTML: html) }

    private static func readJSONL(_ path: String, firstID: Int64) throws -> [ClusterArticle] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var out: [ClusterArticle] = []
        for (n, line) in text.split(separator: "\n").enumerated() where !line.isEmpty {
            do {
                var record = try decoder.decode(ClusterRecord.self, from: Data(line.utf8))
                if record.id == 0 { record.id = firstID + Int64(n) }
                out.append(record.article)
            } catch {
                throw BenchError("\(path):\(n + 1): \(error)")
            }
        }
        return out
    }

    /// `entry id<TAB>story[<TAB>duplicate group]` lines.
    static func readGold(_ path: String) throws -> (stories: [String: String], duplicateGroups: [String: String]) {
        var stories: [String: String] = [:]
        var groups: [String: String] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count >= 2 else { continue }
            stories[parts[0]] = parts[1]
            if parts.count >= 3 { groups[parts[0]] = parts[2] }
        }
        return (stories, groups)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
