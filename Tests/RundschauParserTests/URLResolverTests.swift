@testable import RundschauParser
import Testing

/// RFC 3986 §5.4 reference resolution examples, plus feed realities.
@Suite struct URLResolverTests {
    static let base = "http://a/b/c/d;p?q"

    @Test(arguments: [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"),
        ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"),
        ("../..", "http://a/"), ("../../", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"),
        ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"),
        ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
    ])
    func rfc3986Examples(reference: String, expected: String) {
        #expect(URLResolver.resolve(reference, against: Self.base) == expected)
    }

    @Test func feedRealities() {
        #expect(URLResolver.resolve("  https://example.com/a  ", against: "http://other/") == "https://example.com/a")
        #expect(URLResolver.resolve("a", against: nil) == "a")
        #expect(URLResolver.resolve("a", against: "http://example.com") == "http://example.com/a")
        #expect(URLResolver.resolve("mailto:x@example.com", against: "http://example.com/") == "mailto:x@example.com")
        #expect(URLResolver.resolve("b/", against: "/a/") == "/a/b/")
        #expect(URLResolver.resolve("c", against: "/a/b/") == "/a/b/c")
        #expect(URLResolver.isAbsoluteHTTP("HTTPS://example.com"))
        #expect(!URLResolver.isAbsoluteHTTP("tag:example.com,2024:1"))
    }
}
