import Foundation
import RundschauText

/// Writes `index.opml`: an OPML 2.0 subscription list of the published feeds with absolute `xmlUrl`s, for
/// one-click subscription in feed readers.
enum OPMLWriter {
    /// One line per feed, in the given order. `dateModified` is the newest feed update (stable bytes).
    static func write(_ feeds: [PublishedFeedSummary], configuration: PublishConfiguration) -> [UInt8] {
        var out = XMLOutput(capacity: 1024 + feeds.count * 300)
        out.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\">\n  <head>\n")
        out.element("    ", "<title>", configuration.siteTitle, "</title>\n")
        if let newest = feeds.compactMap(\.updated).max() {
            out.element("    ", "<dateModified>", HTTPDate.format(newest), "</dateModified>\n")
        }
        if let name = configuration.author.name, !name.isEmpty { out.element("    ", "<ownerName>", name, "</ownerName>\n") }
        out.raw("    <docs>http://opml.org/spec2.opml</docs>\n  </head>\n  <body>\n")
        for feed in feeds {
            out.raw("    <outline type=\"rss\"")
            out.attribute("text", feed.title)
            out.attribute("title", feed.title)
            out.attribute("xmlUrl", configuration.feedURL(slug: feed.slug))
            out.attribute("htmlUrl", configuration.baseURL)
            if let subtitle = feed.subtitle, !subtitle.isEmpty { out.attribute("description", subtitle) }
            if let language = LanguageTag.clean(feed.language) { out.attribute("language", language) }
            if let category = feed.category { out.attribute("category", "/" + category) }
            out.raw("/>\n")
        }
        out.raw("  </body>\n</opml>\n")
        return out.bytes
    }
}

/// What the OPML list and the index page show of a published feed.
struct PublishedFeedSummary {
    var slug: String
    var title: String
    var subtitle: String?
    var language: String?
    var category: String?
    var terms: [String]
    var isDiscovered: Bool
    var entryCount: Int
    var updated: Date?
    var archivePages: Int
}
