import Foundation
import Testing

@testable import RundschauCluster

/// Near-duplicates of every edit kind are found; the same story in other words is not a duplicate.
@Suite struct DuplicateDetectorTests {
    typealias T = TestArticles

    enum EditKind: String, CaseIterable, CustomTestStringConvertible {
        case headline, dropSentence, addSentence, moveSentence, wordsChanged, dateline, footer, teaser, combined
        var testDescription: String { rawValue }
    }

    static func edited(_ kind: EditKind) -> (title: String, text: String) {
        var parts = T.sentences(T.wire)
        var title = "Pistorius nennt Anwendungsfehler als Grund für Taurus-Leak"
        switch kind {
        case .headline: title = "Abhöraffäre: Minister sieht Fehler eines Offiziers"
        case .dropSentence: parts.remove(at: 3)
        case .addSentence: parts.insert("Eine Stellungnahme der Luftwaffe lag bis zum Abend nicht vor.", at: 2)
        case .moveSentence: parts.insert(parts.removeLast(), at: 1)
        case .wordsChanged:
            var words = parts.joined(separator: " ").split(separator: " ").map(String.init)
            for i in [5, 17, 33, 48] { words[i] = "zudem" }
            return (title, words.joined(separator: " "))
        case .dateline: parts[0] = "BERLIN (dpa) - " + parts[0]
        case .footer: parts.append("© dpa-infocom, dpa:240305-99-123456/2. Alle Rechte vorbehalten, Weiterverbreitung nur mit Genehmigung.")
        case .teaser: parts = Array(parts.prefix(3)) + ["[mehr]"]
        case .combined:
            // About half the 5-shingles survive: other headline, dateline, a sentence dropped, words changed, footer.
            title = "Taurus-Leak: Fehler in Singapur"
            parts.remove(at: 4)
            parts[0] = "Berlin (AFP) – " + parts[0].replacingOccurrences(of: "individuellen", with: "persönlichen")
            parts[2] = parts[2].replacingOccurrences(of: "Hotel", with: "Hotelzimmer")
            parts[5] = parts[5].replacingOccurrences(of: "verlangt", with: "fordert")
            parts.append("Alle Rechte vorbehalten.")
        }
        return (title, parts.joined(separator: " "))
    }

    @Test(arguments: EditKind.allCases)
    func findsSyndicatedCopy(kind: EditKind) {
        var detector = DuplicateDetector()
        let original = T.article(1, title: "Pistorius nennt Anwendungsfehler als Grund für Taurus-Leak", text: T.wire, source: "dts")
        let (title, text) = Self.edited(kind)
        let copy = T.article(2, title: title, text: text, hours: 2, source: "regional")
        #expect(detector.add(original) == nil)
        let link = detector.add(copy)
        #expect(link?.canonical == 1)
        // Another headline over the same text is already an exact (content) duplicate.
        #expect(link?.kind == (kind == .headline ? .contentHash : .nearDuplicate))
    }

    @Test func sameStoryInOtherWordsIsNotADuplicate() {
        var detector = DuplicateDetector()
        #expect(detector.add(T.article(1, title: "Pistorius nennt Anwendungsfehler", text: T.wire, source: "dts")) == nil)
        #expect(detector.add(T.article(2, title: "Taurus-Abhöraffäre: Offizier wählte sich ungesichert ein", text: T.otherOutlet, hours: 1, source: "tagesschau")) == nil)
    }

    @Test func englishRewriteIsNotADuplicate() {
        var detector = DuplicateDetector()
        let a = "Israeli forces have rescued four hostages held in Gaza since October, in a daytime operation in Nuseirat in the centre of the territory. Noa Argamani, 26, whose abduction from the Nova music festival was filmed, was among them. Hamas-run health officials said scores of Palestinians were killed during the raid."
        let b = "The rescue of four Israeli hostages from the Nuseirat refugee camp was celebrated across Israel, but the operation left a trail of destruction. Special forces stormed two apartments where the captives were held, while heavy airstrikes hit the surrounding area. Noa Argamani, 26, was reunited with her father hours later."
        #expect(detector.add(T.article(1, title: "Israel rescues four hostages", text: a, language: "en")) == nil)
        #expect(detector.add(T.article(2, title: "Noa Argamani among hostages freed", text: b, language: "en")) == nil)
    }

    @Test func exactDuplicatesByURLAndContent() {
        var detector = DuplicateDetector()
        detector.add(T.article(1, title: "A", text: T.wire, url: "https://www.example.org/a?utm_source=rss"))
        let byURL = detector.add(T.article(2, title: "B", text: T.otherOutlet, url: "http://example.org/a#top"))
        #expect(byURL?.kind == .url && byURL?.canonical == 1)
        let byContent = detector.add(T.article(3, title: "C", text: T.wire, url: "https://mirror.example/3"))
        #expect(byContent?.kind == .contentHash && byContent?.canonical == 1)
    }

