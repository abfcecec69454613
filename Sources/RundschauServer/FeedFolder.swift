import Foundation

/// The output folder, resolved once; maps request paths to files inside it and nowhere else.
struct FeedFolder: Sendable {
    /// The folder's real path (symlinks resolved), without a trailing slash.
    let root: String

    init(path: String) throws(ServerError) {
        guard let resolved = Self.realPath(path) else {
            throw ServerError(.outputFolderMissing, "the output folder does not exist", path: path)
        }
        var info = stat()
        guard stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw ServerError(.outputFolderMissing, "the output path is not a folder", path: path)
        }
        root = resolved == "/" ? "" : resolved
    }

    /// The real path of the file a safe relative path names, when it exists, is a regular file, and lies
    /// inside the folder after every symlink is resolved; `nil` otherwise.
    func resolve(_ relative: String) -> String? {
        guard let resolved = Self.realPath(root + "/" + relative), resolved.hasPrefix(root + "/") else { return nil }
        // A symlink may point at a hidden file inside the folder: the resolved path obeys the same rule.
        let inside = resolved.dropFirst(root.count + 1)
        guard !inside.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { return nil }
        return resolved
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
