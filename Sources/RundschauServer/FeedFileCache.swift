import CompressNIO
import Foundation
import NIOCore
import RundschauText
import Synchronization

/// One version of a served file: its bytes, validators and (once asked for) its gzip form.
struct CachedFile: Sendable {
    /// Device, inode, size and modification time: a new publish (a rename) changes the inode.
    struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    var identity: Identity
    var body: ByteBuffer
    var contentType: String
    /// Strong validator of the identity encoding: a hash of the bytes, so it survives server restarts and
    /// equal content always has the same tag.
    var etag: String
    /// Strong validator of the gzip encoding (a different representation needs a different strong tag).
    var gzipETag: String
    var lastModified: String
    var modifiedSeconds: Int
    var gzipped: ByteBuffer?
}

/// Files of the output folder by real path, revalidated with one `stat` per request so that newly published
/// files are served at once, without a restart. Gzip forms are computed once per file version.
final class FeedFileCache: Sendable {
    private let entries = Mutex<[String: CachedFile]>([:])
    /// Bytes of bodies (plain and gzip) kept at most; past it the cache starts over.
    let maxBytes: Int
    /// Larger files are served but neither cached nor compressed.
    let maxFileBytes: Int

    init(maxBytes: Int = 128 << 20, maxFileBytes: Int = 32 << 20) {
        self.maxBytes = maxBytes
        self.maxFileBytes = maxFileBytes
    }

    /// The current version of the regular file at `path` (a real path), or `nil` when it is gone or not a
    /// regular file.
    func file(at path: String, contentType: String) -> CachedFile? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let identity = Self.identity(info)
        if let cached = entries.withLock({ $0[path] }), cached.identity == identity { return cached }
        guard let loaded = Self.load(path, contentType: contentType) else { return nil }
        if loaded.body.readableBytes <= maxFileBytes {
            entries.withLock { entries in
                if totalBytes(entries) + loaded.body.readableBytes > maxBytes { entries.removeAll() }
                entries[path] = loaded
            }
        }
        return loaded
    }

    /// The gzip form of `file`, computed on first use and kept with that version; `nil` when compression
    /// does not pay (larger or equal) or the file is too large to cache.
    func gzipped(_ file: CachedFile, path: String) -> ByteBuffer? {
        if let gzipped = file.gzipped { return gzipped }
        guard file.body.readableBytes <= maxFileBytes, file.body.readableBytes > 0 else { return nil }
        var input = file.body
        guard let compressed = try? input.compress(with: .gzip(configuration: .init(compressionLevel: 9))),
              compressed.readableBytes < file.body.readableBytes else { return nil }
        entries.withLock { entries in
            guard var current = entries[path], current.identity == file.identity else { return }
            if totalBytes(entries) + compressed.readableBytes > maxBytes { return }
            current.gzipped = compressed
            entries[path] = current
        }
        return compressed
    }

    private func totalBytes(_ entries: [String: CachedFile]) -> Int {
        entries.values.reduce(0) { $0 + $1.body.readableBytes + ($1.gzipped?.readableBytes ?? 0) }
    }

    private static func identity(_ info: stat) -> CachedFile.Identity {
        CachedFile.Identity(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modifiedSeconds: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec))
    }

    /// Reads the file through one descriptor, so that the identity and the bytes belong together.
    private static func load(_ path: String, contentType: String) -> CachedFile? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var buffer = ByteBufferAllocator().buffer(capacity: size)
        var failed = false
        let read = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            var total = 0
            while total < size {
                let count = Foundation.read(descriptor, base + total, size - total)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { failed = count < 0; break }
                total += count
            }
            return total
        }
        guard !failed, read == size else { return nil }
        let hash = Self.fnv1a(buffer)
        let tag = String(hash, radix: 16) + "-" + String(size, radix: 16)
        let modified = Int(info.st_mtim.tv_sec)
        return CachedFile(
            identity: identity(info), body: buffer, contentType: contentType, etag: "\"\(tag)\"", gzipETag: "\"\(tag)-gz\"",
            lastModified: HTTPDate.format(Date(timeIntervalSince1970: TimeInterval(modified))),
            modifiedSeconds: modified, gzipped: nil)
    }

    /// 64-bit FNV-1a (`StableHash`) over the bytes: cheap, stable across runs and machines.
    private static func fnv1a(_ buffer: ByteBuffer) -> UInt64 {
        buffer.withUnsafeReadableBytes { bytes in
            var hash = StableHash()
            hash.combine(bytes: bytes)
            return hash.value
        }
    }
}
