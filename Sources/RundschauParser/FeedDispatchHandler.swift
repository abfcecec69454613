import RundschauModel
import RundschauXML

/// The one SAX handler of a parse: decides the format at the root element and forwards every later event
/// to the format handler it created there, so detection costs no second pass.
///
/// Roots: `rss` → RSS 0.91–2.0; `rdf:RDF` → RSS 1.0 / 0.90; `feed` in the Atom 1.0 or 0.3 namespace →
/// Atom (`feed version="0.3"` without a namespace or in an unknown one → Atom 0.3); a standalone Atom `entry`
/// → a feed with that one entry. An `html` root is searched for a feed inside it (an RSS or Atom feed embedded
/// in an XHTML page, as feedparser reads it) and rejected when it holds none; an OPML document or any other
/// root is rejected with a reason.
///
/// Elements with a well-known prefix the document never declared (`content:encoded`, `itunes:image`,
/// `dc:creator` without their `xmlns:`) are read as if it had been declared.
final class FeedDispatchHandler: XMLSymbolHandler {
    private enum Mode: UInt8 { case undecided, rss, rdf, atom, rejected, searching }

    private let baseURL: String?
    private let maxEntries: Int
    /// How many bytes of text the document is expected to keep at most (its size): the capture buffer's capacity.
    private let textCapacity: Int
    private var mode = Mode.undecided
    // The format handlers are structs behind pointers: every event mutates one in place, with no dynamic
    // exclusivity check (as a class property would need) and no copy.
    private var rss: UnsafeMutablePointer<RSSHandler>?
    private var rdf: UnsafeMutablePointer<RDFHandler>?
    private var atom: UnsafeMutablePointer<AtomHandler>?
    /// The XML parser's text sink: the format handler's capture buffer lives in it (owned here).
    private let sink: UnsafeMutablePointer<XMLTextSink>
    /// Why the document is not a feed (`an HTML page`, `root element <foo>`), once the root was seen.
    private(set) var rejection: String?
    /// Warnings about the root itself (an Atom `feed` without namespace).
    private var rootWarnings: [String] = []
    /// The root element's qualified name, for messages.
    private var rootName = ""
    /// True when the feed root is an element inside an HTML page rather than the document element.
    private var embedded = false
    /// True once an embedded feed's root closed: the rest of the page is ignored.
    private var muted = false
    /// True for a feed embedded in an XHTML page without its own default namespace: its elements inherit the
    /// XHTML namespace, and are read as if they had none.
    private var xhtmlIsCore = false

    /// - Parameters:
    ///   - baseURL: the document URL, when it can serve as a base for relative links.
    ///   - maxEntries: the most entries to keep (``FeedParserOptions/maxEntries``); later ones are dropped
    ///     with a warning.
    ///   - textCapacity: the document's size, which the text kept from it rarely exceeds.
    init(baseURL: String?, maxEntries: Int = .max, textCapacity: Int = 4096) {
        self.baseURL = baseURL
        self.maxEntries = maxEntries
        self.textCapacity = textCapacity
        sink = .allocate(capacity: 1)
        sink.initialize(to: XMLTextSink(mode: .discard))
    }

    deinit {
        Self.free(rss)
        Self.free(rdf)
        Self.free(atom)
        CaptureBuffer.free(sink)
    }

    private static func make<Handler>(_ handler: Handler) -> UnsafeMutablePointer<Handler> {
        let pointer = UnsafeMutablePointer<Handler>.allocate(capacity: 1)
        pointer.initialize(to: handler)
        return pointer
    }

    private static func free<Handler>(_ pointer: UnsafeMutablePointer<Handler>?) {
        guard let pointer else { return }
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }

    /// True when the root element is one of the feed roots.
    var isFeed: Bool { mode == .rss || mode == .rdf || mode == .atom }

    /// True for an `rdf:RDF` document without a `channel` or `item` to tell RSS 1.0 from RSS 0.90 by.
    var isUndecidedRDF: Bool { mode == .rdf && rdf?.pointee.decided == false }

    // MARK: XMLSymbolHandler

    func symbol(forName utf8: UnsafeBufferPointer<UInt8>) -> Int32 { FeedName.symbol(utf8) }

    /// Text is only ever kept by a format handler's capture, which routes it (``SAXState/capture(_:)``).
    var textSink: UnsafeMutablePointer<XMLTextSink>? { sink }

    func symbol(forNamespace utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        Int32(XMLNamespace.classify(String(decoding: utf8, as: UTF8.self)).rawValue)
    }

