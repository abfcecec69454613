import Foundation
import RundschauModel
import RundschauXML
import Testing
@testable import RundschauWriter

@Suite struct AtomFeedWriterTests {
    let writer = AtomFeedWriter(configuration: Fixtures.configuration)

    @Test func smallFeedMatchesGoldenBytes() throws {
        try Golden.check(writer.write(Fixtures.middleEast, entries: Fixtures.entries), "nahost.atom")
    }

    @Test func sameInputGivesSameBytesWhateverTheOrder() {
        let first = writer.write(Fixtures.middleEast, entries: Fixtures.entries)
        let second = writer.write(Fixtures.middleEast, entries: Fixtures.entries.reversed())
        #expect(first == second)
    }

    @Test func feedUpdatedIsTheNewestEntryNotTheClock() throws {
        let root = try TestNode.parse(writer.write(Fixtures.middleEast, entries: Fixtures.entries))
        #expect(root.child("updated")?.text == "2024-06-11T10:15:00Z")
        let empty = try TestNode.parse(writer.write(Fixtures.middleEast, entries: []))
        #expect(empty.child("updated")?.text == "1970-01-01T00:00:00Z")
        var pinned = Fixtures.middleEast
        pinned.updated = Fixtures.date("2025-01-02T03:04:05Z")
        #expect(try TestNode.parse(writer.write(pinned, entries: Fixtures.entries)).child("updated")?.text == "2025-01-02T03:04:05Z")
    }

    @Test func keepsTheNewestEntriesNewestFirst() throws {
        var configuration = Fixtures.configuration
        configuration.maxEntries = 5
        let entries = Fixtures.generated(count: 40, topics: ["nahost"])
        let root = try TestNode.parse(AtomFeedWriter(configuration: configuration).write(Fixtures.middleEast, entries: entries.shuffled()))
        let ids = root.children("entry").compactMap { $0.child("id")?.text }
        #expect(ids == (35..<40).reversed().map { configuration.tag("story/\($0)") })
    }

    @Test func duplicateIDsKeepTheNewestVersion() throws {
        var old = Fixtures.entries[0]
        old.title = "old title"
        old.updated = Fixtures.date("2024-06-01T00:00:00Z")
        let root = try TestNode.parse(writer.write(Fixtures.middleEast, entries: [old] + Fixtures.entries))
        #expect(root.children("entry").count == 2)
        #expect(root.children("entry").first?.child("title")?.text == Fixtures.entries[0].title)
    }

