/// Resolves relative references against one absolute `http(s)` base URL (RFC 3986 §5.2), without Foundation:
/// the sanitizer resolves every link and image of an article against the article's address.
struct URLResolver: Sendable {
    /// `https:`
    private let scheme: String
    /// `//host:port`
    private let authority: String
    /// `/a/b.html`
    private let path: String
    /// `?x=1`, or empty.
    private let query: String

    /// `nil` unless `base` is an absolute `http(s)` URL with an authority.
    init?(base: String) {
        guard let absolute = IRI.absolute(base, schemes: ["http", "https"]), let colon = absolute.firstIndex(of: ":") else { return nil }
        scheme = absolute[...colon].lowercased()
        var rest = absolute[absolute.index(after: colon)...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        guard rest.hasPrefix("//") else { return nil }
        let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
        let authorityEnd = rest[afterSlashes...].firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        authority = String(rest[..<authorityEnd])
        let remainder = rest[authorityEnd...]
        let queryStart = remainder.firstIndex(of: "?") ?? remainder.endIndex
        let basePath = String(remainder[..<queryStart])
        path = basePath.isEmpty ? "/" : basePath
        query = String(remainder[queryStart...])
    }

    /// The absolute form of `reference`, which has no scheme.
    func resolve(_ reference: String) -> String {
        if reference.hasPrefix("//") {
            let (refPath, tail) = Self.split(reference.dropFirst(2).drop { $0 != "/" && $0 != "?" && $0 != "#" })
            let authorityPart = reference.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return scheme + "//" + authorityPart + Self.removeDotSegments(refPath) + tail
        }
        let (refPath, tail) = Self.split(Substring(reference))
        if refPath.isEmpty {
            // Only a query and/or fragment.
            return scheme + authority + path + (tail.hasPrefix("?") ? tail : query + tail)
        }
        if refPath.hasPrefix("/") { return scheme + authority + Self.removeDotSegments(refPath) + tail }
        // Merge with the base path's directory (RFC 3986 §5.2.3).
        let directory = path[...(path.lastIndex(of: "/") ?? path.startIndex)]
        return scheme + authority + Self.removeDotSegments(directory + refPath) + tail
    }

    /// The path part and the rest (`?query#fragment`).
    private static func split(_ reference: Substring) -> (String, String) {
        let end = reference.firstIndex { $0 == "?" || $0 == "#" } ?? reference.endIndex
        return (String(reference[..<end]), String(reference[end...]))
    }

    /// RFC 3986 §5.2.4: `.` and `..` segments removed.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let absolute = path.hasPrefix("/")
        for (index, segment) in segments.enumerated() {
            if index == 0 && absolute { continue }
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return (absolute ? "/" : "") + output.joined(separator: "/")
    }
}
