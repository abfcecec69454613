import Foundation
import RundschauModel
@testable import RundschauParser
import Testing

/// Entry identity and the entry link fallback chain (RSS `isPermaLink` rules, Atom `id`).
@Suite struct IdentityTests {
    @Test func guidAndAtomIDAreTrimmedAndUsedAsIs() throws {
        let feed = try parse(rss("<item><guid isPermaLink=\"false\">\n  abc-123 \n</guid><title>A</title></item>"))
        #expect(feed.entries.first?.id == "abc-123")
        let entries = try parse(atom("<entry><id> tag:example.com,2024:1 </id><title>A</title></entry>")).entries
        #expect(entries.first?.id == "tag:example.com,2024:1")
    }

    @Test func idFromLinkIsAStableHash() throws {
        let items = "<item><title>A</title><link>https://example.com/a</link></item>"
        let first = try parse(rss(items))
        let second = try parse(rss("<item><title>Other title</title><link>https://example.com/a</link></item>"))
        let expected = "urn:rundschau:link:" + EntryIdentity.hex(EntryIdentity.fnv1a64("https://example.com/a"))
        #expect(first.entries.first?.id == expected)
        #expect(second.entries.first?.id == expected)
        // The same entry parsed twice, in another order among others, keeps its id.
        let reordered = try parse(rss("<item><title>B</title><link>https://example.com/b</link></item>" + items))
        #expect(reordered.entries.last?.id == expected)
    }

    @Test func idFromTitleAndDateWithoutGuidOrLink() throws {
        let item = "<item><title>Corrections</title><dc:date>2024-06-10T12:00:00Z</dc:date></item>"
        let namespaces = #"xmlns:dc="http://purl.org/dc/elements/1.1/""#
        let a = try parse(rss(item, namespaces: namespaces))
        let b = try parse(rss(item, namespaces: namespaces))
        let id = try #require(a.entries.first?.id)
        #expect(id.hasPrefix("urn:rundschau:title:"))
        #expect(id == b.entries.first?.id)
        let otherDay = try parse(rss(item.replacingOccurrences(of: "06-10", with: "06-11"), namespaces: namespaces))
        #expect(otherDay.entries.first?.id != id)
    }

    @Test func fnv1a64KnownVectors() {
        #expect(EntryIdentity.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(EntryIdentity.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(EntryIdentity.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
        #expect(EntryIdentity.hex(0xAB) == "00000000000000ab")
    }

