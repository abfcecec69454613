import RundschauText
import Testing

/// RFC 3986 §5.4 reference resolution examples (normal and abnormal, all of them), plus feed realities; the one
/// resolver the parser and the writer share.
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
        ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"), ("../../../../g", "http://a/g"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"),
        ("g?y/../x", "http://a/b/c/g?y/../x"), ("g#s/./x", "http://a/b/c/g#s/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"),
        ("http:g", "http:g"),
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
        // An article's address as the writer's base: its fragment never reaches the result.
        #expect(URLResolver.resolve("c.jpg", against: "https://ex.com/a/b.html#top") == "https://ex.com/a/c.jpg")
        #expect(URLResolver.resolve("?page=2", against: "https://ex.com/a/b.html?page=1#top") == "https://ex.com/a/b.html?page=2")
        #expect(URLResolver.isAbsoluteHTTP("HTTPS://example.com"))
        #expect(!URLResolver.isAbsoluteHTTP("tag:example.com,2024:1"))
    }
}
