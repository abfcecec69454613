import RundschauText

/// What a fetched body looks like, from its first bytes.
///
/// Servers label feeds as `text/html`, `text/plain` or `application/octet-stream` often enough that the label is only
/// a hint: sniffing decides whether to parse the body as a feed or to look in it for `<link rel="alternate">`.
public enum ContentKind: String, Sendable, Hashable {
    /// An XML document whose root is `rss`, `feed` or `rdf:RDF`.
    case xmlFeed
    /// A JSON document that mentions `jsonfeed.org`.
    case jsonFeed
    /// An HTML page.
    case html
    /// Other XML (not a known feed root).
    case xml
    /// Empty, binary or unrecognized.
    case unknown

    /// Sniffs `body` with the package's one sniffer (``DocumentSniffer``), falling back on `contentType` when
    /// the bytes do not decide. Stricter than the parser about JSON: a JSON body counts as a feed only when it
    /// names `jsonfeed.org` (or is labelled `application/feed+json`), since a subscription needs more certainty
    /// than an attempt to parse.
    public static func sniff(_ body: [UInt8], contentType: String? = nil) -> ContentKind {
        switch DocumentSniffer.sniff(body) {
        case .json:
            let head = String(decoding: body.prefix(4096), as: UTF8.self).lowercased()
            return head.contains("jsonfeed.org") || contentType == "application/feed+json" ? .jsonFeed : .unknown
        case .html:
            return .html
        case .markup:
            guard let (name, wide) = DocumentSniffer.firstElementName(body) else { return fallback(contentType) }
            switch name {
            case "rss", "feed", "rdf", "channel": return .xmlFeed
            case "html", "head", "body":
                // A feed inside an XHTML page is read by the parser as a feed.
                return DocumentSniffer.containsFeedRoot(body, wide: wide) ? .xmlFeed : .html
            default:
                // A fragment (`<div>…`) served as HTML is a page; any other first element is plain XML.
                return contentType == "text/html" || contentType == "application/xhtml+xml" ? .html : .xml
            }
        case .empty, .binary, .text:
            return fallback(contentType)
        }
    }

    private static func fallback(_ contentType: String?) -> ContentKind {
        switch contentType {
        case "text/html", "application/xhtml+xml": return .html
        case "application/feed+json": return .jsonFeed
        default: return .unknown
        }
    }
}
