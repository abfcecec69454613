import Foundation
import RundschauModel
import RundschauParser
import Testing

/// Tricky normalization, as inline documents: text constructs, xml:base and xml:lang scopes, extensions.
@Suite struct NormalizationTests {
    // MARK: Text

    @Test func atomTextTitleKeepsLiteralAngleBrackets() throws {
        let entry = try parse(atom(#"<entry><id>urn:1</id><title type="text">  a &lt;b&gt;   c  </title></entry>"#)).entries.first
        #expect(entry?.title == "a <b> c")
    }

    @Test func titlesCollapseWhitespace() throws {
        let feed = try parse(atom("<entry><id>urn:1</id><title>\n   Line one\n\tline   two  </title></entry>"))
        #expect(feed.entries.first?.title == "Line one line two")
        #expect(feed.title == "T")
    }

    @Test func xhtmlContentIsSerializedWithoutNamespaces() throws {
        let entry = try parse(atom("""
            <entry><id>urn:1</id>
            <content type="xhtml"><x:div xmlns:x="http://www.w3.org/1999/xhtml"> <x:p class="lead" title="a &quot;b&quot; &amp; &lt;c&gt;">One &amp; <x:em>two</x:em> &lt; three</x:p><x:hr/><x:p/></x:div></content>
            </entry>
            """)).entries.first
        #expect(entry?.contentType == .xhtml)
        #expect(entry?.content == #"<p class="lead" title="a &quot;b&quot; &amp; &lt;c>">One &amp; <em>two</em> &lt; three</p><hr/><p></p>"#)
    }

    @Test func xhtmlWithoutWrappingDivIsKeptWhole() throws {
        let entry = try parse(atom(#"<entry><id>urn:1</id><summary type="xhtml"><p xmlns="http://www.w3.org/1999/xhtml">Hi</p><p xmlns="http://www.w3.org/1999/xhtml">there</p></summary></entry>"#)).entries.first
        #expect(entry?.summary == "<p>Hi</p><p>there</p>")
        #expect(entry?.summaryType == .xhtml)
    }

    @Test func htmlTextConstructStaysMarkup() throws {
        let entry = try parse(atom(#"<entry><id>urn:1</id><summary type="html">&lt;p&gt;A &amp;amp; B&lt;/p&gt;</summary><content type="text">1 &lt; 2</content></entry>"#)).entries.first
        #expect(entry?.summary == "<p>A &amp; B</p>")
        #expect(entry?.summaryType == .html)
        #expect(entry?.content == "1 < 2")
        #expect(entry?.contentType == .text)
    }

    @Test func outOfLineAtomContentIsNoContent() throws {
        let entry = try parse(atom(#"<entry><id>urn:1</id><title>A</title><content type="application/pdf" src="https://example.com/a.pdf"/><summary>S</summary></entry>"#)).entries.first
        #expect(entry?.content == nil)
        #expect(entry?.summary == "S")
    }

    @Test func rssDescriptionIsSummaryAndContentEncodedIsContent() throws {
        let namespaces = #"xmlns:content="http://purl.org/rss/1.0/modules/content/""#
        let long = String(repeating: "<p>Ein langer Absatz mit viel Text.</p>", count: 40)
        let feed = try parse(rss("""
            <item><title>A</title><description><![CDATA[\(long)]]></description></item>
            <item><title>B</title><description>kurz</description><content:encoded><![CDATA[<p>voll</p>]]></content:encoded></item>
            <item><title>C</title><content:encoded><![CDATA[<p>nur Inhalt</p>]]></content:encoded></item>
            """, namespaces: namespaces))
        let entries = feed.entries
        #expect(entries[0].summary == long && entries[0].summaryType == .html && entries[0].content == nil)
        #expect(entries[1].summary == "kurz" && entries[1].content == "<p>voll</p>" && entries[1].contentType == .html)
        #expect(entries[2].summary == nil && entries[2].content == "<p>nur Inhalt</p>")
    }

    @Test func unescapedHTMLInDescriptionIsKeptAsMarkup() throws {
        let feed = try parse(rss(#"<item><title>A</title><description><p>Hi <b>there</b><br/></p></description></item>"#))
        #expect(feed.entries.first?.summary == "<p>Hi <b>there</b><br/></p>")
    }

    @Test func unknownElementsDoNotLeakIntoFields() throws {
        let feed = try parse(rss("<item><foo><title>Wrong</title><link>https://x/</link></foo><title>Right</title><link>https://example.com/r</link></item>"))
        #expect(feed.entries.first?.title == "Right")
        #expect(feed.entries.first?.link == "https://example.com/r")
        #expect(feed.title == "T")
    }

    // MARK: Titles through HTMLText (final values; await RundschauText)

    @Test func rssTitleIsPlainText() throws {
        let feed = try parse(rss("<item><title>Caf&amp;eacute; &lt;b&gt;Central&lt;/b&gt; &amp;amp; more</title><link>https://example.com/a</link></item>"))
        #expect(feed.entries.first?.title == "Café Central & more")
    }

    @Test func htmlAtomTitleIsPlainText() throws {
        let entry = try parse(atom(#"<entry><id>urn:1</id><title type="html">&lt;em&gt;Breaking:&lt;/em&gt; A &amp;mdash; B</title></entry>"#)).entries.first
        #expect(entry?.title == "Breaking: A — B")
    }

    // MARK: Dates

    @Test func unreadableDateIsAbsentWithAWarning() throws {
        let feed = try parse(rss("<item><title>A</title><pubDate>Foo 32</pubDate></item><item><title>B</title><pubDate>2024-06-11T10:00:00Z</pubDate></item>"))
        #expect(feed.entries[0].published == nil)
        #expect(feed.entries[1].published == Date(timeIntervalSince1970: 1_718_100_000))
        #expect(feed.warnings == [#"entry 1: unreadable date "Foo 32""#])
    }

    @Test func rfc822DateWithObsoleteZone() throws {
        let feed = try parse(rss("<item><title>A</title><pubDate>Tue, 11 Jun 2024 14:32:00 PDT</pubDate></item>"))
        #expect(feed.entries.first?.published == Date(timeIntervalSince1970: 1_718_141_520))
        #expect(feed.warnings.isEmpty)
    }

    @Test func atomDateFallbacks() throws {
        let entry = try parse(atom("""
            <entry><id>urn:1</id><updated>2024-06-11T10:00:00Z</updated></entry>
            """)).entries.first
        #expect(entry?.published == nil)
        #expect(entry?.updated == Date(timeIntervalSince1970: 1_718_100_000))
    }

    // MARK: People

    @Test func rssAuthorStringsArePeople() throws {
        let feed = try parse(rss(
            "<item><title>A</title><author>jane@example.com (Jane Doe)</author></item>",
            channel: "<managingEditor>Max Mustermann &lt;max@example.de&gt;</managingEditor>"))
        #expect(feed.authors == [Person(name: "Max Mustermann", email: "max@example.de")])
        #expect(feed.entries.first?.authors == [Person(name: "Jane Doe", email: "jane@example.com")])
    }

    @Test func atomEntryInheritsFeedAuthors() throws {
        let feed = try parse(atom(
            "<entry><id>urn:1</id></entry><entry><id>urn:2</id><author><name>Own</name></author></entry>",
            feed: "<author><name> Feed  Author </name><email>fa@example.com</email></author>"))
        #expect(feed.entries[0].authors == [Person(name: "Feed Author", email: "fa@example.com")])
        #expect(feed.entries[1].authors == [Person(name: "Own")])
    }

    // MARK: xml:base and xml:lang

    @Test func nestedXMLBaseResolvesRelativeLinks() throws {
        let feed = try parse(atom("""
            <entry xml:base="b/">
              <id>urn:1</id>
              <link href="d"/>
              <link rel="related" xml:base="../c/" href="e"/>
              <link rel="enclosure" href="/root.mp3" length="10" type="audio/mpeg"/>
              <author><name>N</name><uri>me</uri></author>
            </entry>
            """, feedAttributes: #"xml:base="/a/""#, feed: #"<link href="."/><logo>logo.png</logo>"#),
            url: "http://example.org/feeds/main.atom")
        #expect(feed.link == "http://example.org/a/")
        #expect(feed.image == "http://example.org/a/logo.png")
        let entry = try #require(feed.entries.first)
        #expect(entry.link == "http://example.org/a/b/d")
        #expect(entry.links.map(\.href) == ["http://example.org/a/b/d", "http://example.org/a/c/e", "http://example.org/root.mp3"])
        #expect(entry.enclosures == [Enclosure(url: "http://example.org/root.mp3", type: "audio/mpeg", length: 10)])
        #expect(entry.authors.first?.uri == "http://example.org/a/b/me")
    }

    @Test func xmlBaseScopeEndsWithItsElement() throws {
        let feed = try parse(atom("""
            <entry xml:base="http://other.example/x/"><id>urn:1</id><link href="one"/></entry>
            <entry><id>urn:2</id><link href="two"/></entry>
            """), url: "http://example.org/feed.atom")
        #expect(feed.entries.map(\.link) == ["http://other.example/x/one", "http://example.org/two"])
    }

    @Test func relativeLinksWithoutDocumentURLUseTheSiteLink() throws {
        let feed = try parse(rss("<item><title>A</title><link>/a</link><enclosure url=\"media/a.mp3\" type=\"audio/mpeg\"/></item>"))
        #expect(feed.entries.first?.link == "https://example.com/a")
        #expect(feed.entries.first?.enclosures.first?.url == "https://example.com/media/a.mp3")
    }

    @Test func aFileNameIsNoBase() throws {
        let feed = try parse(rss("<item><title>A</title><link>/a</link></item>"), url: "Feeds/local.rss")
        #expect(feed.entries.first?.link == "https://example.com/a")
    }

    @Test func imageEnclosureIsTheLastResortEntryImage() throws {
        let feed = try parse(rss(#"<item><title>A</title><enclosure url="https://example.com/a.mp3" type="audio/mpeg"/><enclosure url="https://example.com/a.jpg" type="image/jpeg"/></item>"#))
        #expect(feed.entries.first?.image == "https://example.com/a.jpg")
    }

    @Test func ampersandsInAttributeValuesSurvive() throws {
        let entry = try parse(atom(#"<entry><id>urn:1</id><link href="https://example.com/a?x=1&amp;y=2&#38;z=3"/><category term="a&amp;b" label="A &amp; B"/></entry>"#)).entries.first
        #expect(entry?.link == "https://example.com/a?x=1&y=2&z=3")
        #expect(entry?.categories == [RundschauModel.Category(term: "a&b", label: "A & B")])
    }

    @Test func xmlLangIsInheritedAndOverridden() throws {
        let feed = try parse(atom("""
            <entry><id>urn:1</id></entry>
            <entry xml:lang="en-gb"><id>urn:2</id></entry>
            """, feedAttributes: #"xml:lang="de""#))
        #expect(feed.language == "de")
        #expect(feed.entries.map(\.language) == ["de", "en-GB"])
    }

    @Test func rssLanguageSources() throws {
        let namespaces = #"xmlns:dc="http://purl.org/dc/elements/1.1/""#
        let feed = try parse(rss("""
            <item><title>A</title></item>
            <item><title>B</title><dc:language>fr</dc:language></item>
            <item xml:lang="it"><title>C</title></item>
            """, channel: "<language>de_AT</language>", namespaces: namespaces))
        #expect(feed.language == "de-AT")
        #expect(feed.entries.map(\.language) == ["de-AT", "fr", "it"])
        let undeclared = try parse(rss("<item><title>A</title></item>"))
        #expect(undeclared.language == nil && undeclared.entries.first?.language == nil)
    }

    // MARK: Extensions

    @Test func syndicationModuleGivesTheUpdateInterval() throws {
        let namespaces = #"xmlns:sy="http://purl.org/rss/1.0/modules/syndication/""#
        func interval(_ channel: String) throws -> Int? { try parse(rss("", channel: channel, namespaces: namespaces)).updateInterval }
        #expect(try interval("<sy:updatePeriod>weekly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>") == 302_400)
        #expect(try interval("<sy:updateFrequency>24</sy:updateFrequency>") == 3600)
        #expect(try interval("<sy:updatePeriod> Hourly </sy:updatePeriod>") == 3600)
        #expect(try interval("<sy:updatePeriod>fortnightly</sy:updatePeriod>") == nil)
        #expect(try interval("") == nil)
    }

    @Test func ttlIsMinutes() throws {
        #expect(try parse(rss("", channel: "<ttl> 60 </ttl>")).ttl == 60)
        #expect(try parse(rss("", channel: "<ttl>soon</ttl>")).ttl == nil)
    }

    @Test func enclosuresAreDeduplicatedByURL() throws {
        let namespaces = #"xmlns:media="http://search.yahoo.com/mrss/""#
        let feed = try parse(rss("""
            <item><title>A</title>
              <enclosure url="https://example.com/a.mp3" type="audio/mpeg" length="0"/>
              <media:content url="https://example.com/a.mp3" fileSize="1234"/>
              <media:group><media:content url="https://example.com/a.ogg" type="audio/ogg"/></media:group>
              <media:content medium="video" type="video/mp4"/>
            </item>
            """, namespaces: namespaces))
        #expect(feed.entries.first?.enclosures == [
            Enclosure(url: "https://example.com/a.mp3", type: "audio/mpeg", length: 1234),
            Enclosure(url: "https://example.com/a.ogg", type: "audio/ogg"),
        ])
    }

    @Test func atomLinksInRSSChannel() throws {
        let feed = try parse(rss("", channel: """
            <atom:link rel="self" type="application/rss+xml" href="https://example.com/feed.rss"/>
            <atom:link rel="hub" href="https://hub.example.net/"/>
            <atom:link rel="self" href="https://example.com/feed.rss"/>
            """, namespaces: #"xmlns:atom="http://www.w3.org/2005/Atom""#))
        #expect(feed.links.map(\.rel) == ["alternate", "self", "hub"])
        #expect(feed.links.map(\.href) == ["https://example.com/", "https://example.com/feed.rss", "https://hub.example.net/"])
    }

    @Test func iTunesFieldsAreFallbacks() throws {
        let namespaces = #"xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd""#
        let feed = try parse(rss("""
            <item><title>Ep</title><guid isPermaLink="false">ep1</guid><itunes:summary>Show notes</itunes:summary>
              <itunes:image href="https://example.com/ep1.jpg"/><itunes:duration>1:02:03</itunes:duration></item>
            """, channel: #"<itunes:image href="https://example.com/show.jpg"/><itunes:subtitle>Sub</itunes:subtitle>"#,
            namespaces: namespaces))
        #expect(feed.image == "https://example.com/show.jpg")
        #expect(feed.entries.first?.summary == "Show notes")
        #expect(feed.entries.first?.summaryType == .text)
        #expect(feed.entries.first?.image == "https://example.com/ep1.jpg")
    }

    @Test func dcSubjectsAndCategoriesWithScheme() throws {
        let feed = try parse(rss("""
            <item><title>A</title><category domain="https://example.com/tax">Politik</category><category>Politik</category>
            <dc:subject>Politik</dc:subject></item>
            """, namespaces: #"xmlns:dc="http://purl.org/dc/elements/1.1/""#))
        #expect(feed.entries.first?.categories == [
            RundschauModel.Category(term: "Politik", scheme: "https://example.com/tax"), RundschauModel.Category(term: "Politik"),
        ])
    }
}
