import Foundation
import Testing

/// Golden files under Fixtures/golden. `RUNDSCHAU_UPDATE_GOLDEN=1 swift test` rewrites them in the source
/// tree (review the diff before committing).
enum Golden {
    static func check(_ bytes: [UInt8], _ name: String, sourceFile: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["RUNDSCHAU_UPDATE_GOLDEN"] == "1" {
            let folder = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/golden")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: folder.appendingPathComponent(name))
            return
        }
        let expected = try Fixtures.bytes("golden/" + name)
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self), sourceLocation: sourceLocation)
        #expect(bytes == expected, "golden \(name): bytes differ", sourceLocation: sourceLocation)
    }
}
