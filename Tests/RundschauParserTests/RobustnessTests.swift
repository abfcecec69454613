import RundschauModel
import RundschauParser
import Testing

/// No input crashes the parser: every fixture cut at many points and with bytes damaged either parses or
/// throws a ``FeedParseError``.
@Suite struct RobustnessTests {
    @Test(arguments: Golden.all())
    func truncatedAndDamagedFixturesNeverCrash(_ fixture: Golden.Fixture) throws {
        let bytes = try Golden.bytes(fixture.path)
        var parsed = 0
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 60)) {
            if (try? FeedParser.parse(Array(bytes[..<cut]), url: fixture.documentURL)) != nil { parsed += 1 }
            var damaged = bytes
            damaged[cut] = [0x00, 0x3C, 0x26, 0xFF, 0x22][cut % 5]
            _ = try? FeedParser.parse(damaged, url: fixture.documentURL)
        }
        if fixture.path.hasSuffix(".xml") {
            // A cut XML document is salvaged; a cut JSON document never parses.
            #expect(parsed > 0, "some prefixes of \(fixture.path) should be salvageable")
        }
    }

    @Test func parsingTwiceGivesTheSameFeed() throws {
        for fixture in Golden.all() {
            let bytes = try Golden.bytes(fixture.path)
            let first = try FeedParser.parse(bytes, url: fixture.documentURL)
            let second = try FeedParser.parse(bytes, url: fixture.documentURL)
            #expect(!first.entries.isEmpty || first.title != nil, "\(fixture.path) parsed to nothing")
            #expect(first == second, "\(fixture.path)")
        }
    }
}
