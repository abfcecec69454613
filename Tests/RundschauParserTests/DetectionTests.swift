import RundschauModel
import RundschauParser
import Testing

/// Format detection from content: the root element decides, inside the one streaming pass.
@Suite struct DetectionTests {
    @Test(arguments: [
        ("2.0", FeedFormat.rss20), ("2.0.1", .rss20), ("0.91", .rss09x), ("0.92", .rss09x), ("0.93", .rss09x),
        ("0.94", .rss09x),
    ])
    func rssVersions(version: String, format: FeedFormat) throws {
        let feed = try parse(#"<rss version="\#(version)"><channel><title>T</title></channel></rss>"#)
        #expect(feed.format == format)
        #expect(feed.warnings.isEmpty)
    }

    @Test func rssWithoutVersionIsRSS20() throws {
        #expect(try parse("<rss><channel><title>T</title></channel></rss>").format == .rss20)
    }

    @Test func unknownRSSVersionReadsAsRSS20WithAWarning() throws {
        let feed = try parse(#"<rss version="3.0"><channel><title>T</title></channel></rss>"#)
        #expect(feed.format == .rss20)
        #expect(feed.warnings == [#"feed: unknown RSS version "3.0"; read as RSS 2.0"#])
    }

    @Test func rdfRoots() throws {
        let rss10 = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel rdf:about="x"><title>T</title></channel><item rdf:about="https://example.com/1"><title>I</title></item></rdf:RDF>
            """)
        #expect(rss10.format == .rss10)
        #expect(rss10.entries.first?.id == "https://example.com/1")
        #expect(rss10.entries.first?.link == "https://example.com/1")
        let rss090 = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
            <channel><title>T</title><link>http://example.com/</link></channel><item><title>I</title><link>http://example.com/i</link></item></rdf:RDF>
            """)
        #expect(rss090.format == .rss09x)
        #expect(rss090.entries.map(\.title) == ["I"])
    }

    @Test func atomRoots() throws {
        #expect(try parse(#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>"#).format == .atom10)
        #expect(try parse(#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title></feed>"#).format == .atom03)
        let bare = try parse("<feed><title>T</title><entry><id>urn:1</id><title>E</title></entry></feed>")
        #expect(bare.format == .atom10)
        #expect(bare.entries.first?.title == "E")
        #expect(bare.warnings == ["feed: root <feed> has no Atom namespace; read as Atom 1.0"])
    }

    @Test func prefixedAtomRoot() throws {
        let feed = try parse(#"<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>T</a:title><a:entry><a:id>urn:1</a:id></a:entry></a:feed>"#)
        #expect(feed.format == .atom10)
        #expect(feed.title == "T")
        #expect(feed.entries.first?.id == "urn:1")
    }

    @Test func jsonFeedAfterByteOrderMarkAndWhitespace() throws {
        let json = #" {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": []}"#
        let feed = try FeedParser.parse([0xEF, 0xBB, 0xBF, 0x0A] + Array(json.utf8))
        #expect(feed.format == .jsonfeed)
        #expect(feed.title == "J")
    }

    @Test func jsonFeedWithoutVersionIsReadWithAWarning() throws {
        let feed = try parse(#"{"title": "J", "items": [{"id": "1", "content_text": "x"}]}"#)
        #expect(feed.format == .jsonfeed)
        #expect(feed.entries.count == 1)
        #expect(feed.warnings == ["feed: no JSON Feed version; read as JSON Feed 1.1"])
    }

    @Test func theFileNameDoesNotMatter() throws {
        let feed = try parse(#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>"#, url: "https://example.com/feed.rss")
        #expect(feed.format == .atom10)
    }

    @Test func itemsDirectlyUnderTheRootAreRead() throws {
        let feed = try parse("<rss version=\"0.91\"><title>T</title><item><title>I</title><link>http://example.com/i</link></item></rss>")
        #expect(feed.entries.map(\.title) == ["I"])
    }
}
