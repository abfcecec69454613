import Foundation
import Testing
@testable import RundschauWriter

@Suite struct StoryContentTests {
    @Test func listsOtherOutletsAfterTheLead() {
        let html = StoryContent.html(
            lead: SanitizedHTML(trusted: "<p>Lead.</p>"),
            related: [
                .init(href: "https://b.example/1", title: "B & C <report>", outlet: "Outlet B", published: Fixtures.date("2024-06-11T09:00:00Z")),
                .init(href: "https://b.example/1", title: "duplicate"),
                .init(href: "javascript:alert(1)", title: "dropped"),
                .init(href: "https://c.example/2", title: nil, outlet: "Outlet C"),
            ],
            language: "en-GB").html
        #expect(html == "<p>Lead.</p><h4>Also reported by</h4><ul>"
            + "<li><a href=\"https://b.example/1\">B &amp; C &lt;report&gt;</a> – Outlet B <time datetime=\"2024-06-11T09:00:00Z\">(2024-06-11)</time></li>"
            + "<li><a href=\"https://c.example/2\">https://c.example/2</a> – Outlet C</li></ul>")
    }

    @Test func headingFollowsTheLanguage() {
        #expect(StoryContent.heading(for: "de-AT") == "Auch berichtet von")
        #expect(StoryContent.heading(for: nil) == "Also reported by")
        #expect(StoryContent.html(lead: SanitizedHTML(trusted: "x"), related: [], language: "de").html == "x")
        #expect(StoryContent.html(lead: nil, related: [.init(href: "https://a.example/")], language: "de").html
            == "<h4>Auch berichtet von</h4><ul><li><a href=\"https://a.example/\">https://a.example/</a></li></ul>")
    }
}
