import RundschauModel
import RundschauXML

/// The one SAX handler of a parse: decides the format at the root element and forwards every later event
/// to the format handler it created there, so detection costs no second pass.
///
/// Roots: `rss` → RSS 0.91–2.0; `rdf:RDF` → RSS 1.0 / 0.90; `feed` in the Atom 1.0 or 0.3 namespace →
/// Atom. An `html` root, an OPML document or any other root is rejected with a reason.
final class FeedDispatchHandler: XMLSymbolHandler {
    private enum Mode: UInt8 { case undecided, rss, rdf, atom, rejected }

    private let baseURL: String?
    private var mode = Mode.undecided
    private var rss: RSSHandler?
    private var rdf: RDFHandler?
    private var atom: AtomHandler?
    /// Why the document is not a feed (`an HTML page`, `root element <foo>`), once the root was seen.
    private(set) var rejection: String?
    /// Warnings about the root itself (an Atom `feed` without namespace).
    private var rootWarnings: [String] = []
    /// The root element's qualified name, for messages.
    private var rootName = ""

    /// - Parameter baseURL: the document URL, when it can serve as a base for relative links.
    init(baseURL: String?) {
        self.baseURL = baseURL
    }

    /// True when the root element is one of the feed roots.
    var isFeed: Bool { mode == .rss || mode == .rdf || mode == .atom }

    // MARK: XMLSymbolHandler

    func symbol(forName utf8: UnsafeBufferPointer<UInt8>) -> Int32 { FeedName.symbol(utf8) }

    func symbol(forNamespace utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        Int32(XMLNamespace.classify(String(decoding: utf8, as: UTF8.self)).rawValue)
    }

    func startElement(_ element: XMLStartElement) {
        switch mode {
        case .rss: rss?.startElement(element)
        case .atom: atom?.startElement(element)
        case .rdf: rdf?.startElement(element)
        case .rejected: break
        case .undecided: decide(element)
        }
    }

    func endElement(_ element: XMLEndElement) {
        switch mode {
        case .rss: rss?.endElement(element)
        case .atom: atom?.endElement(element)
        case .rdf: rdf?.endElement(element)
        case .rejected, .undecided: break
        }
    }

    func characters(_ utf8: UnsafeBufferPointer<UInt8>) {
        switch mode {
        case .rss: rss?.characters(utf8)
        case .atom: atom?.characters(utf8)
        case .rdf: rdf?.characters(utf8)
        case .rejected, .undecided: break
        }
    }

    // MARK: Detection

    private func decide(_ element: XMLStartElement) {
        let localName = element.localName.string
        rootName = element.prefix.map { "\($0.string):\(localName)" } ?? localName
        let state = SAXState(baseURL: baseURL)
        let ns = element.namespace.namespaceKind
        switch (element.localName.feedName, ns) {
        case (.rss, _):
            mode = .rss
            rss = RSSHandler(state: state)
        case (.RDF, .rdf):
            mode = .rdf
            rdf = RDFHandler(state: state)
        case (.feed, .atom10):
            mode = .atom
            atom = AtomHandler(version: .atom10, core: .atom10, state: state)
        case (.feed, .atom03):
            mode = .atom
            atom = AtomHandler(version: .atom03, core: .atom03, state: state)
        case (.feed, .none):
            mode = .atom
            atom = AtomHandler(version: .atom10, core: .none, state: state)
            rootWarnings.append("feed: root <feed> has no Atom namespace; read as Atom 1.0")
        case (_, .xhtml), (.html, _), (.HTML, _):
            reject("an HTML page")
        case (.opml, _):
            reject("an OPML subscription list")
        default:
            reject("root element <\(rootName)>")
        }
        if mode != .rejected { startElement(element) }
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
            closed = rss.rootClosed
            let count = rss.document.channel.items.count
            warnIfIncomplete(closed: closed, entries: count, brokenOff: brokenOff, context: &context)
            feed = RSSAdapter.feed(rss.document, context: &context)
        case .rdf:
            guard let rdf else { return nil }
            closed = rdf.rootClosed
            warnIfIncomplete(closed: closed, entries: rdf.document.items.count, brokenOff: brokenOff, context: &context)
            feed = RDFAdapter.feed(rdf.document, context: &context)
        case .atom:
            guard let atom else { return nil }
            closed = atom.rootClosed
            warnIfIncomplete(closed: closed, entries: atom.feed.entries.count, brokenOff: brokenOff, context: &context)
            feed = AtomAdapter.feed(atom.feed, context: &context)
        case .rejected, .undecided:
            return nil
        }
        return feed
    }

    private func warnIfIncomplete(closed: Bool, entries: Int, brokenOff: String?, context: inout AdapterContext) {
        let kept = entries == 1 ? "1 complete entry kept" : "\(entries) complete entries kept"
        if let brokenOff {
            context.warn("feed: XML broken off (\(brokenOff)); \(kept)")
        } else if !closed {
            context.warn("feed: the document ends before </\(rootName)> (truncated?); \(kept)")
        }
    }
}
