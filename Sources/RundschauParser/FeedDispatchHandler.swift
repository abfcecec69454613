import RundschauModel
import RundschauXML

/// The one SAX handler of a parse: decides the format at the root element and forwards every later event
/// to the format handler it created there, so detection costs no second pass.
///
/// Roots: `rss` → RSS 0.91–2.0; `rdf:RDF` → RSS 1.0 / 0.90; `feed` in the Atom 1.0 or 0.3 namespace →
/// Atom. An `html` root, an OPML document or any other root is rejected with a reason.
final class FeedDispatchHandler: XMLEventHandler {
    private enum Mode: UInt8 { case undecided, rss, rdf, atom, rejected }

    private let baseURL: String?
    private let maxEntries: Int
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

    /// - Parameters:
    ///   - baseURL: the document URL, when it can serve as a base for relative links.
    ///   - maxEntries: the most entries to keep (``FeedParserOptions/maxEntries``); later ones are dropped
    ///     with a warning.
    init(baseURL: String?, maxEntries: Int = .max) {
        self.baseURL = baseURL
        self.maxEntries = maxEntries
    }

    /// True when the root element is one of the feed roots.
    var isFeed: Bool { mode == .rss || mode == .rdf || mode == .atom }

    // MARK: XMLEventHandler

    func startElement(localName: String, prefix: String?, namespace: String?, attributes: [XMLAttribute]) {
        switch mode {
        case .rss: rss?.startElement(localName: localName, namespace: namespace, attributes: attributes)
        case .atom: atom?.startElement(localName: localName, namespace: namespace, attributes: attributes)
        case .rdf: rdf?.startElement(localName: localName, namespace: namespace, attributes: attributes)
        case .rejected: break
        case .undecided: decide(localName: localName, prefix: prefix, namespace: namespace, attributes: attributes)
        }
    }

    func endElement(localName: String, prefix: String?, namespace: String?) {
        switch mode {
        case .rss: rss?.endElement(localName: localName)
        case .atom: atom?.endElement(localName: localName)
        case .rdf: rdf?.endElement(localName: localName)
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

    private func decide(localName: String, prefix: String?, namespace: String?, attributes: [XMLAttribute]) {
        rootName = prefix.map { "\($0):\(localName)" } ?? localName
        let state = SAXState(baseURL: baseURL, maxEntries: maxEntries)
        var classifier = NamespaceClassifier()
        let ns = classifier.kind(of: namespace)
        switch (localName, ns) {
        case ("rss", _):
            mode = .rss
            rss = RSSHandler(state: state)
        case ("RDF", .rdf):
            mode = .rdf
            rdf = RDFHandler(state: state)
        case ("feed", .atom10):
            mode = .atom
            atom = AtomHandler(version: .atom10, core: .atom10, state: state)
        case ("feed", .atom03):
            mode = .atom
            atom = AtomHandler(version: .atom03, core: .atom03, state: state)
        case ("feed", .none):
            mode = .atom
            atom = AtomHandler(version: .atom10, core: .none, state: state)
            rootWarnings.append("feed: root <feed> has no Atom namespace; read as Atom 1.0")
        case (_, .xhtml), ("html", _), ("HTML", _):
            reject("an HTML page")
        case ("opml", _):
            reject("an OPML subscription list")
        default:
            reject("root element <\(rootName)>")
        }
        if mode != .rejected {
            startElement(localName: localName, prefix: prefix, namespace: namespace, attributes: attributes)
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
            warnIfCapped(dropped: rss.state.droppedEntries, context: &context)
            closed = rss.rootClosed
            let count = rss.document.channel.items.count
            warnIfIncomplete(closed: closed, entries: count, brokenOff: brokenOff, context: &context)
            feed = RSSAdapter.feed(rss.document, context: &context)
        case .rdf:
            guard let rdf else { return nil }
            warnIfCapped(dropped: rdf.state.droppedEntries, context: &context)
            closed = rdf.rootClosed
            warnIfIncomplete(closed: closed, entries: rdf.document.items.count, brokenOff: brokenOff, context: &context)
            feed = RDFAdapter.feed(rdf.document, context: &context)
        case .atom:
            guard let atom else { return nil }
            warnIfCapped(dropped: atom.state.droppedEntries, context: &context)
            closed = atom.rootClosed
            warnIfIncomplete(closed: closed, entries: atom.feed.entries.count, brokenOff: brokenOff, context: &context)
            feed = AtomAdapter.feed(atom.feed, context: &context)
        case .rejected, .undecided:
            return nil
        }
        return feed
    }

    private func warnIfCapped(dropped: Int, context: inout AdapterContext) {
        guard dropped > 0 else { return }
        context.warn("feed: more than \(maxEntries) entries; the first \(maxEntries) kept, \(dropped) dropped")
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
