/// The syndication format a document was written in, detected from its content.
public enum FeedFormat: String, Codable, Sendable, CaseIterable {
    /// RSS 2.0 (also 0.92–0.94 documents that declare `version="2.0"`-compatible elements).
    case rss20
    /// RSS 1.0, the RDF-based format (`rdf:RDF` root in the `http://purl.org/rss/1.0/` vocabulary).
    case rss10
    /// RSS 0.90 (RDF-based, `http://my.netscape.com/rdf/simple/0.9/`), 0.91, 0.92, 0.93 and 0.94
    /// (Netscape/UserLand).
    case rss09x
    /// Atom 1.0, RFC 4287.
    case atom10
    /// The pre-standard Atom 0.3 draft.
    case atom03
    /// Microsoft's Channel Definition Format (1997): a `CHANNEL` root with `ITEM`s (`HREF`, `LASTMOD`, `TITLE`,
    /// `ABSTRACT`), read by the RSS reader; also a `channel` root without its `rss` wrapper.
    case cdf
    /// JSON Feed 1.0 and 1.1.
    case jsonfeed
    /// Plain-text dumps imported by `rundschau import`.
    case textdump
}
