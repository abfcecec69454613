import Foundation
import RundschauModel
import RundschauXML

/// The streaming reader of Atom 1.0 and 0.3 documents: fills ``AtomFeed`` raw structs, nothing more.
///
/// Created by ``FeedDispatchHandler`` at the root `feed` element, which it receives as its first event.
struct AtomHandler {
    /// What the current capture is for.
    private enum Field {
        case none
        case title, subtitle, rights, id, updated, published, issued, modified, created, summary, content
        case icon, logo
        /// The text of a `link` without `href`: its target.
        case linkText
        case personName, personEmail, personURI
        case ext(ExtensionField)
    }

    /// Where a person construct being read goes.
    private enum PersonTarget { case feed, entry, source, none }

    private(set) var state: SAXState
    private(set) var feed: AtomFeed
    /// The namespace of Atom elements in this document (the root's).
    private let core: XMLNamespace
    /// The entry being read; meaningful while `entryDepth != 0` (non-optional: mutated in place).
    private var entry = AtomEntry()
    private var entryDepth = 0
    private var sourceDepth = 0
    private var person: AtomPerson?
    private var personDepth = 0
    private var personTarget = PersonTarget.none
    private var field = Field.none
    private var textType = TextType.text
    private var base64 = false
    /// A `link` without `href` whose text is being read as its target.
    private var pendingLink: AtomLink?
    /// True once `</feed>` was seen.
    private(set) var rootClosed = false
    /// True for a standalone entry document: the root `entry` is the feed's one entry.
    private let rootIsEntry: Bool

    /// - Parameters:
    ///   - version: the Atom version the document is read as.
    ///   - core: the namespace of the Atom elements (the root's).
    ///   - rootIsEntry: the root is an `entry`, not a `feed`.
    init(version: AtomVersion, core: XMLNamespace, state: SAXState, rootIsEntry: Bool = false) {
        self.state = state
        self.core = core
        self.feed = AtomFeed(version: version)
        self.rootIsEntry = rootIsEntry
    }

    mutating func startElement(_ element: XMLStartElement) {
        guard state.begin(element) else { return }
        let ns = element.namespace.namespaceKind
        let name = element.localName.feedName
        let attributes = element.attributes
        if state.depth == 1 {
            if rootIsEntry {
                entry = AtomEntry(lang: state.lang)
                entryDepth = 1
            } else {
                feed.lang = state.lang
            }
            return
        }
        if person != nil {
            startInPerson(ns, name)
        } else if sourceDepth != 0 {
            if ns == core && name == .author { startPerson(.source) } else { state.skip() }
        } else if entryDepth != 0 {
            startInEntry(ns, name, attributes)
        } else {
            startInFeed(ns, name, attributes)
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
            if depth == personDepth {
                finishPerson()
            } else if depth == sourceDepth {
                sourceDepth = 0
            } else if depth == entryDepth {
                if state.keepsEntry(after: feed.entries.count) {
                    feed.entries.append(AtomEntry())
                    swap(&feed.entries[feed.entries.count - 1], &entry)  // a move: no copy of the entry's fields
                }
                entryDepth = 0
                if depth == 1 { rootClosed = true }
            } else if depth == 1 {
                rootClosed = true
            }
        }
        state.finishEnd()
    }

    @inline(__always)
    mutating func characters(_ utf8: UnsafeBufferPointer<UInt8>) { state.characters(utf8) }

    // MARK: Scopes

    private mutating func startInFeed(_ ns: XMLNamespace, _ name: FeedName, _ attributes: XMLAttributeList) {
        guard ns == core else { return startExtension(ns, name, attributes, inEntry: false) }
        switch name {
        case .entry:
            entry = AtomEntry(lang: state.lang)
            entryDepth = state.depth
        case .title: startText(.title, attributes)
        case .subtitle, .tagline: startText(.subtitle, attributes)
        case .rights, .copyright: startText(.rights, attributes)
        case .id: capture(.id)
        case .updated, .modified: capture(.updated)
        case .link:
            if let link = AtomLink(attributes, state: &state) {
                feed.links.append(link)
                state.skip()
            } else {
                startLinkText(attributes)
            }
        case .author: startPerson(.feed)
        case .category:
            if let category = category(attributes) { feed.categories.append(category) }
            state.skip()
        case .icon: capture(.icon)
        case .logo: capture(.logo)
        default: state.skip()
        }
    }

    private mutating func startInEntry(_ ns: XMLNamespace, _ name: FeedName, _ attributes: XMLAttributeList) {
        guard ns == core else { return startExtension(ns, name, attributes, inEntry: true) }
        switch name {
        case .title: startText(.title, attributes)
        case .id: capture(.id)
        case .link:
            if let link = AtomLink(attributes, state: &state) {
                entry.links.append(link)
                state.skip()
            } else {
                startLinkText(attributes)
            }
        case .published: capture(.published)
        case .updated: capture(.updated)
        case .issued: capture(.issued)
        case .modified: capture(.modified)
        case .created: capture(.created)
        case .summary: startText(.summary, attributes)
        case .content: startText(.content, attributes)
        case .author: startPerson(.entry)
        case .category:
            if let category = category(attributes) { entry.categories.append(category) }
            state.skip()
        case .source: sourceDepth = state.depth
        default: state.skip()
        }
    }

