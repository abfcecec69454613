import Foundation
import RundschauImport
import RundschauModel
import Testing

/// Arbitrary input never crashes the importer: it yields well-formed entries or one clear error.
@Suite struct DumpRobustnessTests {
    /// A small deterministic generator, so that a failure can be replayed.
    struct LCG: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static let pieces = [
        "\n", "\n\n", "\n\n\n", ".", "?", "!", "\"", "„", "“", "»", "«", "(", ")", "-", " - ", "–", "Foto:", "von",
        "By", "date", "2024-03", "11.06.2024", "11. Juni 2024", "BERLIN", "(dpa)", "---", "* * *", "\u{A0}", "\u{AD}",
        "\r", "\t", "z.B.", "Phil.Cologne", "http://x.de/A.B", "©", "…", "...", "A", "a", "1.", "Stand:", ":", ",",
        "\u{2028}", "\u{FEFF}", "Debatte", "Untersuchung.Es", "Sabine Brandes", "(Archiv)",
    ]

    @Test func randomDumpsGiveEntriesOrOneError() throws {
        let seedText = String(decoding: try Fixture.bytes(Seed001Tests.file), as: UTF8.self)
        let words = seedText.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        var rng = LCG(state: 20240611)
        let importer = DumpImporter(options: DumpImportOptions(maxDerivedTitleLength: 20))
        var imported = 0
        var failed = 0
        for round in 0..<600 {
            var text = ""
            for _ in 0..<Int.random(in: 0...60, using: &rng) {
                text += Bool.random(using: &rng) ? (words.randomElement(using: &rng) ?? "") : (Self.pieces.randomElement(using: &rng) ?? "")
                if Int.random(in: 0..<3, using: &rng) > 0 { text += " " }
            }
            var bytes = Array(text.utf8)
            if round % 7 == 0, !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0x80...0xFF, using: &rng)
            }
            if round % 11 == 0 {
                bytes = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 1...255, using: &rng) }
            }
            do {
                let entries = try importer.importData(bytes, name: "fuzz.txt")
                imported += 1
                #expect(!entries.isEmpty)
                for entry in entries {
                    #expect(entry.title?.isEmpty == false)
                    #expect(entry.id.hasPrefix("urn:rundschau:dump:fuzz:"))
                    #expect(entry.source == "fuzz")
                }
                #expect(Set(entries.map(\.id)).count == entries.count)
            } catch {
                failed += 1
                #expect(error.description.hasPrefix("fuzz.txt: "))
                #expect([.empty, .binary, .noArticles].contains(error.code))
            }
        }
        #expect(imported > 100)
        #expect(failed > 10)
    }

    @Test func pathologicalLinesStayFast() throws {
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let blob = Array(String(repeating: "ab.Cd", count: 40_000).utf8)  // 200 kB without a space
            let entries = try DumpImporter().importData(blob, name: "blob.txt")
            #expect(entries.count == 1)
            let glued = Array(String(repeating: "Untersuchung.Es ", count: 12_500).utf8)  // 200 kB of glued sentences
            let repaired = try DumpImporter().importData(glued, name: "glued.txt")
            #expect(repaired.first?.content?.hasPrefix("<p>Untersuchung. Es Untersuchung. Es") == true)
        }
        #expect(elapsed < .seconds(20))
    }
}
