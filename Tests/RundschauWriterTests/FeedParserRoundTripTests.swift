// Round trip: what the writer publishes, our own parser reads back to the same entries.
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
        let feed = try FeedParser.parse(bytes, url: configuration.feedURL(slug: "nahost"))
        #expect(feed.format == FeedFormat.atom10)
        #expect(feed.title == Fixtures.middleEast.title)
        #expect(feed.subtitle == Fixtures.middleEast.subtitle)
        #expect(feed.language == "de")
        let feedAuthors: [String?] = feed.authors.map { $0.name }
        #expect(feedAuthors == ["Rundschau"])
        let expected = AtomFeedWriter.newestFirst(entries)
        #expect(feed.entries.count == expected.count)
        for (parsed, entry) in zip(feed.entries, expected) {
            #expect(parsed.id == entry.id)
            #expect(parsed.title == entry.title)
            #expect(parsed.link == entry.link)
            let related: [String] = parsed.links.filter { $0.rel == "related" }.map { $0.href }
            let expectedRelated: [String] = entry.related.map { $0.href }
            #expect(related == expectedRelated)
            #expect(parsed.published == entry.published)
            #expect(parsed.updated == entry.updated)
            if !entry.authors.isEmpty {
                let names: [String?] = parsed.authors.map { $0.name }
                let expectedNames: [String?] = entry.authors.map { $0.name }
                #expect(names == expectedNames)
            }
            #expect(parsed.categories == entry.categories)
            let summary: String? = entry.summary?.html
            let content: String? = entry.content?.html
            #expect(parsed.summary == summary)
            #expect(parsed.summary == nil || parsed.summaryType == TextType.html)
            #expect(parsed.content == content)
            #expect(parsed.content == nil || parsed.contentType == TextType.html)
            #expect(parsed.language == entry.language)
        }
    }
}
