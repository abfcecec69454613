import Foundation

extension FeedParser {
    /// Reads a feed document from a file, refusing one larger than `maxSize` before reading any of it.
    ///
    /// The size comes from the file system, so a 1 GB file costs a `stat`, not a gigabyte of memory. A file
    /// that grows while it is read is cut off at `maxSize + 1` bytes and refused all the same.
    /// - Throws: ``FeedParseError`` `tooLarge`; the file system's error for a missing or unreadable file.
    public static func readDocument(atPath path: String, maxSize: Int = FeedParserOptions().maxDocumentSize) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        // Not opened: Foundation tries again and throws its usual error (no such file, no permission).
        guard fd >= 0 else { return try readDocumentWithFoundation(atPath: path, maxSize: maxSize) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            // A pipe or device (`<(command)`, /dev/stdin): read from this descriptor, which may be the only
            // chance to read it, up to its end.
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            return try readDocument(from: handle, maxSize: maxSize, url: path)
        }
        defer { close(fd) }
        let size = Int(status.st_size)
        if size > maxSize {
            throw FeedParseError(.tooLarge, "the document is \(size) bytes, over the limit of \(maxSize)", url: path)
        }
        guard let bytes = readRegularFile(fd, size: size, maxSize: maxSize) else {
            return try readDocumentWithFoundation(atPath: path, maxSize: maxSize)  // a read error: as before
        }
        if bytes.count > maxSize {
            throw FeedParseError(.tooLarge, "the document is larger than the limit of \(maxSize) bytes", url: path)
        }
        return bytes
    }

    /// Reads an open regular file of `size` bytes (by `fstat`) with `read` straight into the array that is
    /// returned: no `Data`, no second copy, no attribute dictionary. A file that grew since is read on up to
    /// `maxSize + 1` bytes; `nil` when a read fails.
    private static func readRegularFile(_ fd: Int32, size: Int, maxSize: Int) -> [UInt8]? {
        let limit = maxSize < Int.max ? maxSize + 1 : maxSize
        // One byte more than the size on disk, so that a file that grew is noticed; it then doubles.
        var capacity = min(size + 1, limit)
        var bytes = [UInt8]()
        while true {
            var failed = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                var count = previous.count
                previous.withUnsafeBufferPointer { old in
                    if let oldBase = old.baseAddress { base.initialize(from: oldBase, count: old.count) }
                }
                while count < capacity {
                    let got = read(fd, base + count, capacity - count)
                    if got > 0 {
                        count += got
                    } else if got == 0 {
                        break
                    } else if errno != EINTR {
                        failed = true
                        break
                    }
                }
                initialized = count
            }
            if failed { return nil }
            if bytes.count < capacity || capacity >= limit { return bytes }
            capacity = capacity > limit / 2 ? limit : capacity * 2
        }
    }

    private static func readDocumentWithFoundation(atPath path: String, maxSize: Int) throws -> [UInt8] {
        if let size = (try FileManager.default.attributesOfItem(atPath: path))[.size] as? Int, size > maxSize {
            throw FeedParseError(.tooLarge, "the document is \(size) bytes, over the limit of \(maxSize)", url: path)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        return try readDocument(from: handle, maxSize: maxSize, url: path)
    }

    /// Reads a feed document from an open handle (standard input, a pipe) up to its end, refusing it as soon
    /// as it grows past `maxSize`: at most `maxSize + 1` bytes are ever held.
    /// - Throws: ``FeedParseError`` `tooLarge`; the handle's read error.
    public static func readDocument(
        from handle: FileHandle, maxSize: Int = FeedParserOptions().maxDocumentSize, url: String? = nil
    ) throws -> [UInt8] {
        let data = try handle.read(upToCount: maxSize < Int.max ? maxSize + 1 : maxSize) ?? Data()
        if data.count > maxSize {
            throw FeedParseError(.tooLarge, "the document is larger than the limit of \(maxSize) bytes", url: url)
        }
        return [UInt8](data)
    }
}
