import Foundation
import RundschauImport
import RundschauModel
import Testing

/// `seeds/000_…txt`: one dts agency article opening with `date 2024-03 BERLIN (dts Nachrichtenagentur) - `,
/// no title line, sentences glued at four places, an empty `Foto:` credit at the end.
@Suite struct Seed000Tests {
    static let file = "000_72ee1e58c8808877.txt"

    static let expectedParagraphs = [
        #"Bundesverteidigungsminister Boris Pistorius (SPD) hat im Taurus-Abhörskandal einen "individuellen Anwendungsfehler" als Grund für den Leak genannt. "Unsere Kommunikationssysteme sind nicht und wurden nicht kompromittiert", sagte der Minister am Dienstag in Berlin. Das sei das Zwischenergebnis der laufenden Untersuchung. Es sei in der fraglichen Konferenz eine für den Dienstgebrauch zertifizierte Variante der Plattform Webex verwendet worden."#,
        #"Diese werde in Rechenzentren der Bundeswehr gehostet und es würden auch keine Server im Ausland genutzt. Der Grund, dass das Telefonat in den Reihen der Luftwaffe trotzdem mitgeschnitten werden konnte, gehe auf einen "individuellen Anwendungsfehler" zurück, fügte der Minister hinzu. Nicht alle Teilnehmer haben sich demnach an das "sichere Einwahlverfahren" gehalten, so wie es vorgeschrieben sei. Konkret soll es bei einem Teilnehmer in Singapur zum Datenabfluss gekommen sein. Dieser sei über eine "nicht autorisierte Verbindung", also über eine offene Verbindung, dazugeschaltet gewesen. Er gehe davon aus, dass der Zugriff auf die Webex-Konferenz ein "Zufallstreffer im Rahmen einer breit angelegten gestreuten Vorgehensweise" gewesen sei, so Pistorius. Die Untersuchung werde dennoch fortgesetzt. "Obwohl wir die Ursache für das Abhören geklärt haben, untersuchen wir alle Geräte, die beteiligt waren", sagte der SPD-Politiker. Auch um die Inhalte des Gesprächs soll es bei der Prüfung gehen. Zudem sei eine "disziplinarische Vorermittlung" gegen die Beteiligten der Schaltkonferenz eingeleitet worden. "Das ist ein normaler Vorgang, um sowohl belastende als auch entlastende Momente und Aspekte zusammenzutragen", so Pistorius. In der Abhöraffäre geht es um die Veröffentlichung der Aufzeichnung einer internen Besprechung von Luftwaffenoffizieren durch russische Medien. In dem knapp 40-minütigen Gespräch, welches am 19. Februar stattgefunden haben soll, wurde die theoretische Möglichkeit eines Taurus-Einsatzes durch die Ukraine diskutiert und die Frage erörtert, wie die Luftwaffe einen solchen Einsatz unterstützen könnte."#,
    ]

    @Test func oneAgencyArticleWithDerivedTitleAndDateline() throws {
        let entries = try Fixture.entries(Self.file)
        check(entries, [
            ExpectedItem(
                title: "Bundesverteidigungsminister Boris Pistorius (SPD) hat im Taurus-Abhörskandal…",
                dateline: "BERLIN (dts Nachrichtenagentur)", paragraphCount: 2),
        ])
        let entry = try #require(entries.first)
        #expect(entry.source == "000_72ee1e58c8808877")
        #expect(entry.id.hasPrefix("urn:rundschau:dump:000_72ee1e58c8808877:"))
    }

    @Test func bodyHasRepairedSentencesAndNoDatelineOrCredit() throws {
        let entry = try #require(try Fixture.entries(Self.file).first)
        #expect(paragraphs(entry) == Self.expectedParagraphs)
        let content = try #require(entry.content)
        #expect(content.hasPrefix("<p>Bundesverteidigungsminister Boris Pistorius (SPD) hat im Taurus-Abhörskandal einen &quot;individuellen Anwendungsfehler&quot;"))
        #expect(content.hasSuffix("wie die Luftwaffe einen solchen Einsatz unterstützen könnte.</p>"))
        #expect(!content.contains("Foto"))
        #expect(!content.contains("dts Nachrichtenagentur"))
        #expect(!content.contains("date 2024"))
    }

    /// Awaits the RundschauText merge (`FeedDate.parseDetailed("2024-03")` with month precision).
    @Test func monthPrecisionDateResolvesToFirstOfMonth() throws {
        let entry = try #require(try Fixture.entries(Self.file).first)
        #expect(entry.published == utc(2024, 3, 1))
    }

    /// Awaits the RundschauText merge (`LanguageDetector.detect`).
    @Test func languageIsGerman() throws {
        let entry = try #require(try Fixture.entries(Self.file).first)
        #expect(entry.language == "de")
    }
}
