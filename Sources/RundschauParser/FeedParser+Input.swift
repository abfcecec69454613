import Foundation

extension FeedParser {
    /// Reads a feed document from a file, refusing one larger than `maxSize` before reading any of it.
    ///
    /// The size comes from the file system, so a 1 GB file costs a `stat`, not a gigabyte of memory. A file
    /// that grows while it is read is cut off at `maxSize + 1` bytes and refused all the same.
    /// - Throws: ``FeedParseError`` `tooLarge`; the file system's error for a missing or unreadable file.
    public static func readDocument(atPath path: String, maxSize: Int = FeedParserOptions().maxDocumentSize) throws -> [UInt8] {
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
