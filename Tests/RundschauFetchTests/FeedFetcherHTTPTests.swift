import Foundation
import RundschauFetch
import RundschauTestServer
import RundschauText
import Testing

@Suite("FeedFetcher over HTTP (loopback server)")
struct FeedFetcherHTTPTests {
    @Test("200 with validators, then 304 on the conditional request")
    func conditionalGet() async throws {
        try await withServer { server, fetcher in
            let etag = "\"abc123\""
            let lastModified = "Tue, 04 Jun 2024 10:00:00 GMT"
            server.route("/feed.xml") { request in
                if request.header("If-None-Match") == etag { return .status(304, headers: [("ETag", etag)]) }
                return .text(rss(), headers: [("ETag", etag), ("Last-Modified", lastModified),
                                              ("Cache-Control", "public, max-age=1800")])
            }
            let url = server.url("/feed.xml")
            let first = try #require(await fetcher.fetch(FetchRequest(url: url)).fetched)
            #expect(first.httpStatus == 200)
            #expect(first.body == Array(rss().utf8))
            #expect(first.etag == etag)
            #expect(first.lastModified == lastModified)
            #expect(first.contentType == "application/rss+xml")
            #expect(first.charset == "utf-8")
            #expect(first.cacheControlMaxAge == 1800)
            #expect(first.finalURL == url)
            #expect(first.permanentRedirect == nil)
            #expect(first.warnings.isEmpty)
            #expect(first.sniffedKind == .xmlFeed)

            let second = await fetcher.fetch(FetchRequest(url: url, etag: first.etag, lastModified: first.lastModified))
            let notModified = try #require(second.notModified)
            #expect(notModified.httpStatus == 304)
            #expect(notModified.body.isEmpty)
            #expect(notModified.etag == etag)

            let requests = server.requests(to: "/feed.xml")
            #expect(requests.count == 2)
            #expect(requests[0].header("If-None-Match") == nil)
            #expect(requests[1].header("If-None-Match") == etag)
            #expect(requests[1].header("If-Modified-Since") == lastModified)
            #expect(requests[0].header("User-Agent") == "Rundschau/\(FeedFetcher.Configuration.version) (+https://github.com/rundschau/rundschau)")
            #expect(requests[0].header("Accept-Encoding")?.contains("gzip") == true)
            #expect(requests[0].header("Accept-Encoding")?.contains("deflate") == true)
            #expect(requests[0].header("Accept")?.hasPrefix("application/atom+xml") == true)
        }
    }

    @Test("301 and 308 report a permanent redirect", arguments: [301, 308])
    func permanentRedirect(status: Int) async throws {
        try await withServer { server, fetcher in
            server.route("/old", response: .redirect(status, to: "/new"))
            server.route("/new", response: .text(rss()))
            let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/old"))).fetched)
            #expect(response.permanentRedirect == server.url("/new"))
            #expect(response.finalURL == server.url("/new"))
            #expect(response.redirects == [FetchResponse.Redirect(status: status, location: server.url("/new"))])
            #expect(response.body == Array(rss().utf8))
        }
    }

    @Test("302 and 307 are followed but not permanent", arguments: [302, 307])
    func temporaryRedirect(status: Int) async throws {
        try await withServer { server, fetcher in
            server.route("/moving", response: .redirect(status, to: server.url("/elsewhere").absoluteString))
            server.route("/elsewhere", response: .text(rss()))
            let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/moving"))).fetched)
            #expect(response.permanentRedirect == nil)
            #expect(response.finalURL == server.url("/elsewhere"))
            #expect(response.redirects.map(\.status) == [status])
        }
    }

    @Test("a permanent hop followed by a temporary one: only the permanent prefix counts")
    func mixedRedirectChain() async throws {
        try await withServer { server, fetcher in
            server.route("/a", response: .redirect(301, to: "/b"))
            server.route("/b", response: .redirect(302, to: "/c"))
            server.route("/c", response: .redirect(301, to: "/d"))
            server.route("/d", response: .text(rss()))
            let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/a"))).fetched)
            #expect(response.permanentRedirect == server.url("/b"))
            #expect(response.finalURL == server.url("/d"))
            #expect(response.redirects.map(\.status) == [301, 302, 301])
        }
    }

