/// Guesses the language of a text from its most common words and letters.
///
/// Supported: German (`de`), English (`en`), French (`fr`), Spanish (`es`), Italian (`it`), Dutch (`nl`) and
/// Portuguese (`pt`). Each language is scored by the mean log probability of the text's character trigrams under
/// that language's profile plus a bonus for its function words (`und`, `the`, `les`, …). The best language is
/// returned only when
/// - the text has at least three words and eight letters,
/// - it leads the runner-up by a clear margin, and
/// - enough of the text's trigrams are common in that language (or it has the language's function words),
///
/// so that names (`Benny Gantz`), acronyms and texts in other languages (Polish, Swedish, Turkish, …) give `nil`
/// rather than a guess. Only the first 300 words are read.
public enum LanguageDetector {
    /// The codes `detect` can return.
    public static let supportedLanguages: [String] = TrigramModel.languages

    /// A two-letter ISO 639-1 code (`de`, `en`, …), or `nil` when the text is too short or unclear.
    public static func detect(_ text: String) -> String? {
        detect(text, candidates: supportedLanguages)
    }

    /// Like `detect(_:)`, but chooses only among `candidates` (codes outside `supportedLanguages` are ignored):
    /// for a source known to publish in German or English, `detect(text, candidates: ["de", "en"])`.
    /// With a single candidate the text is accepted when it looks enough like that language.
    public static func detect(_ text: String, candidates: [String]) -> String? {
        let indices = supportedLanguages.indices.filter { candidates.contains(supportedLanguages[$0]) }
        guard !indices.isEmpty, let scores = LanguageScores(text: text) else { return nil }
        let ranked = indices.sorted { scores.total[$0] > scores.total[$1] }
        let best = ranked[0]
        if ranked.count > 1, scores.total[best] - scores.total[ranked[1]] < Thresholds.margin { return nil }
        let coverage = scores.coverage[best]
        guard coverage >= Thresholds.minimumCoverage,
            coverage >= Thresholds.coverageWithoutStopWords || scores.stopWords[best] >= Thresholds.stopWordEvidence
        else { return nil }
        return supportedLanguages[best]
    }

    /// Decision thresholds, tuned on news headlines and teasers in the supported and other languages.
    enum Thresholds {
        static let minimumWords = 3
        static let minimumLetters = 8
        static let maximumWords = 300
        /// Weight of the stop-word share against the mean trigram log probability.
        static let stopWordWeight = 2.0
        static let margin = 0.15
        static let minimumCoverage = 0.4
        static let coverageWithoutStopWords = 0.7
        static let stopWordEvidence = 0.3
    }
}

/// Per-language evidence for one text.
struct LanguageScores {
    /// Mean trigram log probability plus weighted stop-word share, per language (higher is likelier).
    var total: [Double]
    /// Share of the text's trigrams that the language's profile lists.
    var coverage: [Double]
    /// Weighted count of the language's stop words in the text.
    var stopWords: [Double]

    /// `nil` when the text is too short to judge.
    init?(text: String) {
        let words = Self.words(of: text)
        let letters = words.reduce(0) { $0 + $1.count }
        guard words.count >= LanguageDetector.Thresholds.minimumWords,
            letters >= LanguageDetector.Thresholds.minimumLetters
        else { return nil }

        let model = TrigramModel.shared
        let count = TrigramModel.languages.count
        var logSum = [Double](repeating: 0, count: count)
        var known = [Int](repeating: 0, count: count)
        var stop = [Double](repeating: 0, count: count)
        var trigrams = 0
        for word in words {
            let padded = [" "] + word + [" "]
            for start in 0..<(padded.count - 2) {
                let gram = String(padded[start..<start + 3])
                trigrams += 1
                let row = model.table[gram]
                for l in 0..<count {
                    if let value = row?[l] {
                        logSum[l] += Double(value)
                        known[l] += 1
                    } else {
                        logSum[l] += Double(model.floors[l])
                    }
                }
            }
            let string = String(word)
            if let weight = FunctionWords.weights[string] {
                for (l, code) in TrigramModel.languages.enumerated() where FunctionWords.lists[code]?.contains(string) == true {
                    stop[l] += weight
                }
            }
        }
        let n = Double(max(trigrams, 1))
        let wordCount = Double(words.count)
        total = (0..<count).map { logSum[$0] / n + LanguageDetector.Thresholds.stopWordWeight * stop[$0] / wordCount }
        coverage = known.map { Double($0) / n }
        stopWords = stop
    }

    /// Lowercased runs of letters (digits, punctuation and apostrophes split words), at most `maximumWords`.
    static func words(of text: String) -> [[Character]] {
        var words: [[Character]] = []
        var current: [Character] = []
        for ch in text.prefix(6_000).lowercased() {
            if ch.isLetter {
                current.append(ch)
            } else if !current.isEmpty {
                words.append(current)
                current = []
                if words.count >= LanguageDetector.Thresholds.maximumWords { return words }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
