import Foundation
import Testing
import RundschauModel

@Suite struct ModelJSONTests {
    @Test func absentFieldsAreOmittedAndDatesAreRFC3339() throws {
        let feed = Feed(format: .rss20, title: "T", entries: [
            Entry(id: "1", title: "A", published: Date(timeIntervalSince1970: 1_718_093_700))
        ])
        let json = String(decoding: try FeedJSON.makeEncoder(pretty: false).encode(feed), as: UTF8.self)
        #expect(json == #"{"entries":[{"id":"1","published":"2024-06-11T08:15:00Z","title":"A"}],"format":"rss20","title":"T","warnings":[]}"#)
        let back = try FeedJSON.makeDecoder().decode(Feed.self, from: Data(json.utf8))
        #expect(back == feed)
    }
}
