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

    /// Cases from the WHATWG URL Standard's shared test data (web-platform-tests, `url/resources/urltestdata.json`):
    /// relative references against an http base where RFC 3986 and the URL Standard agree. They do not agree where
    /// the URL Standard repairs what RFC 3986 keeps: backslashes read as slashes (`\\x`), a reference with the
    /// base's own scheme read as relative (`http:foo.com` stays `http:foo.com` here, RFC 3986's strict parser),
    /// tabs and newlines removed inside, default ports dropped, hosts lowercased; those are left out.
    @Test(arguments: [
        ("", "http://example.org/foo/bar"), ("  \t", "http://example.org/foo/bar"),
        (" foo.com  ", "http://example.org/foo/foo.com"), ("\t   :foo.com   \n", "http://example.org/foo/:foo.com"),
        (":foo.com/", "http://example.org/foo/:foo.com/"), (":", "http://example.org/foo/:"),
        (":a", "http://example.org/foo/:a"), (":/", "http://example.org/foo/:/"), (":#", "http://example.org/foo/:#"),
        ("#", "http://example.org/foo/bar#"), ("#/", "http://example.org/foo/bar#/"), ("#;?", "http://example.org/foo/bar#;?"),
        ("?", "http://example.org/foo/bar?"), ("/", "http://example.org/"), (":23", "http://example.org/foo/:23"),
        ("/:23", "http://example.org/:23"), ("::", "http://example.org/foo/::"), ("::23", "http://example.org/foo/::23"),
        ("http://a:b@c:29/d", "http://a:b@c:29/d"), ("http://foo.com:b@d/", "http://foo.com:b@d/"),
    ])
    func whatwgVectors(reference: String, expected: String) {
        #expect(URLResolver.resolve(reference, against: "http://example.org/foo/bar") == expected)
    }
}
