import Foundation
import RundschauText

/// Writes an ``OPMLDocument`` as well-formed OPML 2.0 (UTF-8, every attribute escaped): `rundschau opml export`
/// and the publisher's `index.opml`.
///
/// The head lists `title`, `dateCreated`, `dateModified`, `ownerName` and `docs` in that order, each when set;
/// outline attributes come as `text`, `title`, `type`, `xmlUrl`, `htmlUrl`, `description`, `language`,
/// `category`. Equal documents give equal bytes.
///
/// ```swift
/// let xml = OPMLWriter().string(from: OPMLDocument(title: "Feeds", subscriptions: list, dateCreated: Date()))
/// ```
public struct OPMLWriter: Sendable {
    /// The indentation of one nesting level.
    public var indent: String

    /// Creates a writer that indents with `indent`.
    public init(indent: String = "  ") {
        self.indent = indent
    }

    /// The document as OPML 2.0 text. Subscription outlines without `text` get their title or URL as text
    /// (OPML 2.0 requires it), and without `type` get `rss`.
    public func string(from document: OPMLDocument) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n\(indent)<head>\n"
        if let title = document.title { out += "\(indent)\(indent)<title>\(Self.escape(title))</title>\n" }
        if let date = document.dateCreated {
            out += "\(indent)\(indent)<dateCreated>\(HTTPDate.format(date))</dateCreated>\n"
        }
        if let date = document.dateModified {
            out += "\(indent)\(indent)<dateModified>\(HTTPDate.format(date))</dateModified>\n"
        }
        if let owner = document.ownerName { out += "\(indent)\(indent)<ownerName>\(Self.escape(owner))</ownerName>\n" }
        if let docs = document.docs { out += "\(indent)\(indent)<docs>\(Self.escape(docs))</docs>\n" }
        out += "\(indent)</head>\n\(indent)<body>\n"
        for outline in document.outlines { write(outline, depth: 2, into: &out) }
        out += "\(indent)</body>\n</opml>\n"
        return out
    }

    /// The document as UTF-8 bytes.
    public func data(from document: OPMLDocument) -> [UInt8] {
        Array(string(from: document).utf8)
    }

    private func write(_ outline: OPMLOutline, depth: Int, into out: inout String) {
        let pad = String(repeating: indent, count: depth)
        var attributes: [(String, String)] = []
        let text = outline.text ?? outline.title ?? outline.xmlURL ?? ""
        attributes.append(("text", text))
        if let title = outline.title { attributes.append(("title", title)) }
        if outline.isSubscription || outline.type != nil { attributes.append(("type", outline.type ?? "rss")) }
        if let xmlURL = outline.xmlURL { attributes.append(("xmlUrl", xmlURL)) }
        if let htmlURL = outline.htmlURL { attributes.append(("htmlUrl", htmlURL)) }
        if let description = outline.description { attributes.append(("description", description)) }
        if let language = outline.language { attributes.append(("language", language)) }
        if let category = outline.category { attributes.append(("category", category)) }
        out += pad + "<outline"
        for (name, value) in attributes { out += " \(name)=\"\(Self.escape(value))\"" }
        if outline.children.isEmpty {
            out += "/>\n"
        } else {
            out += ">\n"
            for child in outline.children { write(child, depth: depth + 1, into: &out) }
            out += pad + "</outline>\n"
        }
    }

    /// Escapes markup characters and line breaks, and drops characters XML 1.0 forbids.
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let value = scalar.value
                let legal = value >= 0x20 && !(0xD800...0xDFFF).contains(value) && value != 0xFFFE && value != 0xFFFF
                if legal { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
