import Foundation
import Testing

@testable import RundschauCluster

/// Incremental clustering: stable ids, one story per article, the time window.
@Suite struct StoryClustererTests {
    typealias T = TestArticles

    /// Two stories, three articles each, in different words; plus an unrelated article.
    static let batch1: [ClusterArticle] = [
        T.article(10, title: "Pistorius nennt Anwendungsfehler als Grund für Taurus-Leak", text: T.wire, source: "dts"),
        T.article(11, title: "Taurus-Abhöraffäre: Offizier wählte sich in Singapur ungesichert ein", text: T.otherOutlet, hours: 1, source: "tagesschau"),
        T.article(20, title: "Hochwasser in Bayern: Feuerwehrmann bei Rettungseinsatz gestorben",
                  text: "Das Hochwasser in Bayern hat ein erstes Todesopfer gefordert. Ein Feuerwehrmann kam in Pfaffenhofen ums Leben, als ein Boot kenterte. In mehreren Landkreisen wurde der Katastrophenfall ausgerufen. Ministerpräsident Markus Söder besuchte die Hochwassergebiete an der Donau.",
                  hours: 2, source: "br"),
        T.article(30, title: "EZB senkt erstmals seit 2019 den Leitzins",
                  text: "Die Europäische Zentralbank hat erstmals seit fast fünf Jahren ihre Leitzinsen gesenkt. EZB-Präsidentin Christine Lagarde betonte, weitere Schritte hingen von den Daten ab.",
                  hours: 3, source: "tagesschau"),
    ]

    static let batch2: [ClusterArticle] = [
        T.article(12, title: "Abhörskandal bei der Luftwaffe: Pistorius spricht von Zufallstreffer",
                  text: "Für den Mitschnitt der Taurus-Besprechung macht Boris Pistorius einen einzelnen Offizier verantwortlich. Der Offizier nutzte in Singapur eine unsichere Leitung, die russische Geheimdienste abgriffen. Die Union fordert einen Untersuchungsausschuss zur Abhöraffäre.",
                  hours: 5, source: "spiegel"),
        T.article(21, title: "Flut in Bayern: Pegel der Donau steigen weiter",
                  text: "Das Hochwasser in Bayern hat weitere Todesopfer gefordert. An der Donau bereiten sich Helfer auf den Scheitel vor. Ministerpräsident Markus Söder forderte eine Pflichtversicherung gegen Hochwasserschäden. Der Feuerwehrmann aus Pfaffenhofen wurde betrauert.",
                  hours: 20, source: "spiegel"),
        T.article(13, title: "Pistorius nennt Anwendungsfehler als Grund für Taurus-Leak",
                  text: "BERLIN (dpa) - " + T.wire + " Alle Rechte vorbehalten.", hours: 6, source: "regional"),
    ]

    static func stored(_ result: ClusterResult, _ articles: [ClusterArticle]) -> [ClusteredArticle] {
        let cluster = Dictionary(result.assignments.map { ($0.article, $0.cluster) }, uniquingKeysWith: { a, _ in a })
        let duplicate = Dictionary(result.duplicates.map { ($0.article, $0.canonical) }, uniquingKeysWith: { a, _ in a })
        return articles.compactMap { a in
            cluster[a.id].map { ClusteredArticle(article: a, clusterID: $0, duplicateOf: duplicate[a.id]) }
        }
    }

    @Test func groupsCoverageAndSeparatesStories() {
        let result = ClusterEngine().process(existing: [], new: Self.batch1 + Self.batch2)
        let cluster = Dictionary(result.assignments.map { ($0.article, $0.cluster) }, uniquingKeysWith: { a, _ in a })
        #expect(cluster[10] == 10 && cluster[11] == 10 && cluster[12] == 10 && cluster[13] == 10)
        #expect(cluster[20] == 20 && cluster[21] == 20)
        #expect(cluster[30] == 30)
        #expect(result.duplicates.map(\.article) == [13])
    }

