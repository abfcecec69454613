// JSON Feed 1.1 beside every Atom feed: valid per the spec, the same entries, read back by our own parser.
import Foundation
import RundschauModel
import RundschauParser
import RundschauText
import Testing
@testable import RundschauWriter

@Suite struct JSONFeedWriterTests {
    static var entries: [PublicationEntry] { Fixtures.entries + Fixtures.generated(count: 20, topics: ["nahost"]) }

    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func followsJSONFeed11() throws {
        var configuration = Fixtures.configuration
        configuration.webSubHub = "https://hub.example.net/"
        let bytes = JSONFeedWriter(configuration: configuration).write(Fixtures.middleEast, entries: Self.entries)
        let feed = try Self.object(bytes)
        // Required top-level fields, and the URLs a reader needs.
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["title"] as? String == "Rundschau: Nahost")
        #expect(feed["home_page_url"] as? String == "https://news.example.org/feeds/nahost.html")
        #expect(feed["feed_url"] as? String == "https://news.example.org/feeds/nahost.json")
        #expect(feed["description"] as? String == "Israel, Gaza, Libanon")
        #expect(feed["language"] as? String == "de")
        let authors = try #require(feed["authors"] as? [[String: String]])
        #expect(authors == [["name": "Rundschau", "url": "https://news.example.org/"]])
        let hubs = try #require(feed["hubs"] as? [[String: String]])
        #expect(hubs == [["type": "WebSub", "url": "https://hub.example.net/"]])
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 21, "story/7 is in both lists once")
        let rfc3339 = #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"#
        var ids: Set<String> = []
        for item in items {
            // Every item: a unique string id, content_html or content_text, RFC 3339 dates, absolute URLs.
            let id = try #require(item["id"] as? String)
            #expect(ids.insert(id).inserted)
            #expect(item["content_html"] is String || item["content_text"] is String)
            for key in ["date_published", "date_modified"] {
                if let date = item[key] as? String { #expect(date.range(of: rfc3339, options: .regularExpression) != nil) }
            }
            if let url = item["url"] as? String { #expect(url.hasPrefix("https://")) }
            #expect(Set(item.keys).isSubset(of: ["id", "url", "title", "content_html", "summary", "date_published",
                                                  "date_modified", "authors", "tags", "language"]))
        }
        // The story: plain-text summary, sanitized HTML content, authors, the topic as a tag, newest first.
        let story = try #require(items.first { ($0["id"] as? String) == Fixtures.configuration.tag("story/42") })
        #expect(story["title"] as? String == "Waffenruhe in Gaza: Verhandlungen in Kairo & Doha")
        #expect(story["summary"] as? String == "Die Gespräche gehen weiter.")
        #expect((story["content_html"] as? String)?.contains("<h4>Auch berichtet von</h4>") == true)
        #expect(story["date_published"] as? String == "2024-06-11T08:30:00Z")
        #expect(story["date_modified"] as? String == "2024-06-11T10:15:00Z")
        #expect(story["authors"] as? [[String: String]] == [["name": "Sabine Brandes"]])
        #expect(story["tags"] as? [String] == ["nahost"])
        #expect(story["language"] == nil, "the feed's language is not repeated")
        let english = try #require(items.first { ($0["id"] as? String) == Fixtures.configuration.tag("story/7") })
        #expect(english["language"] as? String == "en")
        #expect(english["content_html"] as? String == "<p>Talks resume.</p><p>More soon.</p>", "the summary stands in for content")
        // Without a hub, no hubs.
        let plain = try Self.object(JSONFeedWriter(configuration: Fixtures.configuration).write(Fixtures.middleEast, entries: []))
        #expect(plain["hubs"] == nil)
        #expect((plain["items"] as? [Any])?.isEmpty == true)
    }

    @Test func theSameEntriesAsTheAtomFeedReadBackByOurParser() throws {
        let configuration = Fixtures.configuration
        let entries = Self.entries
        let json = try FeedParser.parse(JSONFeedWriter(configuration: configuration).write(Fixtures.middleEast, entries: entries),
                                        url: configuration.jsonFeedURL(slug: "nahost"))
        let atom = try FeedParser.parse(AtomFeedWriter(configuration: configuration).write(Fixtures.middleEast, entries: entries),
                                        url: configuration.feedURL(slug: "nahost"))
        #expect(json.format == .jsonfeed)
        #expect(json.warnings.isEmpty)
        #expect(json.title == atom.title)
        #expect(json.language == "de")
        #expect(json.link == configuration.pageURL(slug: "nahost"))
        #expect(json.entries.map(\.id) == atom.entries.map(\.id))
        let expected = AtomFeedWriter.newestFirst(entries)
        #expect(json.entries.count == expected.count)
        for (parsed, entry) in zip(json.entries, expected) {
            #expect(parsed.title == entry.title)
            #expect(parsed.link == entry.link)
            #expect(parsed.published == entry.published)
            #expect(parsed.updated == entry.updated)
            let names: [String?] = parsed.authors.map(\.name)
            #expect(names == (entry.authors.isEmpty ? ["Rundschau"] : entry.authors.map(\.name)))
            #expect(parsed.categories.map(\.term) == entry.categories.map(\.term))
            #expect(parsed.content == (entry.content ?? entry.summary)?.html)
            #expect(parsed.contentType == .html)
            #expect(parsed.summary == entry.summary.map { HTMLText.plainText(fromHTML: $0.html) })
            #expect(parsed.language == entry.language)
        }
    }

    @Test func escapesEverythingJSONForbidsAndStaysByteStable() throws {
        let tricky = PublicationEntry(
            id: "tag:example.org,2026:x", title: "Quote \" backslash \\ tab\t newline\n nul\u{0} c1\u{85} ls\u{2028} 🎉",
            updated: Fixtures.date("2024-06-11T10:15:00Z"), summary: SanitizedHTML(trusted: "a &amp; b"))
        let writer = JSONFeedWriter(configuration: Fixtures.configuration)
        let bytes = writer.write(Fixtures.middleEast, entries: [tricky])
        let items = try #require(try Self.object(bytes)["items"] as? [[String: Any]])
        #expect(items.first?["title"] as? String == "Quote \" backslash \\ tab\t newline\n nul c1 ls\u{2028} 🎉")
        #expect(items.first?["summary"] as? String == "a & b")
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\u{2028}"), "U+2028 is escaped")
        #expect(writer.write(Fixtures.middleEast, entries: [tricky]) == bytes)
        #expect(writer.write(Fixtures.middleEast, entries: Self.entries.shuffled()) == writer.write(Fixtures.middleEast, entries: Self.entries))
    }
}

