import RundschauText
import Foundation
import RundschauModel

/// RSS 0.91–2.0 raw structs → ``Feed``. All RSS fallback chains live here.
enum RSSAdapter {
    /// The format a `version` attribute names: 2.0/2.0.1 (or none) → `rss20`, 0.91–0.94 → `rss09x`;
    /// anything else reads as RSS 2.0 with a warning.
    static func format(version: String?, context: inout AdapterContext) -> FeedFormat {
        guard let version = version?.trimmed, !version.isEmpty else { return .rss20 }
        switch version {
        case "2.0", "2.0.1", "2", "2.00": return .rss20
        case "0.91", "0.92", "0.93", "0.94", "0.9", "0.90": return .rss09x
        default:
            context.warn("feed: unknown RSS version \"\(AdapterContext.excerpt(version))\"; read as RSS 2.0")
            return .rss20
        }
    }

    static func feed(_ raw: RSSDocument, context: inout AdapterContext) -> Feed {
        let channel = raw.channel
        let ext = channel.extensions
        var feed = Feed(format: raw.channelIsRoot ? .cdf : format(version: raw.version, context: &context))
        let descriptionType: TextType = raw.channelIsRoot ? .text : .html  // CDF's ABSTRACT is plain text
        let text = context.text
        feed.title = TextConstruct.plainTitle(text.text(channel.title, type: .html))
            ?? TextConstruct.plainTitle(text.text(ext.dc.title, type: .html))
        let site = context.resolve(channel.link)
        let atomLinks = ExtensionAdapter.links(ext, context)
        feed.links = AdapterContext.dedupe((site.map { [Link(rel: "alternate", href: $0)] } ?? []) + atomLinks)
        feed.link = site ?? AtomAdapter.alternate(atomLinks)
        if let subtitle = text.markup(channel.description, type: descriptionType) ?? ExtensionAdapter.summary(ext, context) {
            feed.subtitle = subtitle.value.string
            feed.subtitleType = subtitle.type
        }
        feed.language = AdapterContext.language(text.string(channel.language))
            ?? AdapterContext.language(text.string(ext.dc.language)) ?? AdapterContext.language(raw.lang)
        feed.updated = context.date(
            channel.lastBuildDate, channel.pubDate, ext.atomUpdated, ext.dc.dates.first, ext.dc.modified, at: .feed)
        feed.image = context.resolve(channel.image?.url, fallbackBase: site) ?? ExtensionAdapter.image(ext, context)
        feed.authors = AdapterContext.people(text.string(channel.managingEditor).map { [$0] } ?? [])
        if feed.authors.isEmpty { feed.authors = context.people(channel.authors) }
        if feed.authors.isEmpty { feed.authors = ExtensionAdapter.authors(ext, context) }
        feed.ttl = AdapterContext.integer(text.string(channel.ttl))
        feed.updateInterval = ext.sy.intervalSeconds(text)
        feed.entries = AdapterContext.entries(of: channel.items, in: feed) { entry, item, index, feed in
            makeEntry(
                &entry, from: item, index: index, feed: feed, documentLang: raw.lang, descriptionType: descriptionType,
                context: &context)
        }
        return feed
    }

    private static func makeEntry(
        _ entry: inout Entry, from item: UnsafePointer<RSSItem>, index: Int, feed: Feed, documentLang: String?,
        descriptionType: TextType, context: inout AdapterContext
    ) {
        let ext = item.pointee.extensions  // one copy; passing the pointee around would copy it per use
        let place = FeedPlace.entry(index)
        let text = context.text
        let site = feed.link
        let itemLink = context.resolve(item.pointee.link, fallbackBase: site)
        let atomLinks = ExtensionAdapter.links(ext, context)
        var links: [Link] = []
        if let itemLink { links.append(Link(rel: "alternate", href: itemLink)) }
        links += atomLinks
        if let comments = context.resolve(item.pointee.comments, fallbackBase: site) {
            links.append(Link(rel: "replies", href: comments, type: "text/html"))
        }
        links = AdapterContext.dedupe(links)

        // RSS 2.0: a guid is a permalink unless isPermaLink="false"; only an absolute http(s) URL can be a
        // link (a number or a relative path is an identifier, not an address).
        let guidValue = text.string(item.pointee.guid?.value)
        let guidLink = guidValue.flatMap { raw -> String? in
            let value = raw.trimmed
            return item.pointee.guid?.isPermaLink == true && URLResolver.isAbsoluteHTTP(value) ? value : nil
        }
        let link = itemLink ?? AtomAdapter.alternate(atomLinks) ?? guidLink

        let title = TextConstruct.plainTitle(text.text(item.pointee.title, type: .html))
            ?? TextConstruct.plainTitle(text.text(ext.dc.title, type: .html))
            ?? TextConstruct.plainTitle(text.text(ext.media.title, type: .text))
            ?? TextConstruct.plainTitle(text.text(ext.itunes.title, type: .text))
        let summary = text.markup(item.pointee.description, type: descriptionType) ?? ExtensionAdapter.summary(ext, context)
        let content = text.markup(ext.contentEncoded, type: .html)
        let published = context.date(
            item.pointee.pubDate, ext.dc.dates.first, ext.atomPublished, ext.dc.issued, ext.dc.created, at: place)
        let updated = context.date(ext.atomUpdated, ext.dc.modified, at: place)

        var authors = context.people(item.pointee.authors)
        if authors.isEmpty { authors = ExtensionAdapter.authors(ext, context) }

        let categories = AdapterContext.joined(item.pointee.categories.map {
            RundschauModel.Category(term: text.string($0.term), scheme: text.string($0.domain))
        }, ExtensionAdapter.categories(ext, context))
        let enclosures = AdapterContext.joined(item.pointee.enclosures.compactMap { enclosure -> Enclosure? in
            guard let url = context.resolve(enclosure.url, fallbackBase: site) else { return nil }
            return Enclosure(url: url, type: text.string(enclosure.type), length: AdapterContext.length(text.string(enclosure.length)))
        }, ExtensionAdapter.enclosures(ext, context))
        let uniqueEnclosures = AdapterContext.dedupe(enclosures)

        let id = EntryIdentity.make(
            id: guidValue, link: link, enclosure: uniqueEnclosures.first?.url, title: title,
            published: published, text: (content ?? summary)?.value.string)
        let ownLang = item.pointee.lang == documentLang ? nil : item.pointee.lang
        AdapterContext.fill(
            &entry, title: title, link: link, links: links, summary: summary, content: content,
            published: published, updated: updated, authors: authors,
            categories: AdapterContext.dedupe(categories), enclosures: uniqueEnclosures,
            language: AdapterContext.entryLanguage(ownLang ?? text.string(ext.dc.language), feed: feed.language),
            image: ExtensionAdapter.image(ext, context) ?? ExtensionAdapter.imageEnclosure(uniqueEnclosures))
        context.finish(&entry, id: id, at: place)
    }
}
