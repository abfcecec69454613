import Foundation
import RundschauImport
import RundschauModel
import Testing

/// `rundschau import --dry-run --json`: the entry schema of `parse --json` plus `kicker`, `dateline`, `source`.
@Suite struct DumpJSONTests {
    @Test func dryRunJSONUsesTheEntrySchema() throws {
        let entries = try Fixture.entries(Seed001Tests.file)
        let json = try DumpImporter.dryRunJSON(entries)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try #require(object["entries"] as? [[String: Any]])
        #expect(items.count == 10)

        let article = items[0]
        // `language` joins these once the detector is in (it is nil with the RundschauText stub).
        #expect(Set(article.keys).subtracting(["language"]) == ["id", "title", "kicker", "content", "content_type", "source"])
        #expect(article["kicker"] as? String == "Paris")
        #expect(article["content_type"] as? String == "html")
        #expect(article["source"] as? String == "001_78505ae9019cee0c")
        #expect((article["content"] as? String)?.hasPrefix("<p>Israels Verteidigungsminister Benny Gantz hat sich") == true)

        let teaser = items[2]
        #expect(teaser["title"] as? String == "»Sinwar will Israelis als menschliche Schutzschilde«")
        #expect(teaser["summary_type"] as? String == "text")
        #expect((teaser["authors"] as? [[String: String]]) == [["name": "Sabine Brandes"]])
        #expect(teaser["link"] == nil)
    }

    @Test func datelineIsInTheJSON() throws {
        let json = try DumpImporter.dryRunJSON(try Fixture.entries(Seed000Tests.file), pretty: false)
        #expect(json.contains(#""dateline":"BERLIN (dts Nachrichtenagentur)""#))
        #expect(!json.contains("\n"))
    }

    @Test func jsonRoundTripsThroughFeedJSON() throws {
        struct Document: Decodable { var entries: [Entry] }
        let entries = try Fixture.entries("long-dump.txt")
        let json = try DumpImporter.dryRunJSON(entries)
        let decoded = try FeedJSON.makeDecoder().decode(Document.self, from: Data(json.utf8))
        #expect(decoded.entries == entries)
    }

    /// Awaits the RundschauText merge: dates print as RFC 3339 UTC.
    @Test func datesPrintAsRFC3339() throws {
        let json = try DumpImporter.dryRunJSON(try Fixture.entries(Seed000Tests.file), pretty: false)
        #expect(json.contains(#""published":"2024-03-01T00:00:00Z""#))
        #expect(json.contains(#""language":"de""#))
    }
}
