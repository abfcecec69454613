import Testing

@testable import RundschauCluster

/// Tokenization, case folding and name-like features.
@Suite struct TokenizerTests {
    private func tokens(_ text: String) -> [String] {
        var scanner = TokenScanner()
        scanner.scan(text)
        return (0..<scanner.count).map { scanner.string($0) }
    }

    private func flags(_ text: String) -> [(String, UInt8)] {
        var scanner = TokenScanner()
        scanner.scan(text)
        return (0..<scanner.count).map { (scanner.string($0), scanner.flags[$0]) }
    }

    @Test func foldsCaseAndKeepsGermanLetters() {
        #expect(tokens("ÜBERWACHUNG Straße ẞ Äpfel") == ["überwachung", "straße", "ß", "äpfel"])
    }

    @Test func composesDecomposedUmlauts() {
        // "Abho\u{308}rskandal" is the decomposed spelling of "Abhörskandal".
        #expect(tokens("Abho\u{308}rskandal") == ["abhörskandal"])
        #expect(tokens("Abho\u{308}rskandal") == tokens("Abhörskandal"))
    }

    @Test func splitsOnHyphensAndPunctuationKeepsApostrophes() {
        #expect(tokens("Taurus-Abhörskandal: Israel's NSO-Software, 40-minütigen.") ==
            ["taurus", "abhörskandal", "israel's", "nso", "software", "40", "minütigen"])
        #expect(tokens("Israel’s army") == ["israel’s", "army"].map { $0.replacingOccurrences(of: "’", with: "'") })
    }

    @Test func marksSentenceStartsCapitalsAcronymsAndHyphens() {
        let f = flags("Der Minister Boris Pistorius (SPD) sagte. Taurus-Leak")
        let byWord = Dictionary(f.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        #expect(byWord["der"].map { $0 & TokenScanner.Flag.sentenceInitial != 0 } == true)
        #expect(byWord["boris"].map { $0 & TokenScanner.Flag.sentenceInitial == 0 && $0 & TokenScanner.Flag.capitalized != 0 } == true)
        #expect(byWord["spd"].map { $0 & TokenScanner.Flag.acronym != 0 } == true)
        #expect(byWord["taurus"].map { $0 & TokenScanner.Flag.sentenceInitial != 0 } == true)
        #expect(byWord["leak"].map { $0 & TokenScanner.Flag.hyphenated != 0 } == true)
    }

    @Test func namePairsAndNameWeightsInGerman() {
        var extractor = FeatureExtractor()
        let start = extractor.scan(
            title: "Pistorius nennt Anwendungsfehler",
            text: "Bundesverteidigungsminister Boris Pistorius hat sich geäußert. Später sagte Pistorius, die Bundeswehr sei sicher.")
        let features = extractor.features(bodyStart: start, language: "de")
        let keys = features.terms.map { extractor.dictionary.keys[Int($0)] }
        #expect(keys.contains("boris pistorius"))
        let nameKeys = features.names.map { extractor.dictionary.keys[Int($0)] }
        #expect(nameKeys.contains("pistorius"))
        #expect(!nameKeys.contains("bundeswehr"))
        // Stop words are gone, stems are in.
        #expect(!keys.contains("die") && !keys.contains("hat"))
        // The compound's head counts as well: Bundesverteidigungsminister → Verteidigungsminister.
        #expect(keys.contains(GermanStemmer.stem("verteidigungsminister")))
        // Names weigh more than ordinary words, titles more than bodies.
        func weight(_ key: String) -> Float {
            guard let i = keys.firstIndex(of: key) else { return 0 }
            return features.weights[i]
        }
        #expect(weight("pistorius") > weight("bundeswehr"))
        #expect(weight(GermanStemmer.stem("anwendungsfehler")) > weight(GermanStemmer.stem("sicher")))
    }

    @Test func englishCapitalizedWordsAreNamesButNotAtSentenceStart() {
        var extractor = FeatureExtractor()
        let start = extractor.scan(title: "", text: "Officials said Gantz met Parly in Paris. Security was tight.")
        let features = extractor.features(bodyStart: start, language: "en")
        let nameKeys = Set(features.names.map { extractor.dictionary.keys[Int($0)] })
        #expect(nameKeys.isSuperset(of: ["gantz", "par", "pari"]))  // Parly → par, Paris → pari
        #expect(!nameKeys.contains("offici") && !nameKeys.contains("secur"))
    }

    @Test func guessesLanguageFromFunctionWords() {
        #expect(LanguageGuess.language(declared: nil, title: "", text: "Der Minister hat sich nicht mit den Vorwürfen befasst und ist auf Reisen.") == "de")
        #expect(LanguageGuess.language(declared: nil, title: "", text: "The minister said that the reports were false and has left.") == "en")
        #expect(LanguageGuess.language(declared: "en-GB", title: "", text: "Der die das") == "en")
    }
}
