import Foundation

/// Writes `index.html`: a small page listing the feeds with subscribe links. It is valid HTML5 and, written
/// in XML syntax, also well-formed XML; it carries no wall-clock time, so unchanged feeds leave it unchanged.
enum IndexPageWriter {
    static func write(_ feeds: [PublishedFeedSummary], configuration: PublishConfiguration) -> [UInt8] {
        let language = LanguageTag.clean(configuration.language) ?? "en"
        let words = Words(german: language.lowercased().hasPrefix("de"))
        var out = XMLOutput(capacity: 2048 + feeds.count * 400)
        out.raw("<!DOCTYPE html>\n<html")
        out.attribute("lang", language)
        out.raw(">\n<head>\n<meta charset=\"utf-8\" />\n")
        out.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
        out.element("", "<title>", configuration.siteTitle, "</title>\n")
        for feed in feeds {
            out.raw("<link rel=\"alternate\" type=\"application/atom+xml\"")
            out.attribute("title", feed.title)
            out.attribute("href", configuration.feedURL(slug: feed.slug))
            out.raw(" />\n")
        }
        out.raw("<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}")
        out.raw("li{margin:.6rem 0}.meta{color:#555;font-size:.9rem}.tag{font-size:.75rem;border:1px solid #999;border-radius:3px;padding:0 .3rem}</style>\n")
        out.raw("</head>\n<body>\n")
        out.element("", "<h1>", configuration.siteTitle, "</h1>\n")
        if let subtitle = configuration.siteSubtitle, !subtitle.isEmpty { out.element("", "<p>", subtitle, "</p>\n") }
        out.element("", "<p>", words.intro, "</p>\n")
        out.raw("<ul>\n")
        for feed in feeds {
            out.raw("<li><a")
            out.attribute("href", feed.slug + ".atom")
            out.raw(">")
            out.text(feed.title)
            out.raw("</a>")
            if feed.isDiscovered {
                out.raw(" <span class=\"tag\">")
                out.text(words.discovered)
                out.raw("</span>")
            }
            if let subtitle = feed.subtitle, !subtitle.isEmpty {
                out.raw("<br />")
                out.text(subtitle)
            }
            out.raw("<br /><span class=\"meta\">")
            out.text(words.entries(feed.entryCount))
            if let updated = feed.updated {
                out.text(" · " + words.updated + " ")
                out.raw("<time")
                out.attribute("datetime", AtomDate.rfc3339(updated))
                out.raw(">")
                out.text(AtomDate.day(updated))
                out.raw("</time>")
            }
            if !feed.terms.isEmpty {
                out.text(" · " + feed.terms.prefix(12).joined(separator: ", "))
            }
            if feed.archivePages > 0 {
                out.text(" · ")
                out.raw("<a")
                out.attribute("href", AtomFeedWriter.archiveFileName(slug: feed.slug, page: 1))
                out.raw(">")
                out.text(words.archive)
                out.raw("</a>")
            }
            out.raw("</span></li>\n")
        }
        out.raw("</ul>\n<p><a href=\"index.opml\">")
        out.text(words.opml)
        out.raw("</a></p>\n")
        out.raw("<p class=\"meta\">")
        out.text(configuration.generator.name)
        if let version = configuration.generator.version { out.text(" " + version) }
        out.raw("</p>\n</body>\n</html>\n")
        return out.bytes
    }

    private struct Words {
        let german: Bool
        var intro: String {
            german ? "Atom-Feeds zum Abonnieren: die Adresse eines Feeds in den Feedreader kopieren."
                : "Atom feeds to subscribe to: copy a feed's address into your feed reader."
        }
        var discovered: String { german ? "entdeckt" : "discovered" }
        var updated: String { german ? "aktualisiert" : "updated" }
        var archive: String { german ? "Archiv" : "archive" }
        var opml: String { german ? "Alle Feeds als OPML-Liste" : "All feeds as an OPML list" }
        func entries(_ count: Int) -> String {
            german ? (count == 1 ? "1 Eintrag" : "\(count) Einträge") : (count == 1 ? "1 entry" : "\(count) entries")
        }
    }
}
