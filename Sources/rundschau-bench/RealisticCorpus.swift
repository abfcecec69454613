import Foundation
import RundschauText

/// The `--style realistic` corpus: feeds shaped like the ones Rundschau meets, rather than bulk text.
///
/// The classic corpus is easy on a parser: two kilobytes of paragraph text per entry in one CDATA section or
/// one escaped block, few elements, identical dates. Real feeds have many short fields per entry, so the cost
/// per element, per field and per entry matters more than the cost per byte. This corpus mixes, by weight:
///
/// - WordPress-style RSS 2.0 (30%): `dc:creator` and several `category` in CDATA, `guid isPermaLink="false"`,
///   titles with numeric references (`&#8217;`), a short CDATA `description` ending in `[&#8230;]`,
///   `content:encoded` with links and images, `wfw:`/`slash:` elements from namespaces the parser skips.
/// - Podcast RSS (10%): `itunes:` tags, `enclosure` with length and type, `media:content`.
/// - Blogger-style Atom (20%): `xml:base` and relative links, several `link` relations, many `category`,
///   dates with fractions and offsets (`2024-06-11T08:15:00.123-07:00`), escaped HTML content, `thr:total`.
/// - YouTube-style Atom (10%): `media:group` with title, content, thumbnail and description.
/// - RSS 1.0 (10%): `dc:date`, `dc:subject`, escaped descriptions.
/// - German news RSS in ISO-8859-1 (10%): transcoded before parsing, zones like `+0200` and `MESZ`-free
///   RFC 822 dates, `&amp;`, `&quot;` in titles.
/// - Minimal RSS 0.91/0.92 (10%): title, link and description only.
///
/// Entry counts vary around `--entries` (from a quarter to 1.75 times as many); everything comes from a seeded
/// generator, so every machine writes the same bytes.
enum RealisticCorpusWriter {
    private static let english = """
        the government said on Tuesday that its new budget would cut spending on defence and raise taxes for \
        the first time in a decade while officials warned of a slowdown in the economy and rising energy prices \
        as markets reacted to the court ruling police investigation report election campaign climate health \
        education reform minister parliament coalition agency statement interview analysis update live video
        """.split(separator: " ").map(String.init)
    private static let german = """
        die Regierung hat am Dienstag angekündigt dass der Haushalt für das kommende Jahr Kürzungen bei der \
        Verteidigung und höhere Steuern vorsieht während Ökonomen vor einer Abschwächung der Konjunktur und \
        steigenden Energiepreisen warnen Bundestag Koalition Gericht Urteil Polizei Ermittlungen Wahl Klima \
        Gesundheit Bildung Grüße Straße Größe über für Mädchen Behörde Erklärung Gespräch Bericht
        """.split(separator: " ").map(String.init)
    private static let categories = [
        "Politics", "World", "Business", "Technology", "Science", "Health", "Sports", "Culture", "Opinion",
        "Climate", "Economy", "Europe", "Middle East", "Elections", "Podcasts", "Video", "Local", "Education",
    ]
    private static let names = [
        "Jane Doe", "John Smith", "Anna Müller", "Jürgen Weiß", "María García", "Li Wei", "Olivia Brown",
        "Redaktion", "Newsdesk", "Tom O’Neill",
    ]

    /// One feed: file name and bytes.
    static func feed(index: Int, averageEntries: Int, random: inout SplitMix64) -> (String, [UInt8]) {
        let low = averageEntries / 4
        let count = max(1, low + Int(random.next() % UInt64(2 * (averageEntries - low) + 1)))
        var g = Generator(random: random, feed: index)
        defer { random = g.random }
        switch index % 10 {
        case 0, 1, 2: return ("feed\(index).rss", Array(g.wordpress(count).utf8))
        case 3: return ("feed\(index).rss", Array(g.podcast(count).utf8))
        case 4, 5: return ("feed\(index).atom", Array(g.blogger(count).utf8))
        case 6: return ("feed\(index).atom", Array(g.youtube(count).utf8))
        case 7: return ("feed\(index).rdf", Array(g.rdf(count).utf8))
        case 8: return ("feed\(index).rss", g.latin1News(count))
        default: return ("feed\(index).rss", Array(g.minimal(count).utf8))
        }
    }

