import Foundation
import RundschauModel
import RundschauText

/// Writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1) documents next to the Atom feeds: the same entries
/// (the newest ``PublishConfiguration/maxEntries``, newest first), the same ids, titles, links, dates, authors
/// and topics, byte for byte the same for the same input (fixed key order, no wall clock).
///
/// - `version`, `title`, `home_page_url` (the feed's web page), `feed_url` (`<slug>.json`), `description`,
///   `language`, `authors` (the publisher), `hubs` (the WebSub hub, when configured), `items`.
/// - Items: `id` (the Atom entry id), `url` (the article), `title`, `content_html` (sanitized; the summary, else
///   the escaped title, when there is no content, since an item needs one), `summary` (plain text),
///   `date_published`, `date_modified` (RFC 3339), `authors`, `tags` (topic slugs), `language` when it
///   differs from the feed's.
///
/// ```swift
/// let bytes = JSONFeedWriter(configuration: configuration).write(feed, entries: entries)   // <slug>.json
/// ```
public struct JSONFeedWriter: Sendable {
    /// Base URL, author, entry limit and hub.
    public var configuration: PublishConfiguration

    /// The version URL every document declares.
    public static let version = "https://jsonfeed.org/version/1.1"

    /// Creates a writer for one installation's settings.
    public init(configuration: PublishConfiguration) {
        self.configuration = configuration
    }

    /// The JSON Feed of `feed`: the newest ``PublishConfiguration/maxEntries`` of `entries` (one per id), at most
    /// `limit` of them (the publisher passes the Atom feed's count, so both carry the same entries), fewer when
    /// they would not fit in ``PublishConfiguration/maxFeedBytes``.
    public func write(_ feed: PublicationFeed, entries: [PublicationEntry], limit: Int? = nil) -> [UInt8] {
        let ordered = AtomFeedWriter.newestFirstIndices(entries)
        let count = min(ordered.count, configuration.maxEntries, limit ?? .max)
        return AtomFeedWriter.fitting(configuration.maxFeedBytes, count: count) { count in
            render(feed, entries: entries, order: ordered.prefix(count))
        }.bytes
    }

    private func render(_ feed: PublicationFeed, entries: [PublicationEntry], order: ArraySlice<Int>) -> [UInt8] {
        let feedLanguage = LanguageTag.clean(feed.language)
        var out = JSONOutput()
        out.raw("{\n  \"version\": ")
        out.string(Self.version)
        out.raw(",\n  \"title\": ")
        out.string(feed.title)
        out.raw(",\n  \"home_page_url\": ")
        out.string(configuration.pageURL(slug: feed.slug))
        out.raw(",\n  \"feed_url\": ")
        out.string(configuration.jsonFeedURL(slug: feed.slug))
        if let subtitle = feed.subtitle, !subtitle.isEmpty {
            out.raw(",\n  \"description\": ")
            out.string(subtitle)
        }
        if let feedLanguage {
            out.raw(",\n  \"language\": ")
            out.string(feedLanguage)
        }
        if let author = person(configuration.author) ?? person(Person(name: configuration.siteTitle)) {
            out.raw(",\n  \"authors\": [")
            out.raw(author)
            out.raw("]")
        }
        if let hub = configuration.webSubHub.flatMap({ IRI.absolute($0, schemes: AtomFeedWriter.webSchemes) }) {
            out.raw(",\n  \"hubs\": [{\"type\": \"WebSub\", \"url\": ")
            out.string(hub)
            out.raw("}]")
        }
        out.raw(",\n  \"items\": [")
        var first = true
        for index in order {
            out.raw(first ? "\n" : ",\n")
            first = false
            item(entries[index], feedLanguage: feedLanguage, to: &out)
        }
        out.raw(first ? "]\n}\n" : "\n  ]\n}\n")
        return out.bytes
    }

    private func item(_ entry: PublicationEntry, feedLanguage: String?, to out: inout JSONOutput) {
        out.raw("    {\"id\": ")
        out.string(IRI.absolute(entry.id) ?? configuration.tag("entry/" + entry.id))
        if let url = entry.link.flatMap({ IRI.absolute($0, schemes: AtomFeedWriter.webSchemes) }) {
            out.raw(",\n     \"url\": ")
            out.string(url)
        }
        out.raw(",\n     \"title\": ")
        out.string(entry.title)
        // An item needs content_html or content_text.
        let content = entry.content.flatMap { $0.isEmpty ? nil : $0.html }
            ?? entry.summary.flatMap { $0.isEmpty ? nil : $0.html } ?? HTMLEscape.text(entry.title)
        out.raw(",\n     \"content_html\": ")
        out.string(content)
        if let summary = entry.summary.map({ HTMLText.plainText(fromHTML: $0.html) }), !summary.isEmpty {
            out.raw(",\n     \"summary\": ")
            out.string(summary)
        }
        if let published = entry.published {
            out.raw(",\n     \"date_published\": ")
            out.string(AtomDate.rfc3339(published))
        }
        out.raw(",\n     \"date_modified\": ")
        out.string(AtomDate.rfc3339(entry.updated))
        let authors = entry.authors.compactMap(person)
        if !authors.isEmpty {
            out.raw(",\n     \"authors\": [")
            out.raw(authors.joined(separator: ", "))
            out.raw("]")
        }
        var seen: Set<String> = []
        let tags = entry.categories.map { $0.term.trimmingWhitespaceAndControls() }.filter { !$0.isEmpty && seen.insert($0).inserted }
        if !tags.isEmpty {
            out.raw(",\n     \"tags\": [")
            for (index, tag) in tags.enumerated() {
                if index > 0 { out.raw(", ") }
                out.string(tag)
            }
            out.raw("]")
        }
        if let language = LanguageTag.clean(entry.language), language != feedLanguage {
            out.raw(",\n     \"language\": ")
            out.string(language)
        }
        out.raw("}")
    }

    /// `{"name": …, "url": …}`, or `nil` without a name or email; an email becomes a `mailto:` URL.
    private func person(_ person: Person) -> String? {
        let email = person.email.map { $0.trimmingWhitespaceAndControls() }.flatMap { $0.contains("@") ? $0 : nil }
        let name = person.name.map { $0.trimmingWhitespaceAndControls() }.flatMap { $0.isEmpty ? nil : $0 } ?? email
        guard let name else { return nil }
        var out = JSONOutput()
        out.raw("{\"name\": ")
        out.string(name)
        if let url = person.uri.flatMap({ IRI.absolute($0) }) ?? email.map({ "mailto:" + $0 }) {
            out.raw(", \"url\": ")
            out.string(url)
        }
        out.raw("}")
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// A UTF-8 byte buffer for JSON with string escaping (RFC 8259 §7): `"`, `\`, TAB, LF and CR escaped, U+2028 and
/// U+2029 too (so the text is also valid JavaScript); the other C0 controls, DEL, the C1 controls and
/// U+FFFE/U+FFFF are dropped, as in the Atom feeds, so both formats carry the same text.
struct JSONOutput {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most text needs no escaping: copy it whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": raw("\\\"")
            case "\\": raw("\\\\")
            case "\n": raw("\\n")
            case "\r": raw("\\r")
            case "\t": raw("\\t")
            case "\u{2028}": raw("\\u2028")
            case "\u{2029}": raw("\\u2029")
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF {
                    continue
                } else {
                    bytes.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
