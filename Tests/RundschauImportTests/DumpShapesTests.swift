import Foundation
import RundschauImport
import RundschauModel
import Testing

/// Dumps of other shapes than the seeds: English, no dates, odd blank lines, Windows-1252, hard-wrapped text,
/// a long multi-article dump.
@Suite struct DumpShapesTests {
    // MARK: English

    static let englishItems = [
        ExpectedItem(
            kicker: "World", title: "Storm floods coastal towns in northern Spain", authors: ["Maria Lopez"],
            dateline: "MADRID (Reuters)", paragraphCount: 3),
        ExpectedItem(
            kicker: "Business", title: "Chipmaker raises forecast as demand for AI servers grows",
            summary: "Shares rose 6 per cent in early trading", authors: ["Tom Hart", "Ana Silva"]),
        ExpectedItem(
            kicker: "Science", title: "Telescope finds water vapour around distant planet",
            summary: "The discovery could help explain how small planets form"),
    ]

    @Test func englishPageWithBylinesDatelineAndCaption() throws {
        let entries = try Fixture.entries("english-page.txt")
        check(entries, Self.englishItems)
        let article = try #require(entries.first)
        #expect(paragraphs(article) == [
            "Heavy rain flooded several coastal towns in northern Spain on Tuesday, forcing hundreds of residents to leave their homes. Officials said the water had started to recede by the evening.",
            "The regional government of Galicia asked people to avoid travel. Trains between A Coruna and Santiago were cancelled, and the airport at Vigo closed for three hours.",
            "Forecasters expect more rain on Thursday, with up to 80 litres per square metre in some areas (about 3.5 inches). Updates are posted at www.xunta.gal and on the agency's website meteogalicia.gal.",
        ])
        #expect(article.content?.contains("Photo") == false)
    }

    /// Awaits the RundschauText merge (ISO dates through `FeedDate.parseDetailed`, `LanguageDetector`).
    @Test func englishDatesAndLanguage() throws {
        let entries = try Fixture.entries("english-page.txt")
        #expect(entries.map(\.published) == [utc(2024, 6, 11), utc(2024, 6, 10), utc(2024, 6, 9)])
        #expect(entries.map(\.language) == ["en", "en", "en"])
    }

    /// Awaits the RundschauText merge: long items keep their own language, short ones take the dump's.
    @Test func mixedLanguagesPerItem() throws {
        let text = """
            Stadtrat beschließt neuen Haushalt

            Der Stadtrat hat am Donnerstag den Haushalt für das kommende Jahr beschlossen. Die Verwaltung will vor allem in Schulen, Radwege und die Sanierung der Bäder investieren, die Schulden sollen trotzdem nicht steigen.

            ---

            Council backs new budget

            The city council approved next year's budget on Thursday. The administration plans to invest mainly in schools, cycle paths and the renovation of public pools, while keeping the debt at its current level.

            Kultur

            Theater zeigt neues Stück

            Premiere ist am Samstag

            12.06.2024
            """
        let entries = try DumpImporter().importData(Array(text.utf8), name: "mixed.txt")
        #expect(entries.map(\.title) == ["Stadtrat beschließt neuen Haushalt", "Council backs new budget", "Theater zeigt neues Stück"])
        #expect(entries.map(\.language) == ["de", "en", "de"])
    }

    // MARK: No dates

    @Test func dumpWithoutDates() throws {
        let entries = try Fixture.entries("no-dates.txt")
        check(entries, [
            ExpectedItem(kicker: "Kultur", title: "Museumsinsel bekommt neues Besucherzentrum", paragraphCount: 2),
            ExpectedItem(
                kicker: "Sport", title: "Hertha verpflichtet Torwart aus Norwegen",
                summary: "Der 24-Jährige unterschreibt bis 2027"),
            ExpectedItem(
                kicker: "Wissenschaft", title: "Forscher entschlüsseln Genom der Weinbergschnecke",
                summary: "Die Ergebnisse könnten bei der Bekämpfung von Schädlingen helfen"),
            ExpectedItem(
                kicker: "Reise", title: "Bahn erweitert Nachtzug-Angebot nach Italien",
                summary: "Ab Dezember fährt ein zusätzlicher Zug von München nach Rom"),
        ])
        #expect(entries.allSatisfy { $0.published == nil })
        #expect(entries.first.map(paragraphs) == [
            "Nach sieben Jahren Bauzeit öffnet am Wochenende das neue Eingangsgebäude der Berliner Museumsinsel. Es soll den Andrang auf die fünf Häuser besser verteilen. Die Baukosten lagen bei rund 134 Millionen Euro, etwa 30 Prozent über der ersten Schätzung.",
            "Der Entwurf stammt vom Londoner Büro David Chipperfield Architects. Besucher können dort Tickets kaufen, Garderobe abgeben und Führungen buchen, z.B. für die Sonderausstellung im Pergamonmuseum.",
        ])
    }

    // MARK: Odd blank lines

    /// CRLF line endings, two and three blank lines between items, none inside them, a kicker set off by two
    /// blank lines, trailing spaces and tabs, a no-break space inside `2,2 Prozent`.
    @Test func oddBlankLinesCRLFAndTrailingSpaces() throws {
        check(try Fixture.entries("odd-blanks.txt"), [
            ExpectedItem(
                kicker: "Politik", title: "Bundestag beschließt Heizungsgesetz",
                summary: "Nach monatelangem Streit stimmte die Koalition geschlossen dafür",
                authors: ["Anna Weber", "Jonas Klein"]),
            ExpectedItem(
                kicker: "Wirtschaft", title: "Inflation sinkt auf 2,2 Prozent", summary: "Vor allem Energie wurde billiger"),
            ExpectedItem(
                kicker: "Panorama", title: "Zoo Leipzig freut sich über Elefantennachwuchs",
                summary: "Das Jungtier wog bei der Geburt 120 Kilogramm"),
        ])
    }

    /// Awaits the RundschauText merge (`11. Juni 2024` and `10.06.2024` through `FeedDate.parseDetailed`).
    @Test func oddBlankLinesDates() throws {
        let entries = try Fixture.entries("odd-blanks.txt")
        #expect(entries.map(\.published) == [utc(2024, 6, 11), utc(2024, 6, 10), nil])
    }

    /// Teasers with no blank line anywhere and no dates: kickers (short lines over longer ones) start items.
    @Test func teasersWithoutBlankLines() throws {
        check(try Fixture.entries("no-blank-lines.txt"), [
            ExpectedItem(
                kicker: "Debatte", title: "Warum wir mehr Bäume in Städten brauchen",
                summary: "Ein Plädoyer für grüne Innenstädte"),
            ExpectedItem(kicker: "Verkehr", title: "Neue Radwege für Hamburg", summary: "Der Senat plant 60 Kilometer bis 2026"),
            ExpectedItem(kicker: "Bildung", title: "Lehrermangel verschärft sich"),
        ])
    }

    // MARK: Windows-1252

    @Test func windows1252BytesAreDecoded() throws {
        let bytes = try Fixture.bytes("windows-1252.txt")
        #expect(bytes.contains(0x84) && bytes.contains(0x80) && bytes.contains(0xC4))  // „ € Ä as single bytes
        let entries = try DumpImporter().importData(bytes, name: "windows-1252.txt")
        check(entries, [
            ExpectedItem(kicker: "Gesundheit", title: "Ärzte warnen vor Hitzewelle im Süden", paragraphCount: 2),
        ])
        #expect(entries.first.map(paragraphs) == [
            "München – Die Bayerische Landesärztekammer rät älteren Menschen, bei über 30 Grad die Mittagshitze zu meiden. „Trinken Sie ausreichend, auch wenn Sie keinen Durst verspüren“, sagte Präsidentin Müller. Die Kliniken seien vorbereitet.",
            "Für Hausärzte gilt ab Montag ein Notfallplan; die Kosten von rund 2 Mio. € trägt der Freistaat.",
        ])
    }

    /// Awaits the RundschauText merge (`11.06.2024` after the body).
    @Test func windows1252DateAfterBody() throws {
        let entries = try Fixture.entries("windows-1252.txt")
        #expect(entries.first?.published == utc(2024, 6, 11))
    }

    // MARK: Hard-wrapped

    @Test func hardWrappedParagraphsAreJoined() throws {
        let entries = try Fixture.entries("hard-wrapped.txt")
        check(entries, [
            ExpectedItem(title: "Council approves new bike lanes for the city centre", authors: ["Sam Green"], paragraphCount: 2),
        ])
        #expect(entries.first.map(paragraphs) == [
            "The city council voted on Tuesday to add eight kilometres of protected bike lanes to the centre, after a two-year debate about parking and deliveries. Work is due to start in September and should be finished before the end of next year.",
            "Shop owners on Market Street had asked for more loading zones. The council agreed to keep two of them and to review the whole plan after one year.",
        ])
    }

    // MARK: Long dump

    static let longDumpItems = [
        ExpectedItem(
            title: "Der Hamburger Senat will den Ausbau der U5 beschleunigen",
            dateline: "HAMBURG (dts Nachrichtenagentur)", paragraphCount: 2),
        ExpectedItem(
            title: "Die Europäische Zentralbank hat den Leitzins unverändert gelassen",
            dateline: "FRANKFURT/MAIN (dts Nachrichtenagentur)", paragraphCount: 2),
        ExpectedItem(title: "Stadtwerke erhöhen Fernwärmepreise", authors: ["Paul Richter"], paragraphCount: 2),
        ExpectedItem(title: "Neuer Radweg entlang des Kanals eröffnet", paragraphCount: 2),
        ExpectedItem(
            kicker: "Musik", title: "Festival meldet Besucherrekord",
            summary: "Mehr als 80 000 Menschen kamen an drei Tagen auf das Gelände", paragraphCount: 2),
        ExpectedItem(title: "Brücke in der Altstadt wird saniert", paragraphCount: 4),
        ExpectedItem(title: "Der Kölner Zoo hat ein neues Elefantenhaus eröffnet", dateline: "Köln (dpa)", paragraphCount: 1),
        ExpectedItem(title: "Bahnstreik endet vorzeitig", paragraphCount: 2),
        ExpectedItem(title: "Schwimmbäder öffnen früher", paragraphCount: 2),
        ExpectedItem(kicker: "Wirtschaft", title: "Bäckerei-Kette übernimmt Konkurrenten", authors: ["Jonas Berg"], paragraphCount: 2),
        ExpectedItem(
            kicker: "Wetter", title: "Gewitter und Starkregen erwartet",
            summary: "Der Deutsche Wetterdienst warnt für Mittwochabend vor Unwettern", authors: ["Clara Stein"]),
        ExpectedItem(
            kicker: "Sport", title: "Aufstieg perfekt: Stadtclub feiert mit Fans",
            summary: "Nach dem 3:1-Sieg am letzten Spieltag spielt der Verein erstmals in der dritten Liga"),
    ]

    /// Ten full articles and two teasers, separated by datelines, bylines, dates, `---` and `* * *` lines and a
    /// double blank line; one article has a photo caption and a subheading between its paragraphs.
    @Test func longMultiArticleDump() throws {
        let entries = try Fixture.entries("long-dump.txt")
        check(entries, Self.longDumpItems)
        guard entries.count == Self.longDumpItems.count else { return }
        #expect(paragraphs(entries[0]) == [
            "Der Hamburger Senat will den Ausbau der U5 beschleunigen. Bis 2030 sollen die ersten vier Stationen in Betrieb gehen, sagte Verkehrssenator Anjes Tjarks am Montag. Die Kosten für den ersten Abschnitt schätzt die Hochbahn auf 1,8 Milliarden Euro.",
            "Kritiker bemängeln, dass die Linie erst in den 2040er Jahren vollständig fertig sein wird.",
        ])
        // A sentence too short to count as a paragraph on its own still ends the article before the next title.
        #expect(paragraphs(entries[1]).last == "Ökonomen rechnen mit einer ersten Senkung im Sommer.")
        #expect(paragraphs(entries[5]) == [
            "Die Steinbrücke über die Ilm ist mehr als 200 Jahre alt. Nun muss sie für acht Monate gesperrt werden, weil Fugen und Geländer erneuert werden.",
            "Fußgänger werden über eine Behelfsbrücke geleitet.",
            "Umleitungen für Busse",
            "Die Buslinien 3 und 7 fahren während der Bauzeit über die Ringstraße. Die Verkehrsbetriebe haben dafür zusätzliche Haltestellen eingerichtet.",
        ])
        #expect(entries.allSatisfy { $0.content?.contains("Stadtverwaltung") != true })
        #expect(Set(entries.map(\.id)).count == entries.count)
    }

    /// Awaits the RundschauText merge (`date 2024-05`, `03.05.2024`, `Stand: 06.05.2024`, …).
    @Test func longDumpDates() throws {
        let entries = try Fixture.entries("long-dump.txt")
        #expect(entries.map(\.published) == [
            utc(2024, 5, 1), utc(2024, 5, 1), utc(2024, 5, 3), nil, utc(2024, 5, 4), nil,
            utc(2024, 5, 6), nil, nil, utc(2024, 5, 9), utc(2024, 5, 7), utc(2024, 5, 8),
        ])
    }

    // MARK: One article per file

    @Test func oneArticlePerFileInAFolder() throws {
        let folder = try Fixture.url("per-file").path
        let results = DumpImporter().importPaths([folder])
        #expect(results.map { URL(fileURLWithPath: $0.file).lastPathComponent }
            == ["a-rathaus.txt", "b-hafen.txt", "c-english.txt", "d-schule.txt"])
        #expect(results.allSatisfy { $0.error == nil && $0.entries.count == 1 })
        let entries = results.flatMap(\.entries)
        guard entries.count == 4 else { return }
        #expect(entries.map(\.source) == ["a-rathaus", "b-hafen", "c-english", "d-schule"])
        ExpectedItem(title: "Rathaus verlängert Öffnungszeiten", authors: ["Lena Vogt"], paragraphCount: 2).check(entries[0])
        #expect(paragraphs(entries[0]) == [
            "Das Bürgeramt öffnet ab Juli auch samstags von 9 bis 13 Uhr. Damit reagiert die Stadt auf lange Wartezeiten bei Terminen für Pässe und Ausweise.",
            "Online-Termine sollen ab sofort zwei Wochen im Voraus buchbar sein. Spontane Besuche bleiben donnerstags möglich.",
        ])
        ExpectedItem(
            title: "Der Kieler Hafen hat im ersten Halbjahr so viele Passagiere gezählt wie nie zuvor",
            dateline: "KIEL (dts Nachrichtenagentur)", paragraphCount: 1
        ).check(entries[1])
        // A lone short article stays an article: its one paragraph is content, not a teaser.
        ExpectedItem(title: "Library opens late on Fridays", paragraphCount: 1).check(entries[2])
        #expect(paragraphs(entries[2]) == [
            "The central library will stay open until 10 p.m. on Fridays from next month. The trial runs until December, and the library will count visitors to decide whether to keep the longer hours.",
        ])
        ExpectedItem(kicker: "Schule", title: "Neue Mensa für das Goethe-Gymnasium", paragraphCount: 2).check(entries[3])
    }

    /// Awaits the RundschauText merge.
    @Test func oneArticlePerFileDatesAndLanguages() throws {
        let entries = DumpImporter().importPaths([try Fixture.url("per-file").path]).flatMap(\.entries)
        #expect(entries.map(\.published) == [utc(2024, 6, 12), nil, nil, nil])
        #expect(entries.map(\.language) == ["de", "de", "en", "de"])
    }
}
