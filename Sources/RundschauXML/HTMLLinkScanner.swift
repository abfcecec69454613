private import CLibXML2

/// A feed that a web page advertises with `<link rel="alternate" type="application/rss+xml" href="…">`.
public struct HTMLFeedLink: Sendable, Hashable {
    /// The feed's URL, resolved against the page's `<base href>` and URL where they are known.
    public var href: String
    /// The media type, lowercased and without parameters (`application/rss+xml`, `application/atom+xml`,
    /// `application/feed+json`).
    public var type: String?
    /// The link's `title` with white space collapsed, if it has one.
    public var title: String?

    public init(href: String, type: String? = nil, title: String? = nil) {
        self.href = href
        self.type = type
        self.title = title
    }
}

/// Reads web pages with libxml2's forgiving HTML parser (no network, errors silenced, recover mode).
public enum HTMLLinkScanner {
    /// The media types that mark an alternate link as a feed.
    public static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json"]

    /// The feeds a page links to (feed autodiscovery), in document order, each URL once.
    ///
    /// Collects every `<link>` whose `rel` has the token `alternate` and whose `type` is one of ``feedTypes``.
    /// The head is where they belong, but libxml2, like a browser, moves a `<link>` that follows body content
    /// (a stray `<div>` in the head) into the body, so the whole document is searched.
    /// - Parameters:
    ///   - html: the page's bytes; libxml2 honours a `<meta charset>` and otherwise assumes UTF-8.
    ///   - baseURL: the page's URL, for relative links; a `<base href>` in the page is resolved against it.
    public static func alternateFeedLinks(in html: [UInt8], baseURL: String?) -> [HTMLFeedLink] {
        guard !html.isEmpty, html.count <= Int(Int32.max) else { return [] }
        xmlInitParser()
        let flags = HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_RECOVER.rawValue
        let document = html.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, nil, Int32(flags))
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }

        var pageBase = baseURL
        var sawBase = false
        var found: [HTMLFeedLink] = []
        forEachElement(below: xmlDocGetRootElement(document)) { node, name in
            if name == "base", !sawBase, let href = attribute(node, "href")?.trimmingASCIISpace, !href.isEmpty {
                sawBase = true  // only the first <base href> counts, and it applies to the whole page
                pageBase = resolve(href, against: baseURL)
            } else if name == "link", let link = feedLink(node) {
                found.append(link)
            }
        }
        var seen = Set<String>()
        return found.compactMap { link in
            let href = resolve(link.href, against: pageBase)
            guard seen.insert(href).inserted else { return nil }
            return HTMLFeedLink(href: href, type: link.type, title: link.title)
        }
    }

    /// The link an element advertises, `href` not yet resolved; nil for anything but a feed alternate.
    private static func feedLink(_ node: xmlNodePtr) -> HTMLFeedLink? {
        guard let rel = attribute(node, "rel"),
              rel.lowercased().split(whereSeparator: \.isASCIISpace).contains("alternate"),
              let rawType = attribute(node, "type"),
              case let type = String(rawType.lowercased().prefix { $0 != ";" }).trimmingASCIISpace,
              feedTypes.contains(type),
              let href = attribute(node, "href")?.trimmingASCIISpace, !href.isEmpty else { return nil }
        let title = attribute(node, "title").map { $0.split(whereSeparator: \.isASCIISpace).joined(separator: " ") }
        return HTMLFeedLink(href: href, type: type, title: title?.isEmpty == false ? title : nil)
    }

    /// Visits the element nodes of a subtree in document order (iteratively: pages can nest deeply).
    private static func forEachElement(below root: xmlNodePtr?, _ visit: (xmlNodePtr, String) -> Void) {
        var node = root
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, let name = current.pointee.name {
                visit(current, String(cString: name).lowercased())
            }
            if current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
                node = child
                continue
            }
            var climb: xmlNodePtr? = current
            node = nil
            while let up = climb, up != root {
                if let next = up.pointee.next {
                    node = next
                    break
                }
                climb = up.pointee.parent
            }
        }
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { clibxml2_free(value) }
        return String(cString: value)
    }

    /// `href` resolved by RFC 3986 (libxml2's `xmlBuildURI`); unchanged when there is no base or it fails.
    private static func resolve(_ href: String, against base: String?) -> String {
        guard let base, !base.isEmpty else { return href }
        for candidate in [href, href.replacingSpaces] {
            if let built = xmlBuildURI(candidate, base) {
                defer { clibxml2_free(built) }
                return String(cString: built)
            }
        }
        return href
    }
}

extension Character {
    fileprivate var isASCIISpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\u{0C}" }
}

extension String {
    fileprivate var trimmingASCIISpace: String {
        String(drop(while: \.isASCIISpace).reversed().drop(while: \.isASCIISpace).reversed())
    }

    fileprivate var replacingSpaces: String {
        split(separator: " ", omittingEmptySubsequences: false).joined(separator: "%20")
    }
}
