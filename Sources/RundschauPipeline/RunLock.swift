import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive, non-blocking lock on a file next to the database, so that overlapping cron runs never
/// become two writers. The kernel releases it when the process exits, even on SIGKILL.
public final class RunLock: Sendable {
    /// Why the lock could not be taken.
    public struct Busy: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var holder: String?
        public var description: String {
            "another rundschau run holds \(path)" + (holder.map { " (\($0))" } ?? "") + "; exiting"
        }
    }

    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// Takes the lock at `path` or throws ``Busy`` at once; creates the folder if needed.
    public init(path: String) throws {
        self.path = path
        // A bare file name (`--database news.sqlite`) lives in the working directory: no folder to create.
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 200)
            let count = read(fd, &buffer, buffer.count)
            close(fd)
            let holder = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines) : nil
            throw Busy(path: path, holder: holder)
        }
        descriptor = fd
        let note = "pid \(getpid()) since \(Date().formatted(.iso8601))\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
