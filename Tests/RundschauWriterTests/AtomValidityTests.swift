import Foundation
import RundschauModel
import RundschauXML
import Testing
@testable import RundschauWriter

/// Every generated Atom document: well-formed, valid against RFC 4287's RELAX NG schema, and free of the W3C
/// Feed Validation Service's common errors.
@Suite struct AtomValidityTests {
    static let configuration = Fixtures.configuration

    /// Feeds worth validating: the fixture, generated ones, hostile ones, empty ones, archive pages.
    static func documents() -> [(name: String, bytes: [UInt8], selfURL: String)] {
        let writer = AtomFeedWriter(configuration: configuration)
        var result: [(String, [UInt8], String)] = []
        result.append(("fixture", writer.write(Fixtures.middleEast, entries: Fixtures.entries), configuration.feedURL(slug: "nahost")))
        result.append(("empty", writer.write(PublicationFeed(slug: "empty", title: ""), entries: []), configuration.feedURL(slug: "empty")))
        let generated = Fixtures.generated(count: 120, topics: ["nahost", "wirtschaft"])
        result.append(("generated", writer.write(Fixtures.middleEast, entries: generated), configuration.feedURL(slug: "nahost")))
        var archiving = configuration
        archiving.maxEntries = 10
        archiving.archivePageSize = 25
        for document in AtomFeedWriter(configuration: archiving).documents(Fixtures.middleEast, entries: generated) {
            result.append((document.fileName, document.bytes, archiving.url(ofFile: document.fileName)))
        }
        result.append(("hostile", writer.write(hostileFeed, entries: hostileEntries), configuration.feedURL(slug: "hostile")))
        return result
    }

    static let hostileFeed = PublicationFeed(
        slug: "hostile", title: "\u{1}<script>alert(1)</script>", subtitle: "]]>\u{FFFE}", category: Category(term: "x\"y"),
        language: "not a tag!")

    static var hostileEntries: [PublicationEntry] {
        let sanitizer = HTMLSanitizer()
        return [
            PublicationEntry(
                id: "javascript:alert(1)", title: "", link: "javascript:alert(1)", published: Date(timeIntervalSince1970: -1e14),
                updated: Date(timeIntervalSince1970: .infinity), authors: [Person(name: "", email: "@", uri: "::")],
                categories: [Category(term: "a&b", scheme: "http://x y", label: "<l>")],
                summary: sanitizer.sanitize("<img src=x onerror=alert(1)><svg onload=alert(1)>", baseURL: nil),
                content: sanitizer.sanitize("<script>x</script>\u{0}\u{B}<p>ok", baseURL: "javascript:void(0)"),
                language: "x_y_z", source: .init(id: " ", title: "\u{7}", link: "//no-scheme", feedURL: "", updated: Date(timeIntervalSince1970: 0)),
                related: [.init(href: "https://example.com/same"), .init(href: "https://example.com/same"), .init(href: "data:text/html,x")]),
            PublicationEntry(id: "urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6", title: "plain", updated: Date(timeIntervalSince1970: 1e9)),
        ]
    }

    @Test func everyDocumentIsWellFormed() throws {
        for document in Self.documents() {
            #expect(throws: Never.self, "\(document.name)") { _ = try XMLStreamParser.parse(document.bytes, handler: NullHandler()) }
        }
    }

    @Test func everyDocumentValidatesAgainstTheRFC4287Schema() throws {
        let validator = try AtomSchema.validator()
        for document in Self.documents() {
            let problems = validator.validate(document.bytes)
            #expect(problems.isEmpty, "\(document.name): \(problems.prefix(5))")
        }
    }

    @Test func everyDocumentPassesTheOfflineW3CChecks() {
        for document in Self.documents() {
            let problems = FeedChecks.problems(document.bytes, selfURL: document.selfURL)
            #expect(problems.isEmpty, "\(document.name): \(problems.prefix(5))")
        }
    }

    @Test func theSchemaCatchesBrokenDocuments() throws {
        let validator = try AtomSchema.validator()
        let good = AtomFeedWriter(configuration: Self.configuration).write(Fixtures.middleEast, entries: Fixtures.entries)
        let text = String(decoding: good, as: UTF8.self)
        let broken = [
            text.replacingOccurrences(of: "<updated>2024-06-11T10:15:00Z</updated>", with: "<updated>11.06.2024</updated>"),
            text.replacingOccurrences(of: "  <id>tag:news.example.org,2026:feed/nahost</id>\n", with: ""),
            text.replacingOccurrences(of: "<title>Rundschau: Nahost</title>", with: "<title>a</title><title>b</title>"),
            text.replacingOccurrences(of: "</feed>", with: "<unclosed></feed>"),
        ]
        for document in broken {
            #expect(!validator.validate(Array(document.utf8)).isEmpty)
        }
        #expect(validator.validate(good) == [])
    }

    @Test func theOfflineChecksCatchCommonErrors() {
        let good = String(decoding: AtomFeedWriter(configuration: Self.configuration).write(Fixtures.middleEast, entries: Fixtures.entries), as: UTF8.self)
        let selfURL = Self.configuration.feedURL(slug: "nahost")
        let cases = [
            good.replacingOccurrences(of: "<published>2024-06-11T08:30:00Z", with: "<published>2024-06-11 08:30:00"),
            good.replacingOccurrences(of: "<id>tag:news.example.org,2026:story/42</id>", with: "<id>story/42</id>"),
            good.replacingOccurrences(of: "<link rel=\"related\"", with: "<link rel=\"alternate\"")
                .replacingOccurrences(of: " hreflang=\"de\" title=", with: " title="),
            good.replacingOccurrences(of: "  <author><name>Rundschau</name><uri>https://news.example.org/</uri></author>\n", with: ""),
            good.replacingOccurrences(of: "feeds/nahost.atom", with: "feeds/other.atom"),
        ]
        for document in cases {
            #expect(!FeedChecks.problems(Array(document.utf8), selfURL: selfURL).isEmpty)
        }
        #expect(FeedChecks.problems(Array(good.utf8), selfURL: selfURL) == [])
    }
}

private final class NullHandler: XMLEventHandler {
    func startElement(localName: String, prefix: String?, namespace: String?, attributes: [XMLAttribute]) {}
    func endElement(localName: String, prefix: String?, namespace: String?) {}
    func characters(_ utf8: UnsafeBufferPointer<UInt8>) {}
}