    private mutating func startInPerson(_ ns: XMLNamespace, _ name: FeedName) {
        guard ns == core else { return state.skip() }
        switch name {
        case .name: capture(.personName)
        case .email: capture(.personEmail)
        case .uri, .url: capture(.personURI)
        default: state.skip()
        }
    }

    private mutating func startExtension(_ ns: XMLNamespace, _ name: FeedName, _ attributes: XMLAttributeList, inEntry: Bool) {
        let action = inEntry
            ? ExtensionReader.start(ns, name, attributes, state: &state, into: &entry.extensions)
            : ExtensionReader.start(ns, name, attributes, state: &state, into: &feed.extensions)
        switch action {
        case .capture(let extensionField, let mode): capture(.ext(extensionField), mode)
        case .descend: break
        case .skip: state.skip()
        }
    }

    // MARK: Constructs

    @inline(__always)
    private mutating func capture(_ field: Field, _ mode: CaptureMode = .text) {
        self.field = field
        state.capture(mode)
    }

    /// A text construct (RFC 4287 §3.1; Atom 0.3 §3.1 content constructs with `mode`).
    private mutating func startText(_ field: Field, _ attributes: XMLAttributeList) {
        base64 = false
        let declared = attributes.value(.type)
        switch feed.version {
        case .atom10:
            if case .content = field, let source = state.nonEmptyValue(.src, in: attributes) {
                entry.contentSource = RawURL(source, base: state.baseIndex)
                return state.skip()
            }
            guard let type = TextConstruct.atomType(declared) else { return state.skip() }
            textType = type
            capture(field, type == .xhtml ? .xhtml : (type == .html ? .html : .text))
        case .atom03:
            guard let type = TextConstruct.atomType(declared) else { return state.skip() }
            switch attributes.value(.mode)?.trimmed.lowercased() ?? "xml" {
            case "escaped":
                textType = type == .text ? .text : .html
                capture(field, type == .text ? .text : .html)
            case "base64":
                textType = type == .text ? .text : .html
                base64 = true
                capture(field, .text)
            default:
                textType = type == .text ? .text : .xhtml
                capture(field, type == .text ? .text : .xhtml)
            }
        }
    }

    /// A `link` without `href`: feeds that write the target as the element's text (feedparser reads it too).
    private mutating func startLinkText(_ attributes: XMLAttributeList) {
        pendingLink = AtomLink(href: RawURL(.empty, base: state.baseIndex), attributes, state: &state)
        capture(.linkText)
    }

    private mutating func startPerson(_ target: PersonTarget) {
        person = AtomPerson()
        personDepth = state.depth
        personTarget = target
    }

    private mutating func finishPerson() {
        defer {
            person = nil
            personDepth = 0
        }
        guard let person, person.name != nil || person.email != nil || person.uri != nil else { return }
        switch personTarget {
        case .feed: feed.authors.append(person)
        case .entry: entry.authors.append(person)
        case .source: entry.sourceAuthors.append(person)
        case .none: break
        }
    }

    private mutating func category(_ attributes: XMLAttributeList) -> AtomCategory? {
        guard let term = state.nonEmptyValue(.term, in: attributes) else { return nil }
        return AtomCategory(
            term: term, scheme: state.nonEmptyValue(.scheme, in: attributes), label: state.nonEmptyValue(.label, in: attributes))
    }

    /// The captured text as the construct being read; base64 content (Atom 0.3 `mode="base64"`) decoded and kept.
    private mutating func text(_ value: RawString) -> RawTextRef {
        guard base64 else { return RawTextRef(value, type: textType) }
        let encoded = state.buffer.withBytes(value.start..<(value.start + value.count)) { String(decoding: $0, as: UTF8.self) }
        let decoded = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters).map { String(decoding: $0, as: UTF8.self) }
        return RawTextRef(state.keep(decoded ?? ""), type: textType)
    }

    private mutating func assign(_ value: RawString) {
        let inEntry = entryDepth != 0
        switch field {
        case .none: break
        case .title: if inEntry { entry.title = text(value) } else { feed.title = text(value) }
        case .subtitle: feed.subtitle = text(value)
        case .rights: if !inEntry { feed.rights = text(value) }
        case .summary: entry.summary = text(value)
        case .content: if entry.content == nil { entry.content = text(value) }
        case .id: if inEntry { entry.id = value } else { feed.id = value }
        case .updated: if inEntry { entry.updated = value } else { feed.updated = value }
        case .published: entry.published = value
        case .issued: entry.issued = value
        case .modified: entry.modified = value
        case .created: entry.created = value
        case .linkText:
            guard var link = pendingLink else { break }
            pendingLink = nil
            link.href = RawURL(value, base: state.captureBase)
            if inEntry { entry.links.append(link) } else { feed.links.append(link) }
        case .icon: feed.icon = RawURL(value, base: state.captureBase)
        case .logo: feed.logo = RawURL(value, base: state.captureBase)
        case .personName: person?.name = value
        case .personEmail: person?.email = value
        case .personURI: person?.uri = RawURL(value, base: state.captureBase)
        case .ext(let extensionField):
            if inEntry {
                ExtensionReader.assign(extensionField, value, into: &entry.extensions)
            } else {
                ExtensionReader.assign(extensionField, value, into: &feed.extensions)
            }
        }
    }
}
