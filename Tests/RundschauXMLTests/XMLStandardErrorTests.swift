import Foundation
import RundschauXML
import Testing

/// libxml2 never writes to the process's standard error: a hostile feed must not make a cron job noisy.
@Suite(.serialized) struct XMLStandardErrorTests {
    /// Runs `body` with file descriptor 2 redirected to a temporary file; returns what was written there.
    private func capturingStandardError(_ body: () -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let saved = dup(2)
        let file = open(path, O_WRONLY)
        #expect(saved >= 0 && file >= 0)
        dup2(file, 2)
        body()
        fflush(nil)
        dup2(saved, 2)
        close(file)
        close(saved)
        return String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    /// Found by FuzzFeed: `<` and three NUL bytes read as UTF-8 make libxml2 switch to UCS-4 on its own, fail
    /// to convert, and print `encoding error : input conversion failed …` once per failed chunk.
    @Test func undecodableWideInputPrintsNothing() throws {
        var bytes: [UInt8] = [0x3C, 0, 0, 0] + Array(repeating: 0, count: 30)
        bytes += Array(#" encoding="windows-1252""#.utf8) + [0] + Array("iso10646ucs4".utf8) + Array(repeating: 0, count: 40) + [0xE4, 0x36]
        let output = try capturingStandardError {
            final class Discard: XMLEventHandler {
                func startElement(localName: String, prefix: String?, namespace: String?, attributes: [XMLAttribute]) {}
                func endElement(localName: String, prefix: String?, namespace: String?) {}
                func characters(_ utf8: UnsafeBufferPointer<UInt8>) {}
            }
            _ = try? XMLStreamParser.parse(bytes, handler: Discard())
            _ = try? XMLStreamParser.parse(bytes, options: XMLParseOptions(recover: true), handler: Discard())
            _ = try? XMLDocumentReader.read(bytes, charset: "utf-8") { Discard() }
        }
        #expect(output == "")
    }
}
