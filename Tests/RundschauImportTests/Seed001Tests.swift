import Foundation
import RundschauImport
import RundschauModel
import Testing

/// `seeds/001_…txt`: a news page. One full article (kicker `Paris`, title, photo caption with credit, seven
/// paragraphs, no date or author), then nine teasers (kicker, title, optional teaser text, optional
/// `von Sabine Brandes`, a date on a line of its own with a leading no-break space).
@Suite struct Seed001Tests {
    static let file = "001_78505ae9019cee0c.txt"

    static let expected: [ExpectedItem] = [
        ExpectedItem(kicker: "Paris", title: "Israels Verteidigungsminister zu NSO-Skandal", paragraphCount: 7),
        ExpectedItem(
            kicker: "Debatte", title: "Soziologe Sznaider: Empathie mit Gegenseite im Krieg unmöglich",
            summary: "Warum der israelische Soziologe sich auf dem Philosophiefestival Phil.Cologne einem Bekenntnis zu Empathie mit der Gegenseite verweigert"),
        ExpectedItem(
            kicker: "Hintergrund", title: "»Sinwar will Israelis als menschliche Schutzschilde«",
            summary: "Avi Kalo, Experte für Terrorismusbekämpfung, erklärt, warum nicht alle Geiseln in Missionen gerettet werden können",
            authors: ["Sabine Brandes"]),
        ExpectedItem(
            kicker: "Gaza", title: "Vier israelische Soldaten bei Explosion getötet",
            summary: "Sieben Soldaten wurden verletzt, einige davon schwer"),
        ExpectedItem(
            kicker: "Nahost", title: "UN-Sicherheitsrat unterstützt Plan für Waffenruhe",
            summary: "Die Lage am Dienstagmorgen – und ein Ausblick auf den Tag"),
        ExpectedItem(
            kicker: "Vermisst!", title: "Für die Schwester kämpfen",
            summary: "Eden Yerushalmi ist seit 247 Tagen Geisel der Hamas", authors: ["Sabine Brandes"]),
        ExpectedItem(
            kicker: "Israel/Gaza", title: "Wie die USA und Großbritannien Israel bei der Suche nach den Geiseln geholfen haben",
            summary: "Eine Rekonstruktion"),
        ExpectedItem(
            kicker: "Israel", title: "»Am 7. Oktober gescheitert«: Kommandeur erklärt Rücktritt",
            summary: "Er sei an der Aufgabe seines Lebens gescheitert, schreibt Brigadegeneral Rosenfeld"),
        ExpectedItem(
            kicker: "Jerusalem", title: "Gantz und Eizenkot verlassen Regierung",
            summary: "Premierminister Netanjahu verhindere einen »wahren Sieg«, betont Gantz - und ruft zu Neuwahlen auf",
            authors: ["Sabine Brandes"]),
        ExpectedItem(kicker: "Terror", title: "Vater einer israelischen Geisel stirbt nur Stunden vor deren Befreiung"),
    ]

    /// The publication days, in item order (the full article has none).
    static let expectedDays: [Date?] = [
        nil, utc(2024, 6, 11), utc(2024, 6, 11), utc(2024, 6, 11), utc(2024, 6, 11),
        utc(2024, 6, 10), utc(2024, 6, 10), utc(2024, 6, 10), utc(2024, 6, 9), utc(2024, 6, 9),
    ]

