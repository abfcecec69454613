import RundschauText
import RundschauXML

/// The element and attribute local names (and the `xml` prefix) the feed handlers look at, as the symbols the
/// XML layer reports them by: the handlers dispatch on these integers, never on strings.
///
/// A name outside this vocabulary is ``other``.
enum FeedName: Int32, Sendable {
    case other = 0
    // RSS 0.9x/2.0
    case rss, channel, item, title, link, description, language, copyright, managingEditor, webMaster
    case pubDate, lastBuildDate, ttl, category, image, url, author, comments, enclosure, guid, source
    // CDF (Microsoft's Channel Definition Format): `ABSTRACT`, the `LASTMOD` attribute
    case abstract, lastmod
    // RSS 1.0 / Atom
    case RDF, feed, entry, subtitle, tagline, rights, id, updated, modified, published, issued, created
    case summary, content, icon, logo, name, email, uri, div
    // Roots that are no feed
    case html, HTML, opml
    // Extensions
    case creator, date, subject, identifier, encoded, group, thumbnail, duration, owner
    case updatePeriod, updateFrequency
    // Attributes
    case version, domain, isPermaLink, href, rel, type, hreflang, length, term, scheme, label, src, mode
    case about, base, lang, fileSize, medium
    // The `xml` prefix
    case xml
    // Well-known prefixes feeds use without declaring them (`content:encoded` with no `xmlns:content`)
    case dc, dcterms, media, itunes, sy, atom, rdf

    /// The vocabulary by spelling.
    private static let bySpelling: [String: FeedName] = {
        let names: [(String, FeedName)] = [
            ("rss", .rss), ("channel", .channel), ("item", .item), ("title", .title), ("link", .link),
            ("description", .description), ("language", .language), ("copyright", .copyright),
            ("managingEditor", .managingEditor), ("webMaster", .webMaster), ("pubDate", .pubDate),
            ("lastBuildDate", .lastBuildDate), ("ttl", .ttl), ("category", .category), ("image", .image),
            ("url", .url), ("author", .author), ("comments", .comments), ("enclosure", .enclosure),
            ("guid", .guid), ("source", .source), ("abstract", .abstract), ("lastmod", .lastmod),
            ("RDF", .RDF), ("feed", .feed), ("entry", .entry), ("subtitle", .subtitle), ("tagline", .tagline),
            ("rights", .rights), ("id", .id), ("updated", .updated), ("modified", .modified),
            ("published", .published), ("issued", .issued), ("created", .created), ("summary", .summary),
            ("content", .content), ("icon", .icon), ("logo", .logo), ("name", .name), ("email", .email),
            ("uri", .uri), ("div", .div),
            ("html", .html), ("HTML", .HTML), ("opml", .opml),
            ("creator", .creator), ("date", .date), ("subject", .subject), ("identifier", .identifier),
            ("encoded", .encoded), ("group", .group), ("thumbnail", .thumbnail), ("duration", .duration),
            ("owner", .owner), ("updatePeriod", .updatePeriod), ("updateFrequency", .updateFrequency),
            ("version", .version), ("domain", .domain), ("isPermaLink", .isPermaLink), ("href", .href),
            ("rel", .rel), ("type", .type), ("hreflang", .hreflang), ("length", .length), ("term", .term),
            ("scheme", .scheme), ("label", .label), ("src", .src), ("mode", .mode), ("about", .about),
            ("base", .base), ("lang", .lang), ("fileSize", .fileSize), ("medium", .medium),
            ("xml", .xml),
            ("dc", .dc), ("dcterms", .dcterms), ("media", .media), ("itunes", .itunes), ("sy", .sy), ("atom", .atom),
            ("rdf", .rdf),
        ]
        return Dictionary(names, uniquingKeysWith: { first, _ in first })
    }()

    /// The vocabulary by lowercased spelling, for names written in another case (`<TITLE>`, `<PubDate>`).
    private static let byLowercase: [String: FeedName] = {
        // Sorted, so that a clash (`RDF`, `rdf`) resolves the same way every time: the upper-case spelling wins.
        Dictionary(bySpelling.sorted { $0.key < $1.key }.map { ($0.key.lowercased(), $0.value) },
                   uniquingKeysWith: { first, _ in first })
    }()

    /// The symbol for a name's UTF-8 bytes (called once per distinct name and parse). A name the vocabulary
    /// has in another case is that name: feed software (and iTunes) read element names case-insensitively.
    static func symbol(_ utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard utf8.count <= 16 else { return FeedName.other.rawValue }
        let name = String(decoding: utf8, as: UTF8.self)
        if let exact = bySpelling[name] { return exact.rawValue }
        return (byLowercase[name.lowercased()] ?? .other).rawValue
    }

    /// The vocabulary entry a symbol stands for.
    @inline(__always)
    init(symbol: Int32) {
        self = FeedName(rawValue: symbol) ?? .other
    }
}

extension XMLName {
    /// This local name in the feed vocabulary.
    @inline(__always)
    var feedName: FeedName { FeedName(symbol: symbol) }

    /// This namespace URI's classification.
    @inline(__always)
    var namespaceKind: XMLNamespace { XMLNamespace(rawValue: UInt8(truncatingIfNeeded: symbol)) ?? .other }
}

extension Optional where Wrapped == XMLName {
    /// The classification of an optional namespace URI: no namespace is ``XMLNamespace/none``.
    @inline(__always)
    var namespaceKind: XMLNamespace { self?.namespaceKind ?? .none }
}

extension XMLAttributeList {
    /// The value of the un-namespaced attribute `name`, if present.
    @inline(__always)
    func value(_ name: FeedName) -> String? { value(name.rawValue) }

    /// The trimmed value of the un-namespaced attribute `name` when it is not empty: `value(name)?.nonEmpty`,
    /// trimming ASCII white space before the string is made.
    func nonEmptyValue(_ name: FeedName) -> String? {
        guard let (bytes, settled) = trimmedRawValue(name) else { return nil }
        return settled ? XMLRawAttribute.decode(bytes) : XMLRawAttribute.decode(bytes).nonEmpty
    }

    /// The raw bytes of the un-namespaced attribute `name` with ASCII white space trimmed from both ends, `nil`
    /// when absent or blank; `settled` is false when an end is non-ASCII (it may be Unicode white space, which
    /// the decoded string's own trimming decides).
    func trimmedRawValue(_ name: FeedName) -> (bytes: UnsafeBufferPointer<UInt8>, settled: Bool)? {
        guard let raw = rawValue(name.rawValue) else { return nil }
        var start = 0
        var end = raw.count
        while start < end, raw[start].isASCIISpace { start += 1 }
        while end > start, raw[end - 1].isASCIISpace { end -= 1 }
        if start == end { return nil }
        return (UnsafeBufferPointer(rebasing: raw[start..<end]), raw[start] < 0x80 && raw[end - 1] < 0x80)
    }

    /// The value of the attribute `name` in namespace `namespace`, if present.
    @inline(__always)
    func value(_ name: FeedName, namespace: XMLNamespace) -> String? {
        value(name.rawValue, namespace: Int32(namespace.rawValue))
    }
}
