import Foundation
import RundschauImport
import RundschauModel
import Testing

/// Hostile dumps meet a documented limit or are handled in linear time. Time bounds are generous (debug
/// build, loaded machine); the behaviours they guard against took minutes.
@Suite(.serialized) struct DumpResourceBoundsTests {
    private func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        return (result, clock.now - start)
    }

    @Test func oneMegabyteLineWithoutSpacesIsOneItem() throws {
        let (entries, elapsed) = try timed { try DumpImporter().importData(Array(repeating: UInt8(ascii: "x"), count: 1 << 20), name: "line.txt") }
        #expect(entries.count == 1)
        // The derived title is capped (100 characters including the ellipsis).
        #expect(entries.first?.title?.count == 100)
        #expect(elapsed < .seconds(60))
    }

    @Test func oneMegabyteLineOfGluedSentencesIsOneItem() throws {
        let text = String(repeating: "Abc.Def", count: 150_000)
        let (entries, elapsed) = try timed { try DumpImporter().importData(Array(text.utf8), name: "glued.txt") }
        #expect(entries.count == 1)
        #expect(elapsed < .seconds(60))
    }

    @Test func aMillionBlankLinesAreAnEmptyDump() {
        let (outcome, elapsed) = timed {
            Result { () throws(DumpImportError) in
                try DumpImporter().importData(Array(repeating: UInt8(ascii: "\n"), count: 1_000_000), name: "blank.txt")
            }
        }
        guard case .failure(let error) = outcome else {
            Issue.record("a dump of blank lines should fail")
            return
        }
        #expect(error.code == .empty)
        #expect(error.description == "blank.txt: empty file (only white space)")
        #expect(elapsed < .seconds(20))
    }

    @Test func manyParagraphsInOneArticleAreLinear() throws {
        // 20,000 title/paragraph pairs that all continue one article: appending each paragraph copied all
        // earlier ones (8.5 s for 20,000 in release, 141 s for 100,000) before the fix.
        let text = (0..<20_000).map { "Titel \($0)\n\nDas ist ein Satz über Nummer \($0). Noch ein Satz hier.\n\n" }.joined()
        let (entries, elapsed) = try timed { try DumpImporter().importData(Array(text.utf8), name: "many.txt") }
        #expect(!entries.isEmpty)
        #expect(elapsed < .seconds(90))
    }

    @Test func manyShortSentenceLinesAreLinear() throws {
        // Lines that end in a period directly after an article body are absorbed one by one.
        let text = "Überschrift der Meldung\n\n" + String(repeating: "Das ist ein langer erster Absatz, der eine Meldung eröffnet und weitergeht. ", count: 3)
            + "\n" + (0..<20_000).map { "Kurz \($0).\n" }.joined()
        let (entries, elapsed) = try timed { try DumpImporter().importData(Array(text.utf8), name: "short.txt") }
        #expect(!entries.isEmpty)
        #expect(elapsed < .seconds(90))
    }

    @Test func dataOverTheSizeLimitIsRefusedBeforeDecoding() {
        let importer = DumpImporter(options: DumpImportOptions(maxFileSize: 1 << 20))
        let (outcome, elapsed) = timed {
            Result { () throws(DumpImportError) in
                try importer.importData(Array(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1), name: "big.txt")
            }
        }
        guard case .failure(let error) = outcome else {
            Issue.record("an oversized dump should fail")
            return
        }
        #expect(error.code == .tooLarge)
        #expect(error.description == "big.txt: file too large (1048577 bytes, limit 1048576)")
        #expect(elapsed < .seconds(1))
    }

    @Test func oneGigabyteDumpFileIsRefusedBeforeReading() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rundschau-1gb-\(UUID().uuidString).txt")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("Titel\n".utf8)))
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try #require(FileHandle(forWritingAtPath: url.path))
        try handle.truncate(atOffset: 1 << 30)  // sparse: no disk blocks, and never read
        try handle.close()
        let (outcome, elapsed) = timed {
            Result { () throws(DumpImportError) in try DumpImporter().importFile(at: url) }
        }
        guard case .failure(let error) = outcome else {
            Issue.record("a 1 GB dump should fail")
            return
        }
        #expect(error.code == .tooLarge)
        #expect(error.reason == "file too large (1073741824 bytes, limit 33554432)")
        #expect(elapsed < .seconds(1))
    }
}