    private struct Generator {
        var random: SplitMix64
        let feed: Int
        /// Seconds since 1970 of the newest entry.
        let newest = 1_718_000_000

        init(random: SplitMix64, feed: Int) {
            self.random = random
            self.feed = feed
        }

        mutating func int(_ n: Int) -> Int { Int(random.next() % UInt64(max(1, n))) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

        mutating func words(_ count: Int, german: Bool = false) -> String {
            var parts: [String] = []
            for _ in 0..<count { parts.append(pick(german ? RealisticCorpusWriter.german : RealisticCorpusWriter.english)) }
            let text = parts.joined(separator: " ")
            return text.prefix(1).uppercased() + text.dropFirst()
        }

        /// A headline with the typography real titles have: numeric references, quotes, an ampersand.
        mutating func title(german: Bool = false) -> String {
            var text = words(5 + int(7), german: german)
            switch int(6) {
            case 0: text += " &#8211; " + words(2, german: german)
            case 1: text = "&#8220;" + text + "&#8221;"
            case 2: text += " &amp; " + words(2, german: german)
            case 3: text = text.replacingOccurrences(of: "s ", with: "&#8217;s ", options: [], range: nil)
            default: break
            }
            return text
        }

        mutating func paragraph(german: Bool = false) -> String {
            (0..<(2 + int(3))).map { _ in words(8 + int(14), german: german) + "." }.joined(separator: " ")
        }

        /// HTML for `content:encoded`: paragraphs, a link, sometimes an image and a list.
        mutating func html(paragraphs: Int, site: String) -> String {
            var out = ""
            for p in 0..<paragraphs {
                out += "<p>" + paragraph() + " <a href=\"\(site)/\(2024)/\(int(12) + 1)/\(words(2).lowercased().replacingOccurrences(of: " ", with: "-"))/\">" + words(3) + "</a>.</p>\n"
                if p == 0 && int(2) == 0 {
                    out += "<figure><img src=\"\(site)/wp-content/uploads/\(int(9000)).jpg\" alt=\"\(words(4))\" width=\"800\" height=\"450\" /><figcaption>\(words(6))</figcaption></figure>\n"
                }
            }
            if int(3) == 0 { out += "<ul><li>" + words(5) + "</li><li>" + words(4) + "</li></ul>\n" }
            return out
        }

        /// Escapes text for an XML element or attribute.
        func escaped(_ text: String) -> String {
            var out = ""
            out.reserveCapacity(text.utf8.count + 16)
            for ch in text.unicodeScalars {
                switch ch {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                default: out.unicodeScalars.append(ch)
                }
            }
            return out
        }

        mutating func rfc822(_ seconds: Int) -> String {
            let zones = [("+0000", 0), ("GMT", 0), ("-0400", -14_400), ("+0200", 7_200), ("EDT", -14_400), ("+0100", 3_600)]
            let (zone, offset) = pick(zones)
            let civil = Civil(seconds + offset)
            let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            let weekday = weekdays[((seconds + offset) / 86_400 % 7 + 7) % 7]
            return "\(weekday), \(two(civil.day)) \(months[civil.month - 1]) \(civil.year) "
                + "\(two(civil.hour)):\(two(civil.minute)):\(two(civil.second)) \(zone)"
        }

        mutating func rfc3339(_ seconds: Int, fraction: Bool = false, offsetHours: Int = 0) -> String {
            let civil = Civil(seconds + offsetHours * 3_600)
            var text = "\(civil.year)-\(two(civil.month))-\(two(civil.day))T\(two(civil.hour)):\(two(civil.minute)):\(two(civil.second))"
            if fraction { text += ".\(100 + int(900))" }
            if offsetHours == 0 { return text + (fraction ? "Z" : (int(2) == 0 ? "Z" : "+00:00")) }
            return text + (offsetHours < 0 ? "-" : "+") + two(abs(offsetHours)) + ":00"
        }

        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

        mutating func wordpress(_ count: Int) -> String {
            let site = "https://blog\(feed).example.org"
            var out = """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
                \txmlns:content="http://purl.org/rss/1.0/modules/content/"
                \txmlns:wfw="http://wellformedweb.org/CommentAPI/"
                \txmlns:dc="http://purl.org/dc/elements/1.1/"
                \txmlns:atom="http://www.w3.org/2005/Atom"
                \txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
                \txmlns:slash="http://purl.org/rss/1.0/modules/slash/"
                \t>

                <channel>
                \t<title>\(title())</title>
                \t<atom:link href="\(site)/feed/" rel="self" type="application/rss+xml" />
                \t<link>\(site)</link>
                \t<description>\(words(6))</description>
                \t<lastBuildDate>\(rfc822(newest))</lastBuildDate>
                \t<language>en-US</language>
                \t<sy:updatePeriod>
                \thourly\t</sy:updatePeriod>
                \t<sy:updateFrequency>
                \t1\t</sy:updateFrequency>
                \t<generator>https://wordpress.org/?v=6.5.4</generator>
                <image>
                \t<url>\(site)/wp-content/uploads/2021/03/cropped-icon-32x32.png</url>
                \t<title>\(words(3))</title>
                \t<link>\(site)</link>
                \t<width>32</width>
                \t<height>32</height>
                </image>

                """
            for n in 0..<count {
                let post = 10_000 + feed * 1_000 + n
                let slug = words(4).lowercased().replacingOccurrences(of: " ", with: "-")
                out += """
                \t<item>
                \t\t<title>\(title())</title>
                \t\t<link>\(site)/2024/06/\(slug)/</link>
                \t\t<comments>\(site)/2024/06/\(slug)/#respond</comments>
                \t\t<dc:creator><![CDATA[\(pick(names))]]></dc:creator>
                \t\t<pubDate>\(rfc822(newest - n * 5_400 - int(3_000)))</pubDate>

                """
                for _ in 0..<(1 + int(5)) { out += "\t\t<category><![CDATA[\(pick(categories))]]></category>\n" }
                out += """
                \t\t<guid isPermaLink="false">\(site)/?p=\(post)</guid>

                \t\t<description><![CDATA[<p>\(paragraph()) [&#8230;]</p>
                <p>The post <a href="\(site)/2024/06/\(slug)/">\(words(4))</a> appeared first on <a href="\(site)">\(words(2))</a>.</p>
                ]]></description>
                \t\t\t\t\t\t\t\t\t\t<content:encoded><![CDATA[\(html(paragraphs: 1 + int(4), site: site))]]></content:encoded>
                \t\t\t\t\t
                \t\t\t<wfw:commentRss>\(site)/2024/06/\(slug)/feed/</wfw:commentRss>
                \t\t\t<slash:comments>\(int(40))</slash:comments>
                \t\t\t\t\t\t\t\t\t\t</item>

                """
            }
            return out + "\t</channel>\n</rss>\n"
        }

        mutating func podcast(_ count: Int) -> String {
            let site = "https://podcast\(feed).example.com"
            var out = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel>
                <title>\(words(3))</title>
                <link>\(site)/</link>
                <atom:link href="\(site)/feed.xml" rel="self" type="application/rss+xml"/>
                <language>en</language>
                <copyright>© 2024 \(pick(names))</copyright>
                <itunes:author>\(pick(names))</itunes:author>
                <itunes:summary>\(escaped(paragraph()))</itunes:summary>
                <description>\(escaped(paragraph()))</description>
                <itunes:owner><itunes:name>\(pick(names))</itunes:name><itunes:email>feed@podcast\(feed).example.com</itunes:email></itunes:owner>
                <itunes:image href="\(site)/artwork.jpg"/>
                <itunes:category text="News"><itunes:category text="Politics"/></itunes:category>
                <itunes:explicit>false</itunes:explicit>

                """
            for n in 0..<count {
                let episode = count - n
                out += """
                <item>
                <title>\(episode): \(title())</title>
                <itunes:title>\(words(5))</itunes:title>
                <itunes:episode>\(episode)</itunes:episode>
                <pubDate>\(rfc822(newest - n * 86_400 * 7))</pubDate>
                <guid isPermaLink="false">\(UUIDText(feed, n))</guid>
                <link>\(site)/episodes/\(episode)</link>
                <description>\(escaped("<p>" + paragraph() + "</p><p>" + paragraph() + "</p>"))</description>
                <itunes:summary>\(escaped(paragraph()))</itunes:summary>
                <enclosure url="https://cdn.example.net/podcast\(feed)/\(episode).mp3?source=rss" length="\(20_000_000 + int(40_000_000))" type="audio/mpeg"/>
                <media:content url="https://cdn.example.net/podcast\(feed)/\(episode).mp3?source=rss" fileSize="\(20_000_000 + int(40_000_000))" type="audio/mpeg" medium="audio"/>
                <itunes:duration>\(int(2))\(int(10)):\(two(int(60))):\(two(int(60)))</itunes:duration>
                <itunes:image href="\(site)/episodes/\(episode).jpg"/>
                <itunes:explicit>false</itunes:explicit>
                <itunes:episodeType>full</itunes:episodeType>
                </item>

                """
            }
            return out + "</channel>\n</rss>\n"
        }

        mutating func blogger(_ count: Int) -> String {
            let site = "https://notes\(feed).blogspot.example"
            let offset = pick([-7, -5, 0, 1, 2, 9])
            var out = """
                <?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' xmlns:thr='http://purl.org/syndication/thread/1.0' xmlns:georss='http://www.georss.org/georss' xml:base='\(site)/' xml:lang='en'><id>tag:blogger.com,1999:blog-\(feed)</id><updated>\(rfc3339(newest, fraction: true, offsetHours: offset))</updated>
                """
            for _ in 0..<(3 + int(5)) { out += "<category term='\(pick(categories))'/>" }
            out += """
                <title type='text'>\(words(3))</title><subtitle type='html'>\(escaped(words(8)))</subtitle><link rel='http://schemas.google.com/g/2005#feed' type='application/atom+xml' href='feeds/posts/default'/><link rel='self' type='application/atom+xml' href='feeds/posts/default?alt=atom'/><link rel='alternate' type='text/html' href='./'/><link rel='hub' href='http://pubsubhubbub.appspot.com/'/><link rel='next' type='application/atom+xml' href='feeds/posts/default?start-index=26&amp;max-results=25'/><author><name>\(pick(names))</name><uri>https://www.blogger.example/profile/\(feed)</uri><email>noreply@blogger.example</email></author><generator version='7.00' uri='http://www.blogger.com'>Blogger</generator><openSearch:totalResults>\(count)</openSearch:totalResults><openSearch:startIndex>1</openSearch:startIndex><openSearch:itemsPerPage>25</openSearch:itemsPerPage>
                """
            for n in 0..<count {
                let post = 7_000_000 + feed * 1_000 + n
                let seconds = newest - n * 7_200 - int(3_600)
                let slug = words(3).lowercased().replacingOccurrences(of: " ", with: "-")
                out += "<entry><id>tag:blogger.com,1999:blog-\(feed).post-\(post)</id><published>\(rfc3339(seconds, fraction: true, offsetHours: offset))</published><updated>\(rfc3339(seconds + 600, fraction: true, offsetHours: offset))</updated>"
                for _ in 0..<(1 + int(4)) { out += "<category scheme='http://www.blogger.com/atom/ns#' term='\(pick(categories))'/>" }
                out += "<title type='text'>\(title())</title>"
                out += "<content type='html'>\(escaped(html(paragraphs: 1 + int(3), site: site)))</content>"
                out += "<link rel='replies' type='application/atom+xml' href='feeds/\(post)/comments/default' title='Post Comments'/><link rel='replies' type='text/html' href='2024/06/\(slug).html#comment-form' title='\(int(20)) Comments'/><link rel='edit' type='application/atom+xml' href='feeds/posts/default/\(post)'/><link rel='self' type='application/atom+xml' href='feeds/posts/default/\(post)'/><link rel='alternate' type='text/html' href='2024/06/\(slug).html' title='\(escaped(words(4)))'/>"
                out += "<author><name>\(pick(names))</name><uri>https://www.blogger.example/profile/\(feed)</uri><email>noreply@blogger.example</email></author><thr:total>\(int(20))</thr:total></entry>"
            }
            return out + "</feed>"
        }

        mutating func youtube(_ count: Int) -> String {
            let channel = "UC\(feed)x\(int(1_000_000))"
            var out = """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
                 <link rel="self" href="http://www.youtube.example/feeds/videos.xml?channel_id=\(channel)"/>
                 <id>yt:channel:\(channel)</id>
                 <yt:channelId>\(channel)</yt:channelId>
                 <title>\(words(2))</title>
                 <link rel="alternate" href="https://www.youtube.example/channel/\(channel)"/>
                 <author>
                  <name>\(words(2))</name>
                  <uri>https://www.youtube.example/channel/\(channel)</uri>
                 </author>
                 <published>\(rfc3339(newest - 400_000_000, offsetHours: 0))</published>

                """
            for n in 0..<count {
                let video = "v\(feed)_\(n)x\(int(100_000))"
                let seconds = newest - n * 86_400 - int(40_000)
                out += """
                 <entry>
                  <id>yt:video:\(video)</id>
                  <yt:videoId>\(video)</yt:videoId>
                  <yt:channelId>\(channel)</yt:channelId>
                  <title>\(escaped(words(6 + int(6))))</title>
                  <link rel="alternate" href="https://www.youtube.example/watch?v=\(video)"/>
                  <author>
                   <name>\(words(2))</name>
                   <uri>https://www.youtube.example/channel/\(channel)</uri>
                  </author>
                  <published>\(rfc3339(seconds, offsetHours: 0))</published>
                  <updated>\(rfc3339(seconds + 3_600, offsetHours: 0))</updated>
                  <media:group>
                   <media:title>\(escaped(words(6)))</media:title>
                   <media:content url="https://www.youtube.example/v/\(video)?version=3" type="application/x-shockwave-flash" width="640" height="390"/>
                   <media:thumbnail url="https://i\(int(4)).ytimg.example/vi/\(video)/hqdefault.jpg" width="480" height="360"/>
                   <media:description>\(escaped(paragraph()))</media:description>
                   <media:community>
                    <media:starRating count="\(int(5_000))" average="5.00" min="1" max="5"/>
                    <media:statistics views="\(int(1_000_000))"/>
                   </media:community>
                  </media:group>
                 </entry>

                """
            }
            return out + "</feed>\n"
        }

        mutating func rdf(_ count: Int) -> String {
            let site = "https://www.heise\(feed).example"
            var out = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel rdf:about="\(site)/">
                <title>\(words(2, german: true))</title>
                <link>\(site)/</link>
                <description>\(words(8, german: true))</description>
                <dc:language>de</dc:language>
                <items><rdf:Seq>

                """
            for n in 0..<count { out += "<rdf:li rdf:resource=\"\(site)/news/\(n).html\"/>\n" }
            out += "</rdf:Seq></items>\n</channel>\n"
            for n in 0..<count {
                out += """
                <item rdf:about="\(site)/news/\(n).html">
                <title>\(title(german: true))</title>
                <link>\(site)/news/\(n).html?wt_mc=rss.red.ho.ho.rdf.beitrag.beitrag</link>
                <description>\(escaped(paragraph(german: true)))</description>
                <dc:date>\(rfc3339(newest - n * 1_800, offsetHours: 2))</dc:date>
                <dc:subject>\(pick(categories))</dc:subject>
                <dc:creator>\(pick(names))</dc:creator>
                </item>

                """
            }
            return out + "</rdf:RDF>\n"
        }

        /// German news in ISO-8859-1: the parser transcodes before libxml2 sees it.
        mutating func latin1News(_ count: Int) -> [UInt8] {
            let site = "https://www.zeitung\(feed).example"
            var out = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
                <channel>
                <title>Nachrichten \(feed) - Schlagzeilen</title>
                <link>\(site)/</link>
                <description>Aktuelle Nachrichten aus Politik, Wirtschaft &amp; Kultur</description>
                <language>de-DE</language>
                <copyright>Zeitung \(feed) GmbH</copyright>
                <pubDate>\(rfc822(newest))</pubDate>
                <ttl>10</ttl>

                """
            for n in 0..<count {
                out += """
                <item>
                <title>\(escaped(words(6 + int(5), german: true))) &quot;\(words(2, german: true))&quot;</title>
                <link>\(site)/politik/artikel-\(feed * 10_000 + n).html</link>
                <description>\(escaped(paragraph(german: true)))</description>
                <category>\(pick(["Politik", "Wirtschaft", "Kultur", "Sport", "Panorama", "Wissen"]))</category>
                <pubDate>\(rfc822(newest - n * 900))</pubDate>
                <guid>\(site)/politik/artikel-\(feed * 10_000 + n).html</guid>
                <media:thumbnail url="\(site)/bilder/\(feed * 10_000 + n)-w320.jpg" width="320" height="180"/>
                </item>

                """
            }
            out += "</channel>\n</rss>\n"
            return out.unicodeScalars.map { $0.value < 0x100 ? UInt8($0.value) : UInt8(ascii: "?") }
        }

        mutating func minimal(_ count: Int) -> String {
            let version = pick(["0.91", "0.92"])
            var out = """
                <?xml version="1.0"?>
                <rss version="\(version)">
                <channel>
                <title>\(words(3))</title>
                <link>http://old\(feed).example.net/</link>
                <description>\(words(6))</description>
                <language>en-us</language>

                """
            for n in 0..<count {
                out += """
                <item>
                <title>\(escaped(words(5 + int(6))))</title>
                <link>http://old\(feed).example.net/stories/\(n).html</link>
                <description>\(escaped(words(20 + int(30))))</description>
                </item>

                """
            }
            return out + "</channel>\n</rss>\n"
        }
    }

    /// A deterministic GUID-shaped string.
    private static func UUIDText(_ feed: Int, _ n: Int) -> String {
        let a = String(UInt32(truncatingIfNeeded: feed &* 2_654_435_761), radix: 16)
        let b = String(UInt32(truncatingIfNeeded: n &* 40_503 &+ feed), radix: 16)
        return "\(a)-\(b)-4abc-9def-\(String(feed * 100_000 + n, radix: 16))"
    }

    /// Civil UTC fields of a Unix time.
    private struct Civil {
        var year, month, day, hour, minute, second: Int

        init(_ seconds: Int) {
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let rest = seconds - days * 86_400
            hour = rest / 3_600
            minute = rest / 60 % 60
            second = rest % 60
            // H. Hinnant's civil_from_days.
            let z = days + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let doe = z - era * 146_097
            let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153
            day = doy - (153 * mp + 2) / 5 + 1
            month = mp < 10 ? mp + 3 : mp - 9
            year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        }
    }
}
