import RundschauText

/// The language whose stemmer and stop words an article gets: its declared language, else
/// `LanguageDetector.detect` among all languages it knows, else `LanguageDetector` choosing between the two
/// languages the clusterer has stemmers for (German and English), which still answers for some texts too short
/// or unclear for an answer among all seven.
enum LanguageGuess {
    /// `de` from `de-AT`, lowercased; nil for nil or empty.
    static func base(_ tag: String?) -> String? {
        guard let tag, !tag.isEmpty else { return nil }
        let code = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? tag
        return code.lowercased()
    }

    /// The languages with a stemmer here.
    private static let stemmed = ["de", "en"]

    /// The language to use for `title` and `text`.
    static func language(declared: String?, title: String, text: String) -> String? {
        if let code = base(declared) { return code }
        let sample = title + " " + String(text.prefix(2_000))
        return base(LanguageDetector.detect(sample)) ?? LanguageDetector.detect(sample, candidates: stemmed)
    }
}
