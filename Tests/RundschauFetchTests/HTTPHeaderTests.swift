import Foundation
@testable import RundschauFetch
import Testing

@Suite("Retry-After, header parsing and content sniffing")
struct HTTPHeaderTests {
    let reference = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test("Retry-After: seconds, dates, past dates and junk")
    func retryAfter() {
        let now = reference
        #expect(RetryAfter.date(from: "120", now: now) == now.addingTimeInterval(120))
        #expect(RetryAfter.date(from: " 0 ", now: now) == now)
        #expect(RetryAfter.date(from: "Sun, 06 Nov 1994 09:49:37 GMT", now: now) == now.addingTimeInterval(3600))
        #expect(RetryAfter.date(from: "Sun, 06 Nov 1994 07:49:37 GMT", now: now) == now)
        #expect(RetryAfter.date(from: "99999999999999999999", now: now) == now.addingTimeInterval(10 * 365 * 86_400))
        #expect(RetryAfter.date(from: "soon", now: now) == nil)
        #expect(RetryAfter.date(from: "", now: now) == nil)
    }

    @Test("Content-Type and Cache-Control parsing")
    func headers() {
        #expect(FeedFetcher.parseContentType("Application/RSS+XML; Charset=\"ISO-8859-1\"") == ("application/rss+xml", "iso-8859-1"))
        #expect(FeedFetcher.parseContentType("text/xml") == ("text/xml", nil))
        #expect(FeedFetcher.parseContentType(nil) == (nil, nil))
        #expect(FeedFetcher.maxAge(["public", "max-age=600"]) == 600)
        #expect(FeedFetcher.maxAge(["max-age=\"60\""]) == 60)
        #expect(FeedFetcher.maxAge(["no-cache", "max-age=600"]) == nil)
        #expect(FeedFetcher.maxAge(["private"]) == nil)
    }

    @Test("content sniffing", arguments: [
        ("<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">", nil, ContentKind.xmlFeed),
        ("\u{FEFF}  <feed xmlns=\"http://www.w3.org/2005/Atom\">", nil, .xmlFeed),
        ("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", nil, .xmlFeed),
        ("<!DOCTYPE html><html><head>", nil, .html),
        ("<html lang=\"de\">", "text/html", .html),
        ("{\"version\": \"https://jsonfeed.org/version/1.1\"}", nil, .jsonFeed),
        ("{\"other\": 1}", nil, .unknown),
        ("<?xml version=\"1.0\"?><sitemap/>", nil, .xml),
        ("plain text", "text/html", .html),
        ("<div class=\"post\">fragment</div>", "text/html", .html),
        ("<rss version=\"2.0\"><channel/></rss>", "text/html", .xmlFeed),
        ("", nil, .unknown),
        // The parser reads these as feeds, so the probe does too (one sniffer).
        ("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\"><rss version=\"2.0\"><channel/></rss>", nil, .xmlFeed),
        ("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed></body></html>", nil, .xmlFeed),
        ("{\"items\": []}", "application/feed+json", .jsonFeed),
        ("\u{1F}\u{8B}binary", "text/html", .html),
    ])
    func sniff(text: String, contentType: String?, expected: ContentKind) {
        #expect(ContentKind.sniff(Array(text.utf8), contentType: contentType) == expected)
    }

    @Test("UTF-16 feeds are sniffed too")
    func sniffUTF16() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss>".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(ContentKind.sniff(bytes) == .xmlFeed)
    }
}