    func startElement(_ element: XMLStartElement) {
        if muted { return }
        // Rare cases first, each one test: an undeclared prefix, or a feed inherited an XHTML page's namespace.
        var element = element
        if element.namespace == nil {
            if let prefix = element.prefix, let ns = XMLNamespace.undeclared(prefix: prefix.feedName) {
                element = XMLStartElement(
                    localName: element.localName, prefix: prefix, namespace: XMLName(symbol: Int32(ns.rawValue), utf8: prefix.utf8),
                    attributes: element.attributes)
            }
        } else if xhtmlIsCore, element.prefix == nil, element.namespace.namespaceKind == .xhtml {
            element = XMLStartElement(localName: element.localName, prefix: nil, namespace: nil, attributes: element.attributes)
        }
        switch mode {
        case .rss: rss?.pointee.startElement(element)
        case .atom: atom?.pointee.startElement(element)
        case .rdf: rdf?.pointee.startElement(element)
        case .rejected: break
        case .undecided: decide(element)
        case .searching: search(element)
        }
    }

    func endElement(_ element: XMLEndElement) {
        if muted { return }
        switch mode {
        case .rss:
            rss?.pointee.endElement(element)
            if embedded, rss?.pointee.rootClosed == true { muted = true }
        case .atom:
            atom?.pointee.endElement(element)
            if embedded, atom?.pointee.rootClosed == true { muted = true }
        case .rdf:
            rdf?.pointee.endElement(element)
            if embedded, rdf?.pointee.rootClosed == true { muted = true }
        case .rejected, .undecided, .searching: break
        }
    }

    func characters(_ utf8: UnsafeBufferPointer<UInt8>) {
        if muted { return }
        switch mode {
        case .rss: rss?.pointee.characters(utf8)
        case .atom: atom?.pointee.characters(utf8)
        case .rdf: rdf?.pointee.characters(utf8)
        case .rejected, .undecided, .searching: break
        }
    }

    // MARK: Detection

    private func decide(_ element: XMLStartElement) {
        let localName = element.localName.string
        rootName = element.prefix.map { "\($0.string):\(localName)" } ?? localName
        // Made only for a feed root: its capture buffer is sized to the document.
        func state() -> SAXState { SAXState(baseURL: baseURL, maxEntries: maxEntries, sink: sink, capacity: textCapacity) }
        let ns = element.namespace.namespaceKind
        switch (element.localName.feedName, ns) {
        case (.rss, _):
            mode = .rss
            rss = Self.make(RSSHandler(state: state()))
        case (.channel, .none):
            // CDF, whose root is the channel (`<CHANNEL HREF="…">`), or RSS's channel without its wrapper.
            mode = .rss
            rss = Self.make(RSSHandler(state: state(), channelIsRoot: true))
        case (.RDF, .rdf):
            mode = .rdf
            rdf = Self.make(RDFHandler(state: state()))
        case (.feed, .atom10):
            mode = .atom
            atom = Self.make(AtomHandler(version: .atom10, core: .atom10, state: state()))
        case (.feed, .atom03):
            mode = .atom
            atom = Self.make(AtomHandler(version: .atom03, core: .atom03, state: state()))
        case (.feed, .none) where Self.isAtom03(element.attributes):
            mode = .atom
            atom = Self.make(AtomHandler(version: .atom03, core: .none, state: state()))
            rootWarnings.append("feed: root <feed version=\"0.3\"> has no Atom namespace; read as Atom 0.3")
        case (.feed, .other) where Self.isAtom03(element.attributes):
            // Atom 0.3 drafts circulated with other namespace URIs; feedparser reads them by the version.
            mode = .atom
            atom = Self.make(AtomHandler(version: .atom03, core: .other, state: state()))
            rootWarnings.append("feed: root <feed version=\"0.3\"> in an unknown namespace; read as Atom 0.3")
        case (.feed, .none):
            mode = .atom
            atom = Self.make(AtomHandler(version: .atom10, core: .none, state: state()))
            rootWarnings.append("feed: root <feed> has no Atom namespace; read as Atom 1.0")
        case (.entry, .atom10), (.entry, .atom03):
            // A standalone Atom entry document (RFC 4287 §4.1.2, also served as `application/atom+xml;type=entry`).
            mode = .atom
            let version = ns == .atom10 ? AtomVersion.atom10 : .atom03
            atom = Self.make(AtomHandler(version: version, core: ns, state: state(), rootIsEntry: true))
            rootWarnings.append("feed: the document is a single Atom entry")
        case (_, .xhtml), (.html, _), (.HTML, _):
            // Search the page for a feed inside it; until one is found, this is an HTML page.
            mode = .searching
            rejection = "an HTML page"
            return
        case (.opml, _):
            reject("an OPML subscription list")
        default:
            reject("root element <\(rootName)>")
        }
        if mode != .rejected { startElement(element) }
    }