    @Test("a 304 after a permanent redirect still reports the new URL")
    func notModifiedAfterRedirect() async throws {
        try await withServer { server, fetcher in
            server.route("/old", response: .redirect(301, to: "/new"))
            server.route("/new", response: .status(304, headers: [("ETag", "\"x\"")]))
            let outcome = await fetcher.fetch(FetchRequest(url: server.url("/old"), etag: "\"x\""))
            let response = try #require(outcome.notModified)
            #expect(outcome.permanentRedirect == server.url("/new"))
            #expect(response.finalURL == server.url("/new"))
        }
    }

    @Test("a redirect loop fails after the limit of 5 hops")
    func redirectLoop() async throws {
        try await withServer { server, fetcher in
            server.route("/ping", response: .redirect(302, to: "/pong"))
            server.route("/pong", response: .redirect(302, to: "/ping"))
            let error = try #require(await fetcher.fetch(FetchRequest(url: server.url("/ping"))).error)
            #expect(error.code == .tooManyRedirects)
            #expect(error.message.contains("loop"))
            // The first request plus five followed hops; the sixth redirect is not followed.
            #expect(server.requests(to: "/ping").count + server.requests(to: "/pong").count == 6)
        }
    }

    @Test("exactly five redirects are still followed")
    func fiveRedirects() async throws {
        try await withServer { server, fetcher in
            for hop in 0..<5 { server.route("/r\(hop)", response: .redirect(307, to: "/r\(hop + 1)")) }
            server.route("/r5", response: .text(rss()))
            let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/r0"))).fetched)
            #expect(response.redirects.count == 5)
            #expect(response.finalURL == server.url("/r5"))
        }
    }

    @Test("a redirect without Location, and one to file://, fail")
    func badRedirects() async throws {
        try await withServer { server, fetcher in
            server.route("/nowhere", response: .status(301))
            server.route("/local", response: .redirect(302, to: "file:///etc/passwd"))
            let missing = try #require(await fetcher.fetch(FetchRequest(url: server.url("/nowhere"))).error)
            #expect(missing.code == .badRedirect)
            #expect(missing.httpStatus == 301)
            let local = try #require(await fetcher.fetch(FetchRequest(url: server.url("/local"))).error)
            #expect(local.code == .unsupportedScheme)
        }
    }

    @Test("410 Gone")
    func gone() async throws {
        try await withServer { server, fetcher in
            server.route("/dead", response: .text("gone", contentType: "text/plain", status: 410))
            let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/dead"))).gone)
            #expect(response.httpStatus == 410)
            #expect(response.body.isEmpty)
        }
    }

    @Test("429 with Retry-After in seconds")
    func tooManyRequestsSeconds() async throws {
        try await withServer { server, fetcher in
            server.route("/busy", response: .status(429, headers: [("Retry-After", "120")]))
            let before = Date()
            let error = try #require(await fetcher.fetch(FetchRequest(url: server.url("/busy"))).error)
            #expect(error.code == .httpStatus)
            #expect(error.httpStatus == 429)
            let retryAfter = try #require(error.retryAfter)
            #expect(retryAfter.timeIntervalSince(before) >= 119)
            #expect(retryAfter.timeIntervalSince(Date()) <= 121)
        }
    }