    @Test func identityChainOrder() {
        let date = Date(timeIntervalSince1970: 1_718_000_000)
        #expect(EntryIdentity.make(id: " x ", link: "l", enclosure: nil, title: "t", published: date, text: nil) == "x")
        #expect(EntryIdentity.make(id: " ", link: "l", enclosure: nil, title: nil, published: nil, text: nil)?
            .hasPrefix("urn:rundschau:link:") == true)
        #expect(EntryIdentity.make(id: nil, link: nil, enclosure: "e", title: "t", published: nil, text: nil)?
            .hasPrefix("urn:rundschau:enclosure:") == true)
        #expect(EntryIdentity.make(id: nil, link: nil, enclosure: nil, title: "t", published: date, text: "x") ==
            "urn:rundschau:title:" + EntryIdentity.hex(EntryIdentity.fnv1a64("t\n1718000000")))
        #expect(EntryIdentity.make(id: nil, link: nil, enclosure: nil, title: nil, published: date, text: "x")?
            .hasPrefix("urn:rundschau:text:") == true)
        #expect(EntryIdentity.make(id: nil, link: nil, enclosure: nil, title: nil, published: date, text: " ") == nil)
    }

    @Test func itemWithNothingToShowIsKeptWithAWarning() throws {
        let feed = try parse(rss("<item><title>A</title><link>https://example.com/a</link></item><item><category>x</category></item>"))
        #expect(feed.entries.count == 2)
        #expect(feed.entries.map(\.title) == ["A", nil])
        #expect(feed.entries.last?.categories.map(\.term) == ["x"])
        #expect(feed.entries.last?.hasSomethingToShow == false)
        #expect(feed.entries.first?.hasSomethingToShow == true)
        #expect(feed.warnings == ["entry 2: nothing to show (no title, link, text or enclosure); kept"])
    }

    @Test func entryWithoutIdLinkTitleOrTextGetsAnIdFromItsOtherFields() throws {
        let item = "<item><author>a@example.com (A)</author><pubDate>Tue, 11 Jun 2024 06:13:20 GMT</pubDate>"
            + "<category>x</category></item>"
        let first = try parse(rss(item))
        let again = try parse(rss("<item><title>Other</title></item>" + item))
        let id = try #require(first.entries.first?.id)
        #expect(id.hasPrefix("urn:rundschau:entry:"))
        #expect(id.count == "urn:rundschau:entry:".count + 16)
        // The same entry at another position gets the same id; a different one another id.
        #expect(again.entries.last?.id == id)
        let other = try parse(rss("<item><author>a@example.com (A)</author><category>y</category></item>"))
        #expect(other.entries.first?.id != id)
        #expect(other.entries.first?.id.hasPrefix("urn:rundschau:entry:") == true)
    }

    // MARK: Link fallback

    @Test func linkElementWinsOverPermalinkGuid() throws {
        let feed = try parse(rss("<item><link>https://example.com/link</link><guid>https://example.com/guid</guid></item>"))
        #expect(feed.entries.first?.link == "https://example.com/link")
        #expect(feed.entries.first?.id == "https://example.com/guid")
    }

    @Test func permalinkGuidIsTheLinkByDefault() throws {
        let feed = try parse(rss("<item><title>A</title><guid>https://example.com/guid</guid></item>"))
        #expect(feed.entries.first?.link == "https://example.com/guid")
    }

    @Test func isPermaLinkFalseIsNeverALink() throws {
        let feed = try parse(rss(#"<item><title>A</title><guid isPermaLink="false">https://example.com/guid</guid></item>"#))
        #expect(feed.entries.first?.link == nil)
        #expect(feed.entries.first?.id == "https://example.com/guid")
        let spaced = try parse(rss(#"<item><title>A</title><guid isPermaLink=" FALSE ">https://example.com/g</guid></item>"#))
        #expect(spaced.entries.first?.link == nil)
    }

    @Test func guidThatIsNoURLIsNoLink() throws {
        let feed = try parse(rss("<item><title>A</title><guid>48213</guid></item>"))
        #expect(feed.entries.first?.link == nil)
        #expect(feed.entries.first?.id == "48213")
    }

    @Test func relativeGuidIsNoLink() throws {
        let feed = try parse(rss("<item><title>A</title><guid>/2024/06/a.html</guid></item>"), url: "https://example.org/feed.rss")
        #expect(feed.entries.first?.link == nil)
        #expect(feed.entries.first?.id == "/2024/06/a.html")
    }

    @Test func atomLinkInRSSItemIsAFallback() throws {
        let item = #"<item><title>A</title><atom:link rel="alternate" href="https://example.com/atom-link"/></item>"#
        let feed = try parse(rss(item, namespaces: #"xmlns:atom="http://www.w3.org/2005/Atom""#))
        #expect(feed.entries.first?.link == "https://example.com/atom-link")
    }

    @Test func atomIDThatIsAnHTTPURLIsTheLinkFallback() throws {
        let entries = try parse(atom("""
            <entry><id>https://example.com/post/1</id><title>A</title></entry>
            <entry><id>tag:example.com,2024:2</id><title>B</title></entry>
            <entry><id>https://example.com/post/3</id><title>C</title><link rel="alternate" href="https://example.com/3"/></entry>
            """)).entries
        #expect(entries.map(\.link) == ["https://example.com/post/1", nil, "https://example.com/3"])
    }

    @Test func atomPrefersHTMLAlternate() throws {
        let entries = try parse(atom("""
            <entry><id>urn:1</id>
              <link rel="self" href="https://example.com/1.atom"/>
              <link rel="alternate" type="application/pdf" href="https://example.com/1.pdf"/>
              <link type="text/html" href="https://example.com/1.html"/>
            </entry>
            """)).entries
        #expect(entries.first?.link == "https://example.com/1.html")
        #expect(entries.first?.links.map(\.rel) == ["self", "alternate", "alternate"])
    }
}
