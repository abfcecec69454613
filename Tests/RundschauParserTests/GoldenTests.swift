import Testing

/// The conformance suite: every fixture under `Fixtures/<format>/` against its golden.
@Suite struct GoldenTests {
    @Test(arguments: Golden.all())
    func fixtureMatchesGolden(_ fixture: Golden.Fixture) throws {
        try Golden.check(fixture)
    }

    @Test func everyFormatFolderHasFixtures() {
        let folders = Set(Golden.all().map { $0.path.split(separator: "/")[0] })
        #expect(folders == ["atom", "jsonfeed", "rdf", "rss"])
    }
}
