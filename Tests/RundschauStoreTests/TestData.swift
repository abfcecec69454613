import Foundation
import RundschauModel
import RundschauStore

/// Fixed instants (whole seconds, so that every backend's precision keeps them exactly).
enum T {
    static let t0 = Date(timeIntervalSince1970: 1_718_100_000)  // 2024-06-11T10:00:00Z
    static func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }
}

/// A fully populated entry: every stored field set, so that round trips check them all.
func makeEntry(_ n: Int, content: String? = nil, published: Date? = nil) -> Entry {
    Entry(
        id: "urn:test:entry:\(n)", title: "Titel \(n): Gaza-Gespräche in Kairo",
        link: "https://example.org/artikel/\(n)?utm_source=rss",
        links: [Link(href: "https://example.org/artikel/\(n)"), Link(rel: "enclosure", href: "https://example.org/\(n).mp3", type: "audio/mpeg", length: 1234)],
        summary: "<p>Zusammenfassung \(n)</p>", summaryType: .html,
        content: content ?? "<p>Inhalt \(n) mit Umlauten: äöüß</p>", contentType: .html,
        published: published ?? T.at(Double(n) * 60), updated: T.at(Double(n) * 60 + 30),
        authors: [Person(name: "Sabine Brandes", email: "sb@example.org")],
        categories: [Category(term: "nahost", scheme: "https://example.org/tags", label: "Nahost")],
        enclosures: [Enclosure(url: "https://example.org/\(n).mp3", type: "audio/mpeg", length: 1234)],
        language: "de", image: "https://example.org/\(n).jpg", kicker: n.isMultiple(of: 2) ? "Gaza" : nil,
        dateline: n.isMultiple(of: 3) ? "BERLIN (dts Nachrichtenagentur)" : nil)
}

func makeEntries(_ range: ClosedRange<Int>) -> [Entry] { range.map { makeEntry($0) } }

extension FeedStore {
    /// Subscribes a feed at `T.t0`.
    func subscribe(_ url: String, kind: FeedKind = .feed, title: String? = nil) async throws -> StoredFeed {
        try await subscribe(FeedSubscription(url: url, title: title, kind: kind), at: T.t0)
    }
}
