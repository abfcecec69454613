import Foundation
import Logging
import RundschauImport
import RundschauModel
import RundschauStore

/// What one import run did, file by file.
public struct ImportReport: Sendable {
    /// One line per file: its name and what happened.
    public struct FileOutcome: Sendable {
        public var file: String
        public var items: Int
        public var inserted: Int
        public var updated: Int
        /// The one-line error (`<file>: <reason>`), when the file failed.
        public var error: String?
    }

    public var files: [FileOutcome] = []
    public var failures: [String] { files.compactMap(\.error) }
    public var items: Int { files.reduce(0) { $0 + $1.items } }
    public var inserted: Int { files.reduce(0) { $0 + $1.inserted } }
    public var updated: Int { files.reduce(0) { $0 + $1.updated } }
    /// Ids of articles inserted or changed, for the clustering step.
    public var changedArticles: [ArticleID] = []
}

/// `import`: text dumps → entries → the store, one source per dump file, one transaction per file.
public enum ImportStep {
    /// The store URL of a dump file's source: stable across checkouts and re-imports of the same file.
    public static func sourceURL(file: String, source: String?) -> String {
        let name = file == "-" ? "-" : (file as NSString).lastPathComponent
        if let source { return "dump:\(source)/\(name)" }
        return "dump:\(name)"
    }

    /// Imports `paths` (files, directories, `-`); a failing file is reported and the others still land.
    public static func run(
        paths: [String], source: String?, pattern: String = "*.txt", store: any FeedStore,
        now: Date = Date(), logger: Logger = Logger(label: "rundschau.import")
    ) async -> ImportReport {
        var options = DumpImportOptions()
        options.pattern = pattern
        let importer = DumpImporter(options: options, logger: logger)
        var report = ImportReport()
        for result in importer.importPaths(paths, source: source) {
            switch result.outcome {
            case .failure(let error):
                report.files.append(.init(file: result.file, items: 0, inserted: 0, updated: 0, error: error.message))
            case .success(let entries):
                do {
                    let title = source ?? DumpImporter.sourceName(forFile: (result.file as NSString).lastPathComponent)
                    let feed = try await store.subscribe(
                        FeedSubscription(url: sourceURL(file: result.file, source: source), title: title, kind: .dump),
                        at: now)
                    let upsert = try await store.upsertArticles(feedID: feed.id, entries: entries, seenAt: now)
                    report.changedArticles += upsert.insertedIDs + upsert.updatedIDs
                    report.files.append(.init(file: result.file, items: entries.count, inserted: upsert.inserted,
                                              updated: upsert.updated, error: nil))
                } catch {
                    report.files.append(.init(file: result.file, items: entries.count, inserted: 0, updated: 0,
                                              error: "\(result.file): not stored: \(error)"))
                }
            }
        }
        return report
    }
}
