import Foundation
import RundschauModel

/// One input of an import run.
public enum DumpInput: Hashable, Sendable {
    /// A file, by the path the user gave or the directory walk found.
    case file(String)
    /// Standard input (`-`).
    case standardInput

    /// The name used in messages: the path, or `-`.
    public var name: String {
        switch self {
        case .file(let path): path
        case .standardInput: "-"
        }
    }
}

/// The inputs found for a list of paths, and the paths that could not be used.
public struct DumpFileList: Sendable, Hashable {
    /// The files (and standard input) to import, in the order given; directory contents sorted by path.
    public var inputs: [DumpInput]
    /// One `unreadable` error per path that does not exist or cannot be listed.
    public var errors: [DumpImportError]
}

/// What importing one input gave.
public struct DumpImportResult: Sendable {
    /// The input's name (path or `-`).
    public var file: String
    /// The entries, or why there are none.
    public var outcome: Result<[Entry], DumpImportError>

    /// The entries, empty for a failed input.
    public var entries: [Entry] { (try? outcome.get()) ?? [] }

    /// The failure, if the input failed.
    public var error: DumpImportError? {
        if case .failure(let error) = outcome { return error }
        return nil
    }
}

extension DumpImporter {
    /// Expands `paths` into inputs: files as given (whatever their name), directories walked for files
    /// matching ``DumpImportOptions/pattern`` (recursively when ``DumpImportOptions/recursive``; hidden
    /// files and folders skipped; sorted by path), and `-` as standard input. A path that does not exist
    /// or cannot be listed becomes an `unreadable` error; the others are still returned.
    public func collectFiles(paths: [String]) -> DumpFileList {
        var inputs: [DumpInput] = []
        var errors: [DumpImportError] = []
        let manager = FileManager.default
        let glob = GlobPattern(options.pattern)
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(DumpImportError(.unreadable, file: path, reason: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                inputs.append(.file(path))
                continue
            }
            guard let found = listFiles(in: path, matching: glob) else {
                errors.append(DumpImportError(.unreadable, file: path, reason: "cannot list directory"))
                continue
            }
            inputs += found.map(DumpInput.file)
        }
        return DumpFileList(inputs: inputs, errors: errors)
    }

    /// Imports every input of `paths` (see ``collectFiles(paths:)``); one result per input or bad path, in
    /// order. A failed input does not stop the others.
    ///
    /// - Parameter source: the source name for all items; `nil` derives one per file from its name.
    public func importPaths(_ paths: [String], source: String? = nil) -> [DumpImportResult] {
        let list = collectFiles(paths: paths)
        var results = list.errors.map { DumpImportResult(file: $0.file, outcome: .failure($0)) }
        for input in list.inputs {
            let outcome: Result<[Entry], DumpImportError>
            switch input {
            case .file(let path):
                outcome = Result { () throws(DumpImportError) in
                    try importFile(at: URL(fileURLWithPath: path), source: source)
                }
            case .standardInput:
                // At most one byte past the limit is read: importData refuses that as too large.
                let limit = options.maxFileSize < Int.max ? options.maxFileSize + 1 : options.maxFileSize
                outcome = Result { () throws(DumpImportError) in
                    let data: Data
                    do {
                        data = try FileHandle.standardInput.read(upToCount: limit) ?? Data()
                    } catch {
                        throw DumpImportError(.unreadable, file: "-", reason: "cannot read standard input (\(error.localizedDescription))")
                    }
                    return try importData([UInt8](data), name: "-", source: source)
                }
            }
            results.append(DumpImportResult(file: input.name, outcome: outcome))
        }
        return results
    }

    /// The regular, non-hidden files under `directory` whose names match `glob`, sorted.
    private func listFiles(in directory: String, matching glob: GlobPattern) -> [String]? {
        let manager = FileManager.default
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var relativePaths: [String] = []
        if options.recursive {
            guard let enumerator = manager.enumerator(atPath: base) else { return nil }
            while let next = enumerator.nextObject() as? String {
                if next.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                relativePaths.append(next)
            }
        } else {
            guard let names = try? manager.contentsOfDirectory(atPath: base) else { return nil }
            relativePaths = names.filter { !$0.hasPrefix(".") }
        }
        return relativePaths.sorted().compactMap { relative in
            let fileName = relative.split(separator: "/").last.map(String.init) ?? relative
            guard glob.matches(fileName) else { return nil }
            let full = base + "/" + relative
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
            return full
        }
    }
}
