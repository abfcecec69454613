import ArgumentParser
import Foundation
import RundschauText
import Logging
import RundschauModel
import RundschauWriter

/// `rundschau-bench write --entries 100000`: Atom writing speed across topic feeds (entries/s, MB/s), the same
/// entries published to a folder (first run and an unchanged second run), and the sanitizer's speed.
struct WriteBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "write", abstract: "Measure the Atom writer and publisher.")

    @Option(help: "Entries, spread over the topics.")
    var entries = 100_000

    @Option(help: "Topic feeds.")
    var topics = 12

    @Option(help: "Approximate bytes of HTML content per entry.")
    var contentBytes = 800

    @Option(help: "Minimum seconds per measurement.")
    var seconds = 3.0

    func run() throws {
        let configuration = PublishConfiguration(
            baseURL: "https://news.example.org/feeds/", maxEntries: 50, archivePageSize: 100, language: "de")
        let slugs = (0..<topics).map { "thema-\($0)" }
        let input = Self.entries(count: entries, topics: slugs, contentBytes: contentBytes, configuration: configuration)
        let feeds = slugs.map { PublicationFeed(slug: $0, title: "Rundschau: \($0)", category: configuration.topicCategory(slug: $0), language: "de") }
        var byTopic = Array(repeating: [PublicationEntry](), count: topics)
        for (index, entry) in input.enumerated() { byTopic[index % topics].append(entry) }
        print("write: \(entries) entries over \(topics) topic feeds, ~\(contentBytes) B content each (current 50 + archive pages of 100)")

        // 1. The writer alone: every entry written once, into its topic's subscription or archive documents.
        let writer = AtomFeedWriter(configuration: configuration)
        var bytes = 0, written = 0
        let pass = Measure.repeatFor(minimum: seconds) {
            bytes = 0
            written = 0
            for (feed, entries) in zip(feeds, byTopic) {
                for document in writer.documents(feed, entries: entries) {
                    bytes += document.bytes.count
                    written += document.entryCount
                }
            }
        }
        report("writer", entries: written, bytes: bytes, seconds: pass.wall, passes: 1, note: "median pass, wall clock")
        report("writer (per CPU second)", entries: written, bytes: bytes, seconds: pass.cpu, passes: 1,
               note: "median pass, CPU time: what one free core does")

        // 2. Publishing to a folder: topic feeds, all.atom, OPML, index; then again with nothing changed.
        let folder = NSTemporaryDirectory() + "rundschau-bench-write-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let publisher = FeedPublisher(configuration: configuration, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let clock = ContinuousClock()
        var first = PublishReport()
        let firstTime = try clock.measure { first = try publisher.publish(topics: feeds, entries: input, to: folder) }
        report("publish (first run)", entries: first.entries, bytes: first.bytes, seconds: firstTime / .seconds(1), passes: 1,
               note: "\(first.written.count) files written")
        var second = PublishReport()
        let secondTime = try clock.measure { second = try publisher.publish(topics: feeds, entries: input, to: folder) }
        report("publish (unchanged)", entries: second.entries, bytes: second.bytes, seconds: secondTime / .seconds(1), passes: 1,
               note: "\(second.written.count) written, \(second.unchanged.count) unchanged")

        // 3. The sanitizer, which the glue runs once per article before writing.
        let sanitizer = HTMLSanitizer()
        let samples = (0..<1000).map { Self.rawHTML(index: $0, bytes: contentBytes) }
        var sanitizedBytes = 0
        let sanitize = Measure.repeatFor(minimum: seconds) {
            sanitizedBytes = 0
            for sample in samples { sanitizedBytes += sanitizer.sanitize(sample, baseURL: "https://example.com/a/b.html").html.utf8.count }
        }
        report("sanitizer", entries: samples.count, bytes: samples.reduce(0) { $0 + $1.utf8.count }, seconds: sanitize.wall,
               passes: 1, note: "median pass, input bytes")
        report("sanitizer (per CPU s)", entries: samples.count, bytes: samples.reduce(0) { $0 + $1.utf8.count },
               seconds: sanitize.cpu, passes: 1)
        print("peak memory: \(Measure.format(Measure.peakMemoryMiB())) MiB")
    }

    /// CPU time this process has used, in seconds: on a shared machine, the rate per CPU second is what one
    /// free core would do.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private func report(_ what: String, entries: Int, bytes: Int, seconds: Double, passes: Int, note: String = "") {
        let rate = Double(entries) / seconds
        let megabytes = Double(bytes) / 1_048_576 / seconds
        print("  \(what.padding(toLength: 24, withPad: " ", startingAt: 0)) \(Measure.format(rate, 0)) entries/s  "
              + "\(Measure.format(megabytes)) MB/s  (\(entries) entries, \(Measure.format(Double(bytes) / 1_048_576)) MB, "
              + "\(Measure.format(seconds * 1000)) ms/pass, \(passes) passes)\(note.isEmpty ? "" : "  " + note)")
    }

    /// Deterministic, realistic story entries: sanitized content, authors, a topic category, a source, related links.
    static func entries(count: Int, topics: [String], contentBytes: Int, configuration: PublishConfiguration) -> [PublicationEntry] {
        var random = SplitMix64(seed: 7)
        let words = ["Regierung", "Minister", "Koalition", "Haushalt", "Sicherheit", "Untersuchung", "Konferenz", "Zölle",
                     "Wahl", "Energie", "Klima", "Gesundheit", "Europa", "Grenze", "Gericht", "Urteil", "Bericht", "Polizei"]
        return (0..<count).map { index in
            func phrase(_ length: Int) -> String { (0..<length).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ") }
            let topic = topics[index % topics.count]
            var content = "<p>"
            while content.utf8.count < contentBytes { content += phrase(12) + ". " + (random.next() % 4 == 0 ? "<a href=\"https://example.com/x\">" + phrase(2) + "</a> " : "") }
            content += "</p>"
            let when = Date(timeIntervalSince1970: 1_718_000_000 + Double(index) * 37)
            let related = (0..<Int(random.next() % 4)).map {
                PublicationEntry.Related(href: "https://outlet\($0).example/\(index)", title: phrase(6), outlet: "Outlet \($0)", published: when)
            }
            let lead = SanitizedHTML(trusted: content)
            return PublicationEntry(
                id: configuration.tag("story/\(index)"), title: phrase(8) + " – „\(index)“ & mehr",
                link: "https://example.com/\(topic)/\(index).html", published: when, updated: when.addingTimeInterval(600),
                authors: [Person(name: "Redaktion \(index % 40)")], categories: [configuration.topicCategory(slug: topic)],
                summary: SanitizedHTML(trusted: phrase(20) + "."),
                content: StoryContent.html(lead: lead, related: related, language: "de"), language: "de",
                source: .init(id: "https://example.com/\(topic).xml", title: "Example \(topic)", link: "https://example.com/",
                              feedURL: "https://example.com/\(topic).xml", updated: when),
                related: related)
        }
    }

    /// Article HTML as feeds deliver it: paragraphs, links (some relative), an image, a script and a style to drop.
    static func rawHTML(index: Int, bytes: Int) -> String {
        var html = "<div class=\"article\" style=\"margin:0\"><script>track(\(index))</script>"
        while html.utf8.count < bytes {
            html += "<p>Die Regierung kündigte am Dienstag <b>neue Maßnahmen</b> an &amp; sagte, <a href=\"/politik/\(index)\" onclick=\"x()\">mehr</a>."
            html += " <img src=\"/img/\(index).jpg\" alt=\"Bild\" width=\"640\"></p>"
        }
        return html + "<style>p{}</style></div>"
    }
}
