import Foundation
import RundschauFetch
import RundschauText
import Testing

@Suite("FeedFetcher with file:// URLs and local paths")
struct FeedFetcherFileTests {
    /// A fresh directory under the system's temporary folder, removed after `body`.
    func withDirectory(_ body: (URL) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rundschau-fetch-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory)
    }

    @Test("a file feed is read; unchanged it is not modified; changed it is read again")
    func fileFeed() async throws {
        try await withDirectory { directory in
            let file = directory.appendingPathComponent("generated.xml")
            try Data(rss("one").utf8).write(to: file)
            try await FeedFetcher.withFetcher(configuration: .testing, logger: quietLogger) { fetcher in
                let first = try #require(await fetcher.fetch(FetchRequest(url: file)).fetched)
                #expect(first.body == Array(rss("one").utf8))
                #expect(first.httpStatus == 200)
                #expect(first.contentType == "application/xml")
                #expect(first.finalURL == file)
                let etag = try #require(first.etag)
                #expect(first.lastModified.flatMap(HTTPDate.parse) != nil)

                let again = await fetcher.fetch(FetchRequest(url: file, etag: etag, lastModified: first.lastModified))
                #expect(again.notModified != nil)

                try Data(rss("two, longer").utf8).write(to: file)
                let changed = try #require(await fetcher.fetch(FetchRequest(url: file, etag: etag)).fetched)
                #expect(changed.body == Array(rss("two, longer").utf8))
                #expect(changed.etag != etag)
            }
        }
    }

    @Test("plain paths become file URLs")
    func localPaths() async throws {
        try await withDirectory { directory in
            try Data(rss().utf8).write(to: directory.appendingPathComponent("local feed.rss"))
            let relative = try #require(FetchRequest.location("local feed.rss", relativeTo: directory))
            #expect(relative.isFileURL)
            let absolute = try #require(FetchRequest.location(directory.path + "/local feed.rss"))
            #expect(absolute.path == relative.path)
            try await FeedFetcher.withFetcher(configuration: .testing, logger: quietLogger) { fetcher in
                let response = try #require(await fetcher.fetch(FetchRequest(url: relative)).fetched)
                #expect(response.body == Array(rss().utf8))
                #expect(response.contentType == "application/rss+xml")
            }
        }
    }

    @Test("subscription strings: URLs kept, junk refused")
    func locations() throws {
        #expect(FetchRequest.location(" https://example.org/feed ")?.absoluteString == "https://example.org/feed")
        #expect(FetchRequest.location("file:///var/feeds/a.xml")?.path == "/var/feeds/a.xml")
        #expect(FetchRequest.location("/var/feeds/a.xml")?.isFileURL == true)
        #expect(FetchRequest.location("") == nil)
        #expect(FetchRequest.location("http:///no-host") == nil)
        #expect(FetchRequest.location("javascript:alert(1)") == nil)
    }

    @Test("missing files, directories and oversized files fail with clear codes")
    func fileErrors() async throws {
        try await withDirectory { directory in
            let big = directory.appendingPathComponent("big.xml")
            try Data(repeating: 0x20, count: 10_000).write(to: big)
            var configuration = FeedFetcher.Configuration.testing
            configuration.maxBodySize = 4096
            try await FeedFetcher.withFetcher(configuration: configuration, logger: quietLogger) { fetcher in
                let missing = try #require(await fetcher.fetch(
                    FetchRequest(url: directory.appendingPathComponent("missing.xml"))).error)
                #expect(missing.code == .file)
                let folder = try #require(await fetcher.fetch(FetchRequest(url: directory)).error)
                #expect(folder.code == .file)
                let tooLarge = try #require(await fetcher.fetch(FetchRequest(url: big)).error)
                #expect(tooLarge.code == .tooLarge)
            }
            var noFiles = FeedFetcher.Configuration.testing
            noFiles.allowFileURLs = false
            try await FeedFetcher.withFetcher(configuration: noFiles, logger: quietLogger) { fetcher in
                let refused = try #require(await fetcher.fetch(FetchRequest(url: big)).error)
                #expect(refused.code == .unsupportedScheme)
            }
        }
    }
}
