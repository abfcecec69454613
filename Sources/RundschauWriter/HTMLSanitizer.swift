import RundschauText
import Foundation
import RundschauXML

/// Cleans HTML from feeds for feed readers: parses it with libxml2's HTML parser (recovering from anything,
/// as browsers do), keeps an allow-list of elements and attributes, and writes well-formed, XHTML-style markup
/// (every element closed, void elements as `<br />`, attributes quoted).
///
/// - `script`, `style`, `iframe`, `object`, `form`, `svg`, `math`, `template` and similar elements are dropped
///   with their content; `embed`, `input`, `meta`, `link`, `base` (void elements) are dropped; other unknown
///   elements are unwrapped (their text stays).
/// - Event handlers (`on…`), `style`, `class`, `id` and every attribute not on the allow-list are dropped.
/// - URLs in `href`, `src`, `cite` and `poster` keep only `http`, `https`, `mailto`, `ftp` and `tel`
///   (`data:image/…` in `img src`), after removing what browsers ignore (whitespace and control characters,
///   entity-encoded or not); relative URLs are made absolute against the entry's base URL, or dropped when
///   there is none.
/// - Comments, processing instructions and CDATA sections never reach the output.
///
/// ```swift
/// let clean = HTMLSanitizer().sanitize(article.content ?? "", baseURL: article.link)
/// ```
public struct HTMLSanitizer: Sendable {
    /// Longest `data:` image URL kept, in bytes.
    public var maxDataURLLength: Int
    /// Elements nested deeper than this are unwrapped (their text stays), so that no reader meets absurd depth.
    public var maxDepth: Int

    /// Creates a sanitizer with the given limits.
    public init(maxDataURLLength: Int = 64 << 10, maxDepth: Int = 64) {
        self.maxDataURLLength = maxDataURLLength
        self.maxDepth = maxDepth
    }

    /// Sanitizes an HTML fragment; relative URLs are resolved against `baseURL` (the article's address).
    public func sanitize(_ html: String, baseURL: String? = nil) -> SanitizedHTML {
        guard !html.isEmpty else { return SanitizedHTML(trusted: "") }
        let base = baseURL.flatMap { IRI.absolute($0, schemes: URLPolicy.webSchemes) }
        let handler = SanitizingHandler(policy: URLPolicy(base: base, maxDataURLLength: maxDataURLLength), maxDepth: maxDepth)
        do {
            try HTMLEventParser.parse(html, handler: handler)
        } catch {
            // Only an oversized or unparseable input gets here: publish nothing rather than something unchecked.
            return SanitizedHTML(trusted: "")
        }
        handler.finish()
        return SanitizedHTML(trusted: handler.output)
    }

    /// Sanitizes entry text given its Atom text type: `html` and `xhtml` are sanitized, `text` (and `nil`) is
    /// escaped, with paragraphs kept.
    public func sanitize(_ text: String, type: TextKind, baseURL: String? = nil) -> SanitizedHTML {
        switch type {
        case .html: return sanitize(text, baseURL: baseURL)
        case .text: return SanitizedHTML(escapingPlainText: text)
        }
    }

    /// Whether a piece of entry text is markup or plain text.
    public enum TextKind: Sendable {
        case html
        case text
    }
}

/// The parse events turned into clean markup.
private final class SanitizingHandler: HTMLEventHandler {
    private enum Frame {
        /// Written; closed with `</name>` (or nothing for a void element).
        case emitted(String, isVoid: Bool)
        /// Not written, content kept.
        case unwrapped
        /// Not written, content dropped.
        case dropped
    }

    private let policy: URLPolicy
    private let maxDepth: Int
    /// Written elements currently open.
    private var depth = 0
    private var stack: [Frame] = []
    private var droppedDepth = 0
    private var buffer = XMLOutput(capacity: 2048)
    /// The markup written so far.
    var output: String { String(decoding: buffer.bytes, as: UTF8.self) }
    /// Open `a` elements: a link inside a link is unwrapped.
    private var openLinks = 0

