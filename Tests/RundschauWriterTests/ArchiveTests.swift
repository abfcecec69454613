import Foundation
import Testing
@testable import RundschauWriter

/// RFC 5005 archived feeds: the subscription document links to the newest archive page, pages link to each
/// other and to the current document, carry `fh:archive`, and full pages keep their bytes when entries arrive.
@Suite struct ArchiveTests {
    static var configuration: PublishConfiguration {
        var configuration = Fixtures.configuration
        configuration.maxEntries = 10
        configuration.archivePageSize = 20
        return configuration
    }

    @Test func pagesAndLinks() throws {
        let entries = Fixtures.generated(count: 55, topics: ["nahost"])
        let documents = AtomFeedWriter(configuration: Self.configuration).documents(Fixtures.middleEast, entries: entries)
        #expect(documents.map(\.fileName) == ["nahost.atom", "nahost-archive-1.atom", "nahost-archive-2.atom", "nahost-archive-3.atom"])
        #expect(documents.map(\.entryCount) == [10, 20, 20, 5])
        let base = Self.configuration.baseURL

        let current = try TestNode.parse(documents[0].bytes)
        #expect(links(current) == ["self": base + "nahost.atom", "alternate": base + "nahost.html", "prev-archive": base + "nahost-archive-3.atom"])
        #expect(current.children.contains { $0.name == "archive" } == false)

        let first = try TestNode.parse(documents[1].bytes)
        #expect(links(first) == ["self": base + "nahost-archive-1.atom", "alternate": base + "nahost.html", "current": base + "nahost.atom",
                                 "next-archive": base + "nahost-archive-2.atom"])
        let archiveMarker = try #require(first.children.first { $0.name == "archive" })
        #expect(archiveMarker.namespace == "http://purl.org/syndication/history/1.0")
        // Page 1 holds the oldest entries; every document shares the feed id.
        #expect(first.children("entry").compactMap { $0.child("id")?.text }.last == Self.configuration.tag("story/0"))
        #expect(Set(documents.map { try? TestNode.parse($0.bytes).child("id")?.text }) == [Self.configuration.feedID(slug: "nahost")])

        let last = try TestNode.parse(documents[3].bytes)
        #expect(links(last)["prev-archive"] == base + "nahost-archive-2.atom")
        #expect(links(last)["next-archive"] == nil)

        // Every entry appears exactly once across the documents.
        let ids = try documents.flatMap { try TestNode.parse($0.bytes).children("entry").compactMap { $0.child("id")?.text } }
        #expect(ids.count == 55 && Set(ids).count == 55)
    }

    @Test func fullPagesKeepTheirBytesWhenNewEntriesArrive() {
        let writer = AtomFeedWriter(configuration: Self.configuration)
        let before = writer.documents(Fixtures.middleEast, entries: Fixtures.generated(count: 55, topics: ["nahost"]))
        let after = writer.documents(Fixtures.middleEast, entries: Fixtures.generated(count: 58, topics: ["nahost"]))
        #expect(before[1] == after[1])
        #expect(before[2] == after[2])
        #expect(before[3] != after[3])  // the newest page fills up
        #expect(before[0] != after[0])
    }

    @Test func noArchivesWithoutAPageSizeOrWhenEverythingFits() {
        var configuration = Fixtures.configuration
        configuration.maxEntries = 10
        let entries = Fixtures.generated(count: 30, topics: ["nahost"])
        #expect(AtomFeedWriter(configuration: configuration).documents(Fixtures.middleEast, entries: entries).count == 1)
        configuration.archivePageSize = 5
        configuration.maxEntries = 30
        #expect(AtomFeedWriter(configuration: configuration).documents(Fixtures.middleEast, entries: entries).count == 1)
    }

    private func links(_ feed: TestNode) -> [String: String] {
        Dictionary(feed.children("link").map { ($0["rel"] ?? "", $0["href"] ?? "") }, uniquingKeysWith: { first, _ in first })
    }
}
