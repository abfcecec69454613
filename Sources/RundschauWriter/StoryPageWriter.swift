import Foundation
import RundschauText

/// Writes the web pages: `<slug>.html` per topic and `index.html`, the front page (every story, then the list
/// of feeds with subscribe links).
///
/// A page shows the same stories as the feed's subscription document (the newest
/// ``PublishConfiguration/maxEntries``, newest first, each once): headline (linked), teaser, time, topics and
/// the coverage — every outlet's article with the outlet's name, time and link, copies folded under their
/// original, "and N more" past ``maxCoverage``. Pages are static HTML5 in XML syntax (so also well-formed XML),
/// with inline CSS for light and dark (`prefers-color-scheme`), no JavaScript and nothing loaded from elsewhere;
/// every text is escaped on the way in (`XMLOutput`) and only absolute `http(s)` links are written. No wall clock:
/// unchanged stories give unchanged bytes.
enum StoryPageWriter {
    /// Original articles shown per story; the rest are counted ("and N more").
    static let maxCoverage = 6
    /// Copies shown under one original.
    static let maxCopies = 3
    /// Teasers longer than this many characters are cut at a word boundary.
    static let maxTeaser = 320

    /// A feed as the pages link to it.
    struct Nav {
        var slug: String
        var title: String
        /// The category term entries carry for this topic.
        var term: String
    }

    /// The page of one feed (at most `limit` stories: the count its Atom feed holds); for the feed of everything (`all`) the front page, with `feeds` listed after the
    /// stories.
    static func write(
        _ feed: PublicationFeed, entries: [PublicationEntry], limit: Int? = nil, nav: [Nav], feeds: [PublishedFeedSummary],
        healthPage: Bool = false, configuration: PublishConfiguration
    ) -> [UInt8] {
        let isFront = feed.slug == "all"
        let order = AtomFeedWriter.newestFirstIndices(entries).prefix(min(configuration.maxEntries, limit ?? .max))
        let language = LanguageTag.clean(feed.language) ?? LanguageTag.clean(configuration.language)
            ?? dominantLanguage(order.map { entries[$0] }) ?? "en"
        let words = Words(german: language.lowercased().hasPrefix("de"))
        var out = XMLOutput(capacity: 8192 + order.count * 1500)

        out.raw("<!DOCTYPE html>\n<html")
        out.attribute("lang", language)
        out.raw(">\n<head>\n<meta charset=\"utf-8\" />\n")
        out.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
        out.raw("<meta name=\"color-scheme\" content=\"light dark\" />\n")
        out.element("", "<title>", isFront ? configuration.siteTitle : "\(feed.title) – \(configuration.siteTitle)", "</title>\n")
        if let subtitle = isFront ? configuration.siteSubtitle : feed.subtitle, !subtitle.isEmpty {
            out.raw("<meta name=\"description\"")
            out.attribute("content", subtitle)
            out.raw(" />\n")
        }
        // Autodiscovery: this page's feeds first, then (front page) every other feed.
        for summary in isFront ? feeds : feeds.filter({ $0.slug == feed.slug }) {
            alternate(&out, type: "application/atom+xml", title: summary.title, href: configuration.feedURL(slug: summary.slug))
            alternate(&out, type: "application/feed+json", title: summary.title + " (JSON Feed)",
                      href: configuration.jsonFeedURL(slug: summary.slug))
        }
        out.raw("<style>")
        out.raw(css)
        out.raw("</style>\n</head>\n<body>\n")

        // Header: the site, the page's title, the topics.
        out.raw("<header>\n")
        if !isFront {
            out.raw("<p class=\"site\"><a href=\"index.html\">")
            out.text(configuration.siteTitle)
            out.raw("</a></p>\n")
        }
        out.element("", "<h1>", isFront ? configuration.siteTitle : feed.title, "</h1>\n")
        if let subtitle = isFront ? configuration.siteSubtitle : feed.subtitle, !subtitle.isEmpty {
            out.element("", "<p class=\"sub\">", subtitle, "</p>\n")
        }
        out.raw("<nav")
        out.attribute("aria-label", words.topics)
        out.raw("><ul>\n")
        navLink(&out, href: "index.html", title: words.allStories, current: isFront)
        for item in nav { navLink(&out, href: PublishConfiguration.pageFileName(slug: item.slug), title: item.title, current: item.slug == feed.slug) }
        if isFront { navLink(&out, href: "#feeds", title: words.subscribe, current: false) }
        out.raw("</ul></nav>\n</header>\n<main>\n")

        // The stories.
        if isFront { out.element("", "<h2 class=\"section\">", words.latest, "</h2>\n") }
        if order.isEmpty { out.element("", "<p class=\"empty\">", words.noStories, "</p>\n") }
        let pages = Dictionary(nav.map { ($0.term, $0) }, uniquingKeysWith: { first, _ in first })
        for index in order {
            story(entries[index], pageLanguage: language, topics: pages, words: words, to: &out)
        }

        // Front page: every feed with its subscribe links (the former index page).
        if isFront {
            out.raw("<section id=\"feeds\" class=\"feeds\" aria-labelledby=\"feeds-title\">\n")
            out.element("", "<h2 class=\"section\" id=\"feeds-title\">", words.subscribe, "</h2>\n")
            out.element("", "<p>", words.intro, "</p>\n<ul>\n")
            for summary in feeds { feedItem(summary, words: words, to: &out) }
            out.raw("</ul>\n<p><a href=\"index.opml\">")
            out.text(words.opml)
            out.raw("</a></p>\n")
            if healthPage {
                out.raw("<p><a href=\"feeds.html\">")
                out.text(words.sources)
                out.raw("</a></p>\n")
            }
            out.raw("</section>\n")
        }
        out.raw("</main>\n<footer>\n")
        if !isFront {
            out.raw("<p>")
            out.text(words.subscribeTo + " ")
            out.raw("<a")
            out.attribute("href", feed.slug + ".atom")
            out.raw(">Atom</a> · <a")
            out.attribute("href", feed.slug + ".json")
            out.raw(">JSON Feed</a> · <a href=\"index.opml\">")
            out.text(words.opmlShort)
            out.raw("</a></p>\n")
        }
        out.raw("<p>")
        out.text(configuration.generator.name)
        if let version = configuration.generator.version { out.text(" " + version) }
        out.raw("</p>\n</footer>\n</body>\n</html>\n")
        return out.bytes
    }

