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

    /// How many bytes from the start are looked at.
    static let window = 4096

    /// Sniffs `body`, falling back on `contentType` when the bytes do not decide.
    public static func sniff(_ body: [UInt8], contentType: String? = nil) -> ContentKind {
        var start = 0
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < body.count, [0x20, 0x09, 0x0A, 0x0D].contains(body[start]) { start += 1 }
        let end = min(body.count, start + window)
        guard start < end else { return .unknown }
        // UTF-16 documents: look at the low bytes only (ASCII markup survives).
        var bytes = Array(body[start..<end])
        if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 || bytes.starts(with: [0xFF, 0xFE])
            || bytes.starts(with: [0xFE, 0xFF]) {
            bytes = bytes.filter { $0 != 0 && $0 != 0xFF && $0 != 0xFE }
        }
        let head = String(decoding: bytes, as: UTF8.self).lowercased()
        if head.hasPrefix("{") {
            return head.contains("jsonfeed.org") ? .jsonFeed : .unknown
        }
        if head.hasPrefix("<") {
            // Skip the XML declaration, comments, processing instructions and DOCTYPE to the first element.
            var rest = Substring(head)
            while let open = rest.firstIndex(of: "<") {
                let tag = rest[open...]
                if tag.hasPrefix("<?") || tag.hasPrefix("<!--") {
                    let terminator = tag.hasPrefix("<?") ? "?>" : "-->"
                    guard let close = tag.range(of: terminator) else { break }
                    rest = tag[close.upperBound...]
                    continue
                }
                if tag.hasPrefix("<!doctype") {
                    if tag.hasPrefix("<!doctype html") { return .html }
                    guard let close = tag.firstIndex(of: ">") else { break }
                    rest = tag[tag.index(after: close)...]
                    continue
                }
                let name = tag.dropFirst().prefix { !" \t\r\n>/".contains($0) }
                let local = name.split(separator: ":").last.map(String.init) ?? ""
                switch local {
                case "rss", "feed", "rdf", "channel": return .xmlFeed
                case "html", "head", "body": return .html
                default:
                    // A fragment (`<div>…`) served as HTML is a page; any other first element is plain XML.
                    return contentType == "text/html" || contentType == "application/xhtml+xml" ? .html : .xml
                }
            }
        }
        switch contentType {
        case "text/html", "application/xhtml+xml": return .html
        case "application/feed+json": return .jsonFeed
        default: return .unknown
        }
    }
}