    @Test func idsStayStableAcrossIncrementalRuns() {
        let engine = ClusterEngine()
        let first = engine.process(existing: [], new: Self.batch1)
        let stored = Self.stored(first, Self.batch1)
        let second = engine.process(existing: stored, new: Self.batch2)
        // Nothing stored is re-decided; new articles join the stories opened in run one.
        #expect(Set(second.assignments.map(\.article)) == Set(Self.batch2.map(\.id)))
        let cluster = Dictionary(second.assignments.map { ($0.article, $0.cluster) }, uniquingKeysWith: { a, _ in a })
        #expect(cluster[12] == 10 && cluster[13] == 10 && cluster[21] == 20)
        #expect(second.duplicates.map(\.canonical) == [10])
        // The same as one batch.
        let once = engine.process(existing: [], new: Self.batch1 + Self.batch2)
        let onceCluster = Dictionary(once.assignments.map { ($0.article, $0.cluster) }, uniquingKeysWith: { a, _ in a })
        for a in Self.batch2 { #expect(onceCluster[a.id] == cluster[a.id]) }
        // Touched stories report every member known in the run.
        let taurus = second.clusters.first { $0.id == 10 }
        #expect(taurus?.members == [10, 11, 12, 13])
        #expect(taurus?.isNew == false)
        #expect(second.clusters.first { $0.id == 30 } == nil)
    }

    @Test func everyArticleLandsInExactlyOneStory() {
        let all = Self.batch1 + Self.batch2
        let result = ClusterEngine().process(existing: [], new: all)
        #expect(result.assignments.count == all.count)
        #expect(Set(result.assignments.map(\.article)).count == all.count)
        var seen: [Int64: Int] = [:]
        for story in result.clusters { for m in story.members { seen[m, default: 0] += 1 } }
        #expect(seen.count == all.count && seen.values.allSatisfy { $0 == 1 })
        // Duplicates join their canonical's story.
        for link in result.duplicates {
            let byArticle = Dictionary(result.assignments.map { ($0.article, $0.cluster) }, uniquingKeysWith: { a, _ in a })
            #expect(byArticle[link.article] == byArticle[link.canonical])
        }
    }

    @Test func labelsAndTimeSpans() {
        let result = ClusterEngine().process(existing: [], new: Self.batch1 + Self.batch2)
        let taurus = result.clusters.first { $0.id == 10 }
        #expect(taurus.map { [10, 11, 12].contains($0.labelArticle) } == true)
        #expect(taurus?.firstSeen == T.base)
        #expect(taurus?.lastSeen == T.base.addingTimeInterval(6 * 3_600))
        #expect(taurus?.label.isEmpty == false)
    }

    /// The label is a member's title: an untitled member (a dump item without a headline) is never chosen while
    /// a titled one is in the story.
    @Test func labelIsATitledMember() {
        let untitled = T.article(50, title: "", text: T.wire, source: "dump")
        let titled = T.article(51, title: "Taurus-Abhöraffäre: Offizier wählte sich ungesichert ein", text: T.otherOutlet,
                               hours: 1, source: "tagesschau")
        let result = ClusterEngine().process(existing: [], new: [untitled, titled])
        let story = result.clusters.first { $0.members.contains(50) }
        #expect(story?.members == [50, 51])
        #expect(story?.labelArticle == 51)
        #expect(story?.label == titled.title)
    }

    @Test func timeWindowSeparatesDistantArticles() {
        let again = T.article(40, title: "Pistorius: Abhöraffäre war ein Anwendungsfehler in Singapur",
                              text: T.otherOutlet, hours: 24 * 5, source: "later")
        let near = T.article(41, title: "Pistorius: Abhöraffäre war ein Anwendungsfehler in Singapur",
                             text: T.otherOutlet, hours: 24 * 2, source: "near")
        let engine = ClusterEngine()
        let base = [Self.batch1[0]]
        let farResult = engine.process(existing: [], new: base + [again])
        #expect(farResult.assignments.first { $0.article == 40 }?.opened == true)
        let nearResult = engine.process(existing: [], new: base + [near])
        #expect(nearResult.assignments.first { $0.article == 41 }?.cluster == 10)
        // A narrower window keeps even two days apart.
        let narrow = ClusterEngine(stories: StoryClusterSettings(window: 86_400))
        #expect(narrow.process(existing: [], new: base + [near]).assignments.first { $0.article == 41 }?.opened == true)
    }

    @Test func publishedDateBeatsFirstSeen() {
        // An archive imported today with old dates clusters as it happened: by published, not first seen.
        let old = T.article(50, title: "Pistorius nennt Anwendungsfehler als Grund für Taurus-Leak", text: T.wire, hours: -24 * 300,
                            firstSeen: T.base)
        let oldOther = T.article(51, title: "Taurus-Abhöraffäre: Offizier wählte sich in Singapur ungesichert ein", text: T.otherOutlet,
                                 hours: -24 * 300 + 2, firstSeen: T.base)
        let today = T.article(52, title: "Taurus-Abhöraffäre: Offizier wählte sich in Singapur ungesichert ein", text: T.otherOutlet + " Neu.",
                              hours: 0)
        let result = ClusterEngine().process(existing: [], new: [old, oldOther, today])
        let cluster = Dictionary(result.assignments.map { ($0.article, $0.cluster) }, uniquingKeysWith: { a, _ in a })
        #expect(cluster[51] == 50)
        // The copy published 300 days later is a duplicate of 51 and follows it; nothing else joins across the gap.
        #expect(result.duplicates.first { $0.article == 52 }?.canonical == 51)
        // Without a published date the first-seen time counts.
        let undated = T.article(60, title: "x", text: "y", published: false)
        #expect(undated.effectiveDate == undated.firstSeen)
    }

    @Test func historyRangesCoverTheWindow() {
        let engine = ClusterEngine()
        let ranges = engine.historyRanges(for: [T.article(1, title: "", text: "", hours: 0), T.article(2, title: "", text: "", hours: 24),
                                                T.article(3, title: "", text: "", hours: 24 * 30)])
        #expect(ranges.count == 2)
        #expect(ranges[0].lowerBound == T.base.addingTimeInterval(-3 * 86_400))
        #expect(ranges[0].upperBound == T.base.addingTimeInterval(4 * 86_400))
    }
}

/// Stored decisions are kept as they are, whatever the engine would decide today.
@Suite struct RestoreTests {
    typealias T = TestArticles