    /// The language most of `entries` are in (ties: the alphabetically first), when none was configured: the
    /// page's `lang` and the words around the stories follow it; stories in another language carry their own `lang`.
    static func dominantLanguage(_ entries: [PublicationEntry]) -> String? {
        var counts: [String: Int] = [:]
        for entry in entries {
            guard let tag = LanguageTag.clean(entry.language) else { continue }
            let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? tag.lowercased()
            counts[primary, default: 0] += 1
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    private static func alternate(_ out: inout XMLOutput, type: StaticString, title: String, href: String) {
        out.raw("<link rel=\"alternate\" type=\"")
        out.raw(type)
        out.raw("\"")
        out.attribute("title", title)
        out.attribute("href", href)
        out.raw(" />\n")
    }

    private static func navLink(_ out: inout XMLOutput, href: String, title: String, current: Bool) {
        out.raw("<li><a")
        out.attribute("href", href)
        if current { out.raw(" aria-current=\"page\"") }
        out.raw(">")
        out.text(title)
        out.raw("</a></li>\n")
    }

    private static func story(
        _ entry: PublicationEntry, pageLanguage: String, topics: [String: Nav], words: Words, to out: inout XMLOutput
    ) {
        out.raw("<article class=\"story\"")
        out.attribute("id", "s-" + StableHash.hex(StableHash.value(of: entry.id)))
        out.attribute("data-id", entry.id)
        if let language = LanguageTag.clean(entry.language), language.lowercased() != pageLanguage.lowercased() {
            out.attribute("lang", language)
        }
        out.raw(">\n<h2>")
        if let link = entry.link.flatMap({ IRI.absolute($0, schemes: AtomFeedWriter.webSchemes) }) {
            out.raw("<a")
            out.attribute("href", link)
            out.raw(">")
            out.text(entry.title)
            out.raw("</a>")
        } else {
            out.text(entry.title)
        }
        out.raw("</h2>\n<p class=\"meta\">")
        time(&out, entry.published ?? entry.updated)
        if let published = entry.published, AtomDate.seconds(entry.updated) - AtomDate.seconds(published) >= 60 {
            out.text(" · " + words.updated + " ")
            time(&out, entry.updated)
        }
        var seen: Set<String> = []
        for category in entry.categories where seen.insert(category.term).inserted {
            out.raw(" · ")
            if let page = topics[category.term] {
                out.raw("<a class=\"topic\"")
                out.attribute("href", PublishConfiguration.pageFileName(slug: page.slug))
                out.raw(">")
                out.text(page.title)
                out.raw("</a>")
            } else {
                out.raw("<span class=\"topic\">")
                out.text(category.label ?? category.term)
                out.raw("</span>")
            }
        }
        out.raw("</p>\n")
        if let teaser = teaser(entry), !teaser.isEmpty { out.element("", "<p class=\"teaser\">", teaser, "</p>\n") }

        // Coverage: shown when there is more than the story's own article.
        let coverage = coverage(of: entry)
        let total = coverage.reduce(0) { $0 + 1 + $1.copies.count }
        if total > 1 {
            out.raw("<section class=\"coverage\">\n<h3>")
            out.text(words.coverage(total))
            out.raw("</h3>\n<ul>\n")
            for item in coverage.prefix(maxCoverage) {
                out.raw("<li>")
                coverageLine(item, pageLanguage: pageLanguage, to: &out)
                if !item.copies.isEmpty {
                    out.raw("\n<ul class=\"copies\">\n")
                    for copy in item.copies.prefix(maxCopies) {
                        out.raw("<li>")
                        out.text(words.copy + " ")
                        coverageLine(copy, pageLanguage: pageLanguage, to: &out)
                        out.raw("</li>\n")
                    }
                    if item.copies.count > maxCopies {
                        out.element("", "<li class=\"more\">", words.more(item.copies.count - maxCopies), "</li>\n")
                    }
                    out.raw("</ul>\n")
                }
                out.raw("</li>\n")
            }
            let hidden = coverage.dropFirst(maxCoverage).reduce(0) { $0 + 1 + $1.copies.count }
            if hidden > 0 { out.element("", "<li class=\"more\">", words.more(hidden), "</li>\n") }
            out.raw("</ul>\n</section>\n")
        }
        out.raw("</article>\n")
    }

    /// `Outlet: Title (time)`, the title linked when there is an absolute http(s) link.
    private static func coverageLine(_ item: PublicationEntry.CoverageItem, pageLanguage: String, to out: inout XMLOutput) {
        if let outlet = item.outlet?.trimmingWhitespaceAndControls(), !outlet.isEmpty {
            out.raw("<span class=\"src\">")
            out.text(outlet)
            out.raw("</span>: ")
        }
        let title = item.title.trimmingWhitespaceAndControls()
        let language = LanguageTag.clean(item.language).flatMap { $0.lowercased() == pageLanguage.lowercased() ? nil : $0 }
        if let link = item.link.flatMap({ IRI.absolute($0, schemes: AtomFeedWriter.webSchemes) }) {
            out.raw("<a")
            out.attribute("href", link)
            if let language { out.attribute("hreflang", language); out.attribute("lang", language) }
            out.raw(">")
            out.text(title.isEmpty ? link : title)
            out.raw("</a>")
        } else {
            out.raw("<span")
            if let language { out.attribute("lang", language) }
            out.raw(">")
            out.text(title)
            out.raw("</span>")
        }
        if let published = item.published {
            out.raw(" ")
            time(&out, published)
        }
    }

    private static func time(_ out: inout XMLOutput, _ date: Date) {
        out.raw("<time")
        out.attribute("datetime", AtomDate.rfc3339(date))
        out.raw(">")
        out.text(AtomDate.minute(date))
        out.raw("</time>")
    }

    /// The entry's coverage, or, when the glue gave none, its own article and the related links.
    static func coverage(of entry: PublicationEntry) -> [PublicationEntry.CoverageItem] {
        if !entry.coverage.isEmpty { return entry.coverage }
        guard entry.link != nil || !entry.related.isEmpty else { return [] }
        var items: [PublicationEntry.CoverageItem] = []
        if entry.link != nil || entry.source?.title != nil {
            items.append(.init(title: entry.title, link: entry.link, outlet: entry.source?.title, published: entry.published,
                               language: entry.language))
        }
        for related in entry.related {
            items.append(.init(title: related.title ?? "", link: related.href, outlet: related.outlet, published: related.published,
                               language: related.language))
        }
        return items.count > 1 ? items : []
    }

    /// Plain text, at most ``maxTeaser`` characters, cut at a word boundary.
    static func teaser(_ entry: PublicationEntry) -> String? {
        let text = entry.teaser.map(HTMLText.collapseWhitespace)
            ?? entry.summary.map { HTMLText.plainText(fromHTML: $0.html) }
            ?? entry.content.map { HTMLText.plainText(fromHTML: $0.html) }
        guard var text, !text.isEmpty else { return nil }
        if text.count > maxTeaser {
            let cut = text.prefix(maxTeaser)
            let end = cut.lastIndex(of: " ") ?? cut.endIndex
            text = cut[..<end].trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)) + " …"
        }
        return text
    }

