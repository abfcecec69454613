import Foundation
import Logging
import RundschauText

extension FeedFetcher {
    /// Reads a `file://` feed (one a script generates) as if it were served.
    ///
    /// The file's size and modification time make its validators: an `ETag` (`"size-mtime"`, nanosecond
    /// precision) and a `Last-Modified` date, so an unchanged file is ``FetchOutcome/notModified(_:)`` and costs
    /// no parse, exactly like a 304.
    func fetchFile(_ request: FetchRequest, logger: Logger) -> FetchOutcome {
        let url = request.url
        guard configuration.allowFileURLs else {
            return .failed(FetchError(.unsupportedScheme, "file URLs are disabled in this configuration", url: url))
        }
        let path = url.path
        guard !path.isEmpty else { return .failed(FetchError(.invalidURL, "a file URL without a path", url: url)) }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            return .failed(FetchError(.file, "cannot read \(path): no such file or not accessible", url: url,
                                      underlying: error))
        }
        if (attributes[.type] as? FileAttributeType) == .typeDirectory {
            return .failed(FetchError(.file, "\(path) is a directory, not a feed file", url: url))
        }
        let limit = configuration.maxBodySize
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > limit {
            return .failed(FetchError(.tooLarge, "the file is \(size) bytes, over the limit of \(limit)", url: url))
        }
        let modified = attributes[.modificationDate] as? Date
        let etag = modified.map { "\"\(size)-\(Int64(($0.timeIntervalSince1970 * 1_000_000_000).rounded()))\"" }
        let lastModified = modified.map(HTTPDate.format)
        var response = FetchResponse(
            contentType: Self.contentType(forExtension: url.pathExtension), etag: etag, lastModified: lastModified,
            finalURL: url, httpStatus: 200)

        let unchanged = if let etag, let known = request.etag { etag == known }
            else if let lastModified, request.etag == nil, let known = request.lastModified { lastModified == known }
            else { false }
        if unchanged {
            response.httpStatus = 304
            return .notModified(response)
        }

        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failed(FetchError(.file, "cannot open \(path) for reading", url: url))
        }
        defer { try? handle.close() }
        var body: [UInt8] = []
        body.reserveCapacity(min(size, limit))
        do {
            // Read in chunks rather than trusting the size: the file may grow, or be a pipe.
            while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                guard body.count + chunk.count <= limit else {
                    return .failed(FetchError(.tooLarge, "the file passed the limit of \(limit) bytes", url: url))
                }
                body.append(contentsOf: chunk)
            }
        } catch {
            return .failed(FetchError(.file, "reading \(path) failed: \(error.localizedDescription)", url: url,
                                      underlying: error))
        }
        response.body = body
        return .fetched(response)
    }

    static func contentType(forExtension pathExtension: String) -> String? {
        switch pathExtension.lowercased() {
        case "rss": "application/rss+xml"
        case "atom": "application/atom+xml"
        case "rdf": "application/rdf+xml"
        case "xml": "application/xml"
        case "json": "application/feed+json"
        case "html", "htm": "text/html"
        default: nil
        }
    }
}
