import Foundation
import RundschauModel
import RundschauParser
import Testing

/// Golden-file support: `Fixtures/<format>/<name>.<ext>` is parsed and compared, as `FeedJSON`, with
/// `Fixtures/<format>/<name>.expected.json`.
///
/// On a mismatch the test fails with a line diff. With `RUNDSCHAU_UPDATE_GOLDENS=1` in the environment the
/// goldens in the source tree are rewritten instead (review every change by hand: goldens must be correct,
/// not merely current).
enum Golden {
    /// A fixture with a golden, named `<format>/<name>.<ext>`.
    struct Fixture: CustomTestStringConvertible, Sendable {
        var path: String
        var testDescription: String { path }
        /// The document URL the fixture is parsed with: relative links resolve against it. Most fixtures
        /// get a made-up URL under `fixtures.rundschau.test`; some are parsed where such a feed would live,
        /// and one without any URL (relative links then resolve against the site link).
        var documentURL: String? {
            if let url = Golden.documentURLs[path] { return url }
            return "https://fixtures.rundschau.test/" + path
        }
        /// Fixtures whose warnings come from the XML reader's repairs (wording not ours to pin down): the
        /// golden holds no warnings, and the test only checks that there were some.
        var hasRepairWarnings: Bool { path.contains("-sloppy") }
    }

    /// Document URLs that differ from the default (`nil`: parsed without a URL).
    static let documentURLs: [String: String?] = [
        "rss/rss20-news-de.xml": "https://www.rheinland-rundschau.example/feeds/nachrichten.rss",
        "rss/rss20-news-en.xml": String?.none,
        "atom/atom10-newsroom-en.xml": "https://newsroom.example.org/feeds/blog.atom",
        "jsonfeed/jsonfeed11-kultur-de.json": "https://kulturkalender-leipzig.example/feed.json",
    ]

    /// The fixture folder inside the test bundle.
    static var bundleFixtures: URL {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures") ?? URL(fileURLWithPath: "Fixtures")
    }

    /// The fixture folder in the source tree (where goldens are rewritten).
    static var sourceFixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// Every fixture that has (or, when updating, will have) a golden: all files but `*.expected.json`
    /// under the format folders (`negative` and `oddities` hold documents without goldens).
    static func all() -> [Fixture] {
        let root = bundleFixtures
        let manager = FileManager.default
        var fixtures: [Fixture] = []
        let folders = (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
        for folder in folders.sorted() where folder != "negative" && folder != "oddities" {
            let files = (try? manager.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            for file in files.sorted() where !file.hasSuffix(".expected.json") && !file.hasPrefix(".") {
                fixtures.append(Fixture(path: "\(folder)/\(file)"))
            }
        }
        return fixtures
    }

    /// The bytes of a fixture file.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: bundleFixtures.appendingPathComponent(path)))
    }

    /// The golden's path for a fixture path.
    static func goldenPath(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingPathExtension().relativePath + ".expected.json"
    }

    /// Parses the fixture and compares it with its golden (or rewrites the golden).
    static func check(_ fixture: Fixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var feed = try FeedParser.parse(try bytes(fixture.path), url: fixture.documentURL)
        if fixture.hasRepairWarnings {
            #expect(!feed.warnings.isEmpty, "\(fixture.path): the XML reader should report its repairs", sourceLocation: sourceLocation)
            feed.warnings = []
        }
        let actual = String(decoding: try FeedJSON.makeEncoder().encode(feed), as: UTF8.self) + "\n"
        let golden = goldenPath(fixture.path)
        if ProcessInfo.processInfo.environment["RUNDSCHAU_UPDATE_GOLDENS"] == "1" {
            try actual.write(to: sourceFixtures.appendingPathComponent(golden), atomically: true, encoding: .utf8)
            return
        }
        let expectedData = try Data(contentsOf: bundleFixtures.appendingPathComponent(golden))
        let expected = String(decoding: expectedData, as: UTF8.self)
        if expected != actual {
            Issue.record(
                "\(fixture.path) differs from \(golden) (- expected, + actual):\n\(diff(expected, actual))",
                sourceLocation: sourceLocation)
        }
        // The golden must also decode back to the same model (the JSON contract is two-way).
        let decoded = try FeedJSON.makeDecoder().decode(Feed.self, from: expectedData)
        if expected == actual { #expect(decoded == feed, sourceLocation: sourceLocation) }
    }

    /// A compact line diff (longest common subsequence), with two lines of context around changes.
    static func diff(_ old: String, _ new: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var lines: [(Character, Substring)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                lines.append((" ", a[i])); i += 1; j += 1
            } else if i < a.count && (j == b.count || lcs[i + 1][j] >= lcs[i][j + 1]) {
                lines.append(("-", a[i])); i += 1
            } else {
                lines.append(("+", b[j])); j += 1
            }
        }
        let changed = lines.indices.filter { lines[$0].0 != " " }
        var out: [String] = []
        var lastPrinted = -1
        for index in changed {
            let from = max(index - 2, lastPrinted + 1)
            if from > lastPrinted + 1 && lastPrinted >= 0 { out.append("  …") }
            let to = min(index + 2, lines.count - 1)
            if from <= to {
                for k in from...to where k > lastPrinted {
                    out.append("\(lines[k].0) \(lines[k].1)")
                    lastPrinted = k
                }
            }
        }
        return out.joined(separator: "\n")
    }
}
