import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RundschauText
import Testing
@testable import RundschauServer

/// The server over real HTTP on 127.0.0.1 (Hummingbird's `.live` testing: a real socket and HTTP client).
@Suite struct FeedServerTests {
    @Test func servesFeedsWithTypesAndValidators() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/all.atom", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/atom+xml; charset=utf-8")
            #expect(Array(buffer: response.body) == ServerFixture.atom)
            #expect(response.headers[.contentLength] == "\(ServerFixture.atom.count)")
            let etag = try #require(response.headers[.eTag])
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"))
            #expect(response.headers[.lastModified].flatMap(HTTPDate.parse) != nil)
            #expect(response.headers[.vary] == "Accept-Encoding")
            #expect(response.headers[.contentEncoding] == nil)

            let json = try await client.execute(uri: "/all.json", method: .get)
            #expect(json.status == .ok && json.headers[.contentType] == "application/feed+json")
            #expect(String(buffer: json.body).contains("jsonfeed.org/version/1.1"))
            #expect(json.headers[.vary] == "Accept-Encoding")

            let opml = try await client.execute(uri: "/index.opml", method: .get)
            #expect(opml.status == .ok && opml.headers[.contentType] == "text/x-opml; charset=utf-8")
            let index = try await client.execute(uri: "/", method: .get)
            #expect(index.status == .ok && index.headers[.contentType] == "text/html; charset=utf-8")
            #expect(String(buffer: index.body).contains("Index"))
            let nested = try await client.execute(uri: "/sub/nested.atom?ignored=query", method: .get)
            #expect(nested.status == .ok && nested.headers[.eTag] == etag)
            let alias = try await client.execute(uri: "/alias.atom", method: .get)
            #expect(alias.status == .ok && alias.headers[.eTag] == etag)
        }
    }

    @Test func conditionalRequestsAnswer304() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.withServer { client in
            let first = try await client.execute(uri: "/all.atom", method: .get)
            let etag = try #require(first.headers[.eTag])
            let lastModified = try #require(first.headers[.lastModified])

            for value in [etag, "W/\(etag)", "\"other\", \(etag)", "*"] {
                let response = try await client.execute(uri: "/all.atom", method: .get, headers: [.ifNoneMatch: value])
                #expect(response.status == .notModified, "If-None-Match: \(value)")
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == etag)
                // RFC 9110 §8.6: a 304's Content-Length, if any, is the length a 200 would have had.
                #expect(response.headers[.contentLength] == nil || response.headers[.contentLength] == "\(ServerFixture.atom.count)")
            }
            let byDate = try await client.execute(uri: "/all.atom", method: .get, headers: [.ifModifiedSince: lastModified])
            #expect(byDate.status == .notModified)
            let later = HTTPDate.format((HTTPDate.parse(lastModified) ?? Date(timeIntervalSince1970: 0)) + 3600)
            #expect(try await client.execute(uri: "/all.atom", method: .get, headers: [.ifModifiedSince: later]).status == .notModified)
            let earlier = HTTPDate.format((HTTPDate.parse(lastModified) ?? Date(timeIntervalSince1970: 0)) - 1)
            #expect(try await client.execute(uri: "/all.atom", method: .get, headers: [.ifModifiedSince: earlier]).status == .ok)
            #expect(try await client.execute(uri: "/all.atom", method: .get, headers: [.ifModifiedSince: "yesterday"]).status == .ok)
            // If-None-Match wins over If-Modified-Since.
            let mismatch = try await client.execute(uri: "/all.atom", method: .get, headers: [.ifNoneMatch: "\"stale\"", .ifModifiedSince: lastModified])
            #expect(mismatch.status == .ok)
            let head = try await client.execute(uri: "/all.atom", method: .head, headers: [.ifNoneMatch: etag])
            #expect(head.status == .notModified)
        }
    }

    @Test func headHasHeadersButNoBody() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.withServer { client in
            let get = try await client.execute(uri: "/all.atom", method: .get)
            let head = try await client.execute(uri: "/all.atom", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == "\(ServerFixture.atom.count)")
            #expect(head.headers[.eTag] == get.headers[.eTag])
            #expect(head.headers[.contentType] == get.headers[.contentType])
            #expect(try await client.execute(uri: "/", method: .head).status == .ok)
        }
    }

    @Test func gzipWhenTheClientAcceptsIt() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.withServer { client in
            let plain = try await client.execute(uri: "/all.atom", method: .get)
            let zipped = try await client.execute(uri: "/all.atom", method: .get, headers: [.acceptEncoding: "br;q=1.0, gzip;q=0.8, *;q=0.1"])
            #expect(zipped.status == .ok)
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.headers[.vary] == "Accept-Encoding")
            #expect(zipped.body.readableBytes < ServerFixture.atom.count)
            #expect(zipped.headers[.contentLength] == "\(zipped.body.readableBytes)")
            var body = zipped.body
            #expect(Array(buffer: try body.decompress(with: .gzip())) == ServerFixture.atom)
            let gzipTag = try #require(zipped.headers[.eTag])
            #expect(gzipTag != plain.headers[.eTag], "a strong ETag per content coding")

            // The cached gzip form is served again, and either tag revalidates.
            let again = try await client.execute(uri: "/all.atom", method: .get, headers: [.acceptEncoding: "gzip"])
            #expect(again.body == zipped.body)
            for tag in [gzipTag, plain.headers[.eTag] ?? ""] {
                let conditional = try await client.execute(uri: "/all.atom", method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: tag])
                #expect(conditional.status == .notModified)
                #expect(conditional.headers[.eTag] == gzipTag)
            }
            for refused in ["gzip;q=0", "identity", "br", "*;q=0"] {
                let response = try await client.execute(uri: "/all.atom", method: .get, headers: [.acceptEncoding: refused])
                #expect(response.headers[.contentEncoding] == nil, "Accept-Encoding: \(refused)")
                #expect(Array(buffer: response.body) == ServerFixture.atom)
            }
            let head = try await client.execute(uri: "/all.atom", method: .head, headers: [.acceptEncoding: "gzip"])
            #expect(head.headers[.contentEncoding] == "gzip" && head.headers[.contentLength] == "\(zipped.body.readableBytes)")
        }
    }

    static let traversals = [
        "/../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2fetc%2fpasswd", "/%2e%2e%2fetc%2fpasswd", "/sub/../all.atom", "/sub/%2e%2e/all.atom", "/./all.atom",
        "/%2e/all.atom", "/..%5c..%5cetc%5cpasswd", "/all.atom%00", "/all.atom%00.html",
        "/%00", "//etc/passwd", "/sub//nested.atom", "/etc/passwd", "/passwd.atom", "/etc%2fpasswd",
        "/.rundschau-manifest", "/%2erundschau-manifest", "/hidden.atom", "/.tmp-x", "/%c0%ae%c0%ae/etc/passwd",
        "/%ff", "/%", "/%zz", "/all.atom%2f",
    ]

    @Test func nothingOutsideTheFolderIsReachable() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.withServer { client in
            for path in Self.traversals {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path) → \(response.status)")
                #expect(!String(buffer: response.body).contains("root:"), "\(path) leaked /etc/passwd")
            }
        }
    }

    @Test func unknownFilesAndMethodsAreRefused() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.withServer { client in
            #expect(try await client.execute(uri: "/missing.atom", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/sub/", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/sub", method: .get).status == .notFound)
            for method in [HTTPRequest.Method.post, .put, .delete] {
                let response = try await client.execute(uri: "/all.atom", method: method, body: ByteBuffer(string: "x"))
                #expect(response.status == .notFound || response.status == .methodNotAllowed, "\(method)")
            }
        }
        #expect(FileManager.default.contents(atPath: fixture.folder + "/all.atom").map(Array.init) == ServerFixture.atom)
    }

    @Test func newlyPublishedFilesAreServedWithoutARestart() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.withServer { client in
            #expect(try await client.execute(uri: "/new.atom", method: .get).status == .notFound)
            try fixture.write("new.atom", Array("<feed>1</feed>".utf8))
            let first = try await client.execute(uri: "/new.atom", method: .get)
            #expect(first.status == .ok && String(buffer: first.body) == "<feed>1</feed>")
            try fixture.write("new.atom", Array("<feed>2</feed>".utf8))
            let second = try await client.execute(uri: "/new.atom", method: .get, headers: [.ifNoneMatch: first.headers[.eTag] ?? ""])
            #expect(second.status == .ok && String(buffer: second.body) == "<feed>2</feed>")
            #expect(second.headers[.eTag] != first.headers[.eTag])
            try FileManager.default.removeItem(atPath: fixture.folder + "/new.atom")
            #expect(try await client.execute(uri: "/new.atom", method: .get).status == .notFound)
        }
    }

    @Test func oneAccessLogLinePerRequest() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.withServer { client in
            _ = try await client.execute(uri: "/all.atom", method: .get, headers: [.userAgent: "TestReader/1.0"])
            _ = try await client.execute(uri: "/missing.atom", method: .get)
            _ = try await client.execute(uri: "/all.atom", method: .head)
        }
        let lines = fixture.logs.messages.filter { $0.contains(" GET /") || $0.contains(" HEAD /") }
        #expect(lines.count == 3)
        let first = try #require(lines.first)
        #expect(first.hasPrefix("127.0.0.1 GET /all.atom 200 \(ServerFixture.atom.count) ") || first.hasPrefix("::1 GET /all.atom 200"), "\(first)")
        #expect(first.hasSuffix("\"TestReader/1.0\""))
        #expect(lines.dropFirst().first?.contains(" GET /missing.atom 404 ") == true)
    }

    @Test func metricsInPrometheusTextFormat() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let jsonBytes = try #require(FileManager.default.contents(atPath: fixture.folder + "/all.json")).count
        let text = try await fixture.withServer { client in
            let first = try await client.execute(uri: "/all.atom", method: .get)
            _ = try await client.execute(uri: "/all.atom", method: .get, headers: [.ifNoneMatch: first.headers[.eTag] ?? ""])
            _ = try await client.execute(uri: "/all.atom", method: .head)
            _ = try await client.execute(uri: "/all.json", method: .get)
            _ = try await client.execute(uri: "/missing.atom", method: .get)
            _ = try await client.execute(uri: "/metrics", method: .get)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            return String(buffer: metrics.body)
        }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            #expect(parts.count == 2, "\(line)")
            values[String(parts[0])] = parts.last.map(String.init)
        }
        // Scrapes of /metrics are not counted; HEAD sends no body.
        #expect(values["rundschau_http_requests_total{code=\"200\"}"] == "3")
        #expect(values["rundschau_http_requests_total{code=\"304\"}"] == "1")
        #expect(values["rundschau_http_requests_total{code=\"404\"}"] == "1")
        #expect(values["rundschau_http_response_bytes_total"] == "\(ServerFixture.atom.count + jsonBytes)")
        #expect(values["rundschau_http_not_modified_total"] == "1")
        #expect(values["rundschau_http_not_modified_ratio"] == "0.2")
        #expect(values["rundschau_feeds_served_total{format=\"atom\"}"] == "3")
        #expect(values["rundschau_feeds_served_total{format=\"json\"}"] == "1")
        // Every sample has HELP and TYPE lines.
        for name in ["rundschau_http_requests_total", "rundschau_http_response_bytes_total", "rundschau_http_not_modified_ratio",
                     "rundschau_feeds_served_total"] {
            #expect(text.contains("# HELP \(name) ") && text.contains("# TYPE \(name) "))
        }
    }

    @Test func aMissingOutputFolderIsAClearError() throws {
        let error = try #require(throws: ServerError.self) {
            _ = try buildApplication(host: "127.0.0.1", port: 0, outputFolder: "/nonexistent/feeds", logger: .init(label: "x"))
        }
        #expect(error.code == .outputFolderMissing)
    }
}
