import Foundation
import RundschauModel
import RundschauText

/// The columns of an article that come from its entry: what an upsert writes, and the revision hash that
/// tells an upsert whether anything changed.
///
/// Shared by every backend so that they agree on what "changed" means. `package` because only backends need it.
package struct ArticleFields: Hashable, Sendable {
    package var entryID: String
    package var link: String?
    package var links: [Link]
    package var title: String?
    package var summary: String?
    package var summaryType: TextType?
    package var content: String?
    package var contentType: TextType?
    package var authors: [Person]
    package var categories: [Category]
    package var enclosures: [Enclosure]
    package var published: Date?
    package var updated: Date?
    package var language: String?
    package var image: String?
    package var kicker: String?
    package var dateline: String?
    /// ``ContentHash/text(title:summary:content:)`` of this article.
    package var contentHash: String
    /// A hash over every field above: equal exactly when an upsert has nothing to write.
    package var revisionHash: String

    /// The stored form of an entry.
    package init(entry: Entry) {
        var entry = entry
        entry.makeTextStrings()  // read three times below
        entryID = entry.id
        link = entry.link
        links = entry.links
        title = entry.title
        summary = entry.summary
        summaryType = entry.summaryType
        content = entry.content
        contentType = entry.contentType
        authors = entry.authors
        categories = entry.categories
        enclosures = entry.enclosures
        published = entry.published
        updated = entry.updated
        language = entry.language
        image = entry.image
        kicker = entry.kicker
        dateline = entry.dateline
        contentHash = ContentHash.text(title: entry.title, summary: entry.summary, content: entry.content)
        revisionHash = ArticleFields.revisionHash(of: entry)
    }

    /// A hash over everything the store keeps of an entry. Changing any stored field changes it; the
    /// order and framing below are part of the stored data and must not change.
    package static func revisionHash(of entry: Entry) -> String {
        var h = StableHash()
        h.combine("revision-v1")
        h.combine(entry.id)
        h.combine(entry.title)
        h.combine(entry.link)
        h.combine(Int64(entry.links.count))
        for link in entry.links {
            h.combine(link.rel)
            h.combine(link.href)
            h.combine(link.type)
            h.combine(link.title)
            h.combine(link.length)
        }
        h.combine(entry.summary)
        h.combine(entry.summaryType?.rawValue)
        h.combine(entry.content)
        h.combine(entry.contentType?.rawValue)
        h.combine(entry.published)
        h.combine(entry.updated)
        h.combine(Int64(entry.authors.count))
        for author in entry.authors {
            h.combine(author.name)
            h.combine(author.email)
            h.combine(author.uri)
        }
        h.combine(Int64(entry.categories.count))
        for category in entry.categories {
            h.combine(category.term)
            h.combine(category.scheme)
            h.combine(category.label)
        }
        h.combine(Int64(entry.enclosures.count))
        for enclosure in entry.enclosures {
            h.combine(enclosure.url)
            h.combine(enclosure.type)
            h.combine(enclosure.length)
        }
        h.combine(entry.language)
        h.combine(entry.image)
        h.combine(entry.kicker)
        h.combine(entry.dateline)
        return h.hex
    }

    /// The entries of one upsert, without repeated ids: the first occurrence of an id wins (feeds list the newest
    /// version first), so that one upsert never inserts and then updates the same entry.
    package static func distinct(_ entries: [Entry]) -> [ArticleFields] {
        var seen = Set<String>()
        var fields: [ArticleFields] = []
        fields.reserveCapacity(entries.count)
        for entry in entries where seen.insert(entry.id).inserted {
            fields.append(ArticleFields(entry: entry))
        }
        return fields
    }
}
