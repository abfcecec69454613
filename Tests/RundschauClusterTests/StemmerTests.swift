import Foundation
import Testing

@testable import RundschauCluster

/// The Swift Snowball stemmers against vocabularies stemmed by the reference implementation (Snowball 3.1.1).
@Suite struct StemmerTests {
    static func vectors(_ name: String) throws -> [(String, String)] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "tsv"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            return (String(parts[0]), String(parts[1]))
        }
    }

    @Test func germanMatchesReference() throws {
        let vectors = try Self.vectors("stemmer-de")
        #expect(vectors.count > 4_000)
        let wrong = vectors.filter { GermanStemmer.stem($0.0) != $0.1 }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { "\($0.0) → \(GermanStemmer.stem($0.0)), want \($0.1)" })")
    }

    @Test func englishMatchesReference() throws {
        let vectors = try Self.vectors("stemmer-en")
        #expect(vectors.count > 4_000)
        let wrong = vectors.filter { EnglishStemmer.stem($0.0) != $0.1 }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { "\($0.0) → \(EnglishStemmer.stem($0.0)), want \($0.1)" })")
    }

    @Test(arguments: [
        ("überwachungssoftware", "uberwachungssoftwar"), ("soldaten", "soldat"), ("israels", "isral"),
        ("straße", "strass"), ("häuser", "haus"), ("ueberwachung", "uberwach"), ("geiseln", "geisel"),
    ])
    func germanExamples(word: String, stem: String) {
        #expect(GermanStemmer.stem(word) == stem)
    }

    @Test(arguments: [
        ("soldiers", "soldier"), ("israel's", "israel"), ("generously", "generous"), ("hostages", "hostag"),
        ("surveillance", "surveil"), ("dying", "die"), ("news", "news"), ("evening", "evening"),
    ])
    func englishExamples(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }
}