    /// `version="0.3"` (or `0.3.x`) on a `feed` root.
    private static func isAtom03(_ attributes: XMLAttributeList) -> Bool {
        guard let version = attributes.nonEmptyValue(.version) else { return false }
        return version == "0.3" || version.hasPrefix("0.3.")
    }

    /// Inside an HTML page: the first `rss`, `rdf:RDF` or Atom `feed` element becomes the feed root.
    private func search(_ element: XMLStartElement) {
        let ns = element.namespace.namespaceKind
        switch (element.localName.feedName, ns) {
        case (.rss, _), (.RDF, .rdf), (.feed, .atom10), (.feed, .atom03):
            let page = rootName
            mode = .undecided
            rejection = nil
            embedded = true
            xhtmlIsCore = element.localName.feedName == .rss && ns == .xhtml && element.prefix == nil
            decide(xhtmlIsCore
                ? XMLStartElement(localName: element.localName, prefix: nil, namespace: nil, attributes: element.attributes)
                : element)
            rootWarnings.append("feed: the <\(rootName)> feed is inside an HTML page (root <\(page)>)")
        default:
            break
        }
    }

    private func reject(_ reason: String) {
        mode = .rejected
        rejection = reason
    }

    // MARK: Result

    /// Builds the normalized feed from what the format handler read.
    /// - Parameter brokenOff: set when the XML parse stopped at an error and this is what was read before it.
    func makeFeed(context: inout AdapterContext, brokenOff: String?) -> Feed? {
        for warning in rootWarnings { context.warn(warning) }
        let closed: Bool
        let feed: Feed
        switch mode {
        case .rss:
            guard let rss else { return nil }
            warnIfCapped(dropped: rss.pointee.state.droppedEntries, context: &context)
            closed = rss.pointee.rootClosed
            let count = rss.pointee.document.channel.items.count
            warnIfIncomplete(closed: closed, entries: count, brokenOff: brokenOff, context: &context)
            feed = Self.adapt(rss.pointee.state, context: &context) { RSSAdapter.feed(rss.pointee.document, context: &$0) }
        case .rdf:
            guard let rdf else { return nil }
            warnIfCapped(dropped: rdf.pointee.state.droppedEntries, context: &context)
            closed = rdf.pointee.rootClosed
            warnIfIncomplete(closed: closed, entries: rdf.pointee.document.items.count, brokenOff: brokenOff, context: &context)
            feed = Self.adapt(rdf.pointee.state, context: &context) { RDFAdapter.feed(rdf.pointee.document, context: &$0) }
        case .atom:
            guard let atom else { return nil }
            warnIfCapped(dropped: atom.pointee.state.droppedEntries, context: &context)
            closed = atom.pointee.rootClosed
            warnIfIncomplete(closed: closed, entries: atom.pointee.feed.entries.count, brokenOff: brokenOff, context: &context)
            feed = Self.adapt(atom.pointee.state, context: &context) { AtomAdapter.feed(atom.pointee.feed, context: &$0) }
        case .rejected, .undecided, .searching:
            return nil
        }
        return feed
    }

    /// Runs an adapter with the document's kept text readable through `context`.
    private static func adapt(
        _ state: SAXState, context: inout AdapterContext, _ adapter: (inout AdapterContext) -> Feed
    ) -> Feed {
        // The feed's summaries and contents keep ranges of these bytes.
        context.text = CapturedText(shared: state.buffer.share(), bases: state.baseURLs)
        defer { context.text = .empty }
        return adapter(&context)
    }

    private func warnIfCapped(dropped: Int, context: inout AdapterContext) {
        guard dropped > 0 else { return }
        context.warn("feed: more than \(maxEntries) entries; the first \(maxEntries) kept, \(dropped) dropped")
    }

    private func warnIfIncomplete(closed: Bool, entries: Int, brokenOff: String?, context: inout AdapterContext) {
        if closed && brokenOff == nil { return }
        let kept = entries == 1 ? "1 complete entry kept" : "\(entries) complete entries kept"
        if let brokenOff {
            context.warn("feed: XML broken off (\(brokenOff)); \(kept)")
        } else if !closed {
            context.warn("feed: the document ends before </\(rootName)> (truncated?); \(kept)")
        }
    }
}
