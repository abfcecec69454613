import struct RundschauModel.TopicDefinition
import Foundation
import Testing

@testable import RundschauCluster

/// Topic matching on the seeds' articles, with the topics shipped in `Config/topics.yaml` (copied here: the
/// cluster module reads no YAML; the glue loads the file into `TopicDefinition` values).
@Suite struct TopicMatcherTests {
    typealias T = TestArticles

    static let shipped: [TopicDefinition] = [
        TopicDefinition(
            name: "middle-east", title: "Naher Osten / Middle East",
            keywords: ["Israel", "Israels", "Gaza", "Hamas", "Hisbollah", "Hezbollah", "Libanon", "Lebanon", "Netanjahu",
                       "Netanyahu", "Westjordanland", "Palästinenser", "Palestinians", "Geisel", "Geiseln", "hostage",
                       "hostages", "Iran", "Jerusalem", "Gantz", "Eizenkot", "Sinwar"],
            phrases: ["Naher Osten", "Nahost", "Middle East", "West Bank"]),
        TopicDefinition(
            name: "defence", title: "Verteidigung / Defence",
            keywords: ["Bundeswehr", "Luftwaffe", "Verteidigungsminister", "Pistorius", "Taurus", "Soldaten", "soldiers",
                       "military", "Militär", "NATO", "Armee", "army", "Rüstung", "defence", "defense", "Kommandeur",
                       "Brigadegeneral", "Waffenruhe", "ceasefire", "Verteidigungsministerin"],
            phrases: ["Verteidigungsminister", "Ministry of Defence"]),
        TopicDefinition(
            name: "surveillance", title: "Überwachung und Spionage / Surveillance and espionage",
            keywords: ["Überwachung", "Überwachungssoftware", "surveillance", "Spionage", "espionage", "Spyware", "Pegasus",
                       "NSO", "Abhörskandal", "Abhöraffäre", "abhören", "Abhören", "Lauschangriff", "wiretap", "Ausspähung",
                       "Leak", "leak", "Datenabfluss", "Webex", "Geheimdienst", "intelligence", "Sicherheitsdienst", "hacking",
                       "Sicherheitslücken"],
            phrases: ["Taurus-Abhörskandal", "data breach"]),
        TopicDefinition(
            name: "europe", title: "Europa / Europe",
            keywords: ["EU", "Europa", "Europe", "Brüssel", "Brussels", "Macron", "Frankreich", "France", "Paris", "Scholz",
                       "Bundesregierung", "Kommission", "Commission", "Europawahl"],
            phrases: ["Europäische Union", "European Union"]),
    ]

    static func matcher() throws -> TopicMatcher { try TopicMatcher(topics: shipped) }

    /// The agency article of seed 000 (title: its first sentence, as the importer derives it).
    static func taurusArticle() throws -> ClusterArticle {
        let text = try T.seed("000").replacingOccurrences(of: "date 2024-03 ", with: "")
        let title = String(text.prefix { $0 != "." }).trimmingCharacters(in: .whitespaces)
        return T.article(1, title: title, text: text, source: "seeds/000")
    }

