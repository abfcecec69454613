import RundschauText
import Foundation

/// One subscription as `feeds.html` shows it: a plain value the glue fills from the store.
public struct SubscriptionHealth: Sendable, Hashable {
    /// The health of a subscription.
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// Fetched on schedule, the last attempt succeeded (or it was never fetched yet).
        case active
        /// Several attempts in a row failed; backing off.
        case failing
        /// The server said 410 Gone; never fetched again.
        case gone
        /// An imported dump file, not fetched.
        case dump
    }

    /// The feed's title, if known.
    public var title: String?
    /// The subscription URL (`file://` or `dump:` for dumps).
    public var url: String
    /// The site the feed belongs to.
    public var siteLink: String?
    /// Its health.
    public var state: State
    /// When it was last fetched successfully (200 or 304).
    public var lastSuccess: Date?
    /// When it was last fetched at all.
    public var lastFetched: Date?
    /// The last failure, one line.
    public var lastError: String?
    /// Failures in a row.
    public var consecutiveErrors: Int
    /// When it is due again; `nil`: never (gone, dumps).
    public var nextFetch: Date?

    /// Creates a row.
    public init(
        title: String?, url: String, siteLink: String? = nil, state: State, lastSuccess: Date? = nil, lastFetched: Date? = nil,
        lastError: String? = nil, consecutiveErrors: Int = 0, nextFetch: Date? = nil
    ) {
        self.title = title
        self.url = url
        self.siteLink = siteLink
        self.state = state
        self.lastSuccess = lastSuccess
        self.lastFetched = lastFetched
        self.lastError = lastError
        self.consecutiveErrors = consecutiveErrors
        self.nextFetch = nextFetch
    }
}

