/// An attribute of an element as the streaming parser reports it.
public struct XMLAttribute: Sendable, Hashable {
    /// The local part of the name (`href` in `xlink:href`).
    public var localName: String
    /// The namespace prefix used in the document, if any.
    public var prefix: String?
    /// The namespace URI the prefix resolved to, if any.
    public var namespace: String?
    /// The attribute value, with character references resolved.
    public var value: String

    public init(localName: String, prefix: String? = nil, namespace: String? = nil, value: String) {
        self.localName = localName
        self.prefix = prefix
        self.namespace = namespace
        self.value = value
    }
}

/// Receives the events of a streaming XML parse, in document order.
///
/// The parser calls these methods synchronously on the thread that called `parse`; the buffers passed to
/// ``characters(_:)`` are valid only for the duration of the call.
public protocol XMLEventHandler: AnyObject {
    /// An element opened.
    func startElement(localName: String, prefix: String?, namespace: String?, attributes: [XMLAttribute])
    /// An element closed.
    func endElement(localName: String, prefix: String?, namespace: String?)
    /// Character data (text or CDATA), as UTF-8 bytes.
    func characters(_ utf8: UnsafeBufferPointer<UInt8>)
}

/// The XML 1.0 namespace (`xml:base`, `xml:lang`).
public let xmlNamespaceURI = "http://www.w3.org/XML/1998/namespace"