    /// The full article of seed 001 (before the teaser list).
    static func nsoArticle() throws -> ClusterArticle {
        let text = try T.seed("001")
        let start = try #require(text.range(of: "Israels Verteidigungsminister zu NSO-Skandal"))
        let end = try #require(text.range(of: "\nDebatte\n"))
        let body = text[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        return T.article(2, title: "Israels Verteidigungsminister zu NSO-Skandal", text: body, source: "seeds/001")
    }

    /// The Gaza teaser of seed 001: title and teaser line (the kicker is left out on purpose).
    static func gazaTeaser() throws -> ClusterArticle {
        let text = try T.seed("001")
        #expect(text.contains("Vier israelische Soldaten bei Explosion getötet"))
        return T.article(3, title: "Vier israelische Soldaten bei Explosion getötet",
                         text: "Sieben Soldaten wurden verletzt, einige davon schwer", source: "seeds/001")
    }

    @Test func taurusArticleIsDefenceAndSurveillance() throws {
        let topics = try Self.matcher().topics(of: Self.taurusArticle())
        #expect(Set(topics) == ["defence", "surveillance"])
    }

    @Test func nsoArticleIsSurveillanceMiddleEastAndEurope() throws {
        let topics = Set(try Self.matcher().topics(of: Self.nsoArticle()))
        #expect(topics.isSuperset(of: ["surveillance", "middle-east", "europe"]))
    }

    @Test func gazaSoldiersAreMiddleEastAndDefence() throws {
        let topics = try Self.matcher().topics(of: Self.gazaTeaser())
        #expect(Set(topics) == ["middle-east", "defence"])
    }

    @Test func compoundHeadsPhrasesPatternsLanguagesAndSources() throws {
        let matcher = try TopicMatcher(topics: [
            TopicDefinition(name: "minister", title: "M", keywords: ["Verteidigungsminister"]),
            TopicDefinition(name: "near-east", title: "N", phrases: ["Naher Osten"]),
            TopicDefinition(name: "rates", title: "R", patterns: [#"\bLeitzins(en)?\b"#]),
            TopicDefinition(name: "english-only", title: "E", keywords: ["Bundeswehr"], languages: ["en"]),
            TopicDefinition(name: "dts-only", title: "D", keywords: ["Bundeswehr"], sources: ["dts"]),
        ], minimumScore: 1)
        let a = T.article(1, title: "Bundesverteidigungsminister reist in den Nahen Osten",
                          text: "Die Bundeswehr und die EZB: der Leitzins bleibt.", source: "dts")
        #expect(Set(matcher.topics(of: a)) == ["minister", "near-east", "rates", "dts-only"])
        let b = T.article(2, title: "Bundeswehr", text: "", source: "other")
        #expect(matcher.topics(of: b).isEmpty)
    }

    @Test func invalidPatternIsAClearError() {
        #expect(throws: TopicError.self) { try TopicMatcher(topics: [TopicDefinition(name: "x", title: "X", patterns: ["(unclosed"])]) }
    }

    @Test func clusterTopicsFollowTheMembers() {
        let defence = TopicRef(name: "defence"), europe = TopicRef(name: "europe")
        let topics = TopicMatcher.clusterTopics(
            memberTopics: [[defence], [defence, europe], [], [], [], []], labelTopics: [europe])
        // Europe: the label's topic; defence: 2 of 6 members (a third).
        #expect(topics == [defence, europe])
        #expect(TopicMatcher.clusterTopics(memberTopics: [[defence], [], [], [], [], [], []], labelTopics: []).isEmpty)
    }

    @Test func engineAssignsTopicsToArticlesAndStories() throws {
        // Three articles make no corpus to learn word weights from: each is kept a story of its own here, so that
        // the test is about topics alone.
        let apart = StoryClusterSettings.Kind(join: 2, merge: 2, charWeight: 0.5)
        let engine = ClusterEngine(stories: StoryClusterSettings(short: apart, full: apart), topics: try Self.matcher())
        let articles = [try Self.taurusArticle(), try Self.nsoArticle(), try Self.gazaTeaser()]
        let result = engine.process(existing: [], new: articles)
        #expect(Set(result.articleTopics[1] ?? []) == [TopicRef(name: "defence"), TopicRef(name: "surveillance")])
        let gazaStory = try #require(result.assignments.first { $0.article == 3 }?.cluster)
        #expect(Set(result.clusterTopics[gazaStory] ?? []) == [TopicRef(name: "middle-east"), TopicRef(name: "defence")])
    }

    @Test func discoversRecurringTermGroupsAndMarksThem() throws {
        // Three different stories over two days keep mentioning the heat pump law; no configured topic covers it.
        var articles: [ClusterArticle] = []
        let texts = [
            ("Wärmepumpe: Habeck verteidigt Heizungsgesetz", "Wirtschaftsminister Robert Habeck verteidigt das Heizungsgesetz und die Wärmepumpe im Bundestag."),
            ("Heizungsgesetz: Handwerk meldet Ansturm auf Wärmepumpe", "Das Handwerk meldet vor dem Heizungsgesetz einen Ansturm auf die Wärmepumpe, sagt der Verband."),
            ("Förderung der Wärmepumpe: Habeck legt Zahlen vor", "Habeck legt neue Zahlen zur Förderung der Wärmepumpe und zum Heizungsgesetz vor."),
            ("Verbraucherschützer kritisieren Heizungsgesetz", "Verbraucherschützer kritisieren Kosten der Wärmepumpe und das Heizungsgesetz von Habeck."),
            ("Stadtwerke planen Fernwärme statt Wärmepumpe", "Die Stadtwerke planen Fernwärme, das Heizungsgesetz lasse auch die Wärmepumpe zu."),
        ]
        for (i, (title, text)) in texts.enumerated() {
            articles.append(T.article(Int64(100 + i), title: title, text: text, hours: Double(i * 9), source: "s\(i)"))
        }
        let apart = StoryClusterSettings.Kind(join: 2, merge: 2, charWeight: 0.5)  // every article a story of its own
        let engine = ClusterEngine(stories: StoryClusterSettings(short: apart, full: apart), discovery: TopicDiscoverySettings(minArticles: 4))
        let result = engine.process(existing: [], new: articles)
        let topic = try #require(result.discoveredTopics.first)
        #expect(topic.discovered)
        #expect(topic.name.contains("waermepump") || topic.name.contains("heizungsgesetz"))
        #expect(topic.articles.count >= 4)
        let refs = result.articleTopics[100] ?? []
        #expect(refs.contains { $0.discovered })
    }
}
