import Testing
import RundschauXML

@Suite struct XMLDocumentReaderNotXMLTests {
    @Test func emptyInput() {
        #expect(readError([])?.code == .empty)
    }

    @Test func whitespaceOnly() {
        #expect(readError(utf8("  \n\t "))?.code == .notWellFormed)
    }

    @Test func plainText() {
        #expect(readError(utf8("Hello, world. This is not a feed."))?.code == .notWellFormed)
    }

    @Test func jsonFeed() {
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}"#
        #expect(readError(utf8(json))?.code == .notWellFormed)
    }

    @Test func htmlPageYieldsAnHTMLRootTheCallerCanReject() throws {
        let html = """
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><title>Start</title>
            <link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>
            <body><p>Caf&eacute; &amp; Bar &nbsp;<br><img src="x.png"></p><script>if (a < b && c) {}</script></body></html>
            """
        let result = Result { () throws(XMLError) in try readDocument(utf8(html)) }
        switch result {
        case .success(let (events, warnings)):
            #expect(events.first == "<html lang=de>")
            #expect(warnings.first?.hasPrefix("recovered malformed XML:") == true)
        case .failure(let error):
            #expect(error.code == .notWellFormed)
        }
    }

    @Test func binaryFileWithPNGHeader() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        bytes += pseudoRandomBytes(count: 4096, seed: 7)
        #expect(readError(bytes)?.code == .notWellFormed)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomBytesNeverCrash(seed: UInt64) {
        let bytes = pseudoRandomBytes(count: 2048 * Int(seed), seed: seed)
        #expect(readError(bytes) != nil)
    }

    @Test func randomBytesBehindAnXMLStart() {
        // Starts like a document, so it gets the whole repair treatment: still an error, never a crash.
        let bytes = utf8("<?xml version=\"1.0\"?>") + pseudoRandomBytes(count: 4096, seed: 42)
        #expect(readError(bytes)?.code == .notWellFormed)
    }

    @Test func randomBytesThatLookLikeUTF16() {
        // Decodes as UTF-16 "<r" and then random characters: surrogates, private-use characters.
        let bytes: [UInt8] = [0x3C, 0x00, 0x72, 0x00] + pseudoRandomBytes(count: 4096, seed: 99)
        #expect(readError(bytes)?.code == .notWellFormed)
    }

    @Test(arguments: [[0x00], [0xFF], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0xEF, 0xBB, 0xBF], [0x3C], [0x26]] as [[UInt8]])
    func tinyInputs(bytes: [UInt8]) {
        #expect(readError(bytes) != nil)
    }

    @Test func nulBytesThroughout() {
        #expect(readError([UInt8](repeating: 0, count: 1000))?.code == .notWellFormed)
    }

    @Test func truncatedDocument() throws {
        let result = Result { () throws(XMLError) in try readDocument(utf8("<rss><channel><title>Half a fe")) }
        // Recover mode keeps what was read before the end.
        if case .success(let (events, warnings)) = result {
            #expect(events.prefix(3) == ["<rss>", "<channel>", "<title>"])
            #expect(!warnings.isEmpty)
        }
    }

    /// A deterministic xorshift byte stream.
    func pseudoRandomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }
}
