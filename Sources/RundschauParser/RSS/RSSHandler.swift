import RundschauXML

/// The streaming reader of RSS 0.91–2.0 documents: fills ``RSSDocument``, nothing more.
///
/// Created by ``FeedDispatchHandler`` at the root `rss` element, which it receives as its first event.
/// Elements outside the RSS core and the known extension namespaces are skipped without collecting text.
struct RSSHandler {
    private enum Field {
        case none
        case title, link, description, language, copyright, managingEditor, webMaster, pubDate, lastBuildDate, ttl
        case category, imageURL, imageTitle, imageLink
        case author, comments, guid, source
        case ext(ExtensionField)
    }

    private(set) var state: SAXState
    private(set) var document = RSSDocument()
    /// The item being read; meaningful while `itemDepth != 0` (kept non-optional so that it is mutated in place).
    private var item = RSSItem()
    private var itemDepth = 0
    private var channelDepth = 0
    private var imageDepth = 0
    private var field = Field.none
    private var pendingDomain: RawString?
    private var pendingPermaLink = true
    /// True once `</rss>` was seen.
    private(set) var rootClosed = false

    /// - Parameter channelIsRoot: the root element is the channel (CDF): its `HREF` and `LASTMOD` attributes and
    ///   those of its `ITEM`s are read, and `ABSTRACT` is the description.
    init(state: SAXState, channelIsRoot: Bool = false) {
        self.state = state
        document.channelIsRoot = channelIsRoot
    }

    mutating func startElement(_ element: XMLStartElement) {
        guard state.begin(element) else { return }
        let ns = element.namespace.namespaceKind
        let name = element.localName.feedName
        let attributes = element.attributes
        if state.depth == 1 {
            document.version = attributes.nonEmptyValue(.version)
            document.lang = state.lang
            if document.channelIsRoot {
                channelDepth = 1
                if let href = state.nonEmptyValue(.href, in: attributes) {
                    document.channel.link = RawURL(href, base: state.baseIndex)
                }
                document.channel.lastBuildDate = state.nonEmptyValue(.lastmod, in: attributes)
            }
        } else if itemDepth != 0 {
            startInItem(ns, name, attributes)
        } else if imageDepth != 0 {
            startInImage(ns, name)
        } else {
            startInChannel(ns, name, attributes)
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
            let depth = state.depth
            if depth == itemDepth {
                if state.keepsEntry(after: document.channel.items.count) {
                    document.channel.items.append(RSSItem())
                    swap(&document.channel.items[document.channel.items.count - 1], &item)  // a move, not a copy
                }
                itemDepth = 0
            } else if depth == imageDepth {
                imageDepth = 0
            } else if depth == channelDepth {
                channelDepth = 0
            }
            if depth == 1 { rootClosed = true }
        }
        state.finishEnd()
    }

    @inline(__always)
    mutating func characters(_ utf8: UnsafeBufferPointer<UInt8>) { state.characters(utf8) }

    // MARK: Scopes

    private mutating func startInChannel(_ ns: XMLNamespace, _ name: FeedName, _ attributes: XMLAttributeList) {
        guard ns == .none else {
            let action = ExtensionReader.start(ns, name, attributes, state: &state, into: &document.channel.extensions)
            return perform(action)
        }
        switch name {
        case .channel:
            channelDepth = state.depth
            document.lang = state.lang
        case .item:
            item = RSSItem(lang: state.lang)
            itemDepth = state.depth
            if document.channelIsRoot {  // CDF: `<ITEM HREF="…" LASTMOD="…">`
                if let href = state.nonEmptyValue(.href, in: attributes) { item.link = RawURL(href, base: state.baseIndex) }
                item.extensions.dc.modified = state.nonEmptyValue(.lastmod, in: attributes)
            }
        case .title: capture(.title)
        case .link: capture(.link)
        case .description: capture(.description, .html)
        case .abstract where document.channelIsRoot: capture(.description)
        case .language: capture(.language)
        case .copyright: capture(.copyright)
        case .managingEditor: capture(.managingEditor)
        case .author: capture(.author)
        case .webMaster: capture(.webMaster)
        case .pubDate: capture(.pubDate)
        case .lastBuildDate: capture(.lastBuildDate)
        case .ttl: capture(.ttl)
        case .category:
            pendingDomain = state.nonEmptyValue(.domain, in: attributes)
            capture(.category)
        case .image where document.channel.image == nil:
            document.channel.image = RSSImage()
            imageDepth = state.depth
        default:
            state.skip()
        }
    }

