import RundschauModel
import RundschauText

/// Turns recovered items into `Entry` values: repaired text, HTML content, ids, language.
struct DumpEntryBuilder {
    var source: String
    var maxTitleLength: Int
    var detectLanguage: Bool

    /// The entries for `items`, ids made unique in dump order. An item whose own text is too short for the
    /// language detector gets the language of the whole dump.
    func entries(from items: [DumpItem]) -> [Entry] {
        var seen: [String: Int] = [:]
        var dumpLanguage: String??
        return items.compactMap { item in
            guard var entry = entry(from: item) else { return nil }
            if detectLanguage, entry.language == nil {
                if dumpLanguage == nil { dumpLanguage = .some(LanguageDetector.detect(Self.text(of: items))) }
                entry.language = dumpLanguage ?? nil
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
        var entry = Entry(
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
        if detectLanguage {
            let text = ([item.kicker, title, teaser].compactMap { $0 } + paragraphs).joined(separator: "\n")
            entry.language = LanguageDetector.detect(text)
        }
        return entry
    }

    /// All text of `items`, for detecting the dump's language.
    private static func text(of items: [DumpItem]) -> String {
        items.flatMap { [$0.kicker, $0.title, $0.teaser].compactMap { $0 } + $0.paragraphs }.joined(separator: "\n")
    }

    /// Paragraphs as `<p>…</p>` lines, text escaped.
    static func html(_ paragraphs: [String]) -> String {
        paragraphs.map { "<p>\(HTMLText.escape($0))</p>" }.joined(separator: "\n")
    }
}