    @Test func escapesMarkupAndRemovesCharactersXMLForbids() throws {
        let hostile = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g\u{7F}h\u{85}i\u{9F}j\u{FFFE}k\u{FFFF}l]]>m<n>&o\"p'q\r\nr\tsé🙂"
        let entry = PublicationEntry(
            id: Fixtures.configuration.tag("story/x"), title: hostile, link: "https://example.com/a?b=1&c=\"2\"",
            updated: Fixtures.date("2024-01-01T00:00:00Z"), authors: [Person(name: hostile, email: "x@example.com")],
            categories: [Category(term: hostile, label: hostile)], summary: SanitizedHTML(trusted: hostile))
        let bytes = writer.write(PublicationFeed(slug: "t", title: hostile), entries: [entry])
        let text = String(decoding: bytes, as: UTF8.self)
        for forbidden in ["\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1F}", "\u{7F}", "\u{85}", "\u{9F}", "\u{FFFE}", "\u{FFFF}", "]]>"] {
            #expect(!text.contains(forbidden), "\(forbidden.debugDescription) written")
        }
        let root = try TestNode.parse(bytes)
        let expected = "abcdefghijkl]]>m<n>&o\"p'q\r\nr\tsé🙂"
        #expect(root.child("title")?.text == expected)
        let parsedEntry = try #require(root.child("entry"))
        #expect(parsedEntry.child("title")?.text == expected)
        #expect(parsedEntry.child("summary")?.text == expected)
        #expect(parsedEntry.child("author")?.child("name")?.text == expected)
        // Attribute values keep CR, LF and TAB through character references.
        #expect(parsedEntry.child("category")?["label"] == expected)
        #expect(parsedEntry.child("link")?["href"] == "https://example.com/a?b=1&c=%222%22")
    }

    @Test func repairsOrDropsWhatWouldBeInvalid() throws {
        let entry = PublicationEntry(
            id: "not an IRI", title: "t", link: "/relative/link", updated: Fixtures.date("2024-01-01T00:00:00Z"),
            authors: [Person(name: nil, email: "only@example.com"), Person(name: "Bad Mail", email: "nomail", uri: "relative"), Person()],
            categories: [Category(term: "  "), Category(term: "ok", scheme: "not absolute")], language: "en_US",
            source: .init(id: "feed-without-scheme", title: "S", link: "javascript:alert(1)", feedURL: "ftp://x"),
            related: [.init(href: "mailto:a@b.c"), .init(href: "https://example.com/r b", title: "R")])
        let bytes = writer.write(Fixtures.middleEast, entries: [entry])
        #expect(FeedChecks.problems(bytes, selfURL: Fixtures.configuration.feedURL(slug: "nahost")) == [])
        let node = try #require(TestNode.parse(bytes).child("entry"))
        #expect(node.child("id")?.text == "tag:news.example.org,2026:entry/not%20an%20IRI")
        #expect(node["xml:lang"] == "en-US")
        #expect(node.children("link").map { $0["href"] ?? "" } == ["https://example.com/r%20b"])
        #expect(node.children("author").map { $0.child("name")?.text ?? "" } == ["only@example.com", "Bad Mail"])
        #expect(node.children("author").last?.child("email") == nil)
        #expect(node.children("category").map { $0["term"] ?? "" } == ["ok"])
        #expect(node.child("category")?["scheme"] == nil)
        #expect(node.child("content") != nil, "no alternate link: content is required")
        let source = try #require(node.child("source"))
        #expect(source.child("id") == nil)
        #expect(source.children("link").isEmpty)
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"), (1_718_094_600.9, "2024-06-11T08:30:00Z"), (951_782_400, "2000-02-29T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"), (-1e15, "0001-01-01T00:00:00Z"), (1e15, "9999-12-31T23:59:59Z"),
        (.nan, "1970-01-01T00:00:00Z"),
    ])
    func datesAreRFC3339UTC(seconds: Double, expected: String) {
        #expect(AtomDate.rfc3339(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func tagURIsAreWellFormed() {
        #expect(Fixtures.configuration.tag("story/42") == "tag:news.example.org,2026:story/42")
        #expect(TagURI.make(authority: "Example.ORG", date: "2024-06", specific: "a b/ü#?") == "tag:example.org,2024-06:a%20b/%C3%BC%23?")
        #expect(PublishConfiguration(baseURL: "http://127.0.0.1:8080").feedID(slug: "all") == "tag:127.0.0.1,2026:feed/all")
        #expect(PublishConfiguration(baseURL: "http://127.0.0.1:8080").baseURL == "http://127.0.0.1:8080/")
    }

    @Test func configurationValidation() throws {
        #expect(throws: PublishError.self) { try PublishConfiguration(baseURL: "feeds/").validate() }
        #expect(throws: PublishError.self) { try PublishConfiguration(baseURL: "ftp://x.org/").validate() }
        #expect(throws: PublishError.self) { try PublishConfiguration(baseURL: "https://x.org/", tagDate: "26").validate() }
        try PublishConfiguration(baseURL: "https://x.org/feeds").validate()
    }

    @Test(arguments: ["nahost", "a", "topic-1", "de.sport_2"]) func validSlugs(slug: String) {
        #expect(PublicationFeed.isValidSlug(slug))
    }

    @Test(arguments: ["", "Nahost", "-x", "a/b", "..", ".hidden", "a b", "x-archive-3", "ü", String(repeating: "a", count: 101)])
    func invalidSlugs(slug: String) {
        #expect(!PublicationFeed.isValidSlug(slug))
    }
}
