// The web pages: a page per topic and the front page, checked as parsed documents (no browser needed).
import Foundation
import Logging
import RundschauModel
import RundschauParser
import Testing
@testable import RundschauWriter

@Suite struct StoryPageTests {
    static func publish(_ entries: [PublicationEntry], configuration: PublishConfiguration = Fixtures.configuration) throws -> String {
        let folder = try Fixtures.temporaryFolder()
        _ = try FeedPublisher(configuration: configuration, logger: FeedPublisherTests.logger)
            .publish(topics: FeedPublisherTests.topics, entries: entries, to: folder)
        return folder
    }

    static func read(_ folder: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
    }

    /// The stories a page shows: `(id, headline)` in order.
    static func stories(_ page: TestNode) -> [(id: String, title: String)] {
        page.descendants.filter { $0.name == "article" }.map { article in
            let heading = article.child("h2")
            let title = heading?.child("a")?.text ?? heading?.text ?? ""
            return (article["data-id"] ?? "", title)
        }
    }

    @Test func everyTopicPageShowsEveryStoryOfItsFeedInOrder() throws {
        var configuration = Fixtures.configuration
        configuration.maxEntries = 12
        let entries = Fixtures.entries + Fixtures.generated(count: 40, topics: ["nahost", "wirtschaft", "sport"])
        let folder = try Self.publish(entries, configuration: configuration)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (page, feed) in [("nahost.html", "nahost.atom"), ("wirtschaft.html", "wirtschaft.atom"), ("index.html", "all.atom")] {
            let parsed = try FeedParser.parse(try Self.read(folder, feed))
            let shown = Self.stories(try TestNode.parse(try Self.read(folder, page)))
            #expect(shown.map(\.id) == parsed.entries.map(\.id), "\(page)")
            #expect(shown.map(\.title) == parsed.entries.map { $0.title ?? "" }, "\(page)")
            #expect(Set(shown.map(\.id)).count == shown.count, "each story once")
            #expect(shown.count == min(12, parsed.entries.count))
        }
    }

    @Test func pagesHaveLanguageLandmarksHeadingsAndFeedLinks() throws {
        let folder = try Self.publish(Fixtures.entries)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = try TestNode.parse(try Self.read(folder, "nahost.html"))
        #expect(page.name == "html" && page["lang"] == "de")
        let names = page.descendants.map(\.name)
        for landmark in ["header", "nav", "main", "footer"] { #expect(names.filter { $0 == landmark }.count == 1, "\(landmark)") }
        #expect(names.filter { $0 == "h1" }.count == 1)
        #expect(page.descendants.first { $0.name == "h1" }?.text == "Rundschau: Nahost")
        // Static, self-contained: no script, no outside stylesheet, no image or frame.
        #expect(!names.contains("script") && !names.contains("iframe") && !names.contains("img"))
        #expect(page.descendants.filter { $0.name == "link" }.allSatisfy { $0["rel"] == "alternate" })
        #expect(names.contains("style"))
        // Autodiscovery of this topic's feeds, and subscribe links to them and the OPML list.
        let alternates = page.descendants.filter { $0.name == "link" }.map { "\($0["type"] ?? "") \($0["href"] ?? "")" }
        #expect(alternates == ["application/atom+xml https://news.example.org/feeds/nahost.atom",
                               "application/feed+json https://news.example.org/feeds/nahost.json"])
        let footer = try #require(page.descendants.first { $0.name == "footer" })
        #expect(footer.descendants.compactMap { $0["href"] } == ["nahost.atom", "nahost.json", "index.opml"])
        // The navigation marks the current topic.
        let nav = try #require(page.descendants.first { $0.name == "nav" })
        #expect(nav.descendants.filter { $0.name == "a" }.map { $0["href"] ?? "" } == ["index.html", "nahost.html", "wirtschaft.html"])
        #expect(nav.descendants.first { $0["aria-current"] == "page" }?["href"] == "nahost.html")

