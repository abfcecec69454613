import Foundation
import GRDB
import Synchronization

/// `RUNDSCHAU_SQL_TRACE=FILE`: every statement this process runs is appended to FILE, one line each as
/// `template<TAB>statement with its values`, for `EXPLAIN QUERY PLAN` (`rundschau-bench history` shows the plans
/// of a round this way). A diagnostic; off unless the variable is set.
final class SQLTrace: Sendable {
    static let shared: SQLTrace? = ProcessInfo.processInfo.environment["RUNDSCHAU_SQL_TRACE"]
        .flatMap { $0.isEmpty ? nil : SQLTrace(path: $0) }

    private let handle: FileHandle
    private let lock = Mutex(())

    private init?(path: String) {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func record(_ event: Database.TraceEvent) {
        guard case .statement(let statement) = event else { return }
        let line = "\(statement.sql)\t\(statement.expandedSQL)"
            .replacingOccurrences(of: "\n", with: " ") + "\n"
        lock.withLock { _ in handle.write(Data(line.utf8)) }
    }
}
