import RundschauText
import Foundation

/// What ``HTMLSanitizer`` keeps: elements, their attributes, and URL schemes.
enum HTMLPolicy {
    /// Elements removed together with everything inside them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "frameset", "object", "applet", "form", "button", "select", "textarea",
        "option", "svg", "math", "template", "noscript", "noembed", "noframes", "head", "title", "canvas", "dialog",
        "portal", "xml", "xmp", "plaintext",
    ]

    /// Void elements that are dropped. libxml2 (HTML 4) does not know all of them as void and may report what
    /// follows as their content, so only the element goes, not its "content".
    static let droppedVoid: Set<String> = ["embed", "input", "meta", "link", "base", "param", "keygen", "track", "area", "frame"]

    /// Allowed elements and the attributes each may keep (besides ``globalAttributes``).
    static let elements: [String: Set<String>] = [
        "a": ["href", "hreflang"],
        "abbr": [], "acronym": [], "address": [], "article": [], "aside": [], "b": [], "bdi": [], "bdo": [],
        "big": [], "blockquote": ["cite"], "br": [], "caption": [], "center": [], "cite": [], "code": [],
        "col": ["span"], "colgroup": ["span"], "dd": [], "del": ["cite", "datetime"], "details": [], "dfn": [],
        "div": [], "dl": [], "dt": [], "em": [], "figcaption": [], "figure": [], "footer": [], "h1": [], "h2": [],
        "h3": [], "h4": [], "h5": [], "h6": [], "header": [], "hr": [], "i": [], "img": ["src", "alt", "width", "height"],
        "ins": ["cite", "datetime"], "kbd": [], "li": ["value"], "main": [], "mark": [], "ol": ["start", "reversed", "type"],
        "p": [], "pre": [], "q": ["cite"], "rp": [], "rt": [], "ruby": [], "s": [], "samp": [], "section": [],
        "small": [], "span": [], "strike": [], "strong": [], "sub": [], "summary": [], "sup": [],
        "table": [], "tbody": [], "td": ["colspan", "rowspan", "headers"], "tfoot": [],
        "th": ["colspan", "rowspan", "headers", "scope"], "thead": [], "time": ["datetime"], "tr": [], "tt": [],
        "u": [], "ul": [], "var": [], "wbr": [],
        "audio": ["src", "controls"], "video": ["src", "controls", "poster", "width", "height"],
        "source": ["src", "type"], "picture": [],
    ]

    /// Attributes any allowed element may keep.
    static let globalAttributes: Set<String> = ["title", "lang", "dir"]

    /// Attributes that may stand without a value.
    static let booleanAttributes: Set<String> = ["controls", "reversed"]

    /// Elements written as `<name />`.
    static let voidElements: Set<String> = ["br", "hr", "img", "col", "wbr", "source"]

    /// Elements that are dropped (img, source) or unwrapped (audio, video) without a usable `src`.
    static let needsSource: Set<String> = ["img", "source"]
}

/// Decides what becomes of a URL in sanitized HTML.
struct URLPolicy: Sendable {
    /// The entry's address (an absolute http(s) IRI) that relative references resolve against.
    let base: String?
    let maxDataURLLength: Int

    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "ftp", "tel"]
    static let dataImagePrefixes = ["data:image/png;", "data:image/gif;", "data:image/jpeg;", "data:image/jpg;",
                                    "data:image/webp;", "data:image/avif;"]

    /// The URL to write, or `nil` to drop it.
    func clean(_ raw: String, allowData: Bool) -> String? {
        // Browsers ignore leading and trailing C0 controls and spaces, and tabs and newlines anywhere.
        var value = raw.trimmingWhitespaceAndControls()
        value.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard !value.isEmpty else { return nil }
        let probe = Self.probe(value)
        if let scheme = IRI.scheme(of: probe) ?? Self.obfuscatedScheme(probe) {
            if scheme == "data" {
                guard allowData, value.utf8.count <= maxDataURLLength,
                      Self.dataImagePrefixes.contains(where: { probe.hasPrefix($0) }),
                      probe.contains(";base64,") else { return nil }
                return IRI.encodeInvalid(value)
            }
            guard Self.allowedSchemes.contains(scheme), IRI.scheme(of: value)?.lowercased() == scheme else { return nil }
            if scheme == "http" || scheme == "https" { return IRI.absolute(value, schemes: Self.webSchemes) }
            return IRI.encodeInvalid(value)
        }
        if value.hasPrefix("#") { return IRI.encodeInvalid(value) }
        // Relative: resolve against the entry's base, or drop (the feed's own URL would be the wrong base).
        guard let base else { return nil }
        return URLResolver.resolve(IRI.encodeInvalid(value), against: base).flatMap { IRI.absolute($0, schemes: Self.webSchemes) }
    }

    static let webSchemes: Set<String> = ["http", "https"]

    /// The URL lower-cased without any whitespace or control characters, the way a careless consumer might
    /// read it: `java\u{0}script:`, ` JaVaScRiPt:` and `jav&#x09;ascript:` all become `javascript:`.
    static func probe(_ value: String) -> String {
        var text = value.lowercased()
        if text.utf8.contains(UInt8(ascii: "&")) {
            text = decodeCharacterReferences(text)
        }
        text.unicodeScalars.removeAll { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) || ($0.value > 0x9F && $0.properties.isWhitespace) }
        return text
    }

    /// A dangerous scheme hidden behind characters the scheme syntax does not allow (`java script:`).
    static func obfuscatedScheme(_ probe: String) -> String? {
        for scheme in ["javascript", "vbscript", "livescript", "mocha", "data"] where probe.hasPrefix(scheme + ":") {
            return scheme
        }
        return nil
    }

    /// Decodes numeric character references and the named ones used to hide schemes (`&colon;`, `&tab;`,
    /// `&newline;`), repeatedly, for probing only.
    private static func decodeCharacterReferences(_ text: String) -> String {
        var current = text
        for _ in 0..<3 {
            var out = ""
            var changed = false
            var index = current.startIndex
            while index < current.endIndex {
                if current[index] == "&", let semicolonOrEnd = referenceEnd(current, from: index) {
                    let body = current[current.index(after: index)..<semicolonOrEnd.end]
                    if let scalar = scalar(forReference: body) {
                        out.unicodeScalars.append(scalar)
                        index = semicolonOrEnd.next
                        changed = true
                        continue
                    }
                }
                out.append(current[index])
                index = current.index(after: index)
            }
            current = out
            if !changed { break }
        }
        return current
    }

    private static func referenceEnd(_ text: String, from start: String.Index) -> (end: String.Index, next: String.Index)? {
        var index = text.index(after: start)
        var length = 0
        while index < text.endIndex, length < 12 {
            let character = text[index]
            if character == ";" { return (index, text.index(after: index)) }
            guard character.isLetter || character.isNumber || character == "#" else { break }
            index = text.index(after: index)
            length += 1
        }
        // Numeric references without `;` still count for browsers.
        return length > 1 && text[text.index(after: start)] == "#" ? (index, index) : nil
    }

    private static func scalar(forReference body: Substring) -> Unicode.Scalar? {
        switch body {
        case "colon": return ":"
        case "tab": return "\t"
        case "newline": return "\n"
        default: break
        }
        guard body.hasPrefix("#") else { return nil }
        let digits = body.dropFirst()
        let value: UInt32?
        if digits.hasPrefix("x") { value = UInt32(digits.dropFirst(), radix: 16) } else { value = UInt32(digits, radix: 10) }
        return value.flatMap(Unicode.Scalar.init)
    }
}
