import RundschauModel
import RundschauText

/// A piece of text as a feed gave it, with how it declared (or implied) it is to be read.
///
/// RFC 4287 §3.1 text constructs (`type="text|html|xhtml"`); RSS `description` is implied HTML. The text is plain,
/// escaped HTML already unescaped once by the XML parser, or XHTML serialized back to markup; handlers keep it as a
/// range of their capture buffer (``RawTextRef``), the adapters as a `String` (``RawText``).
struct TypedText<Value: Hashable & Sendable>: Hashable, Sendable {
    var value: Value
    var type: TextType

    init(_ value: Value, type: TextType) {
        self.value = value
        self.type = type
    }
}

/// A text construct as the adapters normalize it.
typealias RawText = TypedText<String>

/// Summary or content as the adapters hand it to an ``Entry``: possibly still the document's bytes.
typealias LazyMarkup = TypedText<LazyText>

/// Normalization of text constructs: titles to plain text, summaries and content kept as markup.
enum TextConstruct {
    /// The text type an Atom 1.0 `type` attribute declares (RFC 4287 §3.1.1), also accepting the MIME
    /// types Atom 0.3 used. `nil` for a MIME type that is not text (out-of-line or base64 media content).
    static func atomType(_ attribute: String?) -> TextType? {
        guard let attribute else { return .text }
        switch attribute.trimmed.lowercased() {
        case "", "text", "text/plain": return .text
        case "html", "text/html": return .html
        case "xhtml", "application/xhtml+xml": return .xhtml
        case let other where other.hasPrefix("text/"): return .text
        default: return nil
        }
    }

    /// A title as plain text: markup stripped and entities decoded for `html`/`xhtml`, white space
    /// collapsed always; `nil` when nothing is left.
    static func plainTitle(_ raw: RawText?) -> String? {
        guard let raw else { return nil }
        let text: String
        switch raw.type {
        case .text: text = collapseWhitespace(raw.value)
        case .html, .xhtml: text = HTMLText.plainText(fromHTML: raw.value)  // already collapsed
        }
        return text.isEmpty ? nil : text
    }

    /// Summary or content: the trimmed text with its type, `nil` when empty.
    static func markup(_ raw: RawText?) -> RawText? {
        guard let raw else { return nil }
        let value = raw.value.trimmed
        return value.isEmpty ? nil : RawText(value, type: raw.type)
    }

    /// Replaces every run of white space (including no-break and other Unicode spaces and line breaks) by
    /// one space and trims the ends (a string with nothing to collapse comes back as it is).
    static func collapseWhitespace(_ text: String) -> String { HTMLText.collapseWhitespace(text) }
}
