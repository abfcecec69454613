import Foundation

/// Writes files so that readers (the server, a feed reader, a crash) only ever see the old or the new
/// version: a temporary file in the same folder, `fsync`, then `rename`. A file whose bytes would not change
/// is not touched at all, so its modification time and ETag stay stable.
enum AtomicFile {
    enum Outcome: Equatable {
        case written
        case unchanged
    }

    /// Writes `bytes` to `name` inside `folder` unless the file already holds exactly these bytes.
    static func write(_ bytes: [UInt8], name: String, in folder: String) throws(PublishError) -> Outcome {
        let path = folder + "/" + name
        if hasContent(bytes, at: path) { return .unchanged }
        let temporary = folder + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PublishError(.fileSystem, "cannot create a temporary file (\(String(cString: strerror(errno))))", path: temporary, errno: errno)
        }
        var failure: PublishError?
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let result = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = PublishError(.fileSystem, "cannot write (\(String(cString: strerror(errno))))", path: temporary, errno: errno)
                    return
                }
                offset += result
            }
        }
        if failure == nil, fsync(descriptor) != 0 {
            failure = PublishError(.fileSystem, "cannot flush (\(String(cString: strerror(errno))))", path: temporary, errno: errno)
        }
        // The mode is set explicitly: the process umask must not make published files unreadable to a server.
        _ = fchmod(descriptor, 0o644)
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 {
            failure = PublishError(.fileSystem, "cannot rename into place (\(String(cString: strerror(errno))))", path: path, errno: errno)
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
        return .written
    }

    /// Flushes the folder's directory entry so that the renames survive a power loss.
    static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Creates `folder` and its parents when missing.
    static func makeFolder(_ folder: String) throws(PublishError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw PublishError(.fileSystem, "the output path is not a folder", path: folder) }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PublishError(.fileSystem, "cannot create the output folder (\(error.localizedDescription))", path: folder)
        }
    }

    /// True when the file at `path` exists and holds exactly `bytes` (size checked first).
    private static func hasContent(_ bytes: [UInt8], at path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        guard let data = FileManager.default.contents(atPath: path), data.count == bytes.count else { return false }
        return data.withUnsafeBytes { existing in
            bytes.withUnsafeBytes { new in
                guard let left = existing.baseAddress, let right = new.baseAddress else { return existing.count == new.count }
                return memcmp(left, right, new.count) == 0
            }
        }
    }
}
