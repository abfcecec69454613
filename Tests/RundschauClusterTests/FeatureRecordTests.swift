import Foundation
import Testing

@testable import RundschauCluster

private typealias T = TestArticles

/// Kept features stand in for a stored article's text: a run that restores from them decides as one that scans.
struct FeatureRecordTests {
    @Test func recordsRoundTripAndRefuseDamagedBytes() throws {
        let record = FeatureRecord(
            language: "de", short: true, isCopy: false, contentKey: 0xDEAD_BEEF_0123_4567, urlKey: 42, shingles: 40,
            signature: (0..<MinHasher.bins).map { UInt16($0 * 97 % 65_536) },
            terms: [.init(key: "pistorius", surface: "Pistorius", pair: false, weight: 2.5),
                    .init(key: "bor pistorius", surface: "Boris Pistorius", pair: true, weight: 1.25),
                    .init(key: "#2024", surface: "2024", pair: false, weight: 1)],
            titleMask: [0b1011, 0xFF], sentences: [7, 0, .max])
        let data = record.encodedData
        var decoded = try #require(FeatureRecord(data: data, bins: MinHasher.bins))
        decoded.sentences = try #require(FeatureRecord.sentences(from: record.encodedSentences))
        #expect(decoded == record)

        // Truncated, padded, or of another version: not read.
        #expect(FeatureRecord(data: Array(data.dropLast()), bins: MinHasher.bins) == nil)
        #expect(FeatureRecord(data: data + [0], bins: MinHasher.bins) == nil)
        #expect(FeatureRecord(data: [FeatureRecord.version &+ 1] + data.dropFirst(), bins: MinHasher.bins) == nil)
        #expect(FeatureRecord(data: [], bins: MinHasher.bins) == nil)
        // Version 2 (no URL key) is still read; a URL key in it is not.
        var withoutURL = record
        withoutURL.urlKey = nil
        withoutURL.sentences = []
        #expect(FeatureRecord(data: [2] + withoutURL.encodedData.dropFirst(), bins: MinHasher.bins) == withoutURL)
        #expect(FeatureRecord(data: [2] + data.dropFirst(), bins: MinHasher.bins) == nil)
        #expect(FeatureRecord.sentences(from: Array(record.encodedSentences.dropLast())) == nil)
        // A count larger than the bytes could hold is refused before anything is reserved.
        #expect(FeatureRecord.sentences(from: [FeatureRecord.version, 0xFF, 0xFF, 0xFF, 0x7F]) == nil)
    }

