import RundschauOPML

/// `index.opml`: an OPML 2.0 subscription list of the published feeds with absolute `xmlUrl`s, for one-click
/// subscription in feed readers. The bytes come from the shared ``OPMLWriter`` that `rundschau opml export` uses.
enum IndexOPML {
    /// Where OPML 2.0 is specified (`head/docs`).
    static let docs = "http://opml.org/spec2.opml"

    /// One outline per feed, in the given order. `dateModified` is the newest feed update (stable bytes).
    static func document(_ feeds: [PublishedFeedSummary], configuration: PublishConfiguration) -> OPMLDocument {
        let outlines = feeds.map { feed in
            OPMLOutline(
                text: feed.title, title: feed.title, type: "rss", xmlURL: configuration.feedURL(slug: feed.slug),
                htmlURL: configuration.baseURL, description: feed.subtitle.flatMap { $0.isEmpty ? nil : $0 },
                language: LanguageTag.clean(feed.language), category: feed.category.map { "/" + $0 })
        }
        let owner = configuration.author.name.flatMap { $0.isEmpty ? nil : $0 }
        return OPMLDocument(
            title: configuration.siteTitle, dateModified: feeds.compactMap(\.updated).max(), ownerName: owner,
            docs: docs, outlines: outlines)
    }

    /// The document as UTF-8 bytes.
    static func write(_ feeds: [PublishedFeedSummary], configuration: PublishConfiguration) -> [UInt8] {
        OPMLWriter().data(from: document(feeds, configuration: configuration))
    }
}
