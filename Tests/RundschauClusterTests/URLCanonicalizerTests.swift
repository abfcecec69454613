import Testing

@testable import RundschauCluster

@Suite struct URLCanonicalizerTests {
    @Test(arguments: [
        ("https://example.org/a?utm_source=rss&utm_medium=feed", "https://example.org/a"),
        ("HTTP://WWW.Example.ORG:80/News/", "https://example.org/News/"),
        ("https://example.org:443/x#section-2", "https://example.org/x"),
        ("https://example.org:8443/x", "https://example.org:8443/x"),
        ("https://example.org/politik/index.html", "https://example.org/politik/"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org/a?b=2&fbclid=XYZ&a=1&gclid=1", "https://example.org/a?a=1&b=2"),
        ("https://example.org/a?id=7&mc_cid=abc&utm_campaign=x", "https://example.org/a?id=7"),
        ("https://user:pw@example.org/a", "https://example.org/a"),
        ("  https://example.org/a  ", "https://example.org/a"),
        ("ftp://Files.Example.org/a", "ftp://files.example.org/a"),
    ])
    func canonicalizes(url: String, expected: String) {
        #expect(URLCanonicalizer.canonical(url) == expected)
    }

    @Test func rejectsEmptyAndHostless() {
        #expect(URLCanonicalizer.canonical("") == nil)
        #expect(URLCanonicalizer.canonical("https:///path") == nil)
    }
}