    @Test func restoringFromFeaturesDecidesAsScanningTheText() throws {
        let (yesterday, today) = Self.corpus()
        var engine = ClusterEngine()
        engine.storedTopics = .keep

        // Yesterday's run: every article scanned, its features kept.
        var first = ClusterSession(engine: engine, articles: yesterday.count)
        first.capturesFeatures = true
        for article in yesterday { first.learn(article) }
        for article in yesterday.sorted(by: ClusterEngine.timeOrder) { first.add(article) }
        let kept = Dictionary(uniqueKeysWithValues: first.takeCapturedFeatures().map { ($0.article, $0) })
        let decided = first.finish()
        #expect(kept.count == yesterday.count)
        #expect(!decided.duplicates.isEmpty)
        let canonical = Dictionary(decided.duplicates.map { ($0.article, $0.canonical) }, uniquingKeysWith: { a, _ in a })
        let story = Dictionary(uniqueKeysWithValues: decided.assignments.map { ($0.article, $0.cluster) })
        let stored = yesterday.sorted(by: ClusterEngine.timeOrder).map {
            ClusteredArticle(article: $0, clusterID: story[$0.id] ?? $0.id, duplicateOf: canonical[$0.id], topics: [])
        }

        // Today's run, once scanning the stored texts and once from their features (texts left out).
        var scanning = ClusterSession(engine: engine, articles: stored.count + today.count)
        for item in stored { scanning.learn(item.article) }
        for article in today { scanning.learn(article) }
        for item in stored { scanning.restore(item) }
        for article in today.sorted(by: ClusterEngine.timeOrder) { scanning.add(article) }
        let scanned = scanning.finish()

        var restoring = ClusterSession(engine: engine, articles: stored.count + today.count)
        var textless = stored
        for index in textless.indices { textless[index].article.text = "" }
        for item in textless {
            let learned = restoring.learn(item.article, sentences: try #require(kept[item.article.id]).sentences)
            #expect(learned)
        }
        for article in today { restoring.learn(article) }
        for item in textless {
            let restored = restoring.restore(item, features: try #require(kept[item.article.id]).data)
            #expect(restored)
        }
        for article in today.sorted(by: ClusterEngine.timeOrder) { restoring.add(article) }
        let restored = restoring.finish()

        #expect(restored.duplicates == scanned.duplicates)
        #expect(restored.assignments == scanned.assignments)
        #expect(restored.merges == scanned.merges)
        #expect(restored.clusters.map(\.id) == scanned.clusters.map(\.id))
        // Today's articles join yesterday's stories, and copy yesterday's texts.
        let storedStories = Set(stored.map(\.clusterID))
        #expect(restored.assignments.contains { storedStories.contains($0.cluster) })
        #expect(restored.duplicates.contains { link in stored.contains { $0.article.id == link.canonical } })
    }

    @Test func aCopysFeaturesDoNotStandInForACanonicalArticle() throws {
        var engine = ClusterEngine()
        engine.storedTopics = .keep
        let original = T.article(1, title: "Pistorius nennt Anwendungsfehler", text: T.wire)
        let copy = T.article(2, title: "Anwendungsfehler schuld am Leak", text: "BERLIN (dpa) - " + T.wire, hours: 1,
                             source: "wire")
        var first = ClusterSession(engine: engine, articles: 2)
        first.capturesFeatures = true
        for article in [original, copy] { first.learn(article) }
        first.add(original)
        first.add(copy)
        let kept = Dictionary(uniqueKeysWithValues: first.takeCapturedFeatures().map { ($0.article, $0) })
        #expect(first.finish().duplicates.map(\.article) == [2])

        var later = ClusterSession(engine: engine, articles: 1)
        let features = try #require(kept[2])
        let learned = later.learn(copy, sentences: features.sentences)
        #expect(learned)
        // Its link removed since, the copy is canonical now: its features have no vectors to restore it with.
        let asCanonical = later.restore(ClusteredArticle(article: copy, clusterID: 2, topics: []), features: features.data)
        #expect(!asCanonical)
        let asCopy = later.restore(ClusteredArticle(article: copy, clusterID: 1, duplicateOf: 1, topics: []), features: features.data)
        #expect(asCopy)
    }

    /// Two days of German articles: stories retold by several outlets, agency copies with datelines, and
    /// unrelated single articles; today's articles continue some of yesterday's stories and copy some texts.
    static func corpus() -> (yesterday: [ClusterArticle], today: [ClusterArticle]) {
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let common = ["Regierung", "Stadt", "Bericht", "Woche", "Minister", "Polizei", "Gericht", "Bürger",
                      "Verband", "Zahlen", "Land", "Bund", "Experten", "Kommission", "Kritik", "Unternehmen"]
        let verbs = ["sagte", "erklärte", "kündigte", "forderte", "meldete", "bestätigte", "kritisierte"]
        func storyWords(_ story: Int) -> [String] {
            (0..<12).map { k in ["Hafen", "Brücke", "Streik", "Wahl", "Klinik", "Flughafen", "Schule", "Bahn",
                                 "Zoll", "Messe", "Turm", "Werft"][(story * 5 + k) % 12] + "\(story)x\(k)" }
        }
        func sentence(_ story: Int) -> String {
            let words = storyWords(story)
            var parts: [String] = []
            for k in 0..<(8 + next() % 5) {
                if k % 3 == 1 { parts.append(words[next() % words.count]) }
                else if k % 3 == 2 { parts.append(verbs[next() % verbs.count]) }
                else { parts.append(common[next() % common.count]) }
            }
            return parts.joined(separator: " ") + "."
        }
        func text(_ story: Int, sentences: Int) -> String { (0..<sentences).map { _ in sentence(story) }.joined(separator: " ") }
        var yesterday: [ClusterArticle] = []
        var today: [ClusterArticle] = []
        var id: Int64 = 1
        func make(_ story: Int, hours: Double, source: String, body: String) -> ClusterArticle {
            defer { id += 1 }
            let words = storyWords(story)
            let title = "\(words[0]) \(words[1]): \(common[story % common.count]) \(verbs[story % verbs.count])"
            return T.article(id, title: title, text: body, hours: hours, source: source)
        }
        let outlets = ["taz", "faz", "spiegel", "zeit", "sz", "ndr"]
        for story in 0..<10 {
            for k in 0..<4 {
                let body = text(story, sentences: 6 + k)
                yesterday.append(make(story, hours: Double(story) + Double(k) * 0.5, source: outlets[k], body: body))
                if k == 0 && story % 2 == 0 {
                    yesterday.append(make(story, hours: Double(story) + 0.2, source: "wire", body: "BERLIN (dpa) - " + body))
                }
                if k == 1 && story % 3 == 0 {
                    today.append(make(story, hours: 24 + Double(story), source: "afp", body: "(AFP) - " + body))
                }
            }
            if story % 2 == 1 {
                today.append(make(story, hours: 25 + Double(story), source: outlets[4], body: text(story, sentences: 7)))
            }
        }
        for story in 10..<16 {
            yesterday.append(make(story, hours: Double(story - 10) * 2, source: outlets[5], body: text(story, sentences: 5)))
            today.append(make(story + 10, hours: 24 + Double(story - 10) * 2, source: outlets[5], body: text(story + 10, sentences: 5)))
        }
        return (yesterday, today)
    }
}
