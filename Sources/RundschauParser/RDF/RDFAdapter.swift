import RundschauText
import Foundation
import RundschauModel

/// RSS 1.0 / RSS 0.90 raw structs → ``Feed``. All RDF fallback chains live here.
enum RDFAdapter {
    static func feed(_ raw: RDFDocument, context: inout AdapterContext) -> Feed {
        let channel = raw.channel
        let ext = channel.extensions
        var feed = Feed(format: raw.version == .rss090 ? .rss09x : .rss10)
        let text = context.text
        feed.title = TextConstruct.plainTitle(text.text(channel.title, type: .html))
            ?? TextConstruct.plainTitle(text.text(ext.dc.title, type: .html))
        let site = context.resolve(channel.link)
        let atomLinks = ExtensionAdapter.links(ext, context)
        feed.links = AdapterContext.dedupe((site.map { [Link(rel: "alternate", href: $0)] } ?? []) + atomLinks)
        feed.link = site ?? AtomAdapter.alternate(atomLinks)
        if let subtitle = text.markup(channel.description, type: .html) ?? ExtensionAdapter.summary(ext, context) {
            feed.subtitle = subtitle.value.string
            feed.subtitleType = subtitle.type
        }
        feed.language = AdapterContext.language(text.string(ext.dc.language)) ?? AdapterContext.language(channel.lang)
            ?? AdapterContext.language(raw.lang)
        feed.updated = context.date(ext.dc.dates.first, ext.dc.modified, ext.atomUpdated, at: .feed)
        feed.image = context.resolve(raw.image?.url, fallbackBase: site) ?? ExtensionAdapter.image(ext, context)
        feed.authors = ExtensionAdapter.authors(ext, context)
        feed.updateInterval = ext.sy.intervalSeconds(text)
        feed.entries = AdapterContext.entries(of: raw.items, in: feed) { entry, item, index, feed in
            makeEntry(&entry, from: item, index: index, feed: feed, channelLang: channel.lang ?? raw.lang, context: &context)
        }
        return feed
    }

    private static func makeEntry(
        _ entry: inout Entry, from item: UnsafePointer<RDFItem>, index: Int, feed: Feed, channelLang: String?,
        context: inout AdapterContext
    ) {
        let ext = item.pointee.extensions  // one copy; passing the pointee around would copy it per use
        let place = FeedPlace.entry(index)
        let text = context.text
        let site = feed.link
        let itemLink = context.resolve(item.pointee.link, fallbackBase: site)
        let atomLinks = ExtensionAdapter.links(ext, context)
        let links = AdapterContext.dedupe(AdapterContext.joined(itemLink.map { [Link(rel: "alternate", href: $0)] } ?? [], atomLinks))
        let about = context.resolve(item.pointee.about, fallbackBase: site)
        let aboutLink = about.flatMap { URLResolver.isAbsoluteHTTP($0) ? $0 : nil }
        let link = itemLink ?? AtomAdapter.alternate(atomLinks) ?? aboutLink

        let title = TextConstruct.plainTitle(text.text(item.pointee.title, type: .html))
            ?? TextConstruct.plainTitle(text.text(ext.dc.title, type: .html))
        let summary = text.markup(item.pointee.description, type: .html) ?? ExtensionAdapter.summary(ext, context)
        let content = text.markup(ext.contentEncoded, type: .html)
        let published = context.date(ext.dc.dates.first, ext.dc.issued, ext.dc.created, ext.atomPublished, at: place)
        let updated = context.date(ext.dc.modified, ext.atomUpdated, at: place)
        let enclosures = AdapterContext.dedupe(ExtensionAdapter.enclosures(ext, context))

        // RSS 1.0 §5.5: rdf:about identifies the item; dc:identifier where a feed gives one instead.
        let id = EntryIdentity.make(
            id: text.string(item.pointee.about?.value) ?? text.string(ext.dc.identifier), link: link, enclosure: enclosures.first?.url, title: title,
            published: published, text: (content ?? summary)?.value.string)
        let ownLang = item.pointee.lang == channelLang ? nil : item.pointee.lang
        AdapterContext.fill(
            &entry, title: title, link: link, links: links, summary: summary, content: content,
            published: published, updated: updated, authors: ExtensionAdapter.authors(ext, context),
            categories: AdapterContext.dedupe(ExtensionAdapter.categories(ext, context)), enclosures: enclosures,
            language: AdapterContext.entryLanguage(ownLang ?? text.string(ext.dc.language), feed: feed.language),
            image: ExtensionAdapter.image(ext, context))
        context.finish(&entry, id: id, at: place)
    }
}
