import Foundation
import RundschauModel
import RundschauWriter

/// Shared inputs for the writer tests.
enum Fixtures {
    static let configuration = PublishConfiguration(
        baseURL: "https://news.example.org/feeds/", siteTitle: "Rundschau", siteSubtitle: "Nachrichten nach Themen",
        author: Person(name: "Rundschau", uri: "https://news.example.org/"), maxEntries: 50, language: "de",
        generator: .init(name: "Rundschau", version: "0.1.0", uri: "https://news.example.org/about"))

    static func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text) ?? Date(timeIntervalSince1970: 0)
    }

    static var middleEast: PublicationFeed {
        PublicationFeed(
            slug: "nahost", title: "Rundschau: Nahost", subtitle: "Israel, Gaza, Libanon",
            category: configuration.topicCategory(slug: "nahost", title: "Nahost"), terms: ["Israel", "Gaza"], language: "de")
    }

    /// Two entries: a story with related coverage and a source, and a plain article in English.
    static var entries: [PublicationEntry] {
        let nahost = configuration.topicCategory(slug: "nahost", title: "Nahost")
        return [
            PublicationEntry(
                id: configuration.tag("story/42"), title: "Waffenruhe in Gaza: Verhandlungen in Kairo & Doha",
                link: "https://www.tagesschau.de/ausland/gaza-waffenruhe-100.html",
                published: date("2024-06-11T08:30:00Z"), updated: date("2024-06-11T10:15:00Z"),
                authors: [Person(name: "Sabine Brandes")], categories: [nahost],
                summary: SanitizedHTML(trusted: "Die Gespräche <b>gehen weiter</b>."),
                content: StoryContent.html(
                    lead: SanitizedHTML(trusted: "<p>Die Gespräche über eine Waffenruhe gehen weiter.</p>"),
                    related: [
                        .init(href: "https://www.juedische-allgemeine.de/israel/kairo/", title: "Gespräche in Kairo",
                              outlet: "Jüdische Allgemeine", published: date("2024-06-11T09:00:00Z"), language: "de"),
                    ], language: "de"),
                language: "de",
                source: .init(id: "https://www.tagesschau.de/xml/rss2", title: "tagesschau.de", link: "https://www.tagesschau.de/",
                              feedURL: "https://www.tagesschau.de/xml/rss2", updated: date("2024-06-11T10:00:00Z")),
                related: [
                    .init(href: "https://www.juedische-allgemeine.de/israel/kairo/", title: "Gespräche in Kairo",
                          outlet: "Jüdische Allgemeine", published: date("2024-06-11T09:00:00Z"), language: "de"),
                ]),
            PublicationEntry(
                id: configuration.tag("story/7"), title: "Ceasefire talks \"resume\" <today>",
                link: "https://example.com/news/ceasefire?id=7&lang=en",
                published: date("2024-06-10T18:00:00Z"), updated: date("2024-06-10T18:00:00Z"),
                categories: [nahost], summary: SanitizedHTML(escapingPlainText: "Talks resume.\n\nMore soon."),
                language: "en"),
        ]
    }

    /// `count` generated entries over `topics` topic slugs, one minute apart, newest last.
    static func generated(count: Int, topics: [String], contentBytes: Int = 600) -> [PublicationEntry] {
        let filler = String(repeating: "Lorem ipsum dolor sit amet, <em>consectetur</em> adipiscing &amp; elit. ", count: max(1, contentBytes / 72))
        return (0..<count).map { index in
            let topic = topics[index % topics.count]
            let when = Date(timeIntervalSince1970: 1_718_000_000 + Double(index) * 60)
            return PublicationEntry(
                id: configuration.tag("story/\(index)"), title: "Meldung \(index): Ärger über „Zölle“ & <Grenzen>",
                link: "https://example.com/\(topic)/\(index).html", published: when, updated: when,
                authors: [Person(name: "Redaktion \(index % 7)")],
                categories: [configuration.topicCategory(slug: topic, title: topic.capitalized)],
                summary: SanitizedHTML(trusted: "Kurzfassung \(index)."), content: SanitizedHTML(trusted: "<p>\(filler)</p>"),
                language: index % 3 == 0 ? "en" : "de",
                source: .init(id: "https://example.com/\(topic).xml", title: "Example \(topic)", link: "https://example.com/"))
        }
    }

    /// The test bundle's fixture folder.
    static var folder: URL {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures") ?? URL(fileURLWithPath: "Fixtures")
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(relativePath)))
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "rundschau-writer-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
