@testable import RundschauParser
import Testing

/// The fast path for language tags already in canonical form gives what the full normalization gives.
@Suite struct LanguageTagTests {
    static let pieces = [
        "en", "EN", "de", "De", "us", "US", "Latn", "latn", "LATN", "zh", "Hant", "x", "*", "_", "-", "1", "ä", "--",
        "tw", "TW", "abc", "ABCDE", "é", "a1",
    ]

    @Test func fastPathMatchesTheNormalization() {
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<20_000 {
            var tag = ""
            for _ in 0..<(1 + next(5)) { tag += Self.pieces[next(Self.pieces.count)] }
            guard let trimmed = tag.nonEmpty else { continue }
            #expect(AdapterContext.language(tag) == AdapterContext.normalizedLanguage(trimmed), "\(tag)")
        }
        #expect(AdapterContext.language("en") == "en")
        #expect(AdapterContext.language("de-DE") == "de-DE")
        #expect(AdapterContext.language("zh_hant_tw") == "zh-Hant-TW")
    }
}
