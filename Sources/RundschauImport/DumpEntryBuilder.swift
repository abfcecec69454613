import RundschauModel
import RundschauText

/// Turns recovered items into `Entry` values: repaired text, HTML content, ids, language.
struct DumpEntryBuilder {
    var source: String
    var maxTitleLength: Int
    var detectLanguage: Bool

    /// Items with less text than this take the language of the whole dump when it has one: a teaser of two
    /// lines says too little for a detector, and a page rarely mixes languages.
    static let minOwnLanguageText = 200

    /// The entries for `items`, ids made unique in dump order (see ``DumpIdentity``).
    func entries(from items: [DumpItem]) -> [Entry] {
        var seen: [String: Int] = [:]
        let dumpLanguage = detectLanguage ? LanguageDetector.detect(Self.text(of: items)) : nil
        return items.compactMap { item in
            guard var entry = entry(from: item) else { return nil }
            if detectLanguage {
                let text = Self.text(of: [item])
                let own = LanguageDetector.detect(text)
                entry.language = text.count < Self.minOwnLanguageText ? (dumpLanguage ?? own) : (own ?? dumpLanguage)
            }
            let count = (seen[entry.id] ?? 0) + 1
            seen[entry.id] = count
            if count > 1 { entry.id += "-\(count)" }
            return entry
        }
    }

    func entry(from item: DumpItem) -> Entry? {
        let paragraphs = item.paragraphs.map(SentenceRepair.repair)
        let teaser = item.teaser.map(SentenceRepair.repair)
        guard let title = item.title ?? paragraphs.first.flatMap({ TitleDeriver.derive(from: $0, maxLength: maxTitleLength) })
        else { return nil }
        let published = item.date?.parsed?.date
        return Entry(
            id: DumpIdentity.entryID(source: source, title: title, published: published),
            title: title,
            summary: teaser,
            summaryType: teaser == nil ? nil : .text,
            content: paragraphs.isEmpty ? nil : Self.html(paragraphs),
            contentType: paragraphs.isEmpty ? nil : .html,
            published: published,
            authors: item.authors.map { Person(name: $0) },
            kicker: item.kicker,
            dateline: item.dateline,
            source: source)
    }

    /// All text of `items`, for detecting languages.
    private static func text(of items: [DumpItem]) -> String {
        items.flatMap { [$0.kicker, $0.title, $0.teaser].compactMap { $0 } + $0.paragraphs }.joined(separator: "\n")
    }

    /// Paragraphs as `<p>…</p>` lines, text escaped.
    static func html(_ paragraphs: [String]) -> String {
        paragraphs.map { "<p>\(HTMLText.escape($0))</p>" }.joined(separator: "\n")
    }
}