    private static func feedItem(_ feed: PublishedFeedSummary, words: Words, to out: inout XMLOutput) {
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
        out.raw("<br /><span class=\"meta\"><a")
        out.attribute("href", feed.slug + ".json")
        out.raw(">JSON Feed</a> · <a")
        out.attribute("href", PublishConfiguration.pageFileName(slug: feed.slug))
        out.raw(">")
        out.text(words.page)
        out.raw("</a> · ")
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

    /// Light and dark, phone and desktop; system fonts only.
    static let css: StaticString = """
        :root{color-scheme:light dark;--bg:#fcfcfb;--fg:#1c1d1f;--muted:#5b5f66;--line:#dcdee3;--accent:#0b57d0;--chip:#eceff3}\
        @media (prefers-color-scheme:dark){:root{--bg:#141619;--fg:#e7e8eb;--muted:#a3a8b0;--line:#343840;--accent:#8ab4f8;--chip:#252a31}}\
        *{box-sizing:border-box}\
        body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}\
        header,main,footer{max-width:46rem;margin:0 auto;padding-left:1rem;padding-right:1rem}\
        header{padding-top:1.4rem;padding-bottom:.4rem}\
        a{color:var(--accent)}\
        .site{margin:0;font-size:.9rem;font-weight:600}.site a{text-decoration:none}\
        h1{margin:.2rem 0 .2rem;font-size:1.75rem;line-height:1.2}\
        .sub{margin:0 0 .4rem;color:var(--muted)}\
        nav ul{list-style:none;margin:.7rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}\
        nav a{display:inline-block;padding:.2rem .7rem;border-radius:999px;background:var(--chip);color:var(--fg);text-decoration:none;font-size:.9rem}\
        nav a[aria-current]{background:var(--accent);color:var(--bg)}\
        main{border-top:1px solid var(--line);margin-top:.8rem}\
        .section{font-size:.85rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:1.2rem 0 0}\
        .story{padding:1.1rem 0;border-bottom:1px solid var(--line)}\
        .story h2{font-size:1.25rem;line-height:1.3;margin:0 0 .3rem;overflow-wrap:anywhere}\
        .story h2 a{color:inherit;text-decoration:none}.story h2 a:hover,.story h2 a:focus{text-decoration:underline}\
        .meta{color:var(--muted);font-size:.85rem;margin:0 0 .4rem}.meta time{white-space:nowrap}\
        .topic{color:var(--muted)}\
        .teaser{margin:.35rem 0 .5rem}\
        .coverage h3{font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:.7rem 0 .2rem}\
        .coverage ul{margin:0;padding-left:1.1rem;font-size:.92rem;overflow-wrap:anywhere}\
        .coverage li{margin:.2rem 0}\
        .coverage time{color:var(--muted);font-size:.85em;white-space:nowrap}\
        .copies{color:var(--muted)}.copies li{font-size:.92em}\
        .src{font-weight:600}\
        .more{list-style:none;color:var(--muted);font-style:italic}\
        .feeds ul{padding-left:1.1rem}.feeds li{margin:.6rem 0}\
        .tag{font-size:.75rem;border:1px solid var(--muted);border-radius:3px;padding:0 .3rem}\
        .empty{color:var(--muted)}\
        footer{color:var(--muted);font-size:.9rem;padding-top:1.2rem;padding-bottom:2.5rem}
        """

    private struct Words {
        let german: Bool
        var intro: String {
            german ? "Atom- und JSON-Feeds zum Abonnieren: die Adresse eines Feeds in den Feedreader kopieren."
                : "Atom and JSON feeds to subscribe to: copy a feed's address into your feed reader."
        }
        var topics: String { german ? "Themen" : "Topics" }
        var allStories: String { german ? "Alle Meldungen" : "All stories" }
        var latest: String { german ? "Neueste Meldungen" : "Latest stories" }
        var noStories: String { german ? "Noch keine Meldungen." : "No stories yet." }
        var subscribe: String { german ? "Feeds abonnieren" : "Subscribe" }
        var subscribeTo: String { german ? "Abonnieren:" : "Subscribe:" }
        var discovered: String { german ? "entdeckt" : "discovered" }
        var updated: String { german ? "aktualisiert" : "updated" }
        var archive: String { german ? "Archiv" : "archive" }
        var page: String { german ? "Seite" : "page" }
        var copy: String { german ? "Kopie:" : "copy:" }
        var opml: String { german ? "Alle Feeds als OPML-Liste" : "All feeds as an OPML list" }
        var sources: String { german ? "Quellen und ihr Zustand" : "Sources and their health" }
        var opmlShort: String { german ? "alle Feeds (OPML)" : "all feeds (OPML)" }
        func entries(_ count: Int) -> String {
            german ? (count == 1 ? "1 Eintrag" : "\(count) Einträge") : (count == 1 ? "1 entry" : "\(count) entries")
        }
        func coverage(_ count: Int) -> String {
            german ? (count == 1 ? "Berichterstattung: 1 Artikel" : "Berichterstattung: \(count) Artikel")
                : (count == 1 ? "Coverage: 1 article" : "Coverage: \(count) articles")
        }
        func more(_ count: Int) -> String { german ? "und \(count) weitere" : "and \(count) more" }
    }
}
