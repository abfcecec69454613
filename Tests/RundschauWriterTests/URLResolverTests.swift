import Testing
@testable import RundschauWriter

/// RFC 3986 §5.4's reference resolution examples against `http://a/b/c/d;p?q`.
@Suite struct URLResolverTests {
    @Test(arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"), ("//g", "http://g"),
        ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"),
        ("g?y#s", "http://a/b/c/g?y#s"), (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), (".", "http://a/b/c/"),
        ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"),
        ("../../", "http://a/"), ("../../g", "http://a/g"),
        ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"),
    ])
    func resolves(reference: String, expected: String) throws {
        let resolver = try #require(URLResolver(base: "http://a/b/c/d;p?q"))
        #expect(resolver.resolve(reference) == expected)
    }

    @Test func needsAnAbsoluteWebBase() {
        #expect(URLResolver(base: "ftp://a/b") == nil)
        #expect(URLResolver(base: "/relative") == nil)
        #expect(URLResolver(base: "https://example.org")?.resolve("x") == "https://example.org/x")
        #expect(URLResolver(base: "https://example.org#frag")?.resolve("?q") == "https://example.org/?q")
    }
}
