import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RundschauText

/// Serves the files of the output folder, read-only: `GET` and `HEAD`, strong ETags and Last-Modified,
/// 304 for `If-None-Match` / `If-Modified-Since`, gzip when the client accepts it. `/` is `index.html`.
struct FeedFolderController: Sendable {
    let folder: FeedFolder
    let cache: FeedFileCache
    let logger: Logger
    /// How long readers may reuse a response without asking again.
    var cacheControl = "public, max-age=300"

    func addRoutes(to router: Router<ServerRequestContext>) {
        router.get("/", use: serve)
        router.head("/", use: serve)
        router.get("**", use: serve)
        router.head("**", use: serve)
    }

    @Sendable
    func serve(_ request: Request, context: ServerRequestContext) async throws -> Response {
        guard let relative = RequestPath.relative(request.uri.path) else { throw HTTPError(.notFound) }
        let name = relative.isEmpty ? "index.html" : relative
        guard let path = folder.resolve(name),
              let file = cache.file(at: path, contentType: ContentType.forFile(name)) else { throw HTTPError(.notFound) }

        let wantsGzip = ContentType.isCompressible(file.contentType) && AcceptEncoding.allowsGzip(request.headers[.acceptEncoding])
        let gzipped = wantsGzip ? cache.gzipped(file, path: path) : nil
        var headers: HTTPFields = [:]
        headers[.contentType] = file.contentType
        headers[.eTag] = gzipped == nil ? file.etag : file.gzipETag
        headers[.lastModified] = file.lastModified
        headers[.cacheControl] = cacheControl
        if ContentType.isCompressible(file.contentType) { headers[.vary] = "Accept-Encoding" }

        if ConditionalRequest.isNotModified(request.headers, etags: [file.etag, file.gzipETag], modifiedSeconds: file.modifiedSeconds) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers, body: ResponseBody())
        }
        let body = gzipped ?? file.body
        if gzipped != nil { headers[.contentEncoding] = "gzip" }
        headers[.contentLength] = String(body.readableBytes)
        if request.method == .head { return Response(status: .ok, headers: headers, body: ResponseBody()) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}

/// `Accept-Encoding` (RFC 9110 §12.5.3), as far as gzip is concerned.
enum AcceptEncoding {
    /// True when `gzip` (or `x-gzip`, or `*` without an explicit gzip entry) has a non-zero quality.
    static func allowsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var wildcard: Bool?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if coding == "gzip" || coding == "x-gzip" { return quality > 0 }
            if coding == "*" { wildcard = quality > 0 }
        }
        return wildcard ?? false
    }
}

/// Conditional `GET`/`HEAD` (RFC 9110 §13.2.2): `If-None-Match` wins over `If-Modified-Since`.
enum ConditionalRequest {
    /// True when the client's copy is current: one of its entity tags matches (weak comparison, as §13.1.2
    /// requires for `If-None-Match`; `*` matches any existing file), or, without `If-None-Match`, the file
    /// has not changed since the `If-Modified-Since` date (second precision).
    static func isNotModified(_ headers: HTTPFields, etags: [String], modifiedSeconds: Int) -> Bool {
        let noneMatch = headers[values: .ifNoneMatch]
        if !noneMatch.isEmpty {
            let opaque = Set(etags.map(stripWeak))
            for value in noneMatch {
                for tag in splitTags(value) {
                    if tag == "*" || opaque.contains(stripWeak(tag)) { return true }
                }
            }
            return false
        }
        guard let since = headers[.ifModifiedSince].flatMap(HTTPDate.parse) else { return false }
        return Double(modifiedSeconds) <= since.timeIntervalSince1970
    }

    private static func stripWeak(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }

    /// Entity tags of a list header; commas inside quotes do not split.
    private static func splitTags(_ value: String) -> [String] {
        var tags: [String] = []
        var current = ""
        var quoted = false
        for character in value {
            if character == "\"" { quoted.toggle() }
            if character == "," && !quoted {
                tags.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        tags.append(current.trimmingCharacters(in: .whitespaces))
        return tags.filter { !$0.isEmpty }
    }
}
