import Foundation
import RundschauModel
import RundschauParser
import Testing

/// Input that is not a feed, or not readable: each asserts the error code (and the reason where it is ours).
@Suite struct NegativeTests {
    private func parse(_ path: String) throws -> Feed {
        try FeedParser.parse(try Golden.bytes("negative/" + path), url: path)
    }

    private func error(_ bytes: [UInt8], options: FeedParserOptions = .init()) -> FeedParseError? {
        do {
            _ = try FeedParser.parse(bytes, url: "input", options: options)
            return nil
        } catch {
            return error
        }
    }

    private func error(_ text: String) -> FeedParseError? { error(Array(text.utf8)) }

    @Test func htmlPageIsNotAFeed() throws {
        let failure = error(try Golden.bytes("negative/html-page.html"))
        #expect(failure?.code == .notAFeed)
        #expect(failure?.message == "an HTML page")
        #expect(failure.map { "\($0)" } == "input: an HTML page")
    }

    @Test func xhtmlRootIsNotAFeed() {
        let xhtml = #"<?xml version="1.0"?><!DOCTYPE page><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hi</p></body></html>"#
        let failure = error(xhtml)
        #expect(failure?.code == .notAFeed)
        #expect(failure?.message == "an HTML page")
    }

    @Test func emptyFileIsEmpty() throws {
        #expect(error(try Golden.bytes("negative/empty.xml"))?.code == .empty)
        #expect(error([0xEF, 0xBB, 0xBF, 0x20, 0x0A, 0x09, 0x0D, 0x0A])?.code == .empty)
    }

    @Test func binaryJunkIsNotAFeed() throws {
        let failure = error(try Golden.bytes("negative/binary-junk.bin"))
        #expect(failure?.code == .notAFeed)
        #expect(failure?.message.hasPrefix("binary data") == true)
    }

    @Test func gzipIsNamed() {
        let failure = error([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03])
        #expect(failure?.code == .notAFeed)
        #expect(failure?.message == "binary data (gzip-compressed)")
    }

    @Test func plainTextIsNotAFeed() {
        let failure = error("Hallo Welt,\ndies ist kein Feed, sondern nur Text.\n")
        #expect(failure?.code == .notAFeed)
        #expect(failure?.message == "plain text, not XML or JSON")
    }

    @Test func otherXMLIsNotAFeed() throws {
        let sitemap = error(try Golden.bytes("negative/sitemap.xml"))
        #expect(sitemap?.code == .notAFeed)
        #expect(sitemap?.message == "root element <urlset>")
        let opml = error(try Golden.bytes("negative/opml.xml"))
        #expect(opml?.code == .notAFeed)
        #expect(opml?.message == "an OPML subscription list")
        let prefixed = error(#"<x:doc xmlns:x="urn:example"><x:item/></x:doc>"#)
        #expect(prefixed?.message == "root element <x:doc>")
        let wrongAtom = error(#"<feed xmlns="urn:not-atom"><entry/></feed>"#)
        #expect(wrongAtom?.code == .notAFeed)
    }

    @Test func jsonThatIsNotAJSONFeed() throws {
        let failure = error(try Golden.bytes("negative/not-a-json-feed.json"))
        #expect(failure?.code == .notAFeed)
        #expect(failure?.message == "a JSON document that is not a JSON Feed")
        #expect(error("[1, 2, 3]")?.code == .notAFeed)
    }

    @Test func brokenJSONIsMalformed() {
        let failure = error(#"{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": ["#)
        #expect(failure?.code == .malformed)
        #expect(failure?.message.hasPrefix("not valid JSON") == true)
    }

    @Test func markupWithoutADocumentElementIsMalformed() {
        #expect(error("<<<>>> <?")?.code == .malformed)
    }

    /// Policy: a document that breaks off (truncated download) is salvaged. Entries completed before the
    /// break are kept, the unfinished one is dropped, and a warning says so.
    @Test func truncatedXMLIsRecoveredWithAWarning() throws {
        let feed = try parse("truncated.xml")
        #expect(feed.format == .rss20)
        #expect(feed.title == "Rheinland Rundschau – Nachrichten")
        #expect(feed.entries.map(\.title) == ["Erste Meldung", "Zweite Meldung"])
        #expect(feed.warnings.contains { $0.contains("2 complete entries kept") })
    }

    @Test func truncatedAtomKeepsCompleteEntries() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><id>urn:a</id><title>A</title></entry>
            <entry><id>urn:b</id><title>B</ti
            """
        let feed = try FeedParser.parse(Array(atom.utf8))
        #expect(feed.entries.map(\.id) == ["urn:a"])
        #expect(feed.warnings.contains { $0.contains("1 complete entry kept") })
    }

    @Test func billionLaughsIsHostile() throws {
        let failure = error(try Golden.bytes("negative/billion-laughs.xml"))
        #expect(failure?.code == .hostile)
    }

    @Test func absurdNestingIsHostile() {
        let deep = "<rss><channel>" + String(repeating: "<x>", count: 400) + String(repeating: "</x>", count: 400) + "</channel></rss>"
        #expect(error(deep)?.code == .hostile)
    }

    @Test func oversizedDocumentIsRefused() {
        let feed = "<rss><channel><title>" + String(repeating: "x", count: 500) + "</title></channel></rss>"
        let failure = error(Array(feed.utf8), options: FeedParserOptions(maxDocumentSize: 256))
        #expect(failure?.code == .tooLarge)
        #expect(FeedParserOptions().maxDocumentSize == 32 << 20)
    }

    @Test func errorDescriptionReadsWellOnATerminal() {
        let withURL = FeedParseError(.notAFeed, "an HTML page", url: "feeds/page.html")
        #expect(withURL.description == "feeds/page.html: an HTML page")
        #expect(FeedParseError(.empty, "the document is empty").description == "the document is empty")
        #expect(FeedParseError.Code.notAFeed.description == "notAFeed")
    }
}
