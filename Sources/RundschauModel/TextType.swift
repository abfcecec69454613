/// How a piece of text is to be read, as the feed declared or implied it (RFC 4287 §3.1).
public enum TextType: String, Codable, Sendable {
    /// Plain text: no markup; entities already decoded.
    case text
    /// Escaped HTML, to be sanitized before display.
    case html
    /// Inline XHTML (serialized back to markup).
    case xhtml
}
