import Testing
@testable import RundschauImport

/// Locating dates in a line (the reading is `FeedDate`'s job).
@Suite struct DateFinderTests {
    @Test(arguments: [
        ("11.06.2024", "11.06.2024"),
        ("von Sabine Brandes 11.06.2024", "11.06.2024"),
        ("date 2024-03 BERLIN (dts Nachrichtenagentur) - Text", "2024-03"),
        ("Published 2024-06-11T09:30:00Z by the desk", "2024-06-11T09:30:00Z"),
        ("Stand: 11. Juni 2024, 14:30 Uhr", "11. Juni 2024"),
        ("Dienstag, 1.2.24", "1.2.24"),
        ("By Jane Doe | June 11, 2024", "June 11, 2024"),
        ("11 June 2024", "11 June 2024"),
        ("am 3. Okt. 2023 in Bonn", "3. Okt. 2023"),
    ])
    func findsTheToken(line: String, token: String) {
        #expect(DateFinder.find(in: line)?.token == token)
    }

    @Test(arguments: [
        "am 7. Oktober gescheitert",
        "seit 247 Tagen",
        "Version 3.5 erschienen",
        "Telefon 030-1234567",
        "der 32.13.2024 gibt es nicht",
        "im Jahr 2024 und 2025",
    ])
    func findsNothing(line: String) {
        #expect(DateFinder.find(in: line) == nil)
    }
}

/// Lines that carry nothing but a date, and date labels opening a line.
@Suite struct DateLabelDetectorTests {
    @Test func dateOnlyLines() {
        #expect(DateLabelDetector.dateOnly("11.06.2024")?.token == "11.06.2024")
        #expect(DateLabelDetector.dateOnly("Stand: 10.06.2024, 14:30 Uhr")?.token == "10.06.2024")
        #expect(DateLabelDetector.dateOnly("Veröffentlicht am Dienstag, 11. Juni 2024")?.token == "11. Juni 2024")
        #expect(DateLabelDetector.dateOnly("Published: Tue 2024-06-11")?.token == "2024-06-11")
        #expect(DateLabelDetector.dateOnly("Gespräch am 11.06.2024 in Berlin") == nil)
        #expect(DateLabelDetector.dateOnly("Der 24-Jährige unterschreibt bis 2027") == nil)
    }

    @Test func leadingDateLabels() {
        let labelled = DateLabelDetector.leadingDate("date 2024-03 BERLIN (dts Nachrichtenagentur) - Der Minister")
        #expect(labelled?.date.token == "2024-03")
        #expect(labelled?.rest == "BERLIN (dts Nachrichtenagentur) - Der Minister")
        let bare = DateLabelDetector.leadingDate("11.06.2024 KIEL (dpa) - Der Hafen")
        #expect(bare?.rest == "KIEL (dpa) - Der Hafen")
        #expect(DateLabelDetector.leadingDate("11.06.2024 war ein guter Tag für alle.") == nil)
        #expect(DateLabelDetector.leadingDate("Am 11.06.2024 war ein guter Tag.") == nil)
    }
}

/// Byline lines: names after `von`/`By`/`Autor:`, optionally a date.
@Suite struct BylineDetectorTests {
    @Test func bylinesWithAndWithoutDates() {
        #expect(BylineDetector.detect("von Sabine Brandes")?.authors == ["Sabine Brandes"])
        let dated = BylineDetector.detect("von Sabine Brandes 11.06.2024")
        #expect(dated?.authors == ["Sabine Brandes"])
        #expect(dated?.date?.token == "11.06.2024")
        #expect(BylineDetector.detect("By Tom Hart and Ana Silva · 2024-06-10")?.authors == ["Tom Hart", "Ana Silva"])
        #expect(BylineDetector.detect("von Anna Weber und Jonas Klein, 11. Juni 2024")?.authors == ["Anna Weber", "Jonas Klein"])
        #expect(BylineDetector.detect("Von Ursula von der Leyen")?.authors == ["Ursula von der Leyen"])
        #expect(BylineDetector.detect("Autorin: Anna-Lena Meyer-Wolff")?.authors == ["Anna-Lena Meyer-Wolff"])
        #expect(BylineDetector.detect("By J. R. Smith | June 11, 2024")?.authors == ["J. R. Smith"])
    }

    @Test(arguments: [
        "Von Berlin aus reiste er weiter.",
        "by the way",
        "von 9 bis 13 Uhr",
        "Von Montag an gilt die neue Regel für alle Besucher",
        "Vorwürfe von NSO-Kunden: was wir wissen",
    ])
    func runningTextIsNoByline(line: String) {
        #expect(BylineDetector.detect(line) == nil)
    }
}