/// Writes `feeds.html`: every subscription with its state, last success, last error and next fetch — failing
/// and gone ones first, then by title. Same page frame as the other pages (inline CSS, light and dark, no
/// JavaScript); the dates come from the store, never from the clock, so the page changes only when a fetch does.
enum FeedHealthPage {
    static func write(_ subscriptions: [SubscriptionHealth], nav: [StoryPageWriter.Nav], configuration: PublishConfiguration) -> [UInt8] {
        let language = LanguageTag.clean(configuration.language) ?? "en"
        let german = language.lowercased().hasPrefix("de")
        func word(_ de: String, _ en: String) -> String { german ? de : en }
        // Problems first: failing, gone, active with recent errors; then healthy feeds and dumps.
        func rank(_ row: SubscriptionHealth) -> Int {
            switch row.state {
            case .failing: return 0
            case .gone: return 1
            case .active: return row.consecutiveErrors > 0 ? 2 : 3
            case .dump: return 4
            }
        }
        let sorted = subscriptions.sorted { a, b in
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            let left = (a.title ?? a.url).lowercased(), right = (b.title ?? b.url).lowercased()
            return left != right ? left < right : a.url < b.url
        }
        var counts: [SubscriptionHealth.State: Int] = [:]
        for subscription in subscriptions { counts[subscription.state, default: 0] += 1 }

        var out = XMLOutput(capacity: 4096 + subscriptions.count * 600)
        out.raw("<!DOCTYPE html>\n<html")
        out.attribute("lang", language)
        out.raw(">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
        out.raw("<meta name=\"color-scheme\" content=\"light dark\" />\n<meta name=\"robots\" content=\"noindex\" />\n")
        let title = word("Quellen", "Sources")
        out.element("", "<title>", "\(title) – \(configuration.siteTitle)", "</title>\n")
        out.raw("<style>")
        out.raw(StoryPageWriter.css)
        out.raw("header,main,footer{max-width:68rem}.ok{color:#1e8e3e}.bad{color:#d93025}.off{color:var(--muted)}")
        out.raw("table{border-collapse:collapse;width:100%;font-size:.88rem}th,td{text-align:left;vertical-align:top;padding:.45rem .4rem;border-bottom:1px solid var(--line);overflow-wrap:break-word}td:first-child{min-width:13rem}td time{white-space:nowrap}")
        out.raw("th{color:var(--muted);font-weight:600}.url{color:var(--muted);font-size:.85em}")
        out.raw("@media (max-width:40rem){thead{display:none}tr,td{display:block}td{border:0;padding:.1rem 0}tr{border-bottom:1px solid var(--line);padding:.5rem 0}td[data-label]::before{content:attr(data-label) \": \";color:var(--muted)}td:first-child{min-width:0}}")
        out.raw("</style>\n</head>\n<body>\n<header>\n<p class=\"site\"><a href=\"index.html\">")
        out.text(configuration.siteTitle)
        out.raw("</a></p>\n")
        out.element("", "<h1>", title, "</h1>\n")
        var line = "\(subscriptions.count) " + word("Abonnements", "subscriptions")
        for state in SubscriptionHealth.State.allCases where (counts[state] ?? 0) > 0 {
            line += " · \(counts[state] ?? 0) " + label(state, german: german)
        }
        out.element("", "<p class=\"sub\">", line, "</p>\n")
        out.raw("<nav")
        out.attribute("aria-label", word("Themen", "Topics"))
        out.raw("><ul>\n<li><a href=\"index.html\">")
        out.text(word("Alle Meldungen", "All stories"))
        out.raw("</a></li>\n")
        for item in nav {
            out.raw("<li><a")
            out.attribute("href", PublishConfiguration.pageFileName(slug: item.slug))
            out.raw(">")
            out.text(item.title)
            out.raw("</a></li>\n")
        }
        out.raw("<li><a href=\"feeds.html\" aria-current=\"page\">")
        out.text(title)
        out.raw("</a></li>\n</ul></nav>\n</header>\n<main>\n<table>\n<thead><tr>")
        let headings = [word("Quelle", "Source"), word("Zustand", "State"), word("Zuletzt erfolgreich", "Last success"),
                        word("Letzter Fehler", "Last error"), word("Nächster Abruf", "Next fetch")]
        for heading in headings { out.element("", "<th scope=\"col\">", heading, "</th>") }
        out.raw("</tr></thead>\n<tbody>\n")
        for subscription in sorted {
            out.raw("<tr")
            out.attribute("class", "state-" + subscription.state.rawValue)
            out.raw("><td>")
            let name = subscription.title.map { $0.trimmingWhitespaceAndControls() }.flatMap { $0.isEmpty ? nil : $0 } ?? subscription.url
            if let site = subscription.siteLink.flatMap({ IRI.absolute($0, schemes: AtomFeedWriter.webSchemes) }) {
                out.raw("<a")
                out.attribute("href", site)
                out.raw(">")
                out.text(name)
                out.raw("</a>")
            } else {
                out.text(name)
            }
            if name != subscription.url {
                out.raw("<br /><span class=\"url\">")
                out.text(subscription.url)
                out.raw("</span>")
            }
            out.raw("</td>")
            cell(&out, headings[1]) {
                let style: StaticString = subscription.state == .failing || subscription.consecutiveErrors > 0 ? "bad"
                    : subscription.state == .active ? "ok" : "off"
                $0.raw("<span class=\"")
                $0.raw(style)
                $0.raw("\">")
                var text = label(subscription.state, german: german)
                if subscription.consecutiveErrors > 0 { text += " (\(subscription.consecutiveErrors)×)" }
                $0.text(text)
                $0.raw("</span>")
            }
            cell(&out, headings[2]) { time(&$0, subscription.lastSuccess) }
            cell(&out, headings[3]) { $0.text(subscription.lastError.map { String($0.prefix(300)) } ?? "–") }
            cell(&out, headings[4]) { time(&$0, subscription.nextFetch) }
            out.raw("</tr>\n")
        }
        out.raw("</tbody>\n</table>\n</main>\n<footer>\n<p>")
        out.text(configuration.generator.name)
        if let version = configuration.generator.version { out.text(" " + version) }
        out.raw("</p>\n</footer>\n</body>\n</html>\n")
        return out.bytes
    }

    private static func cell(_ out: inout XMLOutput, _ label: String, _ body: (inout XMLOutput) -> Void) {
        out.raw("<td")
        out.attribute("data-label", label)
        out.raw(">")
        body(&out)
        out.raw("</td>")
    }

    private static func time(_ out: inout XMLOutput, _ date: Date?) {
        guard let date else { out.text("–"); return }
        out.raw("<time")
        out.attribute("datetime", AtomDate.rfc3339(date))
        out.raw(">")
        out.text(AtomDate.minute(date))
        out.raw("</time>")
    }

    static func label(_ state: SubscriptionHealth.State, german: Bool) -> String {
        switch state {
        case .active: return german ? "aktiv" : "active"
        case .failing: return german ? "gestört" : "failing"
        case .gone: return german ? "entfernt (410)" : "gone (410)"
        case .dump: return german ? "Import" : "dump"
        }
    }
}
