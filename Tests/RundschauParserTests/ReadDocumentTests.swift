import Foundation
import RundschauParser
import Testing

/// `FeedParser.readDocument(atPath:)`: regular files through `open`/`fstat`/`read`, everything else through the
/// descriptor it opened, with the same limits and errors as before.
@Suite struct ReadDocumentTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rundschau-\(name)-\(UUID().uuidString)").path
    }

    @Test func aRegularFileIsReadWhole() throws {
        let path = temporaryPath("read.xml")
        let content = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(content)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try FeedParser.readDocument(atPath: path) == content)
        #expect(try FeedParser.readDocument(atPath: path, maxSize: content.count) == content)
        #expect(throws: FeedParseError.self) { try FeedParser.readDocument(atPath: path, maxSize: content.count - 1) }
    }

    @Test func anEmptyFileIsEmpty() throws {
        let path = temporaryPath("empty.xml")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try FeedParser.readDocument(atPath: path).isEmpty)
    }

    @Test func aMissingFileThrowsTheFileSystemError() {
        #expect(throws: (any Error).self) { try FeedParser.readDocument(atPath: temporaryPath("missing.xml")) }
    }

    @Test func aPipeIsReadOnceToItsEnd() throws {
        // A named pipe (as `rundschau parse <(command)` gives one): only one reader ever sees its bytes.
        let path = temporaryPath("pipe.xml")
        #expect(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let content = Array(#"<rss version="2.0"><channel><title>pipe</title></channel></rss>"#.utf8)
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(Data(content))
            try? handle.close()
        }
        writer.start()
        #expect(try FeedParser.readDocument(atPath: path) == content)
    }
}