    /// Only candidates keep a signature row: a copy and a text too short to compare are looked up, never stored,
    /// and later copies still find the original among the rows.
    @Test func onlyCandidatesKeepASignatureRow() {
        var detector = DuplicateDetector()
        detector.add(T.article(1, title: "A", text: T.wire))
        let (_, footer) = Self.edited(.footer)
        #expect(detector.add(T.article(2, title: "A", text: footer, hours: 1))?.canonical == 1)
        #expect(detector.add(T.article(3, title: "Kurz", text: "Nur ein kurzer Satz.", hours: 1)) == nil)
        detector.add(T.article(4, title: "B", text: T.otherOutlet, hours: 1))
        #expect(detector.count == 4)
        #expect(detector.candidates == 2)
        let (_, dateline) = Self.edited(.dateline)
        let link = detector.add(T.article(5, title: "A", text: dateline, hours: 2))
        #expect(link?.canonical == 1 && link?.matched == 1 && link?.kind == .nearDuplicate)
        #expect(detector.candidates == 2)
    }

    @Test func copiesOfCopiesPointToTheCanonical() {
        var detector = DuplicateDetector()
        detector.add(T.article(1, title: "A", text: T.wire))
        let (_, footer) = Self.edited(.footer)
        #expect(detector.add(T.article(2, title: "A", text: footer, hours: 1))?.canonical == 1)
        // A teaser of the footer copy still links to the original, never to the copy.
        let teaser = T.sentences(footer).prefix(3).joined(separator: " ")
        #expect(detector.add(T.article(3, title: "A", text: teaser, hours: 2))?.canonical == 1)
        #expect(detector.canonical(of: 3) == 1)
    }

    @Test func engineMakesTheEarliestPublishedCanonical() {
        let engine = ClusterEngine()
        // Input order differs from time order; ties in time fall to first seen, then the lowest id.
        let late = T.article(1, title: "A", text: T.wire, hours: 5)
        let early = T.article(7, title: "A", text: T.wire + " Alle Rechte vorbehalten.", hours: 1)
        let tieLowID = T.article(5, title: "A", text: T.wire + " Ende.", hours: 1)
        let result = engine.process(existing: [], new: [late, early, tieLowID])
        #expect(Set(result.duplicates.map(\.canonical)) == [5])
        #expect(Set(result.duplicates.map(\.article)) == [1, 7])

        let firstSeenEarlier = T.article(9, title: "A", text: T.wire, hours: 1, firstSeen: T.base)
        let firstSeenLater = T.article(3, title: "A", text: T.wire + " Ende.", hours: 1, firstSeen: T.base.addingTimeInterval(7_200))
        let second = engine.process(existing: [], new: [firstSeenLater, firstSeenEarlier])
        #expect(second.duplicates.map(\.canonical) == [9])
    }

    /// A stored copy is restored from its URL and content hash alone when its stored topics are kept (no body
    /// scan): later copies still link to the original, and every decision equals the one made by scanning it.
    @Test func storedCopiesRestoreWithoutScanning() {
        let original = T.article(1, title: "Pistorius nennt Anwendungsfehler", text: T.wire)
        var copy = T.article(2, title: "Anwendungsfehler schuld am Leak", text: "BERLIN (dpa) - " + T.wire, hours: 1,
                             source: "wire")
        copy.contentHash = "hash-of-copy"
        var other = T.article(3, title: "Abhöraffäre: Bedienungsfehler", text: T.otherOutlet, hours: 1, source: "other")
        other.contentHash = "hash-of-other"
        let first = ClusterEngine().process(existing: [], new: [original, copy, other])
        #expect(first.duplicates.map(\.article) == [2])
        let story = first.assignments.first { $0.article == 1 }?.cluster ?? 0

        let stored = [
            ClusteredArticle(article: original, clusterID: story, topics: []),
            ClusteredArticle(article: copy, clusterID: story, duplicateOf: 1, topics: []),
            ClusteredArticle(article: other, clusterID: first.assignments.first { $0.article == 3 }?.cluster ?? 0, topics: []),
        ]
        var sameText = T.article(4, title: "Pistorius: Anwendungsfehler", text: "Berlin (AFP) - " + T.wire, hours: 2, source: "afp")
        sameText.contentHash = "hash-of-copy"  // the stored copy's exact text: linked through it to the original
        let later = T.article(5, title: "Pistorius nennt Anwendungsfehler", text: T.wire + " Mehr dazu morgen.", hours: 3,
                              source: "late")
        var matching = ClusterEngine()
        matching.storedTopics = .match
        var keeping = ClusterEngine()
        keeping.storedTopics = .keep
        let scanned = matching.process(existing: stored, new: [sameText, later])
        let restored = keeping.process(existing: stored, new: [sameText, later])
        #expect(Set(restored.duplicates.map(\.article)) == [4, 5])
        #expect(restored.duplicates.allSatisfy { $0.canonical == 1 })
        #expect(restored.duplicates.map(\.article) == scanned.duplicates.map(\.article))
        #expect(restored.assignments.map(\.cluster) == scanned.assignments.map(\.cluster))
        #expect(restored.assignments.allSatisfy { $0.cluster == story })
    }
}
