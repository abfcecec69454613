import RundschauText
import Foundation

/// The stable identity of an entry, the key the store and deduplication use.
///
/// In order: the id the feed gave (`guid`, `atom:id`, JSON Feed `id`, RDF `rdf:about`), trimmed; else a
/// hash of the resolved link (`urn:rundschau:link:<16 hex digits>`); else of the first enclosure URL
/// (`urn:rundschau:enclosure:…`); else of the title and the publication date (`urn:rundschau:title:…`);
/// else of the summary or content (`urn:rundschau:text:…`). The hash is FNV-1a 64 over UTF-8, so the
/// same entry parsed twice, in any process, gets the same id.
enum EntryIdentity {
    /// The identity for an entry, or `nil` when it carries nothing to derive one from.
    static func make(
        id: String?, link: String?, enclosure: String?, title: String?, published: Date?, text: String?
    ) -> String? {
        if let id = id?.nonEmpty { return id }
        if let link = link?.nonEmpty { return "urn:rundschau:link:" + hex(fnv1a64(link)) }
        if let enclosure = enclosure?.nonEmpty { return "urn:rundschau:enclosure:" + hex(fnv1a64(enclosure)) }
        if let title = title?.nonEmpty {
            let date = published.map { String(Int64($0.timeIntervalSince1970.rounded(.down))) } ?? ""
            return "urn:rundschau:title:" + hex(fnv1a64(title + "\n" + date))
        }
        if let text = text?.nonEmpty { return "urn:rundschau:text:" + hex(fnv1a64(text)) }
        return nil
    }

    /// FNV-1a, 64-bit, over the UTF-8 bytes: the project's one ``StableHash``.
    static func fnv1a64(_ text: String) -> UInt64 { StableHash.value(of: text) }

    /// 16 lowercase hex digits, zero-padded.
    static func hex(_ value: UInt64) -> String { StableHash.hex(value) }
}
