import Foundation
import RundschauImport
import RundschauModel
import Testing

/// Access to `Fixtures/` and small helpers shared by the import tests.
enum Fixture {
    /// The URL of a fixture file or folder.
    static func url(_ name: String) throws -> URL {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return directory.appendingPathComponent(name)
    }

    /// The raw bytes of a fixture.
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name)))
    }

    /// The entries of a fixture dump, imported with default options.
    static func entries(_ name: String, source: String? = nil) throws -> [Entry] {
        try DumpImporter().importFile(at: url(name), source: source)
    }
}

/// Midnight UTC of a calendar day.
func utc(_ year: Int, _ month: Int, _ day: Int) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    return calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? .distantPast
}

/// The body paragraphs of an entry's HTML content, unescaped: `<p>a &amp; b</p>` → `a & b`.
func paragraphs(_ entry: Entry) -> [String] {
    guard let content = entry.content else { return [] }
    return content.split(separator: "\n").map { line in
        var text = String(line)
        if text.hasPrefix("<p>") { text.removeFirst(3) }
        if text.hasSuffix("</p>") { text.removeLast(4) }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// The author names of an entry.
func authorNames(_ entry: Entry) -> [String] {
    entry.authors.compactMap(\.name)
}

/// What a test expects of one imported item (fields left `nil` must be absent).
struct ExpectedItem: CustomTestStringConvertible {
    var kicker: String?
    var title: String
    var summary: String?
    var authors: [String] = []
    var dateline: String?
    /// The number of body paragraphs (0 for a teaser).
    var paragraphCount = 0

    var testDescription: String { title }

    /// Records an issue for every field of `entry` that differs.
    func check(_ entry: Entry, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(entry.title == title, sourceLocation: sourceLocation)
        #expect(entry.kicker == kicker, "kicker of \(title)", sourceLocation: sourceLocation)
        #expect(entry.summary == summary, "summary of \(title)", sourceLocation: sourceLocation)
        #expect(entry.summaryType == (summary == nil ? nil : .text), sourceLocation: sourceLocation)
        #expect(authorNames(entry) == authors, "authors of \(title)", sourceLocation: sourceLocation)
        #expect(entry.dateline == dateline, "dateline of \(title)", sourceLocation: sourceLocation)
        #expect(paragraphs(entry).count == paragraphCount, "paragraphs of \(title)", sourceLocation: sourceLocation)
        #expect(entry.contentType == (paragraphCount == 0 ? nil : .html), sourceLocation: sourceLocation)
        #expect(entry.link == nil, sourceLocation: sourceLocation)
    }
}

/// Checks `entries` against `expected`, item by item, after checking the count.
func check(_ entries: [Entry], _ expected: [ExpectedItem], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(entries.map(\.title) == expected.map(\.title), sourceLocation: sourceLocation)
    guard entries.count == expected.count else { return }
    for (entry, item) in zip(entries, expected) { item.check(entry, sourceLocation: sourceLocation) }
}

/// A fresh temporary directory, removed by the caller.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rundschau-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
