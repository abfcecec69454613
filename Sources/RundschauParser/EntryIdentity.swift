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

    /// FNV-1a, 64-bit (offset basis 0xcbf29ce484222325, prime 0x100000001b3), over the UTF-8 bytes.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// 16 lowercase hex digits, zero-padded.
    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { bytes in
            var rest = value
            for index in stride(from: 15, through: 0, by: -1) {
                let digit = UInt8(truncatingIfNeeded: rest & 0xF)
                bytes[index] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                rest >>= 4
            }
            return 16
        }
    }
}
