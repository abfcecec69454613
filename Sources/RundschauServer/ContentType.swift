/// Media types of the files in the output folder, by extension.
enum ContentType {
    /// The `Content-Type` for a file name; `application/octet-stream` for unknown extensions.
    static func forFile(_ name: String) -> String {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "atom": return "application/atom+xml; charset=utf-8"
        case "opml": return "text/x-opml; charset=utf-8"
        case "html", "htm": return "text/html; charset=utf-8"
        case "xml", "xsl": return "application/xml; charset=utf-8"
        case "rss": return "application/rss+xml; charset=utf-8"
        // The publisher's only JSON files are JSON Feeds (https://jsonfeed.org/version/1.1, "MIME type").
        case "json": return "application/feed+json"
        case "txt": return "text/plain; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "png": return "image/png"
        case "svg": return "image/svg+xml"
        case "ico": return "image/x-icon"
        default: return "application/octet-stream"
        }
    }

    /// Whether gzip is worth it for this media type.
    static func isCompressible(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/") || contentType.hasPrefix("application/atom+xml") || contentType.hasPrefix("application/xml")
            || contentType.hasPrefix("application/rss+xml") || contentType.hasPrefix("application/json")
            || contentType.hasPrefix("application/feed+json") || contentType.hasPrefix("image/svg+xml")
    }
}
