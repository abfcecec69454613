import Foundation
import Testing

@Suite struct SeedFilesTests {
    /// The shipped seeds are the importer's reference inputs; they must stay readable UTF-8 text.
    @Test func seedsAreUTF8Text() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }
        #expect(names.count >= 2)
        for name in names {
            let data = try Data(contentsOf: seeds.appendingPathComponent(name))
            #expect(String(data: data, encoding: .utf8) != nil)
        }
    }
}
