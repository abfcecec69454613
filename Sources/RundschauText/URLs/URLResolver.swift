/// Resolves URL references against a base, as RFC 3986 §5.2 describes, without Foundation.
///
/// The one resolver of the package. The parser uses it for `xml:base` chains (XML Base §4.2: each `xml:base` is
/// itself resolved against the base in effect on its parent) and for every link a feed gives; the writer's
/// sanitizer for every link and image of an article, against the article's address. A reference that already
/// has a scheme is returned as it is (trimmed); a relative reference against a relative base yields the best
/// relative result.
public enum URLResolver {
    /// Resolves `reference` against `base`; `nil` for an empty reference. Without a base the trimmed
    /// reference is returned unchanged.
    public static func resolve(_ reference: String, against base: String?) -> String? {
        var reference = reference.trimmed
        guard !reference.isEmpty else { return base?.nonEmpty }
        if hasScheme(reference) { return reference }
        guard var base, !base.isEmpty else { return reference }
        return reference.withUTF8 { r in base.withUTF8 { b in resolve(r, against: b) } }
    }

    /// RFC 3986 §5.2.2 over UTF-8 bytes; `r` has no scheme.
    private static func resolve(_ r: UnsafeBufferPointer<UInt8>, against b: UnsafeBufferPointer<UInt8>) -> String {
        let rp = Parts(r)
        let bp = Parts(b)
        if let direct = resolveWithoutDotSegments(r, rp, b, bp) { return direct }
        var out: [UInt8] = []
        out.reserveCapacity(r.count + b.count + 4)
        func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        }
        if let scheme = bp.scheme {
            append(b, scheme)
            out.append(UInt8(ascii: ":"))
        }
        var query: (UnsafeBufferPointer<UInt8>, Range<Int>)?
        if let authority = rp.authority {
            out.append(contentsOf: "//".utf8)
            append(r, authority)
            appendPath(UnsafeBufferPointer(rebasing: r[rp.path]), to: &out)
            query = rp.query.map { (r, $0) }
        } else {
            if let authority = bp.authority {
                out.append(contentsOf: "//".utf8)
                append(b, authority)
            }
            if rp.path.isEmpty {
                append(b, bp.path)
                query = rp.query.map { (r, $0) } ?? bp.query.map { (b, $0) }
            } else {
                if r[rp.path.lowerBound] == UInt8(ascii: "/") {
                    appendPath(UnsafeBufferPointer(rebasing: r[rp.path]), to: &out)
                } else {
                    // §5.2.3 merge: the base path up to its last `/`, then the reference path.
                    var merged: [UInt8] = []
                    merged.reserveCapacity(bp.path.count + rp.path.count + 1)
                    let basePath = UnsafeBufferPointer(rebasing: b[bp.path])
                    if bp.authority != nil && basePath.isEmpty {
                        merged.append(UInt8(ascii: "/"))
                    } else if let slash = basePath.lastIndex(of: UInt8(ascii: "/")) {
                        merged.append(contentsOf: UnsafeBufferPointer(rebasing: basePath[...slash]))
                    }
                    merged.append(contentsOf: UnsafeBufferPointer(rebasing: r[rp.path]))
                    merged.withUnsafeBufferPointer { appendPath($0, to: &out) }
                }
                query = rp.query.map { (r, $0) }
            }
        }
        if let (bytes, range) = query {
            out.append(UInt8(ascii: "?"))
            append(bytes, range)
        }
        if let fragment = rp.fragment {
            out.append(UInt8(ascii: "#"))
            append(r, fragment)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The common case of ``resolve(_:against:)``, written straight into the result: no dot segment to remove.
    /// `nil` when there is one.
    private static func resolveWithoutDotSegments(
        _ r: UnsafeBufferPointer<UInt8>, _ rp: Parts, _ b: UnsafeBufferPointer<UInt8>, _ bp: Parts
    ) -> String? {
        typealias Piece = (UnsafeBufferPointer<UInt8>, Range<Int>)
        // The target's path is one or two pieces: the reference's path, or the base path up to its last `/`
        // (or "/" for an authority with an empty path) then the reference's path.
        var pathPrefix: Piece?
        var slashPrefix = false
        var path: Piece
        var query: Piece?
        let authority: Piece?
        // Whether §5.2.4 applies to the path (it does to every path but the base's, taken as it is).
        var removesDotSegments = true
        if let referenceAuthority = rp.authority {
            authority = (r, referenceAuthority)
            path = (r, rp.path)
            query = rp.query.map { (r, $0) }
        } else {
            authority = bp.authority.map { (b, $0) }
            if rp.path.isEmpty {
                // The base path as it is: no dot segments are removed from it here (nor in the general case).
                path = (b, bp.path)
                removesDotSegments = false
                query = rp.query.map { (r, $0) } ?? bp.query.map { (b, $0) }
            } else {
                path = (r, rp.path)
                query = rp.query.map { (r, $0) }
                if r[rp.path.lowerBound] != UInt8(ascii: "/") {
                    let basePath = UnsafeBufferPointer(rebasing: b[bp.path])
                    if bp.authority != nil && basePath.isEmpty {
                        slashPrefix = true
                    } else if let slash = basePath.lastIndex(of: UInt8(ascii: "/")) {
                        pathPrefix = (b, bp.path.lowerBound..<(bp.path.lowerBound + slash + 1))
                    }
                }
            }
            if let (bytes, range) = pathPrefix, hasDotSegment(UnsafeBufferPointer(rebasing: bytes[range])) { return nil }
        }
        if removesDotSegments && hasDotSegment(UnsafeBufferPointer(rebasing: path.0[path.1])) { return nil }
        // At most eleven pieces: scheme, ":", "//", authority, "/", path prefix, path, "?", query, "#", fragment.
        return withUnsafeTemporaryAllocation(of: Piece.self, capacity: 11) { pieces -> String in
            var count = 0
            var capacity = 0
            func add(_ piece: Piece) {
                pieces[count] = piece
                count += 1
                capacity += piece.1.count
            }
            func literal(_ text: StaticString) -> Piece {
                (UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount), 0..<text.utf8CodeUnitCount)
            }
            if let scheme = bp.scheme {
                add((b, scheme))
                add(literal(":"))
            }
            if let authority {
                add(literal("//"))
                add(authority)
            }
            if slashPrefix { add(literal("/")) }
            if let pathPrefix { add(pathPrefix) }
            add(path)
            if let query {
                add(literal("?"))
                add(query)
            }
            if let fragment = rp.fragment {
                add(literal("#"))
                add((r, fragment))
            }
            return String(unsafeUninitializedCapacity: capacity) { out in
                var offset = 0
                for (bytes, range) in pieces[0..<count] where !range.isEmpty {
                    guard let source = bytes.baseAddress, let target = out.baseAddress else { continue }
                    (target + offset).update(from: source + range.lowerBound, count: range.count)
                    offset += range.count
                }
                return offset
            }
        }
    }

