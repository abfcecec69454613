import RundschauText
import Foundation
import RundschauModel

/// JSON Feed raw structs → ``Feed``. All JSON Feed fallback chains live here.
enum JSONFeedAdapter {
    static func feed(_ raw: JSONFeedDocument, context: inout AdapterContext) -> Feed {
        var feed = Feed(format: .jsonfeed)
        let base = context.baseURL ?? raw.feedURL?.nonEmpty ?? raw.homePageURL?.nonEmpty
        func resolve(_ url: String?) -> String? { url?.nonEmpty.flatMap { URLResolver.resolve($0, against: base) } }

        feed.title = raw.title.map(TextConstruct.collapseWhitespace)?.nonEmpty
        feed.link = resolve(raw.homePageURL)
        var links: [Link] = []
        if let home = feed.link { links.append(Link(rel: "alternate", href: home, type: "text/html")) }
        if let feedURL = resolve(raw.feedURL) { links.append(Link(rel: "self", href: feedURL, type: "application/feed+json")) }
        if let next = resolve(raw.nextURL) { links.append(Link(rel: "next", href: next, type: "application/feed+json")) }
        for hub in raw.hubs ?? [] {
            if let url = resolve(hub.url) { links.append(Link(rel: "hub", href: url)) }
        }
        feed.links = AdapterContext.dedupe(links)
        if let description = raw.description?.nonEmpty {
            feed.subtitle = description
            feed.subtitleType = .text
        }
        feed.language = AdapterContext.language(raw.language)
        feed.image = resolve(raw.icon) ?? resolve(raw.favicon)
        feed.authors = people(raw.authors, raw.author, resolve: resolve)

        for (index, item) in (raw.items ?? []).enumerated() {
            let place = FeedPlace.entry(index)
            let url = resolve(item.url)
            let external = resolve(item.externalURL)
            var itemLinks: [Link] = []
            if let url { itemLinks.append(Link(rel: "alternate", href: url)) }
            if let external { itemLinks.append(Link(rel: "related", href: external)) }
            let title = item.title.map(TextConstruct.collapseWhitespace)?.nonEmpty
            let summary = item.summary?.nonEmpty.map { RawText($0, type: .text) }
            let content = item.contentHTML?.nonEmpty.map { RawText($0, type: .html) }
                ?? item.contentText?.nonEmpty.map { RawText($0, type: .text) }
            let published = context.date(item.datePublished, at: place)
            let updated = context.date(item.dateModified, at: place)
            var authors = people(item.authors, item.author, resolve: resolve)
            if authors.isEmpty { authors = feed.authors }  // JSON Feed 1.1: the feed's authors apply
            let enclosures = AdapterContext.dedupe((item.attachments ?? []).compactMap { attachment in
                resolve(attachment.url).map {
                    Enclosure(url: $0, type: attachment.mimeType?.nonEmpty, length: attachment.sizeInBytes.flatMap { $0 > 0 ? $0 : nil })
                }
            })
            let categories = (item.tags ?? []).compactMap { $0.nonEmpty.map { RundschauModel.Category(term: $0) } }
            let link = url ?? external
            let id = EntryIdentity.make(
                id: item.id, link: link, enclosure: enclosures.first?.url, title: title, published: published,
                text: content?.value ?? summary?.value)
            var entry = Entry(
                id: "", title: title, link: link, links: AdapterContext.dedupe(itemLinks),
                summary: summary?.value, summaryType: summary?.type, content: content?.value, contentType: content?.type,
                published: published, updated: updated, authors: authors,
                categories: AdapterContext.dedupe(categories), enclosures: enclosures,
                language: AdapterContext.entryLanguage(item.language, feed: feed.language),
                image: resolve(item.image) ?? resolve(item.bannerImage))
            context.finish(&entry, id: id, at: place)
            feed.entries.append(entry)
        }
        return feed
    }

    /// 1.1 `authors`, else 1.0 `author`; a `mailto:` URL becomes the email.
    private static func people(
        _ authors: [JSONFeedAuthor]?, _ author: JSONFeedAuthor?, resolve: (String?) -> String?
    ) -> [Person] {
        let list = authors?.isEmpty == false ? authors ?? [] : (author.map { [$0] } ?? [])
        var result: [Person] = []
        var seen: Set<Person> = []
        for author in list {
            var person = Person(name: author.name.map(TextConstruct.collapseWhitespace)?.nonEmpty)
            if let url = author.url?.nonEmpty {
                if url.lowercased().hasPrefix("mailto:") {
                    person.email = String(url.dropFirst(7)).nonEmpty
                } else {
                    person.uri = resolve(url)
                }
            }
            if !person.isEmpty && seen.insert(person).inserted { result.append(person) }
        }
        return result
    }
}
