import Testing
@testable import RundschauServer

@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/", ""), ("/all.atom", "all.atom"), ("/sub/x.atom", "sub/x.atom"), ("/all.atom?x=1", "all.atom"),
        ("/caf%C3%A9.atom", "café.atom"), ("/a%20b.atom", "a b.atom"),
    ])
    func accepted(raw: String, relative: String) {
        #expect(RequestPath.relative(raw) == relative)
    }

    /// Rejected by the path rules alone (the rest of the traversal list is stopped by the folder: symlinks
    /// pointing outside, files that do not exist).
    @Test(arguments: [
        "/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/x", "/..%2fetc%2fpasswd", "/sub/../all.atom", "/./all.atom",
        "/%2e/all.atom", "/..%5c..%5cetc", "/..\\etc", "/all.atom%00", "/%00", "//etc/passwd", "/sub//x.atom",
        "/.rundschau-manifest", "/%2erundschau-manifest", "/%ff", "/%", "/%zz", "/etc%2fpasswd", "", "all.atom", "/a/", "/\u{1}",
    ])
    func rejected(raw: String) {
        #expect(RequestPath.relative(raw) == nil)
    }

    @Test func acceptEncoding() {
        #expect(AcceptEncoding.allowsGzip("gzip, deflate, br"))
        #expect(AcceptEncoding.allowsGzip("GZIP;Q=0.5"))
        #expect(AcceptEncoding.allowsGzip("*"))
        #expect(!AcceptEncoding.allowsGzip("gzip;q=0, *"))
        #expect(!AcceptEncoding.allowsGzip("identity"))
        #expect(!AcceptEncoding.allowsGzip(nil))
    }
}
