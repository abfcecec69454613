import RundschauXML

/// Which Atom a document is written in.
enum AtomVersion: Sendable {
    /// RFC 4287 (`http://www.w3.org/2005/Atom`).
    case atom10
    /// The Atom 0.3 draft (`http://purl.org/atom/ns#`), 2003–2005.
    case atom03
}

/// `atom:feed`, RFC 4287 §4.1.1 (Atom 0.3 §4 `feed`).
struct AtomFeed: Sendable {
    var version: AtomVersion
    /// §4.2.6 `atom:id`.
    var id: RawString?
    /// §4.2.14 `atom:title`, a text construct.
    var title: RawTextRef?
    /// §4.2.12 `atom:subtitle` (0.3: `tagline`).
    var subtitle: RawTextRef?
    /// §4.2.10 rights (0.3: `copyright`).
    var rights: RawTextRef?
    /// §4.2.15 `atom:updated` (0.3: `modified`).
    var updated: RawString?
    /// §4.2.7 `atom:link`, all of them.
    var links: [AtomLink] = []
    /// §4.2.1 `atom:author`.
    var authors: [AtomPerson] = []
    /// §4.2.2 `atom:category`.
    var categories: [AtomCategory] = []
    /// §4.2.5 `atom:icon` (square, small).
    var icon: RawURL?
    /// §4.2.8 `atom:logo` (2:1 banner).
    var logo: RawURL?
    /// `xml:lang` in effect on `atom:feed` (§2: any element may carry it).
    var lang: String?
    /// Namespaced extension elements (Media RSS in YouTube feeds, iTunes, Dublin Core).
    var extensions = ExtensionFields()
    /// §4.1.2 `atom:entry`, in document order.
    var entries: [AtomEntry] = []
}

/// `atom:entry`, RFC 4287 §4.1.2.
struct AtomEntry: Sendable {
    /// §4.2.6 `atom:id`: a permanent, universally unique IRI.
    var id: RawString?
    /// §4.2.14 `atom:title`.
    var title: RawTextRef?
    /// §4.2.7 `atom:link`.
    var links: [AtomLink] = []
    /// §4.2.1 `atom:author`.
    var authors: [AtomPerson] = []
    /// §4.2.2 `atom:category`.
    var categories: [AtomCategory] = []
    /// §4.2.9 `atom:published`.
    var published: RawString?
    /// §4.2.15 `atom:updated`.
    var updated: RawString?
    /// Atom 0.3 `issued` (required there: when the entry was issued).
    var issued: RawString?
    /// Atom 0.3 `modified`.
    var modified: RawString?
    /// Atom 0.3 `created`.
    var created: RawString?
    /// §4.2.13 `atom:summary`.
    var summary: RawTextRef?
    /// §4.1.3 `atom:content` when inline; nil for out-of-line (`src`) or non-text media content.
    var content: RawTextRef?
    /// §4.1.3.2 `atom:content/@src`: out-of-line content.
    var contentSource: RawURL?
    /// §4.2.11 `atom:source/atom:author`: the authors of the feed the entry was copied from.
    var sourceAuthors: [AtomPerson] = []
    /// `xml:lang` in effect on `atom:entry`.
    var lang: String?
    /// Namespaced extension elements.
    var extensions = ExtensionFields()
}

/// `atom:link`, RFC 4287 §4.2.7 (also `atom:link` inside RSS).
struct AtomLink: Sendable, Hashable {
    /// §4.2.7.1 `href`, with the base in effect on the link element.
    var href: RawURL
    /// §4.2.7.2 `rel`, as written (absent means `alternate`).
    var rel: RawString?
    /// §4.2.7.3 `type`.
    var type: RawString?
    /// §4.2.7.4 `hreflang`.
    var hreflang: RawString?
    /// §4.2.7.5 `title`.
    var title: RawString?
    /// §4.2.7.6 `length`.
    var length: RawString?

    /// Reads a link element's attributes into `state`'s kept text; `nil` without an `href` (Atom 0.3 links
    /// also use `href`). Call only outside a capture.
    init?(_ attributes: XMLAttributeList, state: inout SAXState) {
        guard let href = state.nonEmptyValue(.href, in: attributes) else { return nil }
        self.init(href: RawURL(href, base: state.baseIndex), attributes, state: &state)
    }

    /// A link whose target comes from elsewhere (the element's text, when a feed writes
    /// `<link rel="alternate">http://…</link>` without `href`), with the other attributes read.
    init(href: RawURL, _ attributes: XMLAttributeList, state: inout SAXState) {
        self.href = href
        rel = state.nonEmptyValue(.rel, in: attributes)
        type = state.nonEmptyValue(.type, in: attributes)
        hreflang = state.nonEmptyValue(.hreflang, in: attributes)
        title = state.nonEmptyValue(.title, in: attributes)
        length = state.nonEmptyValue(.length, in: attributes)
    }
}

/// A person construct, RFC 4287 §3.2.
struct AtomPerson: Sendable {
    /// §3.2.1 `atom:name`.
    var name: RawString?
    /// §3.2.3 `atom:email`.
    var email: RawString?
    /// §3.2.2 `atom:uri` (Atom 0.3: `url`), with its base.
    var uri: RawURL?
}

/// `atom:category`, RFC 4287 §4.2.2.
struct AtomCategory: Sendable {
    /// §4.2.2.1 `term`.
    var term: RawString
    /// §4.2.2.2 `scheme`.
    var scheme: RawString?
    /// §4.2.2.3 `label`: human-readable, already unescaped.
    var label: RawString?
}
