import RundschauModel
import RundschauText
import Foundation

/// The stable identity of an entry, the key the store and deduplication use.
///
/// In order: the id the feed gave (`guid`, `atom:id`, JSON Feed `id`, RDF `rdf:about`), trimmed; else a
/// hash of the resolved link (`urn:rundschau:link:<16 hex digits>`); else of the first enclosure URL
/// (`urn:rundschau:enclosure:…`); else of the title and the publication date (`urn:rundschau:title:…`);
/// else of the summary or content (`urn:rundschau:text:…`); else of everything else the entry carries
/// (dates, authors, categories, other links, image: `urn:rundschau:entry:…`, ``fallback(for:)``). The hash
/// is FNV-1a 64 over UTF-8 and never includes the entry's position, so the same entry parsed twice, in any
/// process, gets the same id.
enum EntryIdentity {
    /// The identity for an entry, or `nil` when it carries none of the fields named; then ``fallback(for:)``
    /// gives one from the rest of the entry. `text` is only read when nothing before it gives an identity.
    static func make(
        id: String?, link: String?, enclosure: String?, title: String?, published: Date?, text: @autoclosure () -> String?
    ) -> String? {
        if let id = id?.nonEmpty { return id }
        if let link = link?.nonEmpty { return "urn:rundschau:link:" + hex(fnv1a64(link)) }
        if let enclosure = enclosure?.nonEmpty { return "urn:rundschau:enclosure:" + hex(fnv1a64(enclosure)) }
        if let title = title?.nonEmpty {
            return "urn:rundschau:title:" + hex(fnv1a64(title + "\n" + seconds(published)))
        }
        if let text = text()?.nonEmpty { return "urn:rundschau:text:" + hex(fnv1a64(text)) }
        return nil
    }

    /// The identity of an entry without id, link, enclosure, title or text: a hash of its dates, authors,
    /// categories, links and image, one field per line in a fixed order. Entries with none of these (an empty
    /// `<item/>`) all share one id.
    static func fallback(for entry: Entry) -> String {
        var key = "p:" + seconds(entry.published) + "\nu:" + seconds(entry.updated)
        for author in entry.authors {
            key += "\na:" + (author.name ?? "") + "\u{1F}" + (author.email ?? "") + "\u{1F}" + (author.uri ?? "")
        }
        for category in entry.categories { key += "\nc:" + category.term + "\u{1F}" + (category.scheme ?? "") }
        for link in entry.links { key += "\nl:" + link.rel + "\u{1F}" + link.href }
        if let image = entry.image { key += "\ni:" + image }
        return "urn:rundschau:entry:" + hex(fnv1a64(key))
    }

    /// Whole seconds since 1970, or the empty string.
    private static func seconds(_ date: Date?) -> String {
        date.map { String(Int64($0.timeIntervalSince1970.rounded(.down))) } ?? ""
    }

    /// FNV-1a, 64-bit, over the UTF-8 bytes: the project's one ``StableHash``.
    static func fnv1a64(_ text: String) -> UInt64 { StableHash.value(of: text) }

    /// 16 lowercase hex digits, zero-padded.
    static func hex(_ value: UInt64) -> String { StableHash.hex(value) }
}
