/// An HTML fragment that is safe to hand to feed readers: produced by ``HTMLSanitizer`` (or by the helpers
/// here, which escape), so that a ``PublicationEntry`` cannot carry unsanitized markup by accident.
///
/// The writer still escapes it for XML and removes characters XML 1.0 forbids; sanitizing is about what the
/// markup does in a reader, not about well-formedness.
public struct SanitizedHTML: Sendable, Hashable, CustomStringConvertible {
    /// The markup.
    public let html: String

    /// Wraps markup the caller vouches for (built from escaped pieces, or sanitized before and stored).
    public init(trusted html: String) { self.html = html }

    /// Plain text as HTML: `&`, `<`, `>` and `"` escaped, blank-line separated paragraphs in `<p>`, single
    /// line breaks as `<br />`.
    public init(escapingPlainText text: String) {
        var paragraphs: [String] = []
        var current: [Substring] = []
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current.map { HTMLEscape.text(String($0)) }.joined(separator: "<br />")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.map { HTMLEscape.text(String($0)) }.joined(separator: "<br />")) }
        html = paragraphs.count == 1 ? paragraphs[0] : paragraphs.map { "<p>\($0)</p>" }.joined()
    }

    /// True when there is no markup at all.
    public var isEmpty: Bool { html.isEmpty }

    /// The markup.
    public var description: String { html }
}

/// Escaping for HTML built from pieces (sanitizer output, story content, index page). Attribute values use
/// `HTMLText.escape`, which also escapes `"`.
enum HTMLEscape {
    /// Escapes `&`, `<`, `>` for text content.
    static func text(_ string: String) -> String {
        guard string.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else {
            return string
        }
        var out = ""
        out.reserveCapacity(string.utf8.count + 16)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