    static let articleParagraphs = [
        "Israels Verteidigungsminister Benny Gantz hat sich bei einem Besuch in Paris zu dem jüngsten Skandal über die Überwachungssoftware des israelischen Anbieters NSO geäußert. Gantz habe seiner französischen Kollegin Florence Parly bei einem Treffen versichert, dass Israel die Vorwürfe sehr ernst nehme, teilte eine Sprecherin mit.",
        "Die mögliche Ausspähung der Mobiltelefone zahlreicher Staatschefs und Journalisten mit der NSO-Software Pegasus hatte international für Aufsehen gesorgt.",
        "Israel erteile beim Cyber-Export nur Genehmigungen an Staaten, es sei auch nur der Einsatz im Kampf gegen Terrorismus und Verbrechen erlaubt, sagte Gantz den Angaben zufolge ferner. Israelische Repräsentanten hätten am Mittwoch die Büroräume von NSO besucht, um die Vorwürfe gegen das Unternehmen zu prüfen.",
        "Frankreichs Regierungssprecher Gabriel Attal hatte angekündigt, Parly werde das Treffen nutzen, um Gantz zu fragen, was die israelische Regierung über die Aktivitäten der Kunden von NSO wisse. Sie wolle außerdem erfahren, welche Schritte eingeleitet wurden oder noch werden, um eine solch intrusive Nutzung des Tools zu verhindern.",
        "Marokkos Botschafter in Paris hat Medienberichte zurückgewiesen, wonach ein Sicherheitsdienst seines Landes den französischen Staatschef Emmanuel Macron für eine mögliche Ausspähung ins Visier genommen haben soll. Macron hatte ein Krisentreffen des Rates für nationale Sicherheit und Verteidigung einberufen, um über Konsequenzen zu beraten.",
        // The no-break space in `50 000` is normalized to an ordinary space.
        "Pegasus nutzt Sicherheitslücken in Smartphone-Software, um weitreichenden Zugriff auf Daten zu erlangen. Ein internationales Journalistenkonsortium hatte zuletzt über einen Datensatz mit rund 50 000 Nummern berichtet, die von NSO-Kunden als potenzielle Ausspähziele ausgewählt worden sein sollen. NSO hat die Vorwürfe zurückgewiesen und einzelne Details aus den Berichten bestritten.",
        "Bei den Gesprächen von Gantz in Paris ging es auch um die Krise in Israels Nachbarland Libanon, den Konflikt mit den Palästinensern und die Iran-Frage.",
    ]

    @Test func oneArticleAndNineTeasers() throws {
        check(try Fixture.entries(Self.file), Self.expected)
    }

    @Test func articleBodyLeavesOutTheCaption() throws {
        let article = try #require(try Fixture.entries(Self.file).first)
        #expect(paragraphs(article) == Self.articleParagraphs)
        #expect(article.content?.contains("imago") == false)
        #expect(article.content?.contains("(Archiv)") == false)
        #expect(article.published == nil)
        #expect(article.authors.isEmpty)
    }

    @Test func everyItemHasTheFileSourceAndItsOwnId() throws {
        let entries = try Fixture.entries(Self.file)
        #expect(entries.allSatisfy { $0.source == "001_78505ae9019cee0c" })
        #expect(Set(entries.map(\.id)).count == entries.count)
        #expect(entries.allSatisfy { $0.id.hasPrefix("urn:rundschau:dump:001_78505ae9019cee0c:") })
    }

    @Test func teaserTextsKeepNamesLikePhilCologne() throws {
        let entries = try Fixture.entries(Self.file)
        #expect(entries[1].summary?.contains("Philosophiefestival Phil.Cologne einem") == true)
    }

    /// Awaits the RundschauText merge (`FeedDate.parseDetailed("11.06.2024")`).
    @Test func teaserDatesAreDays() throws {
        let entries = try Fixture.entries(Self.file)
        #expect(entries.map(\.published) == Self.expectedDays)
    }

    /// Awaits the RundschauText merge (`LanguageDetector.detect`).
    @Test func everyItemIsGerman() throws {
        let entries = try Fixture.entries(Self.file)
        #expect(entries.map(\.language) == Array(repeating: "de", count: 10))
    }

    /// The two seeds back to back: 000 ends with `Foto:` and 001 starts with `Paris`, so the joined line
    /// `Foto:Paris` reads as a photo credit, and the second article has a title but no kicker.
    @Test func concatenatedSeedsSplitIntoBothDumpsItems() throws {
        let bytes = try Fixture.bytes(Seed000Tests.file) + Fixture.bytes(Self.file)
        let entries = try DumpImporter().importData(bytes, name: "both.txt")
        var expected = [
            ExpectedItem(
                title: "Bundesverteidigungsminister Boris Pistorius (SPD) hat im Taurus-Abhörskandal…",
                dateline: "BERLIN (dts Nachrichtenagentur)", paragraphCount: 2),
        ] + Self.expected
        expected[1].kicker = nil
        check(entries, expected)
        #expect(entries.first.map(paragraphs) == Seed000Tests.expectedParagraphs)
    }
}