    init(policy: URLPolicy, maxDepth: Int) {
        self.policy = policy
        self.maxDepth = maxDepth
    }

    func startElement(name: String, attributes: [HTMLEventParser.Attribute]) {
        if droppedDepth > 0 || HTMLPolicy.droppedWithContent.contains(name) {
            droppedDepth += 1
            stack.append(.dropped)
            return
        }
        guard let allowed = HTMLPolicy.elements[name], !(name == "a" && openLinks > 0), !HTMLPolicy.droppedVoid.contains(name),
              depth < maxDepth else {
            stack.append(.unwrapped)
            return
        }
        var written: [(String, String)] = []
        for attribute in attributes {
            let attributeName = attribute.name
            guard allowed.contains(attributeName) || HTMLPolicy.globalAttributes.contains(attributeName),
                  let value = clean(attributeName, attribute.value, element: name) else { continue }
            if written.contains(where: { $0.0 == attributeName }) { continue }
            written.append((attributeName, value))
        }
        // Media without a usable source would only be an empty box.
        if HTMLPolicy.needsSource.contains(name) && !written.contains(where: { $0.0 == "src" }) {
            stack.append(.unwrapped)
            return
        }
        let isVoid = HTMLPolicy.voidElements.contains(name)
        buffer.raw("<")
        buffer.raw(name)
        for (attributeName, value) in written {
            buffer.raw(" ")
            buffer.raw(attributeName)
            buffer.raw("=\"")
            buffer.attribute(value)
            buffer.raw("\"")
        }
        buffer.raw(isVoid ? " />" : ">")
        if name == "a" { openLinks += 1 }
        if !isVoid { depth += 1 }
        stack.append(.emitted(name, isVoid: isVoid))
    }

    func endElement(name: String) {
        guard let frame = stack.popLast() else { return }
        close(frame)
    }

    func characters(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard droppedDepth == 0 else { return }
        buffer.text(utf8)
    }

    /// Closes what the parser left open (it stops at a nesting limit without closing).
    func finish() {
        while let frame = stack.popLast() { close(frame) }
    }

    private func close(_ frame: Frame) {
        switch frame {
        case .dropped:
            droppedDepth -= 1
        case .unwrapped:
            break
        case .emitted(let name, let isVoid):
            if name == "a" { openLinks -= 1 }
            if !isVoid {
                depth -= 1
                buffer.raw("</")
                buffer.raw(name)
                buffer.raw(">")
            }
        }
    }

    /// The attribute value to write, or `nil` to drop the attribute.
    private func clean(_ name: String, _ value: String?, element: String) -> String? {
        guard let value else {
            return HTMLPolicy.booleanAttributes.contains(name) ? name : nil
        }
        switch name {
        case "href", "cite":
            return policy.clean(value, allowData: false)
        case "src":
            return policy.clean(value, allowData: element == "img")
        case "poster":
            return policy.clean(value, allowData: true)
        case "lang", "hreflang":
            return LanguageTag.clean(value)
        case "dir":
            let lower = value.lowercased()
            return ["ltr", "rtl", "auto"].contains(lower) ? lower : nil
        case "width", "height", "colspan", "rowspan", "span", "start", "value":
            let trimmed = value.trimmingWhitespaceAndControls()
            return !trimmed.isEmpty && trimmed.count <= 6 && trimmed.allSatisfy(\.isASCII) && trimmed.allSatisfy(\.isNumber) ? trimmed : nil
        case "type":
            let trimmed = value.trimmingWhitespaceAndControls()
            if element == "ol" { return ["1", "a", "A", "i", "I"].contains(trimmed) ? trimmed : nil }
            return trimmed.range(of: #"^[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+$"#, options: .regularExpression) != nil ? trimmed : nil
        case "scope":
            let lower = value.lowercased()
            return ["row", "col", "rowgroup", "colgroup"].contains(lower) ? lower : nil
        case "controls", "reversed":
            return name
        default:
            return value
        }
    }
}
