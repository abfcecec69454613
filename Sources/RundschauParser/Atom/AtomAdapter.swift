import RundschauText
import Foundation
import RundschauModel

/// Atom 1.0 / 0.3 raw structs → ``Feed``. All Atom fallback chains live here.
enum AtomAdapter {
    static func feed(_ raw: AtomFeed, context: inout AdapterContext) -> Feed {
        var feed = Feed(format: raw.version == .atom10 ? .atom10 : .atom03)
        let ext = raw.extensions
        let text = context.text
        feed.title = TextConstruct.plainTitle(text.text(raw.title)) ?? TextConstruct.plainTitle(text.text(ext.dc.title, type: .text))
        feed.links = AdapterContext.dedupe(raw.links.compactMap { modelLink($0, context) } + ExtensionAdapter.links(ext, context))
        feed.link = alternate(feed.links)
        if let subtitle = text.markup(raw.subtitle) ?? ExtensionAdapter.summary(ext, context) {
            feed.subtitle = subtitle.value.string
            feed.subtitleType = subtitle.type
        }
        feed.language = AdapterContext.language(raw.lang) ?? AdapterContext.language(text.string(ext.dc.language))
        feed.updated = context.date(raw.updated, ext.atomUpdated, ext.dc.modified, ext.dc.dates.first, at: .feed)
        feed.image = context.resolve(raw.logo) ?? context.resolve(raw.icon) ?? ExtensionAdapter.image(ext, context)
        feed.authors = raw.authors.compactMap { person($0, context) }
        if feed.authors.isEmpty { feed.authors = ExtensionAdapter.authors(ext, context) }
        feed.entries = AdapterContext.entries(of: raw.entries, in: feed) { entry, rawEntry, index, feed in
            makeEntry(&entry, from: rawEntry, index: index, feed: feed, context: &context)
        }
        return feed
    }

    private static func makeEntry(
        _ entry: inout Entry, from raw: UnsafePointer<AtomEntry>, index: Int, feed: Feed, context: inout AdapterContext
    ) {
        let ext = raw.pointee.extensions  // one copy; passing the pointee around would copy it per use
        let place = FeedPlace.entry(index)
        let text = context.text
        let links = AdapterContext.dedupe(AdapterContext.joined(
            raw.pointee.links.compactMap { modelLink($0, context) }, ExtensionAdapter.links(ext, context)))
        let rawID = text.string(raw.pointee.id)
        let idLink = rawID.flatMap { URLResolver.isAbsoluteHTTP($0) ? $0.trimmed : nil }
        let link = alternate(links) ?? idLink
        let title = TextConstruct.plainTitle(text.text(raw.pointee.title))
            ?? TextConstruct.plainTitle(text.text(ext.media.title, type: .text))
            ?? TextConstruct.plainTitle(text.text(ext.dc.title, type: .text))
        let summary = text.markup(raw.pointee.summary) ?? ExtensionAdapter.summary(ext, context)
        let content = text.markup(raw.pointee.content) ?? text.markup(ext.contentEncoded, type: .html)
        let published = context.date(
            raw.pointee.published, raw.pointee.issued, raw.pointee.created, ext.atomPublished, ext.dc.dates.first, ext.dc.issued, ext.dc.created,
            at: place)
        let updated = context.date(raw.pointee.updated, raw.pointee.modified, ext.dc.modified, at: place)

        var authors = raw.pointee.authors.compactMap { person($0, context) }
        if authors.isEmpty { authors = ExtensionAdapter.authors(ext, context) }
        if authors.isEmpty { authors = raw.pointee.sourceAuthors.compactMap { person($0, context) } }
        if authors.isEmpty { authors = feed.authors }  // RFC 4287 §4.2.1: the feed's authors apply

        let categories = AdapterContext.joined(raw.pointee.categories.map {
            RundschauModel.Category(term: text.string($0.term), scheme: text.string($0.scheme), label: text.string($0.label))
        }, ExtensionAdapter.categories(ext, context))
        let linkEnclosures = links.filter { $0.rel == "enclosure" }.map { Enclosure(url: $0.href, type: $0.type, length: $0.length) }
        let enclosures = AdapterContext.dedupe(AdapterContext.joined(linkEnclosures, ExtensionAdapter.enclosures(ext, context)))

        let id = EntryIdentity.make(
            id: rawID, link: link, enclosure: enclosures.first?.url, title: title, published: published,
            text: (content ?? summary)?.value.string)
        AdapterContext.fill(
            &entry, title: title, link: link, links: links, summary: summary, content: content,
            published: published, updated: updated, authors: authors,
            categories: AdapterContext.dedupe(categories), enclosures: enclosures,
            language: AdapterContext.entryLanguage(raw.pointee.lang, feed: feed.language),
            image: ExtensionAdapter.image(ext, context) ?? ExtensionAdapter.imageEnclosure(enclosures))
        context.finish(&entry, id: id, at: place)
    }

    /// An `atom:link` as a model link, resolved; `nil` when its `href` is empty.
    static func modelLink(_ raw: AtomLink, _ context: AdapterContext) -> Link? {
        guard let href = context.resolve(raw.href) else { return nil }
        let text = context.text
        return Link(
            rel: AdapterContext.relation(text.string(raw.rel)), href: href, type: text.string(raw.type), title: text.string(raw.title),
            length: AdapterContext.length(text.string(raw.length)))
    }

    /// The main alternate link: the first `alternate` that is HTML (or untyped), else the first `alternate`.
    static func alternate(_ links: [Link]) -> String? {
        var first: String?
        for link in links where link.rel == "alternate" {
            guard let type = link.type else { return link.href }
            if first == nil { first = link.href }
            switch type {
            case "text/html", "application/xhtml+xml": return link.href
            default:
                let lower = type.lowercased()
                if lower == "text/html" || lower == "application/xhtml+xml" { return link.href }
            }
        }
        return first
    }

    private static func person(_ raw: AtomPerson, _ context: AdapterContext) -> Person? {
        let person = Person(
            name: context.text.string(raw.name).map(TextConstruct.collapseWhitespace)?.nonEmpty,
            email: context.text.string(raw.email)?.nonEmpty, uri: context.resolve(raw.uri))
        return person.isEmpty ? nil : person
    }
}
