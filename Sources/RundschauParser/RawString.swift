import RundschauModel

/// A piece of text a handler kept (captured element text or an attribute value): a range of the document's
/// capture buffer. The adapters make a `String` of it only when the value ends up in the ``Feed``; dates are
/// read straight from the bytes.
struct RawString: Sendable, Hashable {
    /// The offset of the first byte in the capture buffer.
    var start: Int
    /// The number of bytes.
    var count: Int

    /// No text (the target of a `link` whose `href` is still to come).
    static let empty = RawString(start: 0, count: 0)
}

/// A URL as written in the document, with the base URL (`xml:base` chain over the document URL) in effect
/// where it was written: an index into the document's base URLs, -1 for none. Adapters resolve it with
/// ``URLResolver``.
struct RawURL: Sendable, Hashable {
    var value: RawString
    var base: Int32

    init(_ value: RawString, base: Int32) {
        self.value = value
        self.base = base
    }
}

/// A text construct as kept by a handler: a range of the capture buffer and how it declared (or implied) it is
/// to be read.
typealias RawTextRef = TypedText<RawString>

/// What the adapters read the kept text through: the capture buffer's bytes and the base URLs of one document.
struct CapturedText {
    /// The bytes, which summaries and contents keep referring to (``markup(_:)``).
    let shared: SharedUTF8?
    let bytes: UnsafeBufferPointer<UInt8>
    let bases: [String]

    init(shared: SharedUTF8?, bases: [String]) {
        self.shared = shared
        bytes = UnsafeBufferPointer(start: shared?.base, count: shared?.count ?? 0)
        self.bases = bases
    }

    /// No document (JSON Feed).
    static var empty: CapturedText { CapturedText(shared: nil, bases: []) }

    /// The bytes of `raw`.
    @inline(__always)
    func utf8(_ raw: RawString) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[raw.start..<(raw.start + raw.count)])
    }

    /// `raw` as a string.
    @inline(__always)
    func string(_ raw: RawString) -> String { String(decoding: utf8(raw), as: UTF8.self) }

    /// `raw` as a string, when there is one.
    @inline(__always)
    func string(_ raw: RawString?) -> String? { raw.map(string) }

    /// A kept text construct with its text as a string.
    @inline(__always)
    func text(_ raw: RawTextRef?) -> RawText? { raw.map { RawText(string($0.value), type: $0.type) } }

    /// `raw` as text of `type`.
    @inline(__always)
    func text(_ raw: RawString?, type: TextType) -> RawText? { raw.map { RawText(string($0), type: type) } }

    /// Summary or content: the trimmed text with its type, `nil` when empty (``TextConstruct/markup(_:)``). Text
    /// with nothing to trim stays a range of the document's bytes, made a string only when read.
    func markup(_ raw: RawTextRef?) -> LazyMarkup? {
        guard let raw else { return nil }
        return markup(raw.value, type: raw.type)
    }

    /// ``markup(_:)`` for `raw` as text of `type`.
    func markup(_ raw: RawString?, type: TextType) -> LazyMarkup? {
        guard let raw else { return nil }
        let bytes = utf8(raw)
        if let shared, let first = bytes.first, let last = bytes.last, String.isTrimmed(first: first, last: last) {
            return LazyMarkup(LazyText(shared, raw.start..<(raw.start + raw.count)), type: type)
        }
        return TextConstruct.markup(text(raw, type: type)).map { LazyMarkup(LazyText($0.value), type: $0.type) }
    }

    /// The base URL with index `index`, `nil` for -1.
    @inline(__always)
    func base(_ index: Int32) -> String? { index >= 0 ? bases[Int(index)] : nil }
}
