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

    /// Files named directly are kept whatever their name; directories are walked recursively for files
    /// whose extension is in `extensions` (all files when `nil`), hidden files and golden `*.expected.json` skipped.
    static func expand(_ inputs: [String], extensions: Set<String>? = nil) -> (sources: [Source], missing: [String]) {
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
            guard let walker = fm.enumerator(atPath: path) else { missing.append(input); continue }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name.hasSuffix(".expected.json") { continue }
                if let extensions, !extensions.contains((name as NSString).pathExtension.lowercased()) { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
            }
            sources += found.sorted().map(Source.file)
        }
        return (sources, missing)
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
