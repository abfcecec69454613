import Foundation
import RundschauModel
@testable import RundschauStore
import Testing

@Suite("Content hashes")
struct HashTests {
    @Test("text hash: equal for equal text whatever the link; fields do not run into each other")
    func textHash() {
        let a = ContentHash.text(title: "Titel", summary: "Teaser", content: nil)
        #expect(a == ContentHash.text(title: "Titel", summary: "Teaser", content: nil))
        #expect(a != ContentHash.text(title: "TitelTeaser", summary: nil, content: nil))
        #expect(a != ContentHash.text(title: "Titel", summary: nil, content: "Teaser"))
        #expect(a != ContentHash.text(title: "Titel", summary: "Teaser", content: ""))
        // Pinned: stored hashes must not change between versions (or every article reads as changed).
        #expect(a == "5003632f5bc295a2")
        #expect(ContentHash.text(title: nil, summary: nil, content: nil) == "17d01b6129dd0af8")
    }

    @Test("revision hash is pinned")
    func pinnedRevisionHash() {
        let entry = Entry(
            id: "urn:x", title: "T", link: "https://e.example/", summary: "<p>s</p>", summaryType: .html,
            published: Date(timeIntervalSince1970: 1_718_100_000), authors: [Person(name: "A")],
            categories: [Category(term: "c")], enclosures: [Enclosure(url: "https://e.example/a.mp3", length: 3)])
        #expect(ArticleFields(entry: entry).revisionHash == "7866f9d9c0d6c583")
    }

    @Test("revision hash: any stored field changes it; sub-millisecond date noise does not")
    func revisionHash() {
        let entry = makeEntry(1)
        let base = ArticleFields(entry: entry).revisionHash
        var changes: [Entry] = []
        var e = entry; e.title = "x"; changes.append(e)
        e = entry; e.link = "https://x.example/"; changes.append(e)
        e = entry; e.summaryType = .text; changes.append(e)
        e = entry; e.updated = entry.updated?.addingTimeInterval(1); changes.append(e)
        e = entry; e.authors = []; changes.append(e)
        e = entry; e.enclosures[0].length = 1; changes.append(e)
        e = entry; e.categories[0].label = nil; changes.append(e)
        e = entry; e.language = "en"; changes.append(e)
        e = entry; e.kicker = "Debatte"; changes.append(e)
        e = entry; e.dateline = "KAIRO"; changes.append(e)
        for changed in changes {
            #expect(ArticleFields(entry: changed).revisionHash != base)
        }
        e = entry
        e.published = entry.published?.addingTimeInterval(0.0001)
        #expect(ArticleFields(entry: e).revisionHash == base)
    }
}
