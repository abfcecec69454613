/// Derives a title for an article whose dump has no title line: its first sentence, shortened at a word
/// boundary when longer than the limit.
///
/// A shortened title never ends inside quotes or brackets, never on a dangling article, preposition,
/// conjunction or auxiliary (`einen`, `für`, `und`, `hat`, `the`), and gets an ellipsis `…`.
enum TitleDeriver {
    /// Words a shortened title must not end on.
    private static let danglingWords: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und",
        "oder", "aber", "im", "in", "am", "an", "auf", "aus", "bei", "für", "mit", "nach", "von", "vom", "vor",
        "zu", "zum", "zur", "über", "unter", "als", "wie", "dass", "hat", "haben", "ist", "sind", "wird",
        "werden", "wurde", "sei", "seien", "nicht", "sich", "seine", "seiner", "ihre", "ihrer",
        "the", "a", "an", "of", "to", "in", "on", "for", "with", "and", "or", "by", "at", "from", "has", "have",
        "is", "are", "was", "were", "be", "that", "his", "her", "their", "its", "not",
    ]

    /// The title for a body whose first paragraph is `paragraph` (sentence spacing already repaired).
    static func derive(from paragraph: String, maxLength: Int) -> String? {
        guard var sentence = SentenceSplitter.sentences(paragraph).first, !sentence.isEmpty else { return nil }
        if sentence.hasSuffix("."), !sentence.hasSuffix("..") { sentence.removeLast() }
        sentence = sentence.trimmingSpaces()
        guard sentence.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        if sentence.count <= maxLength { return sentence }
        return shorten(sentence, maxLength: maxLength)
    }

    /// `text` cut at the last acceptable word boundary that leaves room for `…` within `maxLength`.
    static func shorten(_ text: String, maxLength: Int) -> String {
        let chars = Array(text)
        let limit = max(1, maxLength - 1)
        guard chars.count > 1 else { return text }
        var spaces: [Int] = []
        for i in 1..<min(chars.count, limit + 1) where chars[i] == " " { spaces.append(i) }
        var fallback: String?
        for cut in spaces.reversed() {
            let prefix = String(chars[..<cut]).trimming(" ,;:–—-")
            guard !prefix.isEmpty else { continue }
            if fallback == nil { fallback = prefix }
            guard prefix.count >= maxLength / 2 else { break }
            let lastWord = prefix.split(separator: " ").last.map { String($0).lowercased() } ?? ""
            if danglingWords.contains(lastWord) || !isBalanced(prefix) { continue }
            return prefix + "…"
        }
        if let fallback { return fallback + "…" }
        return String(chars.prefix(limit)) + "…"
    }

    /// True when every quote and bracket opened in `text` is closed.
    private static func isBalanced(_ text: String) -> Bool {
        var straight = 0
        var parens = 0
        var curly = 0
        var guillemets = 0
        for ch in text {
            switch ch {
            case "\"": straight += 1
            case "(", "[": parens += 1
            case ")", "]": parens -= 1
            case "„", "“", "”": curly += 1  // „…“ and “…” are pairs either way
            case "»", "«": guillemets += 1
            default: break
            }
        }
        return straight % 2 == 0 && parens == 0 && curly % 2 == 0 && guillemets % 2 == 0
    }
}