    @Test("503 with Retry-After as an HTTP-date")
    func unavailableDate() async throws {
        try await withServer { server, fetcher in
            let when = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 3600).rounded(.down))
            server.route("/maintenance", response: .status(503, headers: [("Retry-After", HTTPDate.format(when))]))
            let error = try #require(await fetcher.fetch(FetchRequest(url: server.url("/maintenance"))).error)
            #expect(error.httpStatus == 503)
            #expect(error.retryAfter == when)
            #expect(error.description.contains("retry after"))
        }
    }

    @Test("500 fails without Retry-After")
    func serverError() async throws {
        try await withServer { server, fetcher in
            server.route("/broken", response: .text("oops", contentType: "text/plain", status: 500,
                                                    headers: [("Retry-After", "60")]))
            let error = try #require(await fetcher.fetch(FetchRequest(url: server.url("/broken"))).error)
            #expect(error.code == .httpStatus)
            #expect(error.httpStatus == 500)
            #expect(error.retryAfter == nil)  // only 429 and 503 carry Retry-After for us
            #expect(error.message == "HTTP 500 Internal Server Error")
        }
    }

    @Test("a server slower than the read timeout fails with timeout, in about the timeout")
    func slowServer() async throws {
        var configuration = FeedFetcher.Configuration.testing
        configuration.readTimeout = .seconds(1)
        try await withServer(configuration) { server, fetcher in
            server.route("/slow", response: TestResponse(status: 200, body: .bytes(Array(rss().utf8)),
                                                         delay: .seconds(20)))
            // The server answers after 20 s with a good feed: a timeout error means the limit cut the wait off.
            let error = try #require(await fetcher.fetch(FetchRequest(url: server.url("/slow"))).error)
            #expect(error.code == .timeout)
        }
    }

    @Test("a body that stalls after the head hits the read timeout")
    func stalledBody() async throws {
        var configuration = FeedFetcher.Configuration.testing
        configuration.readTimeout = .seconds(1)
        try await withServer(configuration) { server, fetcher in
            server.route("/stall", response: TestResponse(status: 200, body: .bytes(Array(rss().utf8)),
                                                          bodyDelay: .seconds(20)))
            // The body would complete after 20 s: a timeout error means the limit cut the wait off.
            let error = try #require(await fetcher.fetch(FetchRequest(url: server.url("/stall"))).error)
            #expect(error.code == .timeout)
        }
    }

    @Test("the total timeout bounds a fetch even when reads keep arriving in time")
    func totalTimeout() async throws {
        var configuration = FeedFetcher.Configuration.testing
        configuration.totalTimeout = .seconds(1)
        try await withServer(configuration) { server, fetcher in
            server.route("/trickle", response: TestResponse(status: 200, body: .bytes(Array(rss().utf8)),
                                                            bodyDelay: .seconds(20)))
            // The body would complete after 20 s: a timeout error means the limit cut the wait off.
            let error = try #require(await fetcher.fetch(FetchRequest(url: server.url("/trickle"))).error)
            #expect(error.code == .timeout)
        }
    }

    @Test("a body over the limit (Content-Length) is refused")
    func oversizedBody() async throws {
        var configuration = FeedFetcher.Configuration.testing
        configuration.maxBodySize = 4096
        try await withServer(configuration) { server, fetcher in
            server.route("/big", response: .text(String(repeating: "x", count: 10_000)))
            server.route("/small", response: .text(String(repeating: "x", count: 4096)))
            let error = try #require(await fetcher.fetch(FetchRequest(url: server.url("/big"))).error)
            #expect(error.code == .tooLarge)
            let small = try #require(await fetcher.fetch(FetchRequest(url: server.url("/small"))).fetched)
            #expect(small.body.count == 4096)
        }
    }

    @Test("an endless chunked body is cut off at the limit while streaming")
    func endlessBody() async throws {
        var configuration = FeedFetcher.Configuration.testing
        configuration.maxBodySize = 64 << 10
        try await withServer(configuration) { server, fetcher in
            let chunk = Array(String(repeating: "<item><title>again</title></item>\n", count: 100).utf8)
            server.route("/endless", response: TestResponse(
                status: 200, headers: [("Content-Type", "application/rss+xml")],
                body: .endless(chunk: chunk, limit: 64 << 20)))
            let error = try #require(await fetcher.fetch(FetchRequest(url: server.url("/endless"))).error)
            #expect(error.code == .tooLarge)
            // The fetcher hung up: the server stops well before its own 64 MiB bound.
            for _ in 0..<50 where server.openEndlessBodies > 0 { try await Task.sleep(for: .milliseconds(100)) }
            #expect(server.openEndlessBodies == 0)
            #expect(server.endlessBytesSent < 32 << 20, "\(server.endlessBytesSent) bytes sent")
        }
    }

    @Test("a gzip-encoded body is decoded; the ratio limit guards against bombs")
    func gzip() async throws {
        let text = rss(items: 200)
        try await withServer { server, fetcher in
            server.route("/gz", response: TestResponse(
                status: 200, headers: [("Content-Type", "application/rss+xml")], body: .bytes(Array(text.utf8)),
                compress: true))
            let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/gz"))).fetched)
            #expect(response.body == Array(text.utf8))
            #expect(server.requests(to: "/gz").first?.header("Accept-Encoding") == "gzip, deflate")

            // Proof that the body really travelled compressed: a ratio limit of 1 refuses it.
            var strict = FeedFetcher.Configuration.testing
            strict.decompressionRatioLimit = 1
            try await FeedFetcher.withFetcher(configuration: strict, logger: quietLogger) { strictFetcher in
                let error = try #require(await strictFetcher.fetch(FetchRequest(url: server.url("/gz"))).error)
                #expect(error.code == .decompression)
            }
        }
    }

    @Test("a wrong content type is only a warning")
    func wrongContentType() async throws {
        try await withServer { server, fetcher in
            server.route("/feed.txt", response: .text(rss(), contentType: "text/plain"))
            let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/feed.txt"))).fetched)
            #expect(response.body == Array(rss().utf8))
            #expect(response.contentType == "text/plain")
            #expect(response.sniffedKind == .xmlFeed)
            #expect(response.warnings.count == 1)
            #expect(response.warnings.first?.contains("text/plain") == true)
        }
    }

    @Test("an HTML page returns its body, and probe finds its alternate feeds")
    func htmlPageDiscovery() async throws {
        let page = """
            <!DOCTYPE html>
            <html><head><title>Blog</title>
            <link rel="stylesheet" href="/style.css">
            <link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.rss">
            <link rel="alternate" type="application/atom+xml" title="Atom" href="atom.xml">
            </head><body><p>Hello</p></body></html>
            """
        try await withServer { server, fetcher in
            server.route("/blog/", response: .text(page, contentType: "text/html; charset=utf-8"))
            server.route("/feed.rss", response: .text(rss()))
            let response = try #require(await fetcher.fetch(FetchRequest(url: server.url("/blog/"))).fetched)
            #expect(response.sniffedKind == .html)
            #expect(response.warnings.isEmpty)

            guard case .page(_, let feeds) = await fetcher.probe(server.url("/blog/")) else {
                Issue.record("expected an HTML page")
                return
            }
            #expect(feeds == [
                DiscoveredFeed(url: server.url("/feed.rss"), type: "application/rss+xml", title: "RSS"),
                DiscoveredFeed(url: server.url("/blog/atom.xml"), type: "application/atom+xml", title: "Atom"),
            ])
            guard case .feed(let feed) = await fetcher.probe(server.url("/feed.rss")) else {
                Issue.record("expected a feed")
                return
            }
            #expect(feed.sniffedKind == .xmlFeed)
        }
    }

    @Test("a refused connection is a connection error")
    func connectionRefused() async throws {
        let closed = try await TestHTTPServer.start()
        let url = closed.url("/feed.xml")
        try await closed.shutdown()
        try await FeedFetcher.withFetcher(configuration: .testing, logger: quietLogger) { fetcher in
            let error = try #require(await fetcher.fetch(FetchRequest(url: url)).error)
            #expect(error.code == .connection, "\(error)")
            #expect(error.url == url)
        }
    }

    @Test("unsupported schemes are refused without I/O")
    func unsupportedScheme() async throws {
        try await FeedFetcher.withFetcher(configuration: .testing, logger: quietLogger) { fetcher in
            let url = try #require(URL(string: "ftp://127.0.0.1/feed.xml"))
            let error = try #require(await fetcher.fetch(FetchRequest(url: url)).error)
            #expect(error.code == .unsupportedScheme)
        }
    }
}
