import Foundation
import RundschauFetch
import RundschauOPML
import RundschauText
import Testing

@Suite("OPML read, write and round trip")
struct OPMLTests {
    let opml2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0">
          <head>
            <title>My subscriptions</title>
            <dateCreated>Mon, 10 Jun 2024 08:30:00 GMT</dateCreated>
            <ownerName>Ada</ownerName>
          </head>
          <body>
            <outline text="Top-level feed" type="rss" xmlUrl="https://top.example/feed" htmlUrl="https://top.example/"/>
            <outline text="News" title="News">
              <outline text="Tagesschau" title="tagesschau.de" type="rss" xmlUrl="https://www.tagesschau.de/xml/rss2/"
                       htmlUrl="https://www.tagesschau.de/" category="/Germany,/Daily"/>
              <outline text="Regional">
                <outline text="Berlin" type="rss" xmlUrl="https://berlin.example/rss"/>
              </outline>
            </outline>
            <outline text="Tech">
              <outline text="Swift.org" type="rss" xmlUrl="https://www.swift.org/atom.xml"/>
              <outline text="Tagesschau again" type="rss" xmlUrl="https://www.tagesschau.de/xml/rss2/"/>
            </outline>
          </body>
        </opml>
        """

    @Test("OPML 2.0: folders become categories, titles fall back to text")
    func readOPML2() throws {
        let document = try OPMLDocument.parse(Array(opml2.utf8))
        #expect(document.title == "My subscriptions")
        #expect(document.ownerName == "Ada")
        #expect(document.version == "2.0")
        #expect(document.dateCreated == HTTPDate.parse("Mon, 10 Jun 2024 08:30:00 GMT"))
        #expect(document.warnings.isEmpty)
        #expect(document.outlines.count == 3)
        #expect(document.subscriptions == [
            OPMLSubscription(xmlURL: "https://top.example/feed", htmlURL: "https://top.example/", title: "Top-level feed",
                             type: "rss"),
            OPMLSubscription(xmlURL: "https://www.tagesschau.de/xml/rss2/", htmlURL: "https://www.tagesschau.de/",
                             title: "tagesschau.de", type: "rss", categories: ["News", "Germany", "Daily", "Tech"]),
            OPMLSubscription(xmlURL: "https://berlin.example/rss", title: "Berlin", type: "rss",
                             categories: ["News/Regional"]),
            OPMLSubscription(xmlURL: "https://www.swift.org/atom.xml", title: "Swift.org", type: "rss",
                             categories: ["Tech"]),
        ])
    }

    @Test("OPML 1.0 with odd attribute case, missing titles and url instead of xmlUrl")
    func readOPML1() throws {
        let text = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <opml version="1.0">
            <head><title>Old export</title><dateCreated>Sat, 1 Jan 05 10:00 EST</dateCreated></head>
            <body>
            <outline title="Folder">
              <outline type="rss" xmlurl="http://a.example/rss.xml" htmlurl="http://a.example/"/>
              <outline type="rss" url="http://b.example/index.rdf" text="B"/>
              <outline type="rss" text="no url at all"/>
              <outline type="link" text="a bookmark" url="http://c.example/"/>
            </outline>
            <outline text="" XMLURL="http://d.example/feed"/>
            </body>
            </opml>
            """
        let document = try OPMLDocument.parse(Array(text.utf8))
        #expect(document.version == "1.0")
        #expect(document.dateCreated == HTTPDate.parse("Sat, 01 Jan 2005 15:00:00 GMT"))
        #expect(document.subscriptions == [
            OPMLSubscription(xmlURL: "http://a.example/rss.xml", htmlURL: "http://a.example/", type: "rss",
                             categories: ["Folder"]),
            OPMLSubscription(xmlURL: "http://b.example/index.rdf", title: "B", type: "rss", categories: ["Folder"]),
            OPMLSubscription(xmlURL: "http://d.example/feed"),
        ])
        #expect(document.warnings == ["1 feed outline(s) without a URL skipped"])
    }

    @Test("Latin-1 bytes are decoded")
    func latin1() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml version=\"1.0\"><body>".utf8)
        bytes += Array("<outline text=\"M".utf8) + [0xFC] + Array("nchen\" xmlUrl=\"http://m.example/\"/>".utf8)
        bytes += Array("</body></opml>".utf8)
        let document = try OPMLDocument.parse(bytes)
        #expect(document.subscriptions.first?.title == "München")
    }

    @Test("sloppy XML is recovered with a warning")
    func sloppy() throws {
        let text = """
            <opml version="2.0"><head><title>Fish & Chips</title></head><body>
            <outline text="Fish & Chips" xmlUrl="http://fish.example/rss?a=1&b=2"/>
            </body></opml>
            """
        let document = try OPMLDocument.parse(Array(text.utf8))
        #expect(document.subscriptions.count == 1)
        #expect(document.subscriptions.first?.xmlURL.hasPrefix("http://fish.example/rss?a=1") == true)
        #expect(document.warnings.contains { $0.hasPrefix("recovered from malformed XML") })
    }

    @Test("not OPML: a feed, HTML, garbage, nothing", arguments: [
        "<rss version=\"2.0\"><channel/></rss>", "<html><body>hi</body></html>", "\u{1}\u{2}garbage", "",
    ])
    func notOPML(text: String) throws {
        let error = #expect(throws: OPMLError.self) { try OPMLDocument.parse(Array(text.utf8)) }
        #expect(error?.message.hasPrefix("not an OPML document") == true)
    }

    @Test("writing escapes everything and builds folders from categories")
    func write() throws {
        let subscriptions = [
            OPMLSubscription(xmlURL: "https://a.example/feed?x=1&y=2", htmlURL: "https://a.example/",
                             title: "A \"quoted\" <title> & more", type: "rss", categories: ["Tech/Swift", "Weekly"]),
            OPMLSubscription(xmlURL: "https://b.example/atom", title: "B", type: "atom", categories: ["Tech"]),
            OPMLSubscription(xmlURL: "file:///srv/feeds/local.xml"),
        ]
        let created = try #require(HTTPDate.parse("Tue, 11 Jun 2024 12:00:00 GMT"))
        let document = OPMLDocument(title: "Rundschau & friends", subscriptions: subscriptions, dateCreated: created)
        let xml = OPMLWriter().string(from: document)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"))
        #expect(xml.contains("<title>Rundschau &amp; friends</title>"))
        #expect(xml.contains("<dateCreated>Tue, 11 Jun 2024 12:00:00 GMT</dateCreated>"))
        #expect(xml.contains("text=\"A &quot;quoted&quot; &lt;title&gt; &amp; more\""))
        #expect(xml.contains("xmlUrl=\"https://a.example/feed?x=1&amp;y=2\""))
        #expect(xml.contains("category=\"/Weekly\""))
        #expect(xml.contains("<outline text=\"file:///srv/feeds/local.xml\" type=\"rss\" xmlUrl=\"file:///srv/feeds/local.xml\"/>"))
        // Folders: Tech contains Swift (with A) and B directly.
        let expectedTree = """
                <outline text="Tech" title="Tech">
                  <outline text="Swift" title="Swift">
            """
        #expect(xml.contains(expectedTree))

        let reread = try OPMLDocument.parse(Array(xml.utf8))
        #expect(reread.warnings.isEmpty)
        #expect(reread.title == "Rundschau & friends")
        #expect(reread.dateCreated == created)
    }

    @Test("subscriptions survive write → read unchanged")
    func roundTrip() throws {
        // In folder order: writing groups feeds by folder, so this order is what reading gives back.
        let subscriptions = [
            OPMLSubscription(xmlURL: "https://a.example/feed", htmlURL: "https://a.example/", title: "A", type: "rss",
                             categories: ["News/Berlin", "Local"]),
            OPMLSubscription(xmlURL: "https://d.example/feed", title: "Ünïcödé ✓ 日本", type: "rss",
                             categories: ["News/Berlin"]),
            OPMLSubscription(xmlURL: "https://b.example/feed", title: "B\nwith newline\tand tab", type: "atom",
                             categories: ["News"]),
            OPMLSubscription(xmlURL: "https://c.example/feed", type: "rss"),
        ]
        let document = OPMLDocument(title: "Export", subscriptions: subscriptions, dateCreated: Date(timeIntervalSince1970: 0))
        let bytes = OPMLWriter().data(from: document)
        let reread = try OPMLDocument.parse(bytes)
        #expect(reread.subscriptions == subscriptions)
        #expect(reread.dateCreated == Date(timeIntervalSince1970: 0))
        // The reread document writes the same bytes again.
        #expect(OPMLWriter().data(from: reread) == bytes)
    }

    @Test("the publisher's head and outline fields survive write → read")
    func publisherFields() throws {
        let modified = Date(timeIntervalSince1970: 1_718_100_900)
        let outline = OPMLOutline(
            text: "Rundschau: Nahost", title: "Rundschau: Nahost", type: "rss",
            xmlURL: "https://news.example.org/feeds/nahost.atom", htmlURL: "https://news.example.org/feeds/",
            description: "Israel, Gaza & Libanon", language: "de", category: "/Nahost")
        let document = OPMLDocument(
            title: "Rundschau", dateModified: modified, ownerName: "Rundschau", docs: "http://opml.org/spec2.opml",
            outlines: [outline])
        let xml = OPMLWriter().string(from: document)
        #expect(xml.contains("<dateModified>Tue, 11 Jun 2024 10:15:00 GMT</dateModified>"))
        #expect(xml.contains("<docs>http://opml.org/spec2.opml</docs>"))
        #expect(xml.contains(" description=\"Israel, Gaza &amp; Libanon\" language=\"de\" category=\"/Nahost\"/>"))
        let reread = try OPMLDocument.parse(Array(xml.utf8))
        #expect(reread.warnings.isEmpty)
        #expect(reread.dateModified == modified && reread.docs == document.docs && reread.dateCreated == nil)
        #expect(reread.outlines == [outline])
    }

    @Test("characters XML forbids are dropped on write")
    func controlCharacters() throws {
        let document = OPMLDocument(title: "bad\u{1}title", subscriptions: [
            OPMLSubscription(xmlURL: "https://x.example/", title: "x\u{0}y\u{FFFE}z"),
        ])
        let reread = try OPMLDocument.parse(OPMLWriter().data(from: document))
        #expect(reread.title == "badtitle")
        #expect(reread.subscriptions.first?.title == "xyz")
    }
}
