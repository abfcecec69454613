import RundschauText
import Foundation
import RundschauModel
@testable import RundschauParser
import Testing

/// The odd formats real feeds use, one fixture each under `Fixtures/oddities/` (no goldens: each test asserts
/// the values that matter), and entries that carry nothing but an author, a date, a category, an enclosure or
/// a `via` link.
@Suite struct OdditiesTests {
    private func fixture(_ name: String) throws -> Feed {
        try FeedParser.parse(try Golden.bytes("oddities/" + name), url: "https://fixtures.rundschau.test/oddities/" + name)
    }

    /// An RFC 3339 instant.
    private func instant(_ text: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return try #require(formatter.date(from: text))
    }

    // MARK: Entries with nothing else

    @Test func everyEntryIsKeptEvenWithoutTitleLinkOrText() throws {
        let feed = try fixture("atom10-entries-without-title.xml")
        #expect(feed.format == .atom10)
        #expect(feed.entries.count == 5)
        #expect(feed.entries.allSatisfy { $0.title == nil && $0.link == nil && $0.content == nil })
        #expect(feed.entries[0].authors == [Person(name: "Only An Author", email: "author@sparse.example")])
        #expect(feed.entries[1].updated == (try instant("2024-03-01T12:00:00Z")))
        #expect(feed.entries[2].categories.map(\.term) == ["only-a-category"])
        #expect(feed.entries[3].enclosures == [Enclosure(url: "https://sparse.example/audio.mp3", type: "audio/mpeg", length: 1000)])
        #expect(feed.entries[4].links == [Link(rel: "via", href: "https://elsewhere.example/original")])
        // Author, date and category alone are nothing to show; an enclosure or a via link is.
        #expect(feed.entries.map(\.hasSomethingToShow) == [false, false, false, true, true])
        #expect(feed.warnings == [
            "entry 1: nothing to show (no title, link, text or enclosure); kept",
            "entry 2: nothing to show (no title, link, text or enclosure); kept",
            "entry 3: nothing to show (no title, link, text or enclosure); kept",
        ])
        // Ids: derived, distinct, and the same on a second parse.
        let ids = feed.entries.map(\.id)
        #expect(Set(ids).count == 5)
        #expect(ids[3].hasPrefix("urn:rundschau:enclosure:"))
        #expect(ids.enumerated().allSatisfy { $0.offset == 3 || $0.element.hasPrefix("urn:rundschau:entry:") })
        #expect(try fixture("atom10-entries-without-title.xml").entries.map(\.id) == ids)
    }

    @Test func contentlessEntriesAreKeptInEveryFormat() throws {
        let rdf = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" \
            xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title></channel>\
            <item><dc:creator>Only Creator</dc:creator></item></rdf:RDF>
            """)
        #expect(rdf.entries.map(\.authors) == [[Person(name: "Only Creator")]])
        let json = try parse(#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"date_published":"2024-01-02T03:04:05Z"}]}"#)
        #expect(json.entries.map(\.published) == [try instant("2024-01-02T03:04:05Z")])
        #expect(json.entries.first?.id.hasPrefix("urn:rundschau:entry:") == true)
        #expect(json.warnings == ["entry 1: nothing to show (no title, link, text or enclosure); kept"])
    }

    // MARK: RSS 0.90

    @Test func rss090IsReportedAsRSS09x() throws {
        let feed = try fixture("rss090-bare.xml")
        #expect(feed.format == .rss09x)
        #expect(feed.title == "Oldtimer Headlines")
        #expect(feed.link == "http://oldtimer.example/")
        #expect(feed.entries.map(\.title) == ["First headline", "Second headline"])
        #expect(feed.entries.map(\.link) == ["http://oldtimer.example/1", "http://oldtimer.example/2"])
        #expect(feed.warnings.isEmpty)
    }

    @Test func rss090WithoutChannelOrItemIsToldByItsNamespace() throws {
        let feed = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
            </rdf:RDF>
            """)
        #expect(feed.format == .rss09x)
        #expect(feed.entries.isEmpty)
        let rss10 = try parse(#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>"#)
        #expect(rss10.format == .rss10)
    }

    // MARK: Atom 0.3

    @Test func atom03DatesAndContentModes() throws {
        let feed = try fixture("atom03-dates-and-modes.xml")
        #expect(feed.format == .atom03)
        #expect(feed.updated == (try instant("2005-03-02T12:00:00Z")))
        #expect(feed.entries.count == 3)
        let first = feed.entries[0], second = feed.entries[1], third = feed.entries[2]
        // issued → published, modified → updated; base64 content decoded, its type kept.
        #expect(first.published == (try instant("2005-03-01T08:00:00Z")))
        #expect(first.updated == (try instant("2005-03-01T09:30:00Z")))
        #expect(first.content == "<p>Hallo <b>Welt</b></p>")
        #expect(first.contentType == .html)
        // created → published when there is no issued; escaped mode is HTML; xml mode is inline XHTML.
        #expect(second.published == (try instant("2005-02-28T08:15:00Z")))
        #expect(second.updated == nil)
        #expect(second.summary == "<i>escaped</i> summary")
        #expect(second.summaryType == .html)
        #expect(second.content == "<p>Inline <em>XHTML</em></p>")
        #expect(second.contentType == .xhtml)
        // issued wins over created; base64 without a type is plain text.
        #expect(third.published == (try instant("2005-02-02T00:00:00Z")))
        #expect(third.content == "Plain text")
        #expect(third.contentType == .text)
    }

    @Test func atom03FeedWithoutNamespace() throws {
        let feed = try fixture("atom03-no-namespace.xml")
        #expect(feed.format == .atom03)
        #expect(feed.title == "No namespace at all")
        #expect(feed.link == "http://bare.example/")
        #expect(feed.entries.map(\.title) == ["Bare entry"])
        #expect(feed.entries.first?.published == (try instant("2004-06-01T12:00:00Z")))
        #expect(feed.warnings == [#"feed: root <feed version="0.3"> has no Atom namespace; read as Atom 0.3"#])
    }

    @Test func atom03FeedInAnUnknownNamespace() throws {
        let feed = try fixture("atom03-unknown-namespace.xml")
        #expect(feed.format == .atom03)
        #expect(feed.title == "A draft namespace")
        #expect(feed.entries.map(\.title) == ["Draft entry"])
        #expect(feed.entries.map(\.link) == ["http://draft.example/1"])
        #expect(feed.entries.first?.id == "tag:draft.example,2004:1")
        #expect(feed.entries.first?.updated == (try instant("2004-07-01T12:00:00Z")))
        #expect(feed.warnings == [#"feed: root <feed version="0.3"> in an unknown namespace; read as Atom 0.3"#])
    }

    @Test func feedInAnUnknownNamespaceWithoutVersionIsNoFeed() throws {
        let error = #expect(throws: FeedParseError.self) { try parse(#"<feed xmlns="http://example.com/other"><title>T</title></feed>"#) }
        #expect(error?.code == .notAFeed)
    }

    // MARK: XHTML around RSS and Atom

    @Test func xhtmlDoctypeBeforeAnRSSRoot() throws {
        let feed = try fixture("rss20-xhtml-doctype.xml")
        #expect(feed.format == .rss20)
        #expect(feed.title == "Café am Markt")
        #expect(feed.entries.map(\.title) == ["Neue Karte"])
        #expect(feed.entries.first?.published == (try instant("2024-06-03T06:00:00Z")))
    }

    @Test func rssFeedInsideAnXHTMLPage() throws {
        let feed = try fixture("xhtml-page-rss.xml")
        #expect(feed.format == .rss20)
        #expect(feed.title == "Vereinsnachrichten")
        #expect(feed.link == "https://verein.example/")
        #expect(feed.entries.map(\.title) == ["Sommerfest", "Mitgliederversammlung"])
        #expect(feed.entries.first?.summary == "Am Samstag ab 14 Uhr.")
        #expect(feed.warnings.contains("feed: the <rss> feed is inside an HTML page (root <html>)"))
    }

    @Test func atomFeedInsideAnXHTMLPage() throws {
        let feed = try fixture("xhtml-page-atom.xml")
        #expect(feed.format == .atom10)
        #expect(feed.title == "Embedded Atom")
        #expect(feed.entries.map(\.title) == ["Inside a page"])
        #expect(feed.entries.map(\.link) == ["https://embedded.example/1"])
        #expect(feed.warnings == ["feed: the <feed> feed is inside an HTML page (root <html>)"])
    }

    @Test func htmlPageWithoutAFeedIsStillAnHTMLPage() throws {
        let page = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Hello <b>feed</b> reader</p></body></html>"
        let pageError = #expect(throws: FeedParseError.self) { try parse(page) }
        #expect(pageError?.code == .notAFeed)
        #expect(pageError?.message == "an HTML page")
        let mention = "<!DOCTYPE html><html><body><p>Our &lt;rss&gt; feed is at /feed.xml</p></body></html>"
        let mentionError = #expect(throws: FeedParseError.self) { try parse(mention) }
        #expect(mentionError?.code == .notAFeed)
    }

    @Test func snifferLooksForFeedRootsOnlyAsWholeNames() {
        func scan(_ text: String) -> Bool { DocumentSniffer.containsFeedRoot(Array(text.utf8), wide: false) }
        #expect(scan("<html><body><rss version=\"2.0\">"))
        #expect(scan("<html><body><feed>"))
        #expect(scan("<html>\n<rdf:RDF xmlns:rdf=\"x\">"))
        #expect(!scan("<html><body><feedback/><rssfeed/><p>&lt;rss&gt;</p>"))
        #expect(DocumentSniffer.sniff(Array("<!DOCTYPE html><html><body><p>Hi</p></body></html>".utf8)) == .html)
        #expect(DocumentSniffer.sniff(Array("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\"><rss/>".utf8)) == .markup)
    }

    // MARK: Standalone entry

    @Test func standaloneAtomEntryIsAFeedWithOneEntry() throws {
        let feed = try fixture("atom10-entry-document.xml")
        #expect(feed.format == .atom10)
        #expect(feed.title == nil)
        #expect(feed.entries.count == 1)
        let entry = try #require(feed.entries.first)
        #expect(entry.id == "tag:single.example,2024:eintrag")
        #expect(entry.title == "Ein einzelner Eintrag")
        #expect(entry.link == "https://single.example/eintrag")
        #expect(entry.published == (try instant("2024-04-01T18:00:00Z")))
        #expect(entry.updated == (try instant("2024-04-02T09:30:00Z")))
        #expect(entry.authors == [Person(name: "Erika Muster")])
        #expect(entry.content == "<p>Text</p>")
        #expect(entry.language == "de")
        #expect(feed.warnings == ["feed: the document is a single Atom entry"])
    }

    // MARK: Sloppy links and references

    @Test func atomLinkWithoutHrefTakesItsText() throws {
        let feed = try parse(atom("""
            <entry><id>urn:1</id><link rel="alternate" type="text/html">https://example.com/a</link>\
            <link rel="enclosure" type="audio/mpeg"> https://example.com/a.mp3 </link><link rel="related"/></entry>
            """))
        let entry = try #require(feed.entries.first)
        #expect(entry.link == "https://example.com/a")
        #expect(entry.links.map(\.rel) == ["alternate", "enclosure"])
        #expect(entry.enclosures == [Enclosure(url: "https://example.com/a.mp3", type: "audio/mpeg")])
    }

    @Test func characterReferencesToNoCharacterBecomeReplacementCharacters() throws {
        let feed = try parse(rss("", channel: "").replacingOccurrences(
            of: "<title>T</title>", with: "<title>a &#1114112; b &#x110000; c &#55296; d &#1; e</title>"))
        #expect(feed.title == "a \u{FFFD} b \u{FFFD} c \u{FFFD} d e")
    }

    // MARK: DTD entities

    @Test func internalSimpleEntitiesAreExpanded() throws {
        let feed = try fixture("rss20-doctype-entities.xml")
        #expect(feed.format == .rss20)
        #expect(feed.title == "Kiezblatt Verlag Nachrichten")
        #expect(feed.link == "https://kiezblatt.example/")
        #expect(feed.subtitle == "© 2024 Kiezblatt Verlag")
        #expect(feed.entries.map(\.title) == ["Neues vom Kiezblatt Verlag"])
        #expect(feed.entries.map(\.link) == ["https://kiezblatt.example/neues"])
        #expect(feed.warnings == ["expanded the entities the document's DTD declares (copy, publisher, site)"])
    }

    @Test func billionLaughsIsStillRefused() throws {
        let bomb = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\
            <rss version="2.0"><channel><title>&b;</title></channel></rss>
            """
        let error = #expect(throws: FeedParseError.self) { try parse(bomb) }
        #expect(error?.code == .hostile)
    }

    // MARK: Sloppy podcast feeds

    @Test func singleQuotedAttributesAndUndeclaredContentPrefix() throws {
        let feed = try fixture("rss20-itunes-sloppy.xml")
        #expect(feed.format == .rss20)
        #expect(feed.title == "Hofgeflüster")
        #expect(feed.entries.count == 2)
        let first = feed.entries[0], second = feed.entries[1]
        #expect(first.content == "<p>Wir besuchen den <b>Stall</b>.</p>")
        #expect(first.contentType == .html)
        #expect(first.enclosures == [Enclosure(url: "https://cdn.hofgefluester.example/2.mp3", type: "audio/mpeg", length: 2048)])
        #expect(first.published == (try instant("2024-06-04T06:00:00Z")))
        #expect(first.title == "Folge 2: Der Stall")  // itunes:title, where there is no title
        #expect(second.title == nil)
        #expect(second.content == "<p>Nur Shownotes.</p>")
        #expect(second.id.hasPrefix("urn:rundschau:text:"))
    }

    @Test func elementNamesInAnotherCaseAreRead() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><TITLE>Upper</TITLE><Link>https://example.com/</Link>\
            <ITEM><Title>Mixed</Title><PubDate>Tue, 04 Jun 2024 06:00:00 GMT</PubDate><guid ISPERMALINK="false">g1</guid></ITEM>\
            </channel></rss>
            """)
        #expect(feed.title == "Upper")
        #expect(feed.link == "https://example.com/")
        #expect(feed.entries.map(\.title) == ["Mixed"])
        #expect(feed.entries.first?.published == (try instant("2024-06-04T06:00:00Z")))
        #expect(feed.entries.first?.id == "g1")
    }

    @Test func cdfChannelIsReadWithItsItems() throws {
        let feed = try fixture("cdf-channel.xml")
        #expect(feed.format == .cdf)
        #expect(feed.title == "Channel Definition Format")
        #expect(feed.link == "https://cdf.example/")
        #expect(feed.subtitle == "A push channel from 1997 & its items")
        #expect(feed.subtitleType == .text)
        #expect(feed.updated == (try instant("2004-04-07T04:05:43Z")))
        #expect(feed.entries.map(\.title) == ["First item", "Second item"])
        #expect(feed.entries.map(\.link) == ["https://cdf.example/first.html", "https://cdf.example/second.html"])
        #expect(feed.entries[0].summary == "What the first item is about")
        #expect(feed.entries[0].summaryType == .text)
        #expect(feed.entries[0].updated == (try instant("2004-04-05T10:00:00Z")))
        #expect(feed.entries[1].updated == nil)
        #expect(feed.warnings.isEmpty)
    }

    @Test func channelAuthorAndDublinCoreAuthorAreAuthors() throws {
        // Neither is in RSS 2.0 or Dublin Core, but feeds write them and feedparser reads them as authors.
        let channel = try parse(rss("<author>Example editor (me@example.com)</author><item><title>A</title></item>"))
        #expect(channel.authors == [Person(name: "Example editor", email: "me@example.com")])
        let dublinCore = try parse(rss(
            "<dc:author>Channel Editor</dc:author><item><title>A</title><dc:author>Item Writer</dc:author></item>"))
        #expect(dublinCore.authors == [Person(name: "Channel Editor")])
        #expect(dublinCore.entries.first?.authors == [Person(name: "Item Writer")])
        // managingEditor, the RSS 2.0 element, comes first.
        let both = try parse(rss("<managingEditor>boss@example.com (Boss)</managingEditor><author>Other</author>"))
        #expect(both.authors == [Person(name: "Boss", email: "boss@example.com")])
    }

    @Test func undeclaredWellKnownPrefixesAreRead() throws {
        let feed = try parse(rss("<item><title>A</title><dc:creator>Ada</dc:creator><media:thumbnail url=\"https://example.com/t.jpg\"/></item>"))
        #expect(feed.entries.first?.authors == [Person(name: "Ada")])
        #expect(feed.entries.first?.image == "https://example.com/t.jpg")
    }
}
