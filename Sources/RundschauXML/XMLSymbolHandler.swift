/// Receives the events of a streaming XML parse without a Swift string per event: the fast path under
/// ``XMLEventHandler``.
///
/// libxml2 interns every element and attribute name, prefix and namespace URI of a document. The parser asks
/// the handler once per distinct name and parse for a *symbol*, a small integer of the handler's choosing (an
/// index into its vocabulary, say), and from then on reports that name by its symbol, so a handler dispatches
/// on integers instead of comparing strings. Local names and prefixes share one symbol space, namespace URIs
/// have their own.
///
/// Everything an event carries (names, attribute values, character data) is borrowed from libxml2 and valid
/// only for the duration of the call: copy what you keep.
public protocol XMLSymbolHandler: AnyObject {
    /// The symbol for an element or attribute local name, or a namespace prefix.
    func symbol(forName utf8: UnsafeBufferPointer<UInt8>) -> Int32
    /// The symbol for a namespace URI.
    func symbol(forNamespace utf8: UnsafeBufferPointer<UInt8>) -> Int32
    /// An element opened.
    func startElement(_ element: XMLStartElement)
    /// An element closed.
    func endElement(_ element: XMLEndElement)
    /// Character data (text or CDATA), as UTF-8 bytes.
    func characters(_ utf8: UnsafeBufferPointer<UInt8>)
    /// A sink the parser copies character data into without calling ``characters(_:)`` (see ``XMLTextSink``),
    /// read once when a parse starts and valid until it ends; `nil` (the default): every piece is an event.
    var textSink: UnsafeMutablePointer<XMLTextSink>? { get }
}

extension XMLSymbolHandler {
    /// No sink: every piece of character data is a ``characters(_:)`` event.
    public var textSink: UnsafeMutablePointer<XMLTextSink>? { nil }
}

/// A name as the parser interned it: the handler's symbol and the UTF-8 bytes (valid during the event).
public struct XMLName {
    /// What ``XMLSymbolHandler`` returned for these bytes.
    public let symbol: Int32
    /// The name's UTF-8 bytes.
    public let utf8: UnsafeBufferPointer<UInt8>

    @inlinable
    public init(symbol: Int32, utf8: UnsafeBufferPointer<UInt8>) {
        self.symbol = symbol
        self.utf8 = utf8
    }

    /// The name as a Swift string (allocates).
    public var string: String { String(decoding: utf8, as: UTF8.self) }
}

/// The start of an element: its names and attributes, borrowed for the duration of the event.
public struct XMLStartElement {
    public let localName: XMLName
    /// The namespace prefix used in the document, if any.
    public let prefix: XMLName?
    /// The namespace URI the element is in, if any.
    public let namespace: XMLName?
    public let attributes: XMLAttributeList

    @inlinable
    public init(localName: XMLName, prefix: XMLName?, namespace: XMLName?, attributes: XMLAttributeList) {
        self.localName = localName
        self.prefix = prefix
        self.namespace = namespace
        self.attributes = attributes
    }
}

/// The end of an element.
public struct XMLEndElement {
    public let localName: XMLName
    public let prefix: XMLName?
    public let namespace: XMLName?

    @inlinable
    public init(localName: XMLName, prefix: XMLName?, namespace: XMLName?) {
        self.localName = localName
        self.prefix = prefix
        self.namespace = namespace
    }
}

/// One attribute of an element, borrowed for the duration of the event.
public struct XMLRawAttribute {
    public let localName: XMLName
    public let prefix: XMLName?
    public let namespace: XMLName?
    /// The value's bytes as libxml2 reports them: every `&` appears as `&#38;` (see ``value``).
    public let rawValue: UnsafeBufferPointer<UInt8>

    @inlinable
    public init(localName: XMLName, prefix: XMLName?, namespace: XMLName?, rawValue: UnsafeBufferPointer<UInt8>) {
        self.localName = localName
        self.prefix = prefix
        self.namespace = namespace
        self.rawValue = rawValue
    }

    /// The attribute value, with character references resolved.
    public var value: String { XMLRawAttribute.decode(rawValue) }

    /// The value of raw attribute bytes (all of ``rawValue`` or a part of it that starts and ends outside
    /// references).
    ///
    /// Without entity substitution, libxml2's SAX2 hands every `&` of an attribute value over as `&#38;` (from
    /// `&amp;`, `&#38;` and `&#x26;` alike: it expects a DOM builder to re-parse the value), and no other `&` can
    /// occur there, so turning each `&#38;` back into `&` gives the exact value.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var hasReference = false
        for byte in bytes where byte == UInt8(ascii: "&") {
            hasReference = true
            break
        }
        guard hasReference else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        forEachDecodedRun(bytes) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The decoded value of raw attribute bytes (as ``decode(_:)``), handed to `append` in runs: the bytes between
    /// references as they are, and one `&` for each `&#38;`. For callers that collect values in a buffer of their own.
    public static func forEachDecodedRun(_ bytes: UnsafeBufferPointer<UInt8>, _ append: (UnsafeBufferPointer<UInt8>) -> Void) {
        var runStart = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), i + 4 < bytes.count, bytes[i + 1] == UInt8(ascii: "#"),
               bytes[i + 2] == UInt8(ascii: "3"), bytes[i + 3] == UInt8(ascii: "8"), bytes[i + 4] == UInt8(ascii: ";") {
                if runStart < i { append(UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                withUnsafeBytes(of: UInt8(ascii: "&")) { append($0.bindMemory(to: UInt8.self)) }
                i += 5
                runStart = i
            } else {
                i += 1
            }
        }
        if runStart < bytes.count { append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }
}

/// The attributes of an element, in document order, borrowed for the duration of the event.
public struct XMLAttributeList: RandomAccessCollection {
    @usableFromInline let base: UnsafePointer<XMLRawAttribute>?
    public let count: Int

    @inlinable
    public init(base: UnsafePointer<XMLRawAttribute>?, count: Int) {
        self.base = base
        self.count = base == nil ? 0 : count
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
    @inlinable public var isEmpty: Bool { count == 0 }

    @inlinable
    public subscript(position: Int) -> XMLRawAttribute {
        precondition(position >= 0 && position < count, "attribute index out of range")
        return base.unsafelyUnwrapped[position]
    }

    /// The raw value of the un-namespaced attribute whose local name has `symbol`, if present.
    @inlinable
    public func rawValue(_ symbol: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for index in 0..<count where base[index].localName.symbol == symbol && base[index].namespace == nil {
            return base[index].rawValue
        }
        return nil
    }

    /// The value of the un-namespaced attribute whose local name has `symbol`, if present.
    @inlinable
    public func value(_ symbol: Int32) -> String? {
        rawValue(symbol).map(XMLRawAttribute.decode)
    }

    /// The value of the attribute with local name `symbol` in the namespace with symbol `namespace`.
    @inlinable
    public func value(_ symbol: Int32, namespace: Int32) -> String? {
        guard let base else { return nil }
        for index in 0..<count where base[index].localName.symbol == symbol && base[index].namespace?.symbol == namespace {
            return base[index].value
        }
        return nil
    }
}