        // The front page: every feed's autodiscovery link, the stories, then the subscribe list.
        let front = try TestNode.parse(try Self.read(folder, "index.html"))
        let frontAlternates = front.descendants.filter { $0.name == "link" }.compactMap { $0["href"] }
        #expect(frontAlternates == ["all", "nahost", "wirtschaft"].flatMap {
            [Fixtures.configuration.feedURL(slug: $0), Fixtures.configuration.jsonFeedURL(slug: $0)]
        })
        #expect(front.descendants.first { $0.name == "h1" }?.text == "Rundschau")
        #expect(Self.stories(front).count == 2)
    }

    @Test func storiesShowHeadlineTeaserTimeTopicsAndCoverage() throws {
        let folder = try Self.publish(Fixtures.entries)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = try TestNode.parse(try Self.read(folder, "nahost.html"))
        let articles = page.descendants.filter { $0.name == "article" }
        let story = try #require(articles.first)
        #expect(story["data-id"] == Fixtures.configuration.tag("story/42"))
        #expect(story.child("h2")?.child("a")?["href"] == "https://www.tagesschau.de/ausland/gaza-waffenruhe-100.html")
        let meta = try #require(story.children("p").first { $0["class"] == "meta" })
        #expect(meta.children("time").map { $0["datetime"] ?? "" } == ["2024-06-11T08:30:00Z", "2024-06-11T10:15:00Z"])
        #expect(meta.children("time").first?.text == "2024-06-11 08:30 UTC")
        #expect(meta.child("a")?["href"] == "nahost.html" && meta.child("a")?.text == "Nahost")
        #expect(story.children("p").first { $0["class"] == "teaser" }?.text == "Die Gespräche gehen weiter.")
        // Coverage without a coverage list from the glue: the entry's own article, then the related one.
        let coverage = try #require(story.child("section"))
        let items = coverage.child("ul")?.children("li") ?? []
        #expect(items.count == 2)
        #expect(items.first?.child("span")?.text == "tagesschau.de")
        #expect(items.last?.child("a")?["href"] == "https://www.juedische-allgemeine.de/israel/kairo/")
        #expect(items.last?.child("a")?.text == "Gespräche in Kairo")
        // The English story on a German page says so.
        #expect(articles.last?["lang"] == "en")
    }

    @Test func copiesFoldUnderTheirOriginalAndLongCoverageIsCut() throws {
        let configuration = Fixtures.configuration
        let nahost = configuration.topicCategory(slug: "nahost", title: "Nahost")
        func item(_ n: Int, copies: [PublicationEntry.CoverageItem] = []) -> PublicationEntry.CoverageItem {
            .init(title: "Bericht \(n)", link: "https://outlet\(n).example/a", outlet: "Outlet \(n)",
                  published: Fixtures.date("2024-06-11T08:0\(n % 10):00Z"), copies: copies)
        }
        let copies = (0..<5).map { PublicationEntry.CoverageItem(title: "Kopie \($0)", link: "https://wire\($0).example/", outlet: "Wire \($0)") }
        let coverage = [item(1, copies: copies)] + (2...9).map { item($0) }
        let entry = PublicationEntry(
            id: configuration.tag("story/1"), title: "Viel Berichterstattung", link: "https://outlet1.example/a",
            updated: Fixtures.date("2024-06-11T10:00:00Z"), categories: [nahost], coverage: coverage,
            teaser: "  Ein   Anriss. ")
        let folder = try Self.publish([entry])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = try TestNode.parse(try Self.read(folder, "nahost.html"))
        let story = try #require(page.descendants.first { $0.name == "article" })
        #expect(story.children("p").first { $0["class"] == "teaser" }?.text == "Ein Anriss.")
        let section = try #require(story.child("section"))
        #expect(section.child("h3")?.text == "Berichterstattung: 14 Artikel")
        let list = try #require(section.child("ul")).children("li")
        // Six originals shown, then "and N more" for the three originals left.
        #expect(list.count == StoryPageWriter.maxCoverage + 1)
        #expect(list.last?.text == "und 3 weitere" && list.last?["class"] == "more")
        // The first original's copies, under it: three shown, "and 2 more".
        let folded = try #require(list.first?.child("ul")).children("li")
        #expect(folded.count == StoryPageWriter.maxCopies + 1)
        #expect(folded.first?.child("a")?["href"] == "https://wire0.example/")
        #expect(folded.last?.text == "und 2 weitere")
    }

    @Test func hostileTextIsEscapedAndUnsafeLinksDropped() throws {
        let configuration = Fixtures.configuration
        let entry = PublicationEntry(
            id: configuration.tag("story/666"), title: "<script>alert(1)</script> & \"quotes\"", link: "javascript:alert(1)",
            updated: Fixtures.date("2024-06-11T10:00:00Z"), categories: [configuration.topicCategory(slug: "nahost")],
            summary: SanitizedHTML(trusted: "<b>fett</b> &lt;img src=x onerror=alert(1)&gt;"),
            coverage: [.init(title: "<img src=x>", link: "data:text/html,hi", outlet: "<i>Outlet</i>")])
        let folder = try Self.publish([entry])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = try Self.read(folder, "nahost.html")
        let page = try TestNode.parse(bytes)
        let names = Set(page.descendants.map(\.name))
        #expect(!names.contains("script") && !names.contains("img") && !names.contains("b") && !names.contains("i"))
        let story = try #require(page.descendants.first { $0.name == "article" })
        #expect(story.child("h2")?.text == "<script>alert(1)</script> & \"quotes\"")
        #expect(story.child("h2")?.child("a") == nil, "a javascript: link is not written")
        #expect(story.children("p").first { $0["class"] == "teaser" }?.text == "fett <img src=x onerror=alert(1)>")
        #expect(!page.descendants.contains { ($0["href"] ?? "").hasPrefix("javascript:") || ($0["href"] ?? "").hasPrefix("data:") })
    }

    @Test func withoutAConfiguredLanguageThePageTakesTheStoriesLanguage() throws {
        var configuration = Fixtures.configuration
        configuration.language = nil
        let topic = PublicationFeed(slug: "nahost", title: "Nahost", category: configuration.topicCategory(slug: "nahost"))
        let entries = Fixtures.generated(count: 9, topics: ["nahost"])  // two thirds German, one third English
        let bytes = StoryPageWriter.write(topic, entries: entries, nav: [], feeds: [], configuration: configuration)
        let page = try TestNode.parse(bytes)
        #expect(page["lang"] == "de")
        let articles = page.descendants.filter { $0.name == "article" }
        #expect(articles.filter { $0["lang"] == "en" }.count == 3 && articles.filter { $0["lang"] != nil }.count == 3)
        #expect(StoryPageWriter.dominantLanguage([]) == nil)
        let english = StoryPageWriter.write(topic, entries: [], nav: [], feeds: [], configuration: configuration)
        #expect(try TestNode.parse(english)["lang"] == "en")
    }

    @Test func feedHealthPageListsEverySubscriptionProblemsFirst() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let subscriptions = [
            SubscriptionHealth(title: "Alpha", url: "https://alpha.example/feed", siteLink: "https://alpha.example/", state: .active,
                               lastSuccess: Fixtures.date("2024-06-11T10:00:00Z"), nextFetch: Fixtures.date("2024-06-11T11:00:00Z")),
            SubscriptionHealth(title: "Broken <b>", url: "https://broken.example/rss", state: .failing,
                               lastSuccess: Fixtures.date("2024-06-01T08:00:00Z"), lastError: "HTTP 500 <Internal & Error>",
                               consecutiveErrors: 4, nextFetch: Fixtures.date("2024-06-11T14:00:00Z")),
            SubscriptionHealth(title: nil, url: "https://gone.example/feed", state: .gone, lastError: "HTTP 410"),
            SubscriptionHealth(title: "dump", url: "dump:seeds.txt", state: .dump),
        ]
        let report = try FeedPublisher(configuration: Fixtures.configuration, logger: FeedPublisherTests.logger)
            .publish(topics: FeedPublisherTests.topics, entries: Fixtures.entries, subscriptions: subscriptions, to: folder)
        #expect(report.written.contains("feeds.html"))
        let page = try TestNode.parse(try Self.read(folder, "feeds.html"))
        #expect(page["lang"] == "de")
        let rows = page.descendants.filter { $0.name == "tr" && $0["class"] != nil }
        #expect(rows.map { $0["class"] ?? "" } == ["state-failing", "state-gone", "state-active", "state-dump"])
        let broken = rows[0].children("td")
        #expect(broken.count == 5)
        #expect(broken[0].text == "Broken <b>")
        #expect(broken[1].child("span")?.text == "gestört (4×)")
        #expect(broken[2].child("time")?["datetime"] == "2024-06-01T08:00:00Z")
        #expect(broken[3].text == "HTTP 500 <Internal & Error>")
        #expect(broken[4].child("time")?.text == "2024-06-11 14:00 UTC")
        #expect(rows[1].children("td")[0].text == "https://gone.example/feed", "no title: the URL names it")
        #expect(rows[1].children("td")[4].text == "–")
        #expect(rows[2].children("td")[0].child("a")?["href"] == "https://alpha.example/")
        // The front page links it; without subscriptions it is not written, and a stale one is removed.
        let front = try TestNode.parse(try Self.read(folder, "index.html"))
        #expect(front.descendants.contains { $0["href"] == "feeds.html" })
        let again = try FeedPublisher(configuration: Fixtures.configuration, logger: FeedPublisherTests.logger)
            .publish(topics: FeedPublisherTests.topics, entries: Fixtures.entries, to: folder)
        #expect(again.removed == ["feeds.html"])
    }
}
