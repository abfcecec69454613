import Foundation
import Logging
import RundschauModel

/// Imports plain-text news dumps (copied or scraped pages, no markup) as feed entries.
///
/// Each dump is decoded (UTF-8 with a Windows-1252 fallback), normalized, split into articles and teasers,
/// and every item becomes an ``RundschauModel/Entry`` with `title`, `kicker`, `summary` (the teaser, text),
/// `content` (body paragraphs as `<p>` HTML), `published`, `authors`, `dateline`, `language` and `source`.
/// Ids follow ``DumpIdentity``: stable across re-imports, specific to each article. Imported items have no
/// `link`: a dump does not say where its articles live, and a `file://` URL would tie the item to one
/// machine's folder layout.
///
/// Importing stores nothing; callers hand the entries to a store.
///
/// ```swift
/// let importer = DumpImporter()
/// let entries = try importer.importFile(at: URL(fileURLWithPath: "seeds/001.txt"), source: nil)
/// print(try DumpImporter.dryRunJSON(entries))
/// ```
public struct DumpImporter: Sendable {
    /// File selection and limits.
    public var options: DumpImportOptions
    private let logger: Logger

    /// - Parameters:
    ///   - options: file selection and limits.
    ///   - logger: receives debug notes (fallback decoding, dropped page furniture); silent by default.
    public init(options: DumpImportOptions = DumpImportOptions(), logger: Logger? = nil) {
        self.options = options
        self.logger = logger ?? Logger(label: "rundschau.import", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// Imports one dump file.
    ///
    /// - Parameters:
    ///   - url: a file URL; its path as given names the file in errors.
    ///   - source: the source name to store the items under; `nil` derives it from the file name
    ///     (``sourceName(forFile:)``).
    /// - Throws: ``DumpImportError`` with code `unreadable`, `tooLarge`, `empty`, `binary` or `noArticles`.
    public func importFile(at url: URL, source: String? = nil) throws(DumpImportError) -> [Entry] {
        let name = url.isFileURL ? url.relativePath : url.absoluteString
        let bytes = try readFile(at: url.path, name: name)
        return try importData(bytes, name: name, source: source)
    }

    /// Imports one dump from its bytes.
    ///
    /// - Parameters:
    ///   - bytes: the raw dump.
    ///   - name: the file name used in errors and, without `source`, for the source name.
    ///   - source: the source name to store the items under; `nil` derives it from `name`.
    /// - Throws: ``DumpImportError`` with code `tooLarge` (over ``DumpImportOptions/maxFileSize``), `empty`,
    ///   `binary` or `noArticles`.
    public func importData(_ bytes: [UInt8], name: String, source: String? = nil) throws(DumpImportError) -> [Entry] {
        guard bytes.count <= options.maxFileSize else {
            throw DumpImportError(
                .tooLarge, file: name, reason: "file too large (\(bytes.count) bytes, limit \(options.maxFileSize))")
        }
        let decoded: DumpDecoder.Decoded
        switch DumpDecoder.decode(bytes) {
        case .success(let value): decoded = value
        case .failure(.empty): throw DumpImportError(.empty, file: name, reason: "empty file")
        case .failure(.binary(let reason)): throw DumpImportError(.binary, file: name, reason: reason)
        }
        if decoded.fallbackBytes > 0 {
            logger.info(
                "dump is not valid UTF-8; read those bytes as Windows-1252",
                metadata: ["dump.file": "\(name)", "dump.fallback_bytes": "\(decoded.fallbackBytes)"])
        }
        let lines = DumpLine.make(from: DumpTextNormalizer.lines(of: decoded.text))
        guard !lines.isEmpty else {
            throw DumpImportError(.empty, file: name, reason: "empty file (only white space)")
        }
        let kinds = LineUnwrapper.unwrap(lines).flatMap(LineClassifier.classify)
        let items = DumpSplitter.split(kinds)
        let builder = DumpEntryBuilder(
            source: source ?? Self.sourceName(forFile: name),
            maxTitleLength: options.maxDerivedTitleLength,
            detectLanguage: options.detectLanguage)
        let entries = builder.entries(from: items)
        guard !entries.isEmpty else {
            throw DumpImportError(.noArticles, file: name, reason: "no recognizable article")
        }
        logger.debug("imported dump", metadata: ["dump.file": "\(name)", "dump.items": "\(entries.count)"])
        return entries
    }

    /// The source name derived from a file name: its last path component without extension
    /// (`seeds/000_72ee.txt` → `000_72ee`); `stdin` for `-` or an empty name.
    public static func sourceName(forFile name: String) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? ""
        var base = last
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { base = String(last[..<dot]) }
        return base.isEmpty || base == "-" ? "stdin" : base
    }

    /// The items as the JSON that `rundschau import --dry-run --json` prints: `{"entries": [...]}` with the
    /// entry schema of `rundschau parse --json` (sorted keys, RFC 3339 UTC dates, absent fields omitted)
    /// plus `kicker`, `dateline` and `source`.
    public static func dryRunJSON(_ entries: [Entry], pretty: Bool = true) throws -> String {
        struct Document: Encodable { var entries: [Entry] }
        let data = try FeedJSON.makeEncoder(pretty: pretty).encode(Document(entries: entries))
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: Reading

    private func readFile(at path: String, name: String) throws(DumpImportError) -> [UInt8] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DumpImportError(.unreadable, file: name, reason: "no such file")
        }
        if isDirectory.boolValue { throw DumpImportError(.unreadable, file: name, reason: "is a directory") }
        guard manager.isReadableFile(atPath: path) else {
            throw DumpImportError(.unreadable, file: name, reason: "permission denied")
        }
        if let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? Int, size > options.maxFileSize {
            throw DumpImportError(
                .tooLarge, file: name, reason: "file too large (\(size) bytes, limit \(options.maxFileSize))")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DumpImportError(.unreadable, file: name, reason: "cannot open file")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: options.maxFileSize + 1) ?? Data()
            if data.count > options.maxFileSize {
                throw DumpImportError(.tooLarge, file: name, reason: "file too large (limit \(options.maxFileSize) bytes)")
            }
            return [UInt8](data)
        } catch let error as DumpImportError {
            throw error
        } catch {
            throw DumpImportError(.unreadable, file: name, reason: "cannot read file (\(error.localizedDescription))")
        }
    }
}
