import Foundation

/// A feed advertised by an HTML page with `<link rel="alternate" type="…" href="…">`.
public struct DiscoveredFeed: Sendable, Hashable {
    /// The absolute feed URL (resolved against `<base href>` and the page URL).
    public var url: URL
    /// `application/rss+xml`, `application/atom+xml` or `application/feed+json`.
    public var type: String
    /// The link's `title`, when given.
    public var title: String?

/// Creates a discovered feed.
    public init(url: URL, type: String, title: String? = nil) {
        self.url = url
        self.type = type
        self.title = title
    }
}

/// Feed autodiscovery: finds the feeds an HTML page links to.
///
/// The scanning is a seam: by default ``builtInScanner`` (a small pure-Swift `<link>` tag scanner, see
/// ``scanLinkTags(_:pageURL:)``) is used; the glue can pass a scanner built on RundschauXML's `HTMLLinkScanner`
/// instead. Either way ``discover(html:pageURL:)`` keeps only the feed types, drops duplicates and keeps document
/// order (the page's first feed is usually its main one).
/// ```swift
/// let feeds = FeedDiscovery().discover(html: response.body, pageURL: response.finalURL)
/// ```
public struct FeedDiscovery: Sendable {
    /// Finds the alternate feed links of a page, already resolved to absolute URLs.
    public typealias Scanner = @Sendable (_ html: [UInt8], _ pageURL: URL) -> [DiscoveredFeed]

    /// The `type` values that mark a feed link.
    public static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json"]

    /// The default scanner: ``scanLinkTags(_:pageURL:)``.
    public static let builtInScanner: Scanner = { html, pageURL in scanLinkTags(html, pageURL: pageURL) }

    private let scanner: Scanner

/// Creates a discovery that finds link tags with `scanner`.
    public init(scanner: @escaping Scanner = FeedDiscovery.builtInScanner) {
        self.scanner = scanner
    }

    /// The feeds `html` (fetched from `pageURL`) advertises, in document order, without duplicates.
    public func discover(html: [UInt8], pageURL: URL) -> [DiscoveredFeed] {
        var seen: Set<URL> = []
        return scanner(html, pageURL).filter { feed in
            guard Self.feedTypes.contains(feed.type.lowercased()) else { return false }
            guard let scheme = feed.url.scheme?.lowercased() else { return false }
            // A web page may point at web feeds only; a local page may also point at local files.
            let allowed = scheme == "http" || scheme == "https" || (scheme == "file" && pageURL.isFileURL)
            return allowed && seen.insert(feed.url).inserted
        }
    }

    /// A tolerant, linear-time scanner for `<link>` and `<base>` tags in HTML bytes; no regular expressions.
    ///
    /// It walks the bytes once: skips comments, `<script>`, `<style>`, `<template>` and `<textarea>` contents, and
    /// for `<link …>` and `<base …>` tags reads attributes (double-, single- or un-quoted, names case-insensitive,
    /// the common character references decoded). The first `<base href>` sets the base for relative `href`s.
    /// A `rel` that lists `alternate` among its tokens and a feed `type` (parameters ignored) make a match.
    /// The whole document is scanned, not only `<head>`: some sites put their links in `<body>`.
    public static func scanLinkTags(_ html: [UInt8], pageURL: URL) -> [DiscoveredFeed] {
        var links: [[String: String]] = []
        var base = pageURL
        var sawBase = false
        var index = 0
        let count = html.count
        while index < count {
            guard html[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if matches(html, at: index, "<!--") {
                index = find(html, "-->", from: index + 4).map { $0 + 3 } ?? count
                continue
            }
            let nameStart = index + 1
            var nameEnd = nameStart
            while nameEnd < count, isNameByte(html[nameEnd]) { nameEnd += 1 }
            let name = String(decoding: html[nameStart..<nameEnd], as: UTF8.self).lowercased()
            guard !name.isEmpty else {
                index += 1
                continue
            }
            let (attributes, tagEnd) = readAttributes(html, from: nameEnd)
            index = tagEnd
            switch name {
            case "link":
                links.append(attributes)
            case "base" where !sawBase:
                if let href = attributes["href"], let resolved = FeedFetcher.resolve(href, against: pageURL) {
                    base = resolved
                    sawBase = true
                }
            case "script", "style", "template", "textarea", "title":
                // Raw text: skip to the matching end tag.
                index = find(html, "</\(name)", from: index, caseInsensitive: true) ?? count
            default:
                break
            }
        }
        var feeds: [DiscoveredFeed] = []
        for attributes in links {
            let rels = (attributes["rel"] ?? "").lowercased().split(whereSeparator: \.isWhitespace)
            guard rels.contains("alternate"), let href = attributes["href"], !href.isEmpty else { continue }
            let type = (attributes["type"] ?? "").split(separator: ";").first
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard feedTypes.contains(type), let url = FeedFetcher.resolve(href, against: base) else { continue }
            let title = attributes["title"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            feeds.append(DiscoveredFeed(url: url, type: type, title: title?.isEmpty == false ? title : nil))
        }
        return feeds
    }

    // MARK: Byte helpers

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ literal: String, caseInsensitive: Bool = false) -> Bool {
        var position = index
        for expected in literal.utf8 {
            guard position < bytes.count else { return false }
            let actual = caseInsensitive ? lower(bytes[position]) : bytes[position]
            guard actual == expected else { return false }
            position += 1
        }
        return true
    }

    /// The index of the next occurrence of the ASCII `literal`; linear in the distance scanned.
    private static func find(_ bytes: [UInt8], _ literal: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        guard let first = literal.utf8.first else { return nil }
        var index = start
        while index < bytes.count {
            let byte = caseInsensitive ? lower(bytes[index]) : bytes[index]
            if byte == first && matches(bytes, at: index, literal, caseInsensitive: caseInsensitive) { return index }
            index += 1
        }
        return nil
    }

    /// Reads `name=value` pairs up to the tag's `>` (quotes respected); returns them and the index after `>`.
    private static func readAttributes(_ bytes: [UInt8], from start: Int) -> ([String: String], Int) {
        var attributes: [String: String] = [:]
        var index = start
        let count = bytes.count
        while index < count {
            while index < count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < count else { break }
            if bytes[index] == UInt8(ascii: ">") { return (attributes, index + 1) }
            let nameStart = index
            while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                  bytes[index] != UInt8(ascii: ">"), !(bytes[index] == UInt8(ascii: "/") && index > nameStart) {
                index += 1
            }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            while index < count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < count, isSpace(bytes[index]) { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    var valueEnd = valueStart
                    while valueEnd < count, bytes[valueEnd] != quote { valueEnd += 1 }
                    value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                    index = min(count, valueEnd + 1)
                } else {
                    let valueStart = index
                    while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            if !name.isEmpty, attributes[name] == nil { attributes[name] = decodeReferences(value) }
        }
        return (attributes, count)
    }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#39;` and `&#x…;` style references.
    static func decodeReferences(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var out = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let entity = after[..<semicolon]
            var decoded: String?
            switch entity {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if entity.hasPrefix("#") {
                    decoded = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        out += rest
        return out
    }
}
