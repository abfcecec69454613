@testable import RundschauParser
import Testing

/// The byte-level resolver gives exactly what the original string-based one gave, over many generated
/// references and bases.
@Suite struct URLResolverEquivalenceTests {
    static let pieces = [
        "", "g", "./", "../", "/", "//h", "//h:8080", "?q", "?", "#f", "#", ";x", ".", "..", "a/b", "c.html", "x:y",
        "g.", ".g", "a//b", "%20", "ä", "/./", "/../", "..g", "?a=b&c=d", "#x/y", "http:", "mailto:", "~u",
    ]
    static let bases = [
        "http://a/b/c/d;p?q", "https://ex.com", "https://ex.com/", "/a/b/", "a/b", "http://a", "file:///x/y",
        "//host/p", "?q", "#f", "https://ex.com/feed.xml?x=1#top", "tag:x", "http://a/b/../c/./d", "relative",
        "https://wire1.example/", "http://h/ä/ö", "x:", "https://a.b/c/",
    ]

    @Test func matchesTheStringImplementation() {
        var state: UInt64 = 0x1234_5678
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var checked = 0
        for base in Self.bases {
            for _ in 0..<400 {
                var reference = ""
                for _ in 0..<(1 + next(4)) { reference += Self.pieces[next(Self.pieces.count)] }
                if next(10) == 0 { reference = "  " + reference + " " }
                let expected = LegacyURLResolver.resolve(reference, against: base)
                let actual = URLResolver.resolve(reference, against: base)
                #expect(actual == expected, "\(reference) against \(base)")
                checked += 1
            }
        }
        #expect(checked > 5000)
    }
}

/// The string-based resolver before the byte-level rewrite: the oracle the rewrite is checked against.
///
/// Used for `xml:base` chains (XML Base §4.2: each `xml:base` is itself resolved against the base in effect
/// on its parent) and for every link a feed gives. A reference that already has a scheme is returned as it
/// is (trimmed); a relative reference against a relative base yields the best relative result.
enum LegacyURLResolver {
    /// Resolves `reference` against `base`; `nil` for an empty reference. Without a base the trimmed
    /// reference is returned unchanged.
    static func resolve(_ reference: String, against base: String?) -> String? {
        let reference = reference.trimmed
        guard !reference.isEmpty else { return base?.nonEmpty }
        if hasScheme(reference) { return reference }
        guard let base, !base.isEmpty else { return reference }
        let r = Components(reference)
        let b = Components(base)
        var target = Components()
        target.scheme = b.scheme
        if let authority = r.authority {
            target.authority = authority
            target.path = removeDotSegments(r.path)
            target.query = r.query
        } else {
            target.authority = b.authority
            if r.path.isEmpty {
                target.path = b.path
                target.query = r.query ?? b.query
            } else {
                if r.path.hasPrefix("/") {
                    target.path = removeDotSegments(r.path)
                } else {
                    target.path = removeDotSegments(merge(base: b, path: r.path))
                }
                target.query = r.query
            }
        }
        target.fragment = r.fragment
        return target.description
    }

    /// True when `url` starts with an absolute `http:` or `https:` URL.
    static func isAbsoluteHTTP(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// True when `reference` begins with `scheme:` (RFC 3986 §3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )).
    static func hasScheme(_ reference: String) -> Bool {
        var first = true
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if first { return false }
            case UInt8(ascii: ":"):
                return !first
            default:
                return false
            }
            first = false
        }
        return false
    }

    /// RFC 3986 §5.2.3.
    private static func merge(base: Components, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return base.path[...slash] + path
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let absolute = path.hasPrefix("/")
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var trailingSlash = false
        for (index, segment) in segments.enumerated() {
            if index == 0 && absolute { continue }
            let last = index == segments.count - 1
            switch segment {
            case ".":
                trailingSlash = last
            case "..":
                if !output.isEmpty { output.removeLast() }
                trailingSlash = last
            default:
                output.append(segment)
                trailingSlash = false
            }
        }
        var result = (absolute ? "/" : "") + output.joined(separator: "/")
        if trailingSlash && !result.hasSuffix("/") { result += "/" }
        return result
    }

    /// The five components of RFC 3986 §3.
    private struct Components: CustomStringConvertible {
        var scheme: String?
        var authority: String?
        var path = ""
        var query: String?
        var fragment: String?

        init() {}

        init(_ text: String) {
            var rest = Substring(text)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            if LegacyURLResolver.hasScheme(String(rest)), let colon = rest.firstIndex(of: ":") {
                scheme = String(rest[..<colon])
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
                let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[afterSlashes..<end])
                rest = rest[end...]
            }
            path = String(rest)
        }

        var description: String {
            var out = ""
            if let scheme { out += scheme + ":" }
            if let authority { out += "//" + authority }
            out += path
            if let query { out += "?" + query }
            if let fragment { out += "#" + fragment }
            return out
        }
    }
}