    /// Appends `path` with its dot segments removed (§5.2.4).
    private static func appendPath(_ path: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if hasDotSegment(path) {
            out.append(contentsOf: removeDotSegments(String(decoding: path, as: UTF8.self)).utf8)
        } else {
            out.append(contentsOf: path)
        }
    }

    /// Whether a segment of `path` is `.` or `..` (only then does removing dot segments change it).
    private static func hasDotSegment(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var segmentStart = 0
        for index in 0...path.count {
            if index == path.count || path[index] == UInt8(ascii: "/") {
                let length = index - segmentStart
                if length == 1 && path[segmentStart] == UInt8(ascii: ".") { return true }
                if length == 2 && path[segmentStart] == UInt8(ascii: ".") && path[segmentStart + 1] == UInt8(ascii: ".") {
                    return true
                }
                segmentStart = index + 1
            }
        }
        return false
    }

    /// True when `url` starts with an absolute `http:` or `https:` URL.
    public static func isAbsoluteHTTP(_ url: String) -> Bool {
        var bytes = url.utf8.makeIterator()
        for expected in "http".utf8 {
            guard let byte = bytes.next(), byte | 0x20 == expected else { return false }
        }
        var next = bytes.next()
        if next.map({ $0 | 0x20 }) == UInt8(ascii: "s") { next = bytes.next() }
        return next == UInt8(ascii: ":") && bytes.next() == UInt8(ascii: "/") && bytes.next() == UInt8(ascii: "/")
    }

    /// True when `reference` begins with `scheme:` (RFC 3986 §3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )).
    public static func hasScheme(_ reference: String) -> Bool {
        reference.utf8.withContiguousStorageIfAvailable { hasScheme($0) } ?? hasScheme(Array(reference.utf8))
    }

    private static func hasScheme(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { hasScheme($0) } }

    private static func hasScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var first = true
        for byte in bytes {
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

    /// RFC 3986 §5.2.4.
    public static func removeDotSegments(_ path: String) -> String {
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

    /// The five components of RFC 3986 §3, as byte ranges.
    private struct Parts {
        var scheme: Range<Int>?
        var authority: Range<Int>?
        var path: Range<Int>
        var query: Range<Int>?
        var fragment: Range<Int>?

        init(_ text: UnsafeBufferPointer<UInt8>) {
            var end = text.count
            if let hash = text.firstIndex(of: UInt8(ascii: "#")) {
                fragment = (hash + 1)..<end
                end = hash
            }
            if let question = UnsafeBufferPointer(rebasing: text[..<end]).firstIndex(of: UInt8(ascii: "?")) {
                query = (question + 1)..<end
                end = question
            }
            var start = 0
            let head = UnsafeBufferPointer(rebasing: text[..<end])
            if URLResolver.hasScheme(head), let colon = head.firstIndex(of: UInt8(ascii: ":")) {
                scheme = 0..<colon
                start = colon + 1
            }
            if end - start >= 2 && text[start] == UInt8(ascii: "/") && text[start + 1] == UInt8(ascii: "/") {
                let afterSlashes = start + 2
                var stop = afterSlashes
                while stop < end && text[stop] != UInt8(ascii: "/") { stop += 1 }
                authority = afterSlashes..<stop
                start = stop
            }
            path = start..<end
        }
    }
}
