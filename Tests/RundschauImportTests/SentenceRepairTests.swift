import Testing
@testable import RundschauImport

/// Glued sentence ends get their space back; names, URLs, numbers and abbreviations stay as they are.
@Suite struct SentenceRepairTests {
    @Test(arguments: [
        ("der laufenden Untersuchung.Es sei in der", "der laufenden Untersuchung. Es sei in der"),
        ("so wie es vorgeschrieben sei.Konkret soll es", "so wie es vorgeschrieben sei. Konkret soll es"),
        ("gewesen sei, so Pistorius.Die Untersuchung", "gewesen sei, so Pistorius. Die Untersuchung"),
        ("zu leave their homes.Officials said", "zu leave their homes. Officials said"),
        ("im Jahr 2024.Die Zahl", "im Jahr 2024. Die Zahl"),
        ("meldete (dpa).Der Minister", "meldete (dpa). Der Minister"),
        ("Wirklich?Ja, sagte sie!Dann ging sie", "Wirklich? Ja, sagte sie! Dann ging sie"),
        ("der Untersuchung.Konkret", "der Untersuchung. Konkret"),
        (#"sagte er."Das ist neu""#, #"sagte er. "Das ist neu""#),
        (#""Das ist neu."Er ging"#, #""Das ist neu." Er ging"#),
        ("„Wir bleiben.“Dann ging er", "„Wir bleiben.“ Dann ging er"),
        ("»Nein.«Er ging", "»Nein.« Er ging"),
    ])
    func gluedSentencesAreSeparated(glued: String, repaired: String) {
        #expect(SentenceRepair.repair(glued) == repaired)
    }

    @Test(arguments: [
        "auf dem Philosophiefestival Phil.Cologne einem",
        "die Region Rhein.Main wächst",
        "mehr unter https://www.Example.com/Seite.Html lesen",
        "siehe www.Bundesregierung.De/Themen",
        "Mail an Presse@Stadt.Koeln schreiben",
        "die Seite spiegel.de berichtet",
        "um 3.5 Prozent, Version 2.0 und Nr.5",
        "etwa z.B.Die Linke oder u.a.Grüne",
        "wie Dr.Müller und Prof.Schmidt",
        "der Autor J.R.R.Tolkien schrieb",
        "mit ASP.NET und Node.JS gebaut",
        "die U.S.Army meldete",
        "Er zögerte...Dann sprach er",
        "Alles korrekt. Nichts zu tun.",
    ])
    func intendedGlueStays(text: String) {
        #expect(SentenceRepair.repair(text) == text)
    }
}

/// Sentence ends that are not abbreviations, initials, ordinals or numbers.
@Suite struct SentenceSplitterTests {
    @Test func sentencesSkipAbbreviationsOrdinalsAndInitials() {
        let text = "Am 7. Oktober sprach Dr. Weber mit J. Doe, z. B. über Geld. Es ging um 3.5 Mio. Euro. Wirklich? Ja!"
        #expect(SentenceSplitter.sentences(text) == [
            "Am 7. Oktober sprach Dr. Weber mit J. Doe, z. B. über Geld.",
            "Es ging um 3.5 Mio. Euro.",
            "Wirklich?",
            "Ja!",
        ])
    }

    @Test func endsSentenceLooksPastClosingQuotes() {
        #expect(SentenceSplitter.endsSentence(#"sagte er: "Nein.""#))
        #expect(SentenceSplitter.endsSentence("Vermisst!"))
        #expect(SentenceSplitter.endsSentence("»Am 7. Oktober gescheitert«") == false)
        #expect(SentenceSplitter.endsSentence("Eine Rekonstruktion") == false)
    }
}
