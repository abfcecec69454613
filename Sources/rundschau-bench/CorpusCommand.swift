import ArgumentParser
import Foundation
import RundschauText

/// `rundschau-bench corpus DIR`: writes a deterministic corpus of realistic feeds (RSS 2.0 with extensions,
/// Atom 1.0, RSS 1.0) for the parser benchmark, so every machine measures the same bytes.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "corpus", abstract: "Write a benchmark corpus of feeds.")

    @Argument(help: "Output directory (created).")
    var directory: String

    @Option(help: "Number of feed files.")
    var feeds = 300

    @Option(help: "Entries per feed (with --style realistic: on average).")
    var entries = 60

    /// Which corpus.
    enum Style: String, ExpressibleByArgument, CaseIterable {
        /// RSS 2.0, Atom 1.0 and RSS 1.0 in turn, each entry about 1.5 KB of paragraph text: bulk text.
        case classic
        /// Seven real-world feed shapes with many short fields, references, varied dates, one in ISO-8859-1.
        case realistic
    }

    @Option(help: "classic (bulk text, the original benchmark) or realistic (real-world feed shapes, many short fields).")
    var style = Style.classic

    func run() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var random = SplitMix64(seed: 42)
        var total = 0
        for index in 0..<feeds {
            let name: String
            let data: Data
            switch style {
            case .classic:
                let (file, text) = CorpusWriter.feed(index: index, entries: entries, random: &random)
                (name, data) = (file, Data(text.utf8))
            case .realistic:
                let (file, bytes) = RealisticCorpusWriter.feed(index: index, averageEntries: entries, random: &random)
                (name, data) = (file, Data(bytes))
            }
            total += data.count
            try data.write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
        let entryCount = style == .classic ? "\(feeds * entries) entries" : "about \(feeds * entries) entries"
        print("wrote \(feeds) \(style) feeds, \(entryCount), \(total) bytes to \(directory)")
    }
}

enum CorpusWriter {
    private static let words = """
        Regierung Minister Bundestag Koalition Haushalt Verteidigung Sicherheit Untersuchung Luftwaffe Konferenz \
        government minister parliament coalition budget defence security investigation conference election \
        Wirtschaft Energie Klima Gesundheit Bildung Europa Ukraine Israel Gaza Washington Berlin Paris London \
        economy energy climate health education market inflation court ruling report police agency statement \
        sagte erklärte betonte kündigte an said announced confirmed denied reported according officials
        """.split(separator: " ").map(String.init)

    private static func sentence(_ count: Int, _ random: inout SplitMix64) -> String {
        var parts: [String] = []
        for _ in 0..<count { parts.append(words[Int(random.next() % UInt64(words.count))]) }
        return parts.joined(separator: " ").prefix(1).uppercased() + parts.joined(separator: " ").dropFirst()
    }

    private static func paragraph(_ random: inout SplitMix64) -> String {
        (0..<4).map { _ in sentence(12 + Int(random.next() % 10), &random) + "." }.joined(separator: " ")
    }

    private static func date(_ offset: Int) -> (rfc822: String, rfc3339: String) {
        let base = Date(timeIntervalSince1970: 1_718_000_000 - Double(offset) * 3_700)
        let rfc822 = DateFormatter()
        rfc822.locale = Locale(identifier: "en_US_POSIX")
        rfc822.timeZone = TimeZone(identifier: "Europe/Berlin")
        rfc822.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return (rfc822.string(from: base), base.formatted(.iso8601))
    }

    static func feed(index: Int, entries: Int, random: inout SplitMix64) -> (String, String) {
        switch index % 3 {
        case 0: return ("feed\(index).rss", rss(index, entries, &random))
        case 1: return ("feed\(index).atom", atom(index, entries, &random))
        default: return ("feed\(index).rdf", rdf(index, entries, &random))
        }
    }

    private static func rss(_ index: Int, _ count: Int, _ random: inout SplitMix64) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" \
            xmlns:atom="http://www.w3.org/2005/Atom">
            <channel><title>Nachrichten \(index)</title><link>https://news\(index).example/</link>
            <description>Aktuelle Meldungen &amp; Hintergründe</description><language>de</language><ttl>15</ttl>
            <atom:link rel="self" href="https://news\(index).example/feed.rss" type="application/rss+xml"/>

            """
        for n in 0..<count {
            let d = date(n)
            out += """
                <item><title>\(sentence(8, &random)) &amp; mehr</title>
                <link>https://news\(index).example/artikel/\(n)?utm_source=rss</link>
                <guid isPermaLink="false">news\(index)-\(n)</guid><pubDate>\(d.rfc822)</pubDate>
                <dc:creator>Redaktion \(n % 7)</dc:creator><category>Politik</category>
                <description>\(sentence(25, &random)).</description>
                <content:encoded><![CDATA[<p>\(paragraph(&random))</p><p>\(paragraph(&random))</p>]]></content:encoded>
                <media:thumbnail url="https://news\(index).example/img/\(n).jpg" width="320" height="180"/>
                </item>

                """
        }
        return out + "</channel></rss>\n"
    }

    private static func atom(_ index: Int, _ count: Int, _ random: inout SplitMix64) -> String {
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://wire\(index).example/">
            <id>tag:wire\(index).example,2024:feed</id><title>Wire \(index)</title>
            <updated>\(date(0).rfc3339)</updated><link rel="alternate" href="/"/><link rel="self" href="/feed.atom"/>
            <author><name>Wire Desk</name><email>desk@wire\(index).example</email></author>

            """
        for n in 0..<count {
            let d = date(n)
            out += """
                <entry><id>tag:wire\(index).example,2024:\(n)</id><title type="html">\(sentence(9, &random)) &amp;amp; more</title>
                <link rel="alternate" href="stories/\(n).html"/><published>\(d.rfc3339)</published><updated>\(d.rfc3339)</updated>
                <category term="world" scheme="https://wire\(index).example/sections" label="World"/>
                <summary>\(sentence(25, &random)).</summary>
                <content type="html">&lt;p&gt;\(paragraph(&random))&lt;/p&gt;&lt;p&gt;\(paragraph(&random))&lt;/p&gt;</content>
                </entry>

                """
        }
        return out + "</feed>\n"
    }

    private static func rdf(_ index: Int, _ count: Int, _ random: inout SplitMix64) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
            <channel rdf:about="https://blog\(index).example/"><title>Blog \(index)</title>
            <link>https://blog\(index).example/</link><description>Notes</description>
            <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel>

            """
        for n in 0..<count {
            let d = date(n)
            out += """
                <item rdf:about="https://blog\(index).example/\(n)"><title>\(sentence(8, &random))</title>
                <link>https://blog\(index).example/\(n)</link><dc:date>\(d.rfc3339)</dc:date><dc:creator>Author \(n % 5)</dc:creator>
                <description>\(paragraph(&random))</description></item>

                """
        }
        return out + "</rdf:RDF>\n"
    }
}
