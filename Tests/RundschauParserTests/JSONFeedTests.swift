import Foundation
import RundschauModel
import RundschauParser
import Testing

/// JSON Feed leniency and mapping details.
@Suite struct JSONFeedTests {
    @Test func oddValuesAreIgnoredNotFatal() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": 5, "authors": "nobody",
             "items": [
               {"id": 7, "title": ["x"], "content_text": "a", "tags": ["ok", 3, "fine"], "attachments": [{"url": 1}, {"url": "https://e.com/a.mp3", "size_in_bytes": "42"}]},
               "not an item",
               {"id": 7.5, "url": "https://e.com/b", "content_html": "<p>b</p>"}
             ]}
            """)
        #expect(feed.title == nil)
        #expect(feed.authors.isEmpty)
        #expect(feed.entries.map(\.id) == ["7", "7.5"])
        #expect(feed.entries[0].categories.map(\.term) == ["ok", "fine"])
        #expect(feed.entries[0].enclosures == [Enclosure(url: "https://e.com/a.mp3", length: 42)])
    }

    @Test func contentHTMLWinsOverContentText() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1", "title": "J", "items": [
              {"id": "1", "content_html": "<p>html</p>", "content_text": "text", "summary": "sum"}]}
            """)
        let entry = try #require(feed.entries.first)
        #expect(entry.content == "<p>html</p>" && entry.contentType == .html)
        #expect(entry.summary == "sum" && entry.summaryType == .text)
    }

    @Test func authorsArrayWinsOverAuthorObject() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "J",
             "author": {"name": "Old"}, "authors": [{"name": "New"}], "items": [{"id": "1", "content_text": "x"}]}
            """)
        #expect(feed.authors == [Person(name: "New")])
        #expect(feed.entries.first?.authors == [Person(name: "New")])
    }
}
