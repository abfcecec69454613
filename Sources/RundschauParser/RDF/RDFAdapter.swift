import RundschauText
import Foundation
import RundschauModel

/// RSS 1.0 / RSS 0.90 raw structs → ``Feed``. All RDF fallback chains live here.
enum RDFAdapter {
    static func feed(_ raw: RDFDocument, context: inout AdapterContext) -> Feed {
        let channel = raw.channel
        let ext = channel.extensions
        var feed = Feed(format: raw.version == .rss090 ? .rss09x : .rss10)
        feed.title = TextConstruct.plainTitle(channel.title.map { RawText($0, type: .html) })
            ?? TextConstruct.plainTitle(ext.dc.title.map { RawText($0, type: .html) })
        let site = context.resolve(channel.link)
        let atomLinks = ExtensionAdapter.links(ext, context)
        feed.links = AdapterContext.dedupe((site.map { [Link(rel: "alternate", href: $0)] } ?? []) + atomLinks)
        feed.link = site ?? AtomAdapter.alternate(atomLinks)
        if let subtitle = TextConstruct.markup(channel.description.map { RawText($0, type: .html) })
            ?? ExtensionAdapter.summary(ext) {
            feed.subtitle = subtitle.value
            feed.subtitleType = subtitle.type
        }
        feed.language = AdapterContext.language(ext.dc.language) ?? AdapterContext.language(channel.lang)
            ?? AdapterContext.language(raw.lang)
        feed.updated = context.date(ext.dc.dates.first, ext.dc.modified, ext.atomUpdated, at: .feed)
        feed.image = context.resolve(raw.image?.url, fallbackBase: site) ?? ExtensionAdapter.image(ext, context)
        feed.authors = ExtensionAdapter.authors(ext)
        feed.updateInterval = ext.sy.intervalSeconds
        feed.entries.reserveCapacity(raw.items.count)
        raw.items.withUnsafeBufferPointer { items in
            // By pointer: each raw item is read in place, never copied.
            guard let first = items.baseAddress else { return }
            for index in items.indices {
                feed.entries.append(makeEntry(
                    first + index, index: index, feed: feed, channelLang: channel.lang ?? raw.lang, context: &context))
            }
        }
        return feed
    }

    private static func makeEntry(
        _ item: UnsafePointer<RDFItem>, index: Int, feed: Feed, channelLang: String?, context: inout AdapterContext
    ) -> Entry {
        let ext = item.pointee.extensions  // one copy; passing the pointee around would copy it per use
        let place = FeedPlace.entry(index)
        let site = feed.link
        let itemLink = context.resolve(item.pointee.link, fallbackBase: site)
        let atomLinks = ExtensionAdapter.links(ext, context)
        let links = AdapterContext.dedupe((itemLink.map { [Link(rel: "alternate", href: $0)] } ?? []) + atomLinks)
        let about = context.resolve(item.pointee.about, fallbackBase: site)
        let aboutLink = about.flatMap { URLResolver.isAbsoluteHTTP($0) ? $0 : nil }
        let link = itemLink ?? AtomAdapter.alternate(atomLinks) ?? aboutLink

        let title = TextConstruct.plainTitle(item.pointee.title.map { RawText($0, type: .html) })
            ?? TextConstruct.plainTitle(ext.dc.title.map { RawText($0, type: .html) })
        let summary = TextConstruct.markup(item.pointee.description.map { RawText($0, type: .html) }) ?? ExtensionAdapter.summary(ext)
        let content = TextConstruct.markup(ext.contentEncoded.map { RawText($0, type: .html) })
        let published = context.date(ext.dc.dates.first, ext.dc.issued, ext.dc.created, ext.atomPublished, at: place)
        let updated = context.date(ext.dc.modified, ext.atomUpdated, at: place)
        let enclosures = AdapterContext.dedupe(ExtensionAdapter.enclosures(ext, context))

        // RSS 1.0 §5.5: rdf:about identifies the item; dc:identifier where a feed gives one instead.
        let id = EntryIdentity.make(
            id: item.pointee.about?.value ?? ext.dc.identifier, link: link, enclosure: enclosures.first?.url, title: title,
            published: published, text: content?.value ?? summary?.value)
        let ownLang = item.pointee.lang == channelLang ? nil : item.pointee.lang
        var entry = Entry(
            id: "", title: title, link: link, links: links,
            summary: summary?.value, summaryType: summary?.type, content: content?.value, contentType: content?.type,
            published: published, updated: updated, authors: ExtensionAdapter.authors(ext),
            categories: AdapterContext.dedupe(ExtensionAdapter.categories(ext)), enclosures: enclosures,
            language: AdapterContext.entryLanguage(ownLang ?? ext.dc.language, feed: feed.language),
            image: ExtensionAdapter.image(ext, context))
        context.finish(&entry, id: id, at: place)
        return entry
    }
}
