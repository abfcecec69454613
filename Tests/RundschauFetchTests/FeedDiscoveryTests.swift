import Foundation
import RundschauFetch
import Testing

@Suite("Feed autodiscovery")
struct FeedDiscoveryTests {
    let page = URL(string: "https://blog.example/posts/hello.html")!  // a literal: cannot fail

    func discover(_ html: String, at url: URL? = nil) -> [DiscoveredFeed] {
        FeedDiscovery().discover(html: Array(html.utf8), pageURL: url ?? page)
    }

    @Test("the three feed types, resolved against the page, in document order")
    func basic() throws {
        let feeds = discover("""
            <html><head>
            <link rel="stylesheet" href="/s.css">
            <link rel="alternate" type="application/atom+xml" title="Atom" href="/atom.xml">
            <link rel="alternate" type="application/rss+xml" title=" RSS " href="../rss.xml">
            <link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json">
            <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/1">
            <link rel="alternate" hreflang="de" href="/de/">
            </head></html>
            """)
        #expect(feeds == [
            DiscoveredFeed(url: try #require(URL(string: "https://blog.example/atom.xml")), type: "application/atom+xml",
                           title: "Atom"),
            DiscoveredFeed(url: try #require(URL(string: "https://blog.example/rss.xml")), type: "application/rss+xml",
                           title: "RSS"),
            DiscoveredFeed(url: try #require(URL(string: "https://cdn.example/feed.json")), type: "application/feed+json"),
        ])
    }

    @Test("<base href> sets the base for relative links")
    func baseHref() {
        let feeds = discover("""
            <head><base href="https://static.example/site/"><link rel=alternate type=application/rss+xml href=feed></head>
            """)
        #expect(feeds.map(\.url.absoluteString) == ["https://static.example/site/feed"])
    }

    @Test("tolerant syntax: case, quotes, rel token lists, type parameters, entities")
    func tolerantSyntax() {
        let feeds = discover("""
            <HEAD>
            <LINK REL='Alternate Feed' TYPE='Application/RSS+XML; charset=utf-8' HREF='/a?x=1&amp;y=2'/>
            <link
               href="/b"
               rel="alternate"
               type="application/atom+xml">
            <link rel=alternate type=application/rss+xml href=/c title=C>
            </HEAD>
            """)
        #expect(feeds.map(\.url.absoluteString) == [
            "https://blog.example/a?x=1&y=2", "https://blog.example/b", "https://blog.example/c",
        ])
        #expect(feeds.map(\.type) == ["application/rss+xml", "application/atom+xml", "application/rss+xml"])
        #expect(feeds.last?.title == "C")
    }

    @Test("links in comments, scripts and styles do not count; duplicates and bad schemes are dropped")
    func ignored() {
        let feeds = discover("""
            <!-- <link rel="alternate" type="application/rss+xml" href="/commented"> -->
            <script>document.write('<link rel="alternate" type="application/rss+xml" href="/scripted">')</script>
            <style>/* <link rel="alternate" type="application/rss+xml" href="/styled"> */</style>
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
            <link rel="alternate" type="application/rss+xml" href="/real">
            <link rel="alternate" type="application/rss+xml" href="https://blog.example/real">
            <link rel="alternate" type="application/rss+xml">
            """)
        #expect(feeds.map(\.url.absoluteString) == ["https://blog.example/real"])
    }

    @Test("links in <body> are found too; a page without feeds gives none")
    func bodyAndNone() {
        #expect(discover("<body><link rel=alternate type=application/atom+xml href=/x></body>").count == 1)
        #expect(discover("<html><head><title>No feeds</title></head><body>text</body></html>").isEmpty)
        #expect(discover("").isEmpty)
    }

    @Test("hostile input finishes quickly")
    func hostile() {
        let unterminated = String(repeating: "<link rel='alternate type=", count: 20_000)
        let lessThans = String(repeating: "<", count: 200_000)
        let comment = "<!--" + String(repeating: "-", count: 200_000)
        let start = ContinuousClock.now
        #expect(discover(unterminated).isEmpty)
        #expect(discover(lessThans).isEmpty)
        #expect(discover(comment).isEmpty)
        #expect(seconds(since: start) < 300)  // last resort: linear takes milliseconds, quadratic would take hours
    }

    @Test("the scanner is a seam: another implementation can be plugged in")
    func customScanner() throws {
        let url = try #require(URL(string: "https://other.example/feed"))
        let discovery = FeedDiscovery { _, _ in
            [DiscoveredFeed(url: url, type: "application/rss+xml"), DiscoveredFeed(url: url, type: "application/rss+xml"),
             DiscoveredFeed(url: url, type: "text/html")]
        }
        #expect(discovery.discover(html: [], pageURL: page) == [DiscoveredFeed(url: url, type: "application/rss+xml")])
    }

    @Test("a local page may point at local files")
    func localPage() {
        let feeds = discover("<link rel=alternate type=application/rss+xml href=feed.xml>",
                             at: URL(fileURLWithPath: "/srv/site/index.html"))
        #expect(feeds.map(\.url.path) == ["/srv/site/feed.xml"])
    }
}
