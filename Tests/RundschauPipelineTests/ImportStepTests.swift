import Foundation
import Testing
import RundschauPipeline
import RundschauStore
import RundschauStoreSQLite

@Suite struct ImportStepTests {
    let folder: URL
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-step-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    static var seeds: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds").standardized
    }

    func store() throws -> SQLiteFeedStore { try SQLiteFeedStore(path: folder.appendingPathComponent("db.sqlite").path) }

    @Test func seedsImportOnceAndReimportAddsNothing() async throws {
        let store = try store()
        let first = await ImportStep.run(paths: [Self.seeds.path], source: nil, store: store)
        #expect(first.failures.isEmpty)
        #expect(first.items == 11 && first.inserted == 11)
        let second = await ImportStep.run(paths: [Self.seeds.path], source: nil, store: store)
        #expect(second.inserted == 0 && second.updated == 0 && second.items == 11)
        let status = try await store.status()
        #expect(status.articles == 11 && status.dumpSources == 2)
    }

    @Test func editingOneArticleUpdatesOnlyThatItem() async throws {
        let store = try store()
        let dump = folder.appendingPathComponent("teasers.txt")
        let original = try String(contentsOf: Self.seeds.appendingPathComponent("001_78505ae9019cee0c.txt"), encoding: .utf8)
        try original.write(to: dump, atomically: true, encoding: .utf8)
        _ = await ImportStep.run(paths: [dump.path], source: "Test", store: store)
        let edited = original.replacingOccurrences(of: "Eine Rekonstruktion", with: "Eine Rekonstruktion der Ereignisse")
        #expect(edited != original)
        try edited.write(to: dump, atomically: true, encoding: .utf8)
        let report = await ImportStep.run(paths: [dump.path], source: "Test", store: store)
        #expect(report.inserted == 0)
        #expect(report.updated == 1)
        let changedID = try #require(report.changedArticles.first)
        let changed = try #require(await store.article(id: changedID))
        #expect(changed.summary == "Eine Rekonstruktion der Ereignisse")
        #expect(try await store.status().articles == 10)
    }

    @Test func aFailedFileTouchesNothingStoredAndOthersStillLand() async throws {
        let store = try store()
        _ = await ImportStep.run(paths: [Self.seeds.appendingPathComponent("000_72ee1e58c8808877.txt").path], source: nil, store: store)
        let binary = folder.appendingPathComponent("junk.txt")
        try Data([0, 1, 2, 0, 255, 0]).write(to: binary)
        let report = await ImportStep.run(
            paths: [binary.path, Self.seeds.appendingPathComponent("001_78505ae9019cee0c.txt").path], source: nil, store: store)
        #expect(report.failures.count == 1)
        #expect(report.failures[0].hasPrefix(binary.path + ": binary"))
        #expect(report.inserted == 10)
        #expect(try await store.status().articles == 11)
    }
}
