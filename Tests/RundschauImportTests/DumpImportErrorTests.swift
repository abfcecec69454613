import Foundation
import RundschauImport
import RundschauModel
import Testing

/// Bad input gets a one-line error naming the file and the reason; other files still import.
@Suite struct DumpImportErrorTests {
    static func error(_ bytes: [UInt8], name: String = "dump.txt") -> DumpImportError? {
        do {
            _ = try DumpImporter().importData(bytes, name: name)
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyFile() {
        let error = Self.error([])
        #expect(error?.code == .empty)
        #expect(error?.description == "dump.txt: empty file")
    }

    @Test func whiteSpaceOnly() {
        let error = Self.error(Array(" \r\n\t\n\u{A0}\n".utf8))
        #expect(error?.code == .empty)
        #expect(error?.description == "dump.txt: empty file (only white space)")
    }

    @Test func binaryFile() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let error = Self.error(png, name: "seeds/cover.txt")
        #expect(error?.code == .binary)
        #expect(error?.description == "seeds/cover.txt: binary file (NUL bytes)")
        #expect(error?.file == "seeds/cover.txt")
        #expect(error?.reason == "binary file (NUL bytes)")
    }

    @Test func noRecognizableArticle() {
        let error = Self.error(Array("Teilen\n\nDrucken\n\nMehr\n".utf8))
        #expect(error?.code == .noArticles)
        #expect(error?.description == "dump.txt: no recognizable article")
    }

    @Test func missingFileAndDirectory() throws {
        let importer = DumpImporter()
        #expect(throws: DumpImportError(.unreadable, file: "/nonexistent/dump.txt", reason: "no such file")) {
            try importer.importFile(at: URL(fileURLWithPath: "/nonexistent/dump.txt"))
        }
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: DumpImportError(.unreadable, file: folder.path, reason: "is a directory")) {
            try importer.importFile(at: folder)
        }
    }

    @Test func tooLarge() throws {
        let importer = DumpImporter(options: DumpImportOptions(maxFileSize: 100))
        let error: DumpImportError? = {
            do {
                _ = try importer.importFile(at: try Fixture.url(Seed000Tests.file))
                return nil
            } catch let error as DumpImportError {
                return error
            } catch {
                return nil
            }
        }()
        #expect(error?.code == .tooLarge)
        #expect(error?.reason == "file too large (2156 bytes, limit 100)")
    }

    /// One run over good and bad paths: every bad one is reported, the good ones are imported.
    @Test func badFilesDoNotStopTheOthers() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let write = { (name: String, bytes: [UInt8]) in
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        try write("a-good.txt", try Fixture.bytes(Seed001Tests.file))
        try write("b-empty.txt", [])
        try write("c-binary.txt", [0x47, 0x49, 0x46, 0x00, 0x01])
        try write("d-nothing.txt", Array("Teilen\n\nDrucken\n".utf8))
        try write("e-ignored.md", [])
        let missing = folder.appendingPathComponent("missing.txt").path

        let results = DumpImporter().importPaths([folder.path, missing])
        let summary = results.map { result in
            (URL(fileURLWithPath: result.file).lastPathComponent, result.entries.count, result.error?.code)
        }
        #expect(summary.map(\.0) == ["missing.txt", "a-good.txt", "b-empty.txt", "c-binary.txt", "d-nothing.txt"])
        #expect(summary.map(\.1) == [0, 10, 0, 0, 0])
        #expect(summary.map(\.2) == [.unreadable, nil, .empty, .binary, .noArticles])
        #expect(results.compactMap(\.error?.description) == [
            "\(missing): no such file or directory",
            "\(folder.path)/b-empty.txt: empty file",
            "\(folder.path)/c-binary.txt: binary file (NUL bytes)",
            "\(folder.path)/d-nothing.txt: no recognizable article",
        ])
    }

    @Test func collectFilesHonoursPatternRecursionAndStandardInput() throws {
        let folder = try Fixture.url("per-file").path
        let names = { (list: DumpFileList) in
            list.inputs.map { URL(fileURLWithPath: $0.name).lastPathComponent }
        }
        let recursive = DumpImporter().collectFiles(paths: [folder])
        #expect(names(recursive) == ["a-rathaus.txt", "b-hafen.txt", "c-english.txt", "d-schule.txt"])
        #expect(recursive.errors.isEmpty)

        let flat = DumpImporter(options: DumpImportOptions(recursive: false)).collectFiles(paths: [folder])
        #expect(names(flat) == ["a-rathaus.txt", "b-hafen.txt", "c-english.txt"])

        let markdown = DumpImporter(options: DumpImportOptions(pattern: "*.md")).collectFiles(paths: [folder])
        #expect(names(markdown) == ["notes.md"])

        // A file named explicitly is taken whatever its name; `-` is standard input.
        let explicit = DumpImporter().collectFiles(paths: [folder + "/notes.md", "-", "/nonexistent"])
        #expect(explicit.inputs == [.file(folder + "/notes.md"), .standardInput])
        #expect(explicit.errors.map(\.description) == ["/nonexistent: no such file or directory"])
    }

    @Test func sourceNamesFromFileNames() {
        #expect(DumpImporter.sourceName(forFile: "seeds/000_72ee1e58c8808877.txt") == "000_72ee1e58c8808877")
        #expect(DumpImporter.sourceName(forFile: "archive.2024.txt") == "archive.2024")
        #expect(DumpImporter.sourceName(forFile: ".hidden") == ".hidden")
        #expect(DumpImporter.sourceName(forFile: "-") == "stdin")
        #expect(DumpImporter.sourceName(forFile: "") == "stdin")
    }
}
