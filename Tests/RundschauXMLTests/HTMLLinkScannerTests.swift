import Testing
import RundschauXML

@Suite struct HTMLLinkScannerTests {
    @Test func feedLinksInTheHead() {
        let html = """
            <!DOCTYPE html>
            <html><head>
              <meta charset="utf-8"><title>Blog</title>
              <link rel="stylesheet" href="/style.css">
              <link rel="alternate" type="application/rss+xml" title="RSS  Feed" href="/feed.xml">
              <link rel="alternate" type="application/atom+xml" title="Kommentare &amp; Antworten" href="comments/atom">
              <link rel="alternate" type="application/feed+json" href="https://cdn.example.org/feed.json">
              <link rel="alternate" hreflang="en" type="text/html" href="/en/">
            </head><body><p>Hi</p></body></html>
            """
        let links = HTMLLinkScanner.alternateFeedLinks(in: Array(html.utf8), baseURL: "https://blog.example.org/posts/1.html")
        #expect(links == [
            HTMLFeedLink(href: "https://blog.example.org/feed.xml", type: "application/rss+xml", title: "RSS Feed"),
            HTMLFeedLink(href: "https://blog.example.org/posts/comments/atom", type: "application/atom+xml",
                         title: "Kommentare & Antworten"),
            HTMLFeedLink(href: "https://cdn.example.org/feed.json", type: "application/feed+json", title: nil),
        ])
    }

    @Test func caseAndParametersAndRelTokens() {
        let html = """
            <HTML><HEAD>
            <LINK REL="Alternate Home" TYPE="Application/RSS+XML; charset=utf-8" HREF=" /a.rss ">
            <link rel="alternate stylesheet" type="text/css" href="/alt.css">
            <link rel="alternateish" type="application/rss+xml" href="/no.rss">
            <link rel="alternate" type="application/rss+xml">
            <link rel="alternate" type="application/rss+xml" href="/a.rss">
            </HEAD></HTML>
            """
        let links = HTMLLinkScanner.alternateFeedLinks(in: Array(html.utf8), baseURL: "http://example.org/")
        #expect(links == [HTMLFeedLink(href: "http://example.org/a.rss", type: "application/rss+xml", title: nil)])
    }

    @Test func baseElementIsHonoured() {
        let html = """
            <html><head><base href="/blog/"><link rel="alternate" type="application/atom+xml" href="atom.xml"></head></html>
            """
        let links = HTMLLinkScanner.alternateFeedLinks(in: Array(html.utf8), baseURL: "https://example.org/index.html")
        #expect(links.map(\.href) == ["https://example.org/blog/atom.xml"])
    }

    @Test func withoutBaseURLHrefsStayAsWritten() {
        let html = #"<html><head><link rel="alternate" type="application/rss+xml" href="feed/"></head></html>"#
        let links = HTMLLinkScanner.alternateFeedLinks(in: Array(html.utf8), baseURL: nil)
        #expect(links.map(\.href) == ["feed/"])
    }

    @Test func linkPushedIntoTheBodyByBrokenHeadIsStillFound() {
        // libxml2 closes the head at the <div>, as a browser would, and puts the link in the body.
        let html = """
            <html><head><title>x</title><div>ad</div><link rel="alternate" type="application/rss+xml" href="/rss"></head>
            <body></body></html>
            """
        let links = HTMLLinkScanner.alternateFeedLinks(in: Array(html.utf8), baseURL: "https://example.org/")
        #expect(links.map(\.href) == ["https://example.org/rss"])
    }

    @Test func latin1PageTitle() {
        let html = Array(#"<html><head><meta charset="iso-8859-1"><link rel="alternate" type="application/rss+xml" title="Caf"#.utf8)
            + [0xE9] + Array(#"" href="/rss"></head></html>"#.utf8)
        let links = HTMLLinkScanner.alternateFeedLinks(in: html, baseURL: nil)
        #expect(links == [HTMLFeedLink(href: "/rss", type: "application/rss+xml", title: "Café")])
    }

    @Test func hrefWithSpacesIsResolved() {
        let html = #"<link rel="alternate" type="application/rss+xml" href="my feed.xml">"#
        let links = HTMLLinkScanner.alternateFeedLinks(in: Array(html.utf8), baseURL: "https://example.org/a/")
        #expect(links.map(\.href) == ["https://example.org/a/my%20feed.xml"])
    }

    @Test func pagesWithoutFeedsAndJunk() {
        #expect(HTMLLinkScanner.alternateFeedLinks(in: [], baseURL: nil) == [])
        #expect(HTMLLinkScanner.alternateFeedLinks(in: Array("<html><body>no feeds</body></html>".utf8), baseURL: nil) == [])
        #expect(HTMLLinkScanner.alternateFeedLinks(in: [0, 1, 2, 0xFF, 0xFE, 0x3C], baseURL: nil) == [])
    }
}
