/// The namespaces the feed handlers understand, classified once per distinct URI.
enum XMLNamespace: UInt8, Sendable {
    /// No namespace, or one of the namespaces some RSS 2.0 feeds declare for their core elements.
    case none
    /// Atom 1.0, RFC 4287 (`http://www.w3.org/2005/Atom`).
    case atom10
    /// The Atom 0.3 draft (`http://purl.org/atom/ns#`).
    case atom03
    /// RSS 1.0 core (`http://purl.org/rss/1.0/`).
    case rss10
    /// RSS 0.90 (`http://my.netscape.com/rdf/simple/0.9/`).
    case rss090
    /// RDF syntax (`rdf:RDF`, `rdf:about`).
    case rdf
    /// Dublin Core elements 1.1.
    case dc
    /// DCMI terms (`dcterms:modified`).
    case dcterms
    /// RSS 1.0 content module (`content:encoded`).
    case content
    /// Media RSS.
    case media
    /// Apple's iTunes podcast tags.
    case itunes
    /// RSS 1.0 syndication module (`sy:updatePeriod`).
    case sy
    /// XHTML, inside Atom `type="xhtml"` text constructs.
    case xhtml
    /// The XML namespace itself (`xml:base`, `xml:lang`).
    case xml
    /// Anything else: ignored.
    case other

    /// The RDF syntax namespace URI.
    static let rdfURI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    /// Classifies a namespace URI (case-insensitively, ignoring a `https` scheme or a missing trailing slash
    /// where feeds are known to vary).
    static func classify(_ uri: String) -> XMLNamespace {
        var key = uri.lowercased()
        if key.hasPrefix("https://") { key = "http://" + key.dropFirst(8) }
        if key.hasSuffix("/") { key.removeLast() }
        switch key {
        case "http://www.w3.org/2005/atom": return .atom10
        case "http://purl.org/atom/ns#": return .atom03
        case "http://purl.org/rss/1.0": return .rss10
        case "http://my.netscape.com/rdf/simple/0.9": return .rss090
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": return .rdf
        case "http://purl.org/dc/elements/1.1": return .dc
        case "http://purl.org/dc/terms": return .dcterms
        case "http://purl.org/rss/1.0/modules/content": return .content
        case "http://search.yahoo.com/mrss": return .media
        case "http://www.itunes.com/dtds/podcast-1.0.dtd": return .itunes
        case "http://purl.org/rss/1.0/modules/syndication": return .sy
        case "http://www.w3.org/1999/xhtml": return .xhtml
        case "http://www.w3.org/xml/1998/namespace": return .xml
        case "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss",
             "http://backend.userland.com/rss": return .none
        default: return .other
        }
    }

    /// The namespace a well-known prefix stands for when a feed uses it without declaring it
    /// (`<content:encoded>` with no `xmlns:content`, common in podcast feeds); `nil` for other prefixes.
    static func undeclared(prefix: FeedName) -> XMLNamespace? {
        switch prefix {
        case .content: return .content
        case .dc: return .dc
        case .dcterms: return .dcterms
        case .media: return .media
        case .itunes: return .itunes
        case .sy: return .sy
        case .atom: return .atom10
        case .rdf: return .rdf
        default: return nil
        }
    }
}
