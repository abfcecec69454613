import Foundation
import Logging
import RundschauModel
import RundschauXML
import Testing
@testable import RundschauWriter

@Suite struct FeedPublisherTests {
    static let logger = Logger(label: "test.publisher", factory: { _ in SwiftLogNoOpLogHandler() })

    static var topics: [PublicationFeed] {
        let configuration = Fixtures.configuration
        return [
            Fixtures.middleEast,
            PublicationFeed(slug: "wirtschaft", title: "Rundschau: Wirtschaft", category: configuration.topicCategory(slug: "wirtschaft"),
                            terms: ["Zölle"], isDiscovered: true, language: "de"),
        ]
    }

    static func publish(_ entries: [PublicationEntry], topics: [PublicationFeed] = topics, to folder: String,
                        configuration: PublishConfiguration = Fixtures.configuration) throws -> PublishReport {
        try FeedPublisher(configuration: configuration, logger: logger).publish(topics: topics, entries: entries, to: folder)
    }

    @Test func writesEveryFileAndRoutesEntriesByTopic() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let entries = Fixtures.generated(count: 30, topics: ["nahost", "wirtschaft", "sport"])
        let report = try Self.publish(entries, to: folder)
        #expect(Set(report.written) == ["all.atom", "nahost.atom", "wirtschaft.atom", "all.json", "nahost.json", "wirtschaft.json",
                                        "index.opml", "index.html", "nahost.html", "wirtschaft.html"])
        #expect(report.unchanged.isEmpty && report.removed.isEmpty)
        #expect(report.feeds == 3)
        #expect(report.entries == 30 + 10 + 10)
        let nahost = try TestNode.parse(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/nahost.atom"))))
        #expect(nahost.children("entry").allSatisfy { $0.child("category")?["term"] == "nahost" })
        #expect(nahost.children("entry").count == 10)
        // No temporary files are left behind; the manifest lists what was published.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == [".rundschau-manifest", "all.atom", "all.json", "index.html", "index.opml", "nahost.atom", "nahost.html",
                          "nahost.json", "wirtschaft.atom", "wirtschaft.html", "wirtschaft.json"])
        let manifest = try String(contentsOfFile: folder + "/.rundschau-manifest", encoding: .utf8)
        #expect(manifest.split(separator: "\n").map(String.init) == names.filter { !$0.hasPrefix(".") })
        // Files are readable by a server running as another user.
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/all.atom")
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
    }

    @Test func unchangedContentIsNotRewritten() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let entries = Fixtures.generated(count: 30, topics: ["nahost", "wirtschaft"])
        _ = try Self.publish(entries, to: folder)
        let before = try identities(folder)
        Thread.sleep(forTimeInterval: 0.02)

        let again = try Self.publish(entries.shuffled(), to: folder)
        #expect(again.written.isEmpty)
        #expect(again.unchanged.count == 10)
        #expect(try identities(folder) == before)

        // One new entry in one topic: that topic, all.atom and the index files change; the other topic does not.
        var more = entries
        more.append(contentsOf: Fixtures.generated(count: 31, topics: ["nahost", "wirtschaft"]).suffix(1))
        let changed = try Self.publish(more, to: folder)
        #expect(Set(changed.written) == ["all.atom", "all.json", "nahost.atom", "nahost.json", "index.opml", "index.html", "nahost.html"])
        #expect(Set(changed.unchanged) == ["wirtschaft.atom", "wirtschaft.json", "wirtschaft.html"])
        #expect(changed.changedFeeds == ["all.atom", "all.json", "nahost.atom", "nahost.json"])
        #expect(try identities(folder)["wirtschaft.atom"] == before["wirtschaft.atom"])
    }

    @Test func staleFilesOfEarlierRunsAreRemovedAndOthersLeftAlone() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder + "/robots.txt"))
        try Data("<feed/>".utf8).write(to: URL(fileURLWithPath: folder + "/handmade.atom"))
        var configuration = Fixtures.configuration
        configuration.maxEntries = 5
        configuration.archivePageSize = 5
        let entries = Fixtures.generated(count: 30, topics: ["nahost", "wirtschaft"])
        let first = try Self.publish(entries, to: folder, configuration: configuration)
        #expect(first.written.contains("nahost-archive-2.atom"))

        configuration.archivePageSize = nil
        let second = try Self.publish(entries, topics: [Fixtures.middleEast], to: folder, configuration: configuration)
        #expect(Set(second.removed) == Set(first.written.filter { $0.contains("-archive-") || $0.hasPrefix("wirtschaft.") }))
        #expect(second.removed.contains("wirtschaft.json") && second.removed.contains("wirtschaft.html"))
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(names == [".rundschau-manifest", "all.atom", "all.json", "index.html", "index.opml", "nahost.atom", "nahost.json",
                          "nahost.html", "robots.txt", "handmade.atom"])
    }

    @Test func refusesBadSlugsAndConfigurations() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for topics in [[PublicationFeed(slug: "all", title: "x")], [PublicationFeed(slug: "feeds", title: "x")],
                       [PublicationFeed(slug: "../x", title: "x")],
                       [Fixtures.middleEast, Fixtures.middleEast]] {
            let error = try #require(throws: PublishError.self) { try Self.publish([], topics: topics, to: folder) }
            #expect(error.code == .invalidFeed)
        }
        let error = try #require(throws: PublishError.self) {
            try Self.publish([], to: folder, configuration: PublishConfiguration(baseURL: "not a url"))
        }
        #expect(error.code == .invalidConfiguration)
        try Data().write(to: URL(fileURLWithPath: folder + "/file"))
        let fileError = try #require(throws: PublishError.self) { try Self.publish([], to: folder + "/file") }
        #expect(fileError.code == .fileSystem)
    }

    @Test func opmlAndIndexPageMatchGoldenBytesAndAreWellFormed() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Self.publish(Fixtures.entries, to: folder)
        let opml = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/index.opml")))
        let html = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/index.html")))
        try Golden.check(opml, "index.opml")
        try Golden.check(html, "index.html")
        try Golden.check(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/nahost.html"))), "nahost.html")
        try Golden.check(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/nahost.json"))), "nahost.json")
        let outline = try TestNode.parse(opml)
        #expect(outline.name == "opml" && outline["version"] == "2.0")
        let urls = outline.child("body")?.children("outline").compactMap { $0["xmlUrl"] }
        #expect(urls == ["all", "nahost", "wirtschaft"].map { Fixtures.configuration.feedURL(slug: $0) })
        let page = try TestNode.parse(html)
        #expect(page.name == "html")
        // The subscribe list keeps every feed's Atom link, now with its JSON Feed and page, and the OPML list.
        let feedList = try #require(page.descendants.first { $0["id"] == "feeds" })
        let feedLinks = feedList.descendants.filter { $0.name == "a" }.compactMap { $0["href"] }
        #expect(feedLinks == ["all.atom", "all.json", "index.html", "nahost.atom", "nahost.json", "nahost.html",
                              "wirtschaft.atom", "wirtschaft.json", "wirtschaft.html", "index.opml"])
        // Every Atom file is valid too.
        let validator = try AtomSchema.validator()
        for name in ["all", "nahost", "wirtschaft"] {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/\(name).atom")))
            #expect(validator.validate(bytes) == [])
            #expect(FeedChecks.problems(bytes, selfURL: Fixtures.configuration.feedURL(slug: name)) == [])
        }
    }

    @Test func feedsStayUnderOneMegabyteByLeavingOutTheOldestEntries() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 50 entries of about 40 KB each: 2 MB as written, so the feeds keep only the newest that fit.
        let entries = Fixtures.generated(count: 50, topics: ["nahost"], contentBytes: 40_000)
        let report = try Self.publish(entries, topics: [Fixtures.middleEast], to: folder)
        #expect(report.written.contains("nahost.atom"))
        let atomBytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/nahost.atom")))
        let jsonBytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/nahost.json")))
        #expect(atomBytes.count <= 1_000_000 && jsonBytes.count <= 1_000_000)
        let atom = try TestNode.parse(atomBytes).children("entry").compactMap { $0.child("id")?.text }
        #expect(atom.count > 10 && atom.count < 50)
        // The newest ones, in order; the JSON Feed and the page carry exactly the same entries.
        #expect(atom == AtomFeedWriter.newestFirst(entries).prefix(atom.count).map(\.id))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonBytes)) as? [String: Any])
        #expect((json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == atom)
        let page = try TestNode.parse(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/nahost.html"))))
        #expect(page.descendants.filter { $0.name == "article" }.compactMap { $0["data-id"] } == atom)
        // With archive pages on, what was left out is archived, not lost.
        var configuration = Fixtures.configuration
        configuration.archivePageSize = 10
        let archived = try Self.publish(entries, topics: [Fixtures.middleEast], to: folder, configuration: configuration)
        #expect(archived.entries == 2 * 50, "all.atom and nahost's documents together hold every entry twice")
    }

    private func identities(_ folder: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasPrefix(".") {
            var info = stat()
            _ = stat(folder + "/" + name, &info)
            result[name] = "\(info.st_ino)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return result
    }
}
