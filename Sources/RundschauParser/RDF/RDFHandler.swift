import RundschauXML

/// The streaming reader of RSS 1.0 and RSS 0.90 (`rdf:RDF`) documents: fills ``RDFDocument``.
///
/// Created by ``FeedDispatchHandler`` at the root `rdf:RDF` element. The vocabulary (1.0 or 0.90) is
/// decided by the namespace of the first `channel` or `item`.
struct RDFHandler {
    private enum Scope { case channel, image, item, none }
    private enum Field {
        case none, title, link, description, imageURL
        case ext(ExtensionField)
    }

    private(set) var state: SAXState
    private(set) var document = RDFDocument()
    /// The item being read; meaningful while `scope == .item`.
    private var item = RDFItem()
    private var scope = Scope.none
    private var scopeDepth = 0
    private var channelDepth = 0
    private var field = Field.none
    /// True once the first `channel` or `item` decided the vocabulary.
    private(set) var decided = false
    /// True once `</rdf:RDF>` was seen.
    private(set) var rootClosed = false

    init(state: SAXState) {
        self.state = state
    }

    mutating func startElement(_ element: XMLStartElement) {
        guard state.begin(element) else { return }
        let ns = element.namespace.namespaceKind
        let localName = element.localName.feedName
        let attributes = element.attributes
        if state.depth == 1 {
            document.lang = state.lang
            return
        }
        let core = ns == .rss10 || ns == .rss090 || ns == .none
        switch scope {
        case .none:
            guard core else { return state.skip() }
            switch localName {
            case .channel:
                decide(ns)
                scope = .channel
                document.channel.about = Self.about(attributes)?.nonEmpty.map { state.keep($0) }
                document.channel.lang = state.lang
                channelDepth = state.depth
            case .item:
                decide(ns)
                scope = .item
                let about = Self.about(attributes)?.nonEmpty.map { RawURL(state.keep($0), base: state.baseIndex) }
                item = RDFItem(about: about, lang: state.lang)
            case .image where document.image == nil:
                scope = .image
                document.image = RDFImage()
            default:
                return state.skip()
            }
            scopeDepth = state.depth
        case .channel, .item:
            guard core else {
                var action = ExtensionAction.skip
                if scope == .item {
                    action = ExtensionReader.start(ns, localName, attributes, state: &state, into: &item.extensions)
                } else {
                    action = ExtensionReader.start(ns, localName, attributes, state: &state, into: &document.channel.extensions)
                }
                switch action {
                case .capture(let extensionField, let mode): capture(.ext(extensionField), mode)
                case .descend: break
                case .skip: state.skip()
                }
                return
            }
            switch localName {
            case .title: capture(.title)
            case .link: capture(.link)
            case .description: capture(.description, .html)
            case .item where scope == .channel:
                // Some RSS 0.90 feeds nest items in the channel.
                scope = .item
                scopeDepth = state.depth
                let about = Self.about(attributes)?.nonEmpty.map { RawURL(state.keep($0), base: state.baseIndex) }
                item = RDFItem(about: about, lang: state.lang)
            default: state.skip()
            }
        case .image:
            guard core else { return state.skip() }
            switch localName {
            case .url: capture(.imageURL)
            case .title: capture(.title)
            case .link: capture(.link)
            default: state.skip()
            }
        }
    }

    mutating func endElement(_ element: XMLEndElement) {
        switch state.end(element) {
        case .ignored:
            break
        case .captured(let value):
            if let value { assign(value) }
            field = .none
        case .element:
            if state.depth == scopeDepth {
                if scope == .item, state.keepsEntry(after: document.items.count) {
                    document.items.append(RDFItem())
                    swap(&document.items[document.items.count - 1], &item)  // a move: no copy of the item's fields
                }
                if scope == .channel { channelDepth = 0 }
                // An item nested in the channel returns to the channel.
                if scope == .item && channelDepth != 0 {
                    scope = .channel
                    scopeDepth = channelDepth
                } else {
                    scope = .none
                    scopeDepth = 0
                }
            } else if state.depth == 1 {
                rootClosed = true
            }
        }
        state.finishEnd()
    }

    @inline(__always)
    mutating func characters(_ utf8: UnsafeBufferPointer<UInt8>) { state.characters(utf8) }

    /// `rdf:about`: the attribute `about` in exactly the RDF syntax namespace.
    private static func about(_ attributes: XMLAttributeList) -> String? {
        for attribute in attributes where attribute.localName.feedName == .about {
            guard let namespace = attribute.namespace, namespace.utf8.elementsEqual(XMLNamespace.rdfURI.utf8) else { continue }
            return attribute.value
        }
        return nil
    }

    private mutating func decide(_ ns: XMLNamespace) {
        guard !decided else { return }
        decided = true
        if ns == .rss090 { document.version = .rss090 }
    }

    @inline(__always)
    private mutating func capture(_ field: Field, _ mode: CaptureMode = .text) {
        self.field = field
        state.capture(mode)
    }

    private mutating func assign(_ value: RawString) {
        let base = state.captureBase
        switch (scope, field) {
        case (.item, .title): if item.title == nil { item.title = value }
        case (.item, .link): if item.link == nil { item.link = RawURL(value, base: base) }
        case (.item, .description): if item.description == nil { item.description = value }
        case (.item, .ext(let extensionField)): ExtensionReader.assign(extensionField, value, into: &item.extensions)
        case (.channel, .title): document.channel.title = document.channel.title ?? value
        case (.channel, .link): if document.channel.link == nil { document.channel.link = RawURL(value, base: base) }
        case (.channel, .description): document.channel.description = document.channel.description ?? value
        case (.channel, .ext(let extensionField)): ExtensionReader.assign(extensionField, value, into: &document.channel.extensions)
        case (.image, .title): document.image?.title = value
        case (.image, .link): document.image?.link = RawURL(value, base: base)
        case (.image, .imageURL): document.image?.url = RawURL(value, base: base)
        default: break
        }
    }
}