    private mutating func startInImage(_ ns: XMLNamespace, _ name: FeedName) {
        guard ns == .none else { return state.skip() }
        switch name {
        case .url: capture(.imageURL)
        case .title: capture(.imageTitle)
        case .link: capture(.imageLink)
        default: state.skip()
        }
    }

    private mutating func startInItem(_ ns: XMLNamespace, _ name: FeedName, _ attributes: XMLAttributeList) {
        guard ns == .none else {
            let action = ExtensionReader.start(ns, name, attributes, state: &state, into: &item.extensions)
            return perform(action)
        }
        switch name {
        case .title: capture(.title)
        case .link: capture(.link)
        case .description: capture(.description, .html)
        case .abstract where document.channelIsRoot: capture(.description)
        case .author: capture(.author)
        case .category:
            pendingDomain = state.nonEmptyValue(.domain, in: attributes)
            capture(.category)
        case .comments: capture(.comments)
        case .enclosure:
            if let url = state.nonEmptyValue(.url, in: attributes) {
                let enclosure = RSSEnclosure(
                    url: RawURL(url, base: state.baseIndex), length: state.value(.length, in: attributes),
                    type: state.nonEmptyValue(.type, in: attributes))
                item.enclosures.append(enclosure)
            }
            state.skip()
        case .guid:
            pendingPermaLink = attributes.value(.isPermaLink)?.trimmed.lowercased() != "false"
            capture(.guid)
        case .pubDate: capture(.pubDate)
        case .source: capture(.source)
        default: state.skip()
        }
    }

    // MARK: Helpers

    @inline(__always)
    private mutating func capture(_ field: Field, _ mode: CaptureMode = .text) {
        self.field = field
        state.capture(mode)
    }

    private mutating func perform(_ action: ExtensionAction) {
        switch action {
        case .capture(let extensionField, let mode): capture(.ext(extensionField), mode)
        case .descend: break
        case .skip: state.skip()
        }
    }

    private mutating func assign(_ value: RawString) {
        let base = state.captureBase
        if itemDepth != 0 {
            switch field {
            case .title: if item.title == nil { item.title = value }
            case .link: if item.link == nil { item.link = RawURL(value, base: base) }
            case .description: if item.description == nil { item.description = value }
            case .author: item.authors.append(value)
            case .category: item.categories.append(RSSCategory(term: value, domain: pendingDomain))
            case .comments: item.comments = RawURL(value, base: base)
            case .guid: item.guid = RSSGUID(value: value, isPermaLink: pendingPermaLink)
            case .pubDate: item.pubDate = value
            case .source: item.source = value
            case .ext(let extensionField):
                ExtensionReader.assign(extensionField, value, into: &item.extensions)
            default: break
            }
            return
        }
        switch field {
        case .title: document.channel.title = document.channel.title ?? value
        case .link: if document.channel.link == nil { document.channel.link = RawURL(value, base: base) }
        case .description: document.channel.description = document.channel.description ?? value
        case .language: document.channel.language = value
        case .copyright: document.channel.copyright = value
        case .managingEditor: document.channel.managingEditor = value
        case .author: document.channel.authors.append(value)
        case .webMaster: document.channel.webMaster = value
        case .pubDate: document.channel.pubDate = value
        case .lastBuildDate: document.channel.lastBuildDate = value
        case .ttl: document.channel.ttl = value
        case .category: document.channel.categories.append(RSSCategory(term: value, domain: pendingDomain))
        case .imageURL: document.channel.image?.url = RawURL(value, base: base)
        case .imageTitle: document.channel.image?.title = value
        case .imageLink: document.channel.image?.link = RawURL(value, base: base)
        case .ext(let extensionField): ExtensionReader.assign(extensionField, value, into: &document.channel.extensions)
        default: break
        }
    }
}
