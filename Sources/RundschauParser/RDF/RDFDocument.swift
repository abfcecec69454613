/// An RDF-based RSS document: RSS 1.0 (`http://purl.org/rss/1.0/`, RSS 1.0 specification 2000-12-06)
/// or RSS 0.90 (`http://my.netscape.com/rdf/simple/0.9/`), under an `rdf:RDF` root. Channel, image and
/// items are siblings (RSS 1.0 §5.2–§5.5).
struct RDFDocument: Sendable {
    /// Which vocabulary the channel and items are in.
    var version = RDFVersion.rss10
    /// `xml:lang` in effect on `rdf:RDF`.
    var lang: String?
    /// §5.3 `<channel rdf:about>`.
    var channel = RDFChannel()
    /// §5.4 `<image rdf:about>`.
    var image: RDFImage?
    /// §5.5 `<item rdf:about>`, in document order.
    var items: [RDFItem] = []
}

/// RSS 1.0 or RSS 0.90.
enum RDFVersion: Sendable {
    case rss10
    case rss090
}

/// RSS 1.0 §5.3 `<channel>`.
struct RDFChannel: Sendable {
    /// `rdf:about`: the URI of the channel (usually the feed's own URL).
    var about: RawString?
    /// §5.3.1 `title`.
    var title: RawString?
    /// §5.3.2 `link`: the URL of the site.
    var link: RawURL?
    /// §5.3.3 `description`.
    var description: RawString?
    /// `xml:lang` in effect on `<channel>`.
    var lang: String?
    /// Modules: Dublin Core (§ "Modules"), syndication, content.
    var extensions = ExtensionFields()
}

/// RSS 1.0 §5.4 `<image>`.
struct RDFImage: Sendable {
    /// §5.4.2 `url`.
    var url: RawURL?
    /// §5.4.1 `title`.
    var title: RawString?
    /// §5.4.3 `link`.
    var link: RawURL?
}

/// RSS 1.0 §5.5 `<item rdf:about>`.
struct RDFItem: Sendable {
    /// `rdf:about`: the item's URI (the spec suggests it equal `link`).
    var about: RawURL?
    /// §5.5.1 `title`.
    var title: RawString?
    /// §5.5.2 `link`.
    var link: RawURL?
    /// §5.5.3 `description`.
    var description: RawString?
    /// `xml:lang` in effect on `<item>`.
    var lang: String?
    /// Modules: `dc:*`, `content:encoded`, Media RSS.
    var extensions = ExtensionFields()
}