    @Test func storedStoryIdsAndLinksAreKept() {
        let stored = [
            // Stored under a story id that is not its own (opened by an article now outside the window).
            ClusteredArticle(article: T.article(5, title: "Pistorius nennt Anwendungsfehler als Grund für Taurus-Leak", text: T.wire),
                             clusterID: 999),
            // A copy whose canonical (id 1) lies outside the window.
            ClusteredArticle(article: T.article(6, title: "Taurus-Leak", text: "BERLIN (dpa) - " + T.wire, hours: 1),
                             clusterID: 999, duplicateOf: 1),
        ]
        let new = [
            T.article(7, title: "Taurus-Abhöraffäre: Offizier wählte sich in Singapur ungesichert ein", text: T.otherOutlet, hours: 2),
            T.article(8, title: "Taurus", text: T.wire + " Alle Rechte vorbehalten.", hours: 3),
            T.article(8, title: "the same id again", text: "ignored", hours: 4),
            T.article(9, title: "Taurus-Leak", text: "BERLIN (dpa) - " + T.wire, hours: 5),
        ]
        let result = ClusterEngine().process(existing: stored, new: new)
        #expect(result.assignments.count == 3)
        #expect(result.assignments.allSatisfy { $0.cluster == 999 })
        // A copy of the stored copy links to that group's canonical, even though it is outside the window.
        let link = result.duplicates.first { $0.article == 9 }
        #expect(link?.canonical == 1 && link?.matched == 6 && link?.kind == .contentHash)
        #expect(result.duplicates.first { $0.article == 8 } != nil)
        let story = result.clusters.first { $0.id == 999 }
        #expect(story?.members == [5, 6, 7, 8, 9])
        #expect(story?.isNew == false)
    }
}

/// Stories merge as evidence accumulates; the older (or stored) story's id survives.
@Suite struct StoryMergeTests {
    typealias T = TestArticles

    /// Headlines only; an article joins at 0.3 and any evidence between two stories merges them.
    static let eager = StoryClusterSettings(short: .init(join: 0.3, merge: 0.000_1, charWeight: 0.7))

    static func headline(_ id: Int64, _ title: String, hours: Double) -> ClusterArticle {
        T.article(id, title: title, text: "", hours: hours, url: "https://news.example/\(id)", language: "en")
    }

    @Test func anArticleBridgingTwoStoriesMergesThemIntoTheOlder() {
        var clusterer = StoryClusterer(settings: Self.eager)
        let a = clusterer.add(Self.headline(1, "Titanfall launch review roundup", hours: 0))
        let b = clusterer.add(Self.headline(2, "Microsoft Xbox One sales climb", hours: 1))
        #expect(a.opened && b.opened)
        let bridge = clusterer.add(Self.headline(3, "Titanfall launch lifts Xbox One sales", hours: 2))
        #expect(!bridge.opened)
        #expect(clusterer.merges == [StoryMerge(from: 2, into: 1)])
        #expect(bridge.cluster == 1)
        #expect(clusterer.clusterID(of: 2) == 1 && clusterer.survivor(of: 2) == 1)
        #expect(clusterer.touchedClusters == [1])
        #expect(clusterer.stories([1]).first?.members == [1, 2, 3])
        #expect(clusterer.stories([2]).isEmpty, "the absorbed story no longer exists")
    }

    @Test func aStoredStorySurvivesANewerOneEvenWhenTheNewOneStartedEarlier() {
        let engine = ClusterEngine(stories: Self.eager)
        // Stored: story 900 of one article. New: an article published earlier opens a story, a bridge joins.
        let stored = [ClusteredArticle(article: Self.headline(10, "Microsoft Xbox One sales climb", hours: 5), clusterID: 900)]
        let result = engine.process(existing: stored, new: [
            Self.headline(11, "Titanfall launch review roundup", hours: 0),
            Self.headline(12, "Titanfall launch lifts Xbox One sales", hours: 6),
        ])
        #expect(result.merges == [StoryMerge(from: 11, into: 900)])
        #expect(result.assignments.allSatisfy { $0.cluster == 900 })
        #expect(result.clusters.map(\.id) == [900])
        #expect(result.clusters.first?.members == [11, 10, 12])
    }
}
