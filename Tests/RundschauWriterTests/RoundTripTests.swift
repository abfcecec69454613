import Foundation
import RundschauModel
import Testing
@testable import RundschauWriter

/// Written entries read back (with a plain XML reader) to the same values. The same check through the
/// project's own `FeedParser` is in FeedParserRoundTripTests.swift.
@Suite struct RoundTripTests {
    @Test func entriesReadBackToTheSameValues() throws {
        var entries = Fixtures.entries
        entries += Fixtures.generated(count: 20, topics: ["nahost"])
        let bytes = AtomFeedWriter(configuration: Fixtures.configuration).write(Fixtures.middleEast, entries: entries)
        let root = try TestNode.parse(bytes)
        let read = root.children("entry")
        let expected = AtomFeedWriter.newestFirst(entries)
        #expect(read.count == expected.count)
        for (node, entry) in zip(read, expected) {
            #expect(node.child("id")?.text == entry.id)
            #expect(node.child("title")?.text == entry.title)
            #expect(node.children("link").first { $0["rel"] == "alternate" }?["href"] == entry.link)
            #expect(node.children("link").filter { $0["rel"] == "related" }.map { $0["href"] ?? "" } == entry.related.map(\.href))
            #expect(node.child("updated").flatMap { FeedChecks.parseDate($0.text) } == entry.updated)
            #expect(node.child("published").flatMap { FeedChecks.parseDate($0.text) } == entry.published)
            #expect(node.children("author").map { $0.child("name")?.text } == entry.authors.map(\.name))
            #expect(node.children("category").map { Category(term: $0["term"] ?? "", scheme: $0["scheme"], label: $0["label"]) } == entry.categories)
            #expect(node.child("summary")?.text == entry.summary?.html)
            #expect(node.child("content")?.text == entry.content?.html)
            #expect((node["xml:lang"] ?? root["xml:lang"]) == entry.language)
            #expect(node.child("source")?.child("id")?.text == entry.source?.id)
            #expect(node.child("source")?.child("title")?.text == entry.source?.title)
        }
    }
}
