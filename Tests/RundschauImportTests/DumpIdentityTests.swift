import Foundation
import RundschauImport
import RundschauModel
import Testing

/// Ids stay stable across re-imports and edits of other articles; editing a body changes only the content hash.
@Suite struct DumpIdentityTests {
    static func longDumpText() throws -> String {
        String(decoding: try Fixture.bytes("long-dump.txt"), as: UTF8.self)
    }

    static func entries(_ text: String, source: String? = nil) throws -> [Entry] {
        try DumpImporter().importData(Array(text.utf8), name: "long-dump.txt", source: source)
    }

    @Test func reimportGivesTheSameEntries() throws {
        let first = try Fixture.entries("long-dump.txt")
        let second = try Fixture.entries("long-dump.txt")
        #expect(first == second)
        #expect(first.map(DumpIdentity.contentHash) == second.map(DumpIdentity.contentHash))
    }

    @Test func idsHaveTheDocumentedShape() throws {
        for entry in try Fixture.entries("long-dump.txt") {
            let prefix = "urn:rundschau:dump:long-dump:"
            #expect(entry.id.hasPrefix(prefix))
            let key = entry.id.dropFirst(prefix.count)
            #expect(key.count == 16 && key.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }

    @Test func editingOneBodyKeepsEveryIdAndChangesOneContentHash() throws {
        let original = try Self.longDumpText()
        let edited = original.replacingOccurrences(
            of: "Ein Vierpersonenhaushalt zahlt damit rund 120 Euro mehr im Jahr.",
            with: "Ein Vierpersonenhaushalt zahlt damit rund 130 Euro mehr im Jahr.")
        #expect(edited != original)
        let before = try Self.entries(original)
        let after = try Self.entries(edited)
        #expect(before.map(\.id) == after.map(\.id))
        let changed = zip(before, after).enumerated()
            .filter { DumpIdentity.contentHash(of: $0.element.0) != DumpIdentity.contentHash(of: $0.element.1) }
            .map(\.offset)
        #expect(changed == [2])
        #expect(after[2].title == "Stadtwerke erhöhen Fernwärmepreise")
    }

    @Test func editingOneTitleChangesOnlyThatId() throws {
        let original = try Self.longDumpText()
        let edited = original.replacingOccurrences(of: "Bahnstreik endet vorzeitig", with: "Bahnstreik endet früher")
        let before = try Self.entries(original).map(\.id)
        let after = try Self.entries(edited).map(\.id)
        #expect(before.count == after.count)
        let changed = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(changed == [7])
    }

    @Test func addingAnArticleKeepsTheOtherIds() throws {
        let original = try Self.longDumpText()
        let extra = "Neue Fähre für die Elbe\n\nDie Reederei hat eine zweite Fähre bestellt. Sie soll ab Herbst zwischen beiden Ufern pendeln und 250 Fahrgäste befördern.\n\n---\n\n"
        let before = try Self.entries(original).map(\.id)
        let after = try Self.entries(extra + original).map(\.id)
        #expect(after.count == before.count + 1)
        #expect(Array(after.dropFirst()) == before)
    }

    @Test func caseSpacingAndPunctuationOfATitleDoNotChangeTheId() {
        let day = utc(2024, 6, 9)
        let id = DumpIdentity.entryID(source: "seed", title: "Gantz und Eizenkot verlassen Regierung", published: day)
        #expect(DumpIdentity.entryID(source: "seed", title: "GANTZ und Eizenkot  verlassen Regierung!", published: day) == id)
        #expect(DumpIdentity.entryID(source: "seed", title: "Gantz und Eizenkot verlassen Regierung", published: day.addingTimeInterval(3600)) == id)
        #expect(DumpIdentity.entryID(source: "seed", title: "Gantz und Eizenkot verlassen Regierung", published: utc(2024, 6, 10)) != id)
        #expect(DumpIdentity.entryID(source: "seed", title: "Gantz und Eizenkot verlassen Regierung", published: nil) != id)
        #expect(DumpIdentity.entryID(source: "other", title: "Gantz und Eizenkot verlassen Regierung", published: day) != id)
    }

    @Test func articleWithoutTitleLineIsIdentifiedByItsDerivedTitle() throws {
        let entry = try #require(try Fixture.entries(Seed000Tests.file).first)
        let title = try #require(entry.title)
        #expect(entry.id == DumpIdentity.entryID(source: "000_72ee1e58c8808877", title: title, published: entry.published))
    }

    @Test func sourceOptionNamesTheSourceAndTheIds() throws {
        let entries = try Fixture.entries(Seed001Tests.file, source: "Jüdische Allgemeine")
        #expect(entries.count == 10)
        #expect(entries.allSatisfy { $0.source == "Jüdische Allgemeine" })
        #expect(entries.allSatisfy { $0.id.hasPrefix("urn:rundschau:dump:juedische-allgemeine:") })
    }

    @Test(arguments: [
        ("000_72ee1e58c8808877", "000_72ee1e58c8808877"),
        ("Jüdische Allgemeine", "juedische-allgemeine"),
        ("Le Monde (Paris)", "le-monde-paris"),
        ("Straße/Ärzte", "strasse-aerzte"),
        ("Café Crème", "cafe-creme"),
        ("  --  ", "-"),
    ])
    func sourceSlugs(name: String, slug: String) {
        #expect(DumpIdentity.slug(name) == slug)
    }

    @Test func repeatedItemsInOneDumpGetNumberedIds() throws {
        let text = "Sport\n\nHertha gewinnt Derby\n\nDas Spiel endete 2:1\n\nSport\n\nHertha gewinnt Derby\n\nDas Spiel endete 2:1\n"
        let entries = try DumpImporter().importData(Array(text.utf8), name: "dup.txt")
        #expect(entries.count == 2)
        guard entries.count == 2 else { return }
        #expect(entries[1].id == entries[0].id + "-2")
    }

    @Test func contentHashCoversWhatAnItemShows() {
        let base = Entry(id: "x", title: "Titel", summary: "Teaser", content: "<p>Text</p>", kicker: "Kicker")
        var edited = base
        edited.summary = "Anderer Teaser"
        #expect(DumpIdentity.contentHash(of: base) != DumpIdentity.contentHash(of: edited))
        edited = base
        edited.kicker = "Anderer Kicker"
        #expect(DumpIdentity.contentHash(of: base) != DumpIdentity.contentHash(of: edited))
        edited = base
        edited.id = "y"
        #expect(DumpIdentity.contentHash(of: base) == DumpIdentity.contentHash(of: edited))
    }
}
