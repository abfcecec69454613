// Round trip through the project's own parser: `FeedParser.parse(_:url:)` from RundschauParser, which lands
// with the parser branch. Until both are merged this file compiles to nothing; after the merge, delete the
// `#if FEEDPARSER` line and its `#endif` (or add `swiftSettings: [.define("FEEDPARSER")]` to the test target).
#if FEEDPARSER
import Foundation
import RundschauModel
import RundschauParser
import Testing
@testable import RundschauWriter

@Suite struct FeedParserRoundTripTests {
    @Test func ourParserReadsBackTheSameEntries() throws {
        var entries = Fixtures.entries
        entries += Fixtures.generated(count: 20, topics: ["nahost"])
        let configuration = Fixtures.configuration
        let bytes = AtomFeedWriter(configuration: configuration).write(Fixtures.middleEast, entries: entries)
        let feed = try FeedParser.parse(bytes, url: URL(string: configuration.feedURL(slug: "nahost")))
        #expect(feed.format == .atom10)
        #expect(feed.title == Fixtures.middleEast.title)
        #expect(feed.subtitle == Fixtures.middleEast.subtitle)
        #expect(feed.language == "de")
        #expect(feed.authors.map(\.name) == ["Rundschau"])
        let expected = AtomFeedWriter.newestFirst(entries)
        #expect(feed.entries.count == expected.count)
        for (parsed, entry) in zip(feed.entries, expected) {
            #expect(parsed.id == entry.id)
            #expect(parsed.title == entry.title)
            #expect(parsed.link == entry.link)
            #expect(parsed.links.filter { $0.rel == "related" }.map(\.href) == entry.related.map(\.href))
            #expect(parsed.published == entry.published)
            #expect(parsed.updated == entry.updated)
            #expect(parsed.authors.map(\.name) == (entry.authors.isEmpty ? parsed.authors.map(\.name) : entry.authors.map(\.name)))
            #expect(parsed.categories == entry.categories)
            #expect(parsed.summary == entry.summary?.html)
            #expect(parsed.summary == nil || parsed.summaryType == .html)
            #expect(parsed.content == entry.content?.html)
            #expect(parsed.content == nil || parsed.contentType == .html)
            #expect(parsed.language == entry.language)
        }
    }
}
#endif