/// Agency datelines opening a paragraph.
@Suite struct DatelineDetectorTests {
    @Test(arguments: [
        ("BERLIN (dts Nachrichtenagentur) - Bundesverteidigungsminister", "BERLIN (dts Nachrichtenagentur)", "Bundesverteidigungsminister"),
        ("MADRID (Reuters) - Heavy rain", "MADRID (Reuters)", "Heavy rain"),
        ("WASHINGTON (AP) — The Senate", "WASHINGTON (AP)", "The Senate"),
        ("Köln (dpa) - Der Kölner Zoo", "Köln (dpa)", "Der Kölner Zoo"),
        ("NEW YORK - Stocks rose", "NEW YORK", "Stocks rose"),
        ("FRANKFURT/MAIN (dts Nachrichtenagentur) - Die EZB", "FRANKFURT/MAIN (dts Nachrichtenagentur)", "Die EZB"),
        ("LONDON, June 11 (Reuters) - Britain", "LONDON, June 11 (Reuters)", "Britain"),
    ])
    func datelines(line: String, dateline: String, rest: String) {
        let found = DatelineDetector.detect(line)
        #expect(found?.dateline == dateline)
        #expect(found?.rest == rest)
    }

    @Test func placeAndAgencyAreSeparate() {
        let found = DatelineDetector.detect("BERLIN (dts Nachrichtenagentur) - Text")
        #expect(found?.place == "BERLIN")
        #expect(found?.agency == "dts Nachrichtenagentur")
    }

    @Test(arguments: [
        "Der Minister (SPD) - so hieß es - trat zurück.",
        "Premierminister Netanjahu verhindere einen »wahren Sieg«, betont Gantz - und ruft zu Neuwahlen auf",
        "Berlin - die Stadt der Gegensätze",
        "NATO-Gipfel in Vilnius",
    ])
    func notDatelines(line: String) {
        #expect(DatelineDetector.detect(line) == nil)
    }
}

/// Photo captions and credits.
@Suite struct CaptionDetectorTests {
    @Test(arguments: [
        "Foto:",
        "Foto:Paris",
        "Foto: dpa",
        "Der französische Staatschef Emmanuel Macron und Israels Verteidigungsminister Benny Gantz (Archiv) Foto: imago images/UPI Photo",
        "Rescue teams in Galicia (Archive) Photo: Reuters/Miguel Vidal",
        "© Reuters",
        "Symbolbild",
        "Bild: Stadtverwaltung Leipzig",
    ])
    func captions(line: String) {
        #expect(CaptionDetector.classify(line) == .caption(line))
    }

    @Test func creditGluedToAParagraphIsCutOff() {
        let line = "Die Steinbrücke über die Ilm ist mehr als 200 Jahre alt und muss nun saniert werden. Foto: Stadt Weimar"
        #expect(CaptionDetector.classify(line) == .bodyWithCredit(
            body: "Die Steinbrücke über die Ilm ist mehr als 200 Jahre alt und muss nun saniert werden.",
            credit: "Foto: Stadt Weimar"))
    }

    @Test(arguments: [
        "Das Foto: ein Beweis für die Tat, sagen die Ermittler.",
        "Die Fotografin zeigt ihre Bilder im Museum.",
        "Israels Verteidigungsminister zu NSO-Skandal",
    ])
    func notCaptions(line: String) {
        #expect(CaptionDetector.classify(line) == .none)
    }
}

/// Titles derived from a first sentence.
@Suite struct TitleDeriverTests {
    @Test func shortFirstSentenceIsTheTitle() {
        #expect(TitleDeriver.derive(from: "Der Kölner Zoo hat ein neues Elefantenhaus eröffnet. Die Anlage ist groß.", maxLength: 100)
            == "Der Kölner Zoo hat ein neues Elefantenhaus eröffnet")
        #expect(TitleDeriver.derive(from: "Wer zahlt? Niemand.", maxLength: 100) == "Wer zahlt?")
    }

    @Test func longSentenceIsCutAtASensibleWordBoundary() {
        let sentence = #"Bundesverteidigungsminister Boris Pistorius (SPD) hat im Taurus-Abhörskandal einen "individuellen Anwendungsfehler" als Grund für den Leak genannt."#
        // Not inside the quotes, not after `einen`.
        #expect(TitleDeriver.derive(from: sentence, maxLength: 100) == "Bundesverteidigungsminister Boris Pistorius (SPD) hat im Taurus-Abhörskandal…")
        #expect(TitleDeriver.derive(from: sentence, maxLength: 60) == "Bundesverteidigungsminister Boris Pistorius (SPD)…")
        let english = "The regional government of Galicia asked people to avoid travel on the coast roads for the rest of the week."
        #expect(TitleDeriver.derive(from: english, maxLength: 50) == "The regional government of Galicia asked people…")
    }
}

/// The `*`/`?` file-name patterns of directory imports.
@Suite struct GlobPatternTests {
    @Test func wildcards() {
        #expect(GlobPattern("*.txt").matches("000_72ee.txt"))
        #expect(!GlobPattern("*.txt").matches("notes.md"))
        #expect(!GlobPattern("*.txt").matches("a.txt.bak"))
        #expect(GlobPattern("dump-??.txt").matches("dump-01.txt"))
        #expect(!GlobPattern("dump-??.txt").matches("dump-1.txt"))
        #expect(GlobPattern("*").matches("anything"))
        #expect(GlobPattern("*-*.txt").matches("a-rathaus.txt"))
    }
}
