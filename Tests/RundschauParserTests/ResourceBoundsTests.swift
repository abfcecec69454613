import Foundation
import RundschauModel
import RundschauParser
import Testing

/// Hostile feeds meet a documented limit: a clear error or a warning, in bounded time and memory.
///
/// A refusal is checked by what proves the limit was hit (the error code and message naming the limit), not by
/// the clock. Cases that stay linear only by construction (huge text, many children) keep a ceiling of minutes,
/// a last resort against a quadratic regression that would take hours; speed belongs to the benchmarks. Memory
/// is bounded by construction (the limits keep what is stored small); peak figures are in the README.
@Suite(.serialized) struct ResourceBoundsTests {
    /// Last-resort ceiling for the linear-by-construction cases: far above any loaded debug run, far below quadratic.
    private static let ceiling: Duration = .seconds(300)

    /// Runs `body` and returns its result with the time it took.
    private func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        return (result, clock.now - start)
    }

    private func error(_ bytes: [UInt8], options: FeedParserOptions = .init()) -> FeedParseError? {
        do {
            _ = try FeedParser.parse(bytes, url: "hostile", options: options)
            return nil
        } catch {
            return error
        }
    }

    private func bytes(_ parts: String...) -> [UInt8] { Array(parts.joined().utf8) }

    /// An RSS document with a DTD internal subset (after the XML declaration, where it belongs).
    private func rssWithDTD(_ dtd: String, _ items: String) -> [UInt8] {
        bytes("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [", dtd, "]>\n<rss version=\"2.0\"><channel><title>T</title>", items, "</channel></rss>")
    }

    // MARK: Nesting

    @Test func nesting100000LevelsIsRefusedAtLevel257() {
        let n = 100_000
        let xml = bytes("<rss><channel>", String(repeating: "<a>", count: n), String(repeating: "</a>", count: n), "</channel></rss>")
        let failure = error(xml)
        #expect(failure?.code == .hostile)
        #expect(failure?.message.hasPrefix("elements nest deeper than 256 levels") == true)
    }

    @Test func unclosedNesting100000LevelsIsRefusedToo() {
        // Never closed: the strict parse fails, but depth stops it before any repair is tried.
        let xml = bytes("junk<rss><channel>&nbsp;", String(repeating: "<div>", count: 100_000))
        let failure = error(xml)
        #expect(failure?.code == .hostile)
        #expect(failure?.message.hasPrefix("elements nest deeper than 256 levels") == true)
    }

    @Test func nestedMarkupInsideEscapedHTMLIsJustText() throws {
        // 10^5 nested tags as escaped HTML in a title: not XML nesting, stripped in linear time.
        let n = 100_000
        let title = String(repeating: "&lt;b&gt;", count: n) + "Hallo" + String(repeating: "&lt;/b&gt;", count: n)
        let (feed, elapsed) = try timed { try FeedParser.parse(bytes(rss("<item><title>\(title)</title></item>"))) }
        #expect(feed.entries.first?.title == "Hallo")
        #expect(elapsed < Self.ceiling)
    }

    // MARK: Entries

    /// 30 MB of `<item/>`: 4.3 million entries, of which 100,000 are kept (each with nothing to show, and so
    /// with a warning).
    @Test func thirtyMegabytesOfTinyItemsKeepTheFirst100000() throws {
        let count = 30_000_000 / 7
        let xml = bytes("<rss><channel><title>T</title>", String(repeating: "<item/>", count: count), "</channel></rss>")
        let (feed, elapsed) = try timed { try FeedParser.parse(xml) }
        #expect(feed.title == "T")
        #expect(feed.entries.count == 100_000)
        #expect(feed.entries.first?.hasSomethingToShow == false)
        #expect(feed.warnings.first == "feed: more than 100000 entries; the first 100000 kept, \(count - 100_000) dropped")
        // One warning per kept (empty) entry would be 100,000 lines: capped, and the rest counted.
        #expect(feed.warnings.count == 101)
        #expect(feed.warnings.last == "\(100_000 + 1 - 100) more warning(s) not shown")
        #expect(elapsed < Self.ceiling)
    }

    @Test func tooManyRSSItemsKeepTheFirstOnes() throws {
        let items = (1...50).map { "<item><title>Nr. \($0)</title><guid>g\($0)</guid></item>" }.joined()
        let feed = try FeedParser.parse(bytes(rss(items)), options: FeedParserOptions(maxEntries: 10))
        #expect(feed.entries.map(\.title) == (1...10).map { "Nr. \($0)" })
        #expect(feed.warnings == ["feed: more than 10 entries; the first 10 kept, 40 dropped"])
    }

    @Test func tooManyAtomEntriesKeepTheFirstOnes() throws {
        let entries = (1...50).map { "<entry><id>urn:e\($0)</id><title>Nr. \($0)</title></entry>" }.joined()
        let feed = try FeedParser.parse(bytes(atom(entries)), options: FeedParserOptions(maxEntries: 10))
        #expect(feed.entries.map(\.id) == (1...10).map { "urn:e\($0)" })
        #expect(feed.warnings == ["feed: more than 10 entries; the first 10 kept, 40 dropped"])
    }

    @Test func tooManyRDFItemsKeepTheFirstOnes() throws {
        let items = (1...50).map { #"<item rdf:about="https://example.com/\#($0)"><title>Nr. \#($0)</title></item>"# }.joined()
        let xml = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">\
            <channel rdf:about="https://example.com/"><title>T</title><link>https://example.com/</link></channel>\
            \(items)</rdf:RDF>
            """
        let feed = try FeedParser.parse(bytes(xml), options: FeedParserOptions(maxEntries: 10))
        #expect(feed.entries.map(\.title) == (1...10).map { "Nr. \($0)" })
        #expect(feed.warnings == ["feed: more than 10 entries; the first 10 kept, 40 dropped"])
    }

    @Test func tooManyJSONFeedItemsAreNotEvenDecoded() throws {
        let items = (1...50).map { #"{"id":"\#($0)","title":"Nr. \#($0)"}"# }.joined(separator: ",")
        let json = #"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[\#(items)]}"#
        let feed = try FeedParser.parse(bytes(json), options: FeedParserOptions(maxEntries: 10))
        #expect(feed.entries.map(\.id) == (1...10).map { "\($0)" })
        #expect(feed.warnings == ["feed: more than 10 entries; the first 10 kept, 40 dropped"])
    }

    @Test func twoMillionJSONFeedItemsKeepTheFirst100000() throws {
        let json = bytes(#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":["#,
                         Array(repeating: #"{"id":"1"}"#, count: 2_000_000).joined(separator: ","), "]}")
        let (feed, elapsed) = try timed { try FeedParser.parse(json) }
        #expect(feed.entries.count == 100_000)
        #expect(feed.warnings.first == "feed: more than 100000 entries; the first 100000 kept, 1900000 dropped")
        // Each kept item has nothing to show (only an id): a warning each, capped.
        #expect(feed.warnings.count == 101)
        #expect(feed.warnings.last == "\(100_000 + 1 - 100) more warning(s) not shown")
        #expect(elapsed < Self.ceiling)
    }

    @Test func warningsAreCappedAt100() throws {
        let items = (1...250).map { "<item><title>t</title><guid>g\($0)</guid><pubDate>kein Datum \($0)</pubDate></item>" }.joined()
        let feed = try FeedParser.parse(bytes(rss(items)))
        #expect(feed.entries.count == 250)
        #expect(feed.warnings.count == 101)
        #expect(feed.warnings.first == #"entry 1: unreadable date "kein Datum 1""#)
        #expect(feed.warnings[99] == #"entry 100: unreadable date "kein Datum 100""#)
        #expect(feed.warnings.last == "150 more warning(s) not shown")
    }

    // MARK: Large elements

    @Test func hugeTextNodeIsReadInLinearTime() throws {
        let size = 16 << 20
        let xml = bytes(rss("<item><guid>g</guid><description>\(String(repeating: "x", count: size))</description></item>"))
        let (feed, elapsed) = try timed { try FeedParser.parse(xml) }
        #expect(feed.entries.first?.summary?.utf8.count == size)
        #expect(elapsed < Self.ceiling)
    }

    @Test func hugeCDATASectionIsCutByLibxml2WithAWarning() throws {
        // libxml2 refuses CDATA sections over 10 MB ("CData section too big"); the rest is salvaged.
        let xml = bytes(rss("<item><title>t</title><description><![CDATA[\(String(repeating: "y", count: 11_000_000))]]></description></item>"))
        let (feed, elapsed) = try timed { try FeedParser.parse(xml) }
        #expect(feed.warnings.contains { $0.contains("CData section too big") })
        #expect(elapsed < Self.ceiling)
    }

    @Test func elementWith100000AttributesIsRefusedBeforeParsing() {
        let attributes = (0..<100_000).map { "a\($0)=\"v\"" }.joined(separator: " ")
        let xml = bytes(rss("<item \(attributes)><title>t</title></item>"))
        let failure = error(xml)
        #expect(failure?.code == .hostile)
        #expect(failure?.message.hasPrefix("refused: a start tag at byte ") == true)
        #expect(failure?.message.hasSuffix(" has more than 256 attributes") == true)
    }

    @Test func rootWith100000NamespaceDeclarationsIsRefused() {
        let declarations = (0..<100_000).map { "xmlns:p\($0)=\"urn:\($0)\"" }.joined(separator: " ")
        let failure = error(bytes("<rss \(declarations)><channel/></rss>"))
        #expect(failure?.code == .hostile)
        #expect(failure?.message.hasSuffix(" has more than 256 attributes") == true)
    }

    @Test func attributeDefaultsFromTheDTDAreBounded() {
        // 10^4 defaulted attributes on every <item>: 50 s in libxml2 for 300 items before the limit.
        let definitions = (0..<10_000).map { "a\($0) CDATA \"x\"" }.joined(separator: " ")
        let xml = rssWithDTD("<!ATTLIST item \(definitions)>", String(repeating: "<item><title>x</title></item>", count: 300))
        let failure = error(xml)
        #expect(failure?.code == .hostile)
        #expect(failure?.message == "refused: the DTD declares more than 16 attributes")
    }

    @Test func oneEntryWith100000CategoriesLinksEnclosuresAndAuthorsIsLinear() throws {
        let n = 100_000
        let rssItem = "<item><title>t</title>"
            + (0..<n).map { "<category>c\($0)</category><enclosure url=\"https://e.example/\($0).mp3\"/><dc:creator>A\($0)</dc:creator>" }.joined()
            + "</item>"
        let (feed, elapsed) = try timed {
            try FeedParser.parse(bytes(rss(rssItem, namespaces: #"xmlns:dc="http://purl.org/dc/elements/1.1/""#)))
        }
        #expect(feed.entries.first?.categories.count == n)
        #expect(feed.entries.first?.enclosures.count == n)
        #expect(feed.entries.first?.authors.count == n)
        let atomEntry = "<entry><id>urn:e</id><title>t</title>"
            + (0..<n).map { "<link rel=\"r\($0)\" href=\"https://l.example/\($0)\"/>" }.joined() + "</entry>"
        let (atomFeed, atomElapsed) = try timed { try FeedParser.parse(bytes(atom(atomEntry))) }
        #expect(atomFeed.entries.first?.links.count == n)
        // Quadratic de-duplication took 15 s (categories), 40 s (enclosures) and minutes (authors) in release.
        #expect(elapsed + atomElapsed < Self.ceiling)
    }

    @Test func aMalformedDocumentWithHalfAMillionErrorsIsRecoveredQuickly() {
        // Every `Name <` is an error in recover mode; building a message for each took 5.5 s (release) for
        // these 3 MB before only the kept ones were built.
        let xml = bytes(rss("<item><title>t</title><author>" + String(repeating: "Name <", count: 500_000) + "</author></item>"))
        let (_, elapsed) = timed { error(xml) }
        #expect(elapsed < Self.ceiling)
    }

    @Test func valuesQuotedInWarningsAreShortened() throws {
        let date = String(repeating: "11 Jun 2024 ", count: 100_000)
        let feed = try FeedParser.parse(bytes(rss("<item><title>t</title><guid>g</guid><pubDate>\(date)</pubDate></item>")))
        #expect(feed.warnings == ["entry 1: unreadable date \"\(date.prefix(100))…\""])
    }

    // MARK: Size

    @Test func oneGigabyteFileIsRefusedBeforeReading() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rundschau-1gb-\(UUID().uuidString).xml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("<rss>".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // A sparse file: 1 GiB long, no disk blocks, and never read.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let outcome = Result { try FeedParser.readDocument(atPath: path) }
        guard case .failure(let failure as FeedParseError) = outcome else {
            Issue.record("expected a FeedParseError, got \(outcome)")
            return
        }
        #expect(failure.code == .tooLarge)
        // Refused by its size on disk: the message names it, and not one byte was read (the file is sparse).
        #expect(failure.message == "the document is 1073741824 bytes, over the limit of 33554432")
    }

    @Test func streamedInputIsCutOffOneBytePastTheLimit() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rundschau-stream-\(UUID().uuidString).xml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x20, count: 3 << 20)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forReadingAtPath: path))
        defer { try? handle.close() }
        #expect(throws: FeedParseError.self) { try FeedParser.readDocument(from: handle, maxSize: 1 << 20, url: "-") }
        // Exactly limit + 1 bytes were consumed.
        #expect(try handle.offset() == UInt64(1 << 20) + 1)
    }

    @Test func documentOverTheLimitIsRefusedBeforeParsing() {
        let xml = bytes(rss(String(repeating: "<item><title>x</title></item>", count: 40_000)))
        let failure = error(xml, options: FeedParserOptions(maxDocumentSize: 1 << 20))
        #expect(failure?.code == .tooLarge)
        #expect(failure?.message == "the document is \(xml.count) bytes, over the limit of 1048576")
    }

    // MARK: Entity expansion

    @Test func billionLaughsInAnAttributeIsRefusedFast() {
        var dtd = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        let xml = rssWithDTD(dtd, #"<item><title>t</title><enclosure url="&lol9;"/></item>"#)
        let failure = error(xml)
        #expect(failure?.code == .hostile)
        // Refused at the declarations, before any expansion.
        #expect(failure?.message.contains("refers to other entities") == true, "\(String(describing: failure))")
    }

    @Test func parameterEntityLaughsAreRefusedOrInert() throws {
        // Parameter entities are never expanded: whatever they declare stays undeclared.
        var dtd = #"<!ENTITY % a "aaaaaaaaaa">"#
        for level in 1...9 { dtd += "<!ENTITY % a\(level) \"" + String(repeating: "%a\(level == 1 ? "" : String(level - 1));", count: 10) + "\">" }
        let xml = rssWithDTD(dtd, "<item><title>t</title></item>")
        let outcome = Result { try FeedParser.parse(xml) }
        switch outcome {
        case .success(let feed): #expect(feed.entries.map(\.title) == ["t"])
        case .failure(let failure): #expect((failure as? FeedParseError)?.code == .hostile)
        }
    }

    @Test func quadraticBlowupIsRefusedFast() {
        // One 4 KB entity referenced 10^4 times: 40 MB if expanded; the repair path stops at the size limit.
        let xml = rssWithDTD("<!ENTITY big \"\(String(repeating: "a", count: 4000))\">",
                      "<item><title>" + String(repeating: "&big;", count: 10_000) + "</title></item>")
        let failure = error(xml)
        #expect(failure?.code == .hostile)
        #expect(failure?.message.contains("takes the document over the limit") == true, "\(String(describing: failure))")
    }

    @Test func quadraticBlowupWithManySmallEntitiesIsRefused() {
        // 64 declarations are allowed; the 65th is refused, whatever each one holds.
        let declarations = (0..<65).map { "<!ENTITY e\($0) \"\(String(repeating: "x", count: 4000))\">" }.joined()
        let xml = rssWithDTD(declarations, "<item><title>&e1;&e2;</title></item>")
        #expect(error(xml)?.code == .hostile)
    }

    // MARK: JSON depth

    @Test func jsonNested100000DeepIsRefusedBeforeDecoding() {
        let n = 100_000
        for json in [String(repeating: "[", count: n) + String(repeating: "]", count: n),
                     String(repeating: #"{"items":"#, count: n) + "1" + String(repeating: "}", count: n),
                     String(repeating: "[", count: n)] {
            let failure = error(bytes(json))
            #expect(failure?.code == .hostile)
            #expect(failure?.message == "JSON nests deeper than 64 levels (at byte \(json.hasPrefix("[") ? 64 : 64 * 9))")
        }
    }

    @Test func jsonDepthCountsStructureNotStrings() throws {
        let deep = String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
        let brackets = String(repeating: "[{", count: 50_000) + #"\"\\"#
        let json = #"{"version":"https://jsonfeed.org/version/1.1","title":"\#(brackets)","_x":\#(deep),"items":[{"id":"1"}]}"#
        let feed = try FeedParser.parse(bytes(json))
        #expect(feed.entries.map(\.id) == ["1"])
        #expect(feed.title?.hasSuffix(#""\"#) == true)
        let tooDeep = #"{"version":"https://jsonfeed.org/version/1.1","_x":\#("[" + deep + "]"),"items":[]}"#
        #expect(error(bytes(tooDeep))?.code == .hostile)
    }
}
