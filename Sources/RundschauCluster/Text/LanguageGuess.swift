import RundschauText

/// The language whose stemmer and stop words an article gets: its declared language, else
/// `LanguageDetector.detect`, else a quick count of German and English function words.
enum LanguageGuess {
    /// `de` from `de-AT`, lowercased; nil for nil or empty.
    static func base(_ tag: String?) -> String? {
        guard let tag, !tag.isEmpty else { return nil }
        let code = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? tag
        return code.lowercased()
    }

    private static let germanMarkers: Set<String> = [
        "der", "die", "das", "und", "ist", "nicht", "mit", "von", "zu", "den", "ein", "eine", "sich", "auf", "für",
        "dem", "des", "im", "auch", "wurde", "bei", "nach", "sie", "es",
    ]
    private static let englishMarkers: Set<String> = [
        "the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "are", "by", "it", "from", "has", "have",
        "be", "at", "this", "his", "said", "were", "which", "an",
    ]

    /// The language to use for `title` and `text`.
    static func language(declared: String?, title: String, text: String) -> String? {
        if let code = base(declared) { return code }
        let sample = title + " " + String(text.prefix(2_000))
        if let code = base(LanguageDetector.detect(sample)) { return code }
        var de = 0, en = 0
        for word in sample.lowercased().split(whereSeparator: { !$0.isLetter }) {
            let w = String(word)
            if germanMarkers.contains(w) { de += 1 }
            if englishMarkers.contains(w) { en += 1 }
        }
        if de == 0 && en == 0 { return nil }
        return de >= en ? "de" : "en"
    }
}
