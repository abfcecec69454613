import Foundation
import Logging
import RundschauConfig
import RundschauPipeline
import RundschauParser

/// Expands command-line inputs (files, directories, `-`) into a list of readable sources.
enum InputFiles {
    /// One input: a file path, standard input, or a URL.
    enum Source: Hashable {
        case file(String)
        case standardInput
        case url(URL)

        var displayName: String {
            switch self {
            case .file(let path): return path
            case .standardInput: return "-"
            case .url(let url): return url.absoluteString
            }
        }
    }

    /// Files named directly are kept whatever their name; directories are walked recursively (``walk(_:into:)``).
    static func expand(_ inputs: [String]) -> (sources: [Source], missing: [String]) {
        var sources: [Source] = []
        var missing: [String] = []
        let fm = FileManager.default
        for input in inputs {
            if input == "-" { sources.append(.standardInput); continue }
            if let url = URL(string: input), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme) {
                sources.append(.url(url)); continue
            }
            let path = input.hasPrefix("file://") ? (URL(string: input)?.path ?? input) : input
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { missing.append(input); continue }
            guard isDirectory.boolValue else { sources.append(.file(path)); continue }
            var found: [String] = []
            guard walk(path, into: &found) else { missing.append(input); continue }
            sources += found.sorted().map(Source.file)
        }
        return (sources, missing)
    }

    /// Appends the feed files under `directory` (recursively, by `readdir`: the directory entry's type spares a
    /// `stat` per file) to `found`; hidden entries and golden `*.expected.json` are skipped, and a symbolic link
    /// counts when it leads to a file (links to directories are never followed, so a loop cannot trap the walk).
    /// Each directory is read and closed before its subdirectories are walked, so depth holds no handles open.
    /// Returns false when `directory` cannot be opened.
    private static func walk(_ directory: String, into found: inout [String]) -> Bool {
        guard let handle = opendir(directory) else { return false }
        var subdirectories: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") || name.hasSuffix(".expected.json") { continue }
            let full = (directory as NSString).appendingPathComponent(name)
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                // The file system does not say: ask without following a link.
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                let format = info.st_mode & S_IFMT
                type = format == S_IFDIR ? Int32(DT_DIR) : format == S_IFLNK ? Int32(DT_LNK) : format == S_IFREG ? Int32(DT_REG) : -1
            }
            if type == Int32(DT_LNK) {
                // A link counts only when it leads to a regular file.
                var info = stat()
                guard stat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                type = Int32(DT_REG)
            }
            if type == Int32(DT_DIR) {
                subdirectories.append(full)
            } else if type == Int32(DT_REG) {
                found.append(full)
            }
        }
        closedir(handle)
        for subdirectory in subdirectories { _ = walk(subdirectory, into: &found) }
        return true
    }

    /// Reads a source's bytes; URLs are fetched through the pipeline's fetcher (``FetchStep/fetchDocument(_:maxSize:)``).
    /// Files larger than `maxSize` are refused before reading, standard input and URLs as soon as they pass it.
    static func read(_ source: Source, maxSize: Int) async throws -> [UInt8] {
        switch source {
        case .file(let path):
            // Read (never mapped) and refused by its size on disk before reading.
            return try FeedParser.readDocument(atPath: path, maxSize: maxSize)
        case .standardInput:
            return try FeedParser.readDocument(from: .standardInput, maxSize: maxSize, url: "-")
        case .url(let url):
            let step = FetchStep(settings: Settings(), logger: Logger(label: "rundschau.parse", factory: { _ in SwiftLogNoOpLogHandler() }))
            return try await step.fetchDocument(url, maxSize: maxSize)
        }
    }
}
