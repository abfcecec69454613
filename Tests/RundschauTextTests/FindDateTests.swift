import Foundation
import Testing

@testable import RundschauText

/// A line, the date expected in it, and the exact text the match should cover.
struct FindCase: Sendable, CustomTestStringConvertible {
    let line: String
    let expected: Date
    let precision: DatePrecision
    let matched: String

    init(_ line: String, _ expected: Date, _ precision: DatePrecision, _ matched: String) {
        self.line = line
        self.expected = expected
        self.precision = precision
        self.matched = matched
    }

    var testDescription: String { "\"\(line)\"" }
}

private let findCases: [FindCase] = [
    FindCase("von Sabine Brandes  11.06.2024", utc(2024, 6, 11), .day, "11.06.2024"),
    FindCase(" 11.06.2024", utc(2024, 6, 11), .day, "11.06.2024"),
    FindCase(
        "date 2024-03 BERLIN (dts Nachrichtenagentur) - Bundesverteidigungsminister Boris Pistorius (SPD) hat",
        utc(2024, 3, 1), .month, "2024-03"),
    FindCase("Stand: 11. Juni 2024, 08:15 Uhr", utc(2024, 6, 11, 8, 15), .minute, "11. Juni 2024, 08:15 Uhr"),
    FindCase("Dienstag, 11. Juni 2024: die Lage", utc(2024, 6, 11), .day, "Dienstag, 11. Juni 2024"),
    FindCase("Mo, 10.06.2024 | Politik", utc(2024, 6, 10), .day, "Mo, 10.06.2024"),
    FindCase("so 11.06.2024 erschienen", utc(2024, 6, 11), .day, "11.06.2024"),
    FindCase("Veröffentlicht am 11.06.2024 um 08:15 Uhr", utc(2024, 6, 11, 8, 15), .minute, "11.06.2024 um 08:15 Uhr"),
    FindCase("Termin: 11.06.2024 08:15-10:00", utc(2024, 6, 11), .day, "11.06.2024"),
    FindCase("im Juni 2024 hatte die Regierung", utc(2024, 6, 1), .month, "Juni 2024"),
    FindCase("Published June 11, 2024 by Jane Doe", utc(2024, 6, 11), .day, "June 11, 2024"),
    FindCase("log 2024-06-11T08:15:00Z start", utc(2024, 6, 11, 8, 15), .second, "2024-06-11T08:15:00Z"),
    FindCase("(11.06.2024)", utc(2024, 6, 11), .day, "11.06.2024"),
    FindCase("»Zitat« – 9. Juni 2024 – Text", utc(2024, 6, 9), .day, "9. Juni 2024"),
    FindCase("Stand 11.06.2024Hintergrund", utc(2024, 6, 11), .day, "11.06.2024"),
    FindCase("um 12:30 am 11.06.2024 in Berlin", utc(2024, 6, 11), .day, "11.06.2024"),
    FindCase("Zeit: 11.06.2024 20:15 am Abend", utc(2024, 6, 11, 20, 15), .minute, "11.06.2024 20:15"),
    FindCase("Sitzung 11.06.2024 12:30 am Dienstag", utc(2024, 6, 11, 12, 30), .minute, "11.06.2024 12:30"),
]

private let lineWithoutDates: [String] = [
    "In dem knapp 40-minütigen Gespräch, welches am 19. Februar stattgefunden haben soll",
    "Eden Yerushalmi ist seit 247 Tagen Geisel der Hamas",
    "Datensatz mit rund 50 000 Nummern berichtet",
    "Version 2.10.12 released",
    "Build 1.2.2024.5 is out",
    "Nummer 12.06.20245",
    "Tel. 030 12.34.5678",
    "Die Saison 2023-24 und die Jahre 1939-45",
    "Sieben Soldaten wurden verletzt, einige davon schwer",
    "am 11.06. um 8 Uhr",
    "11. Juni 24 Menschen",
    "Ergebnis 2:1 nach 90 Minuten",
    "",
    "Aktenzeichen 20240611",
]

@Suite("FeedDate.findDate")
struct FindDateTests {
    @Test("Finds the date and its range", arguments: findCases)
    func finds(_ c: FindCase) throws {
        let (parsed, range) = try #require(FeedDate.findDate(in: c.line))
        #expect(parsed.date == c.expected)
        #expect(parsed.precision == c.precision)
        #expect(String(c.line[range]) == c.matched)
    }

    @Test("Finds nothing in lines without a date", arguments: lineWithoutDates)
    func findsNothing(_ line: String) {
        #expect(FeedDate.findDate(in: line) == nil)
    }

    @Test func minimumPrecisionSkipsCoarserMatches() throws {
        #expect(FeedDate.findDate(in: "im Juni 2024 hatte", minimumPrecision: .day) == nil)
        let line = "im Juni 2024, am 11.06.2024 um 9 Uhr"
        let (parsed, range) = try #require(FeedDate.findDate(in: line, minimumPrecision: .day))
        #expect(parsed.date == utc(2024, 6, 11, 9))
        #expect(parsed.precision == .minute)
        #expect(line[range] == "11.06.2024 um 9 Uhr")
        let (second, _) = try #require(
            FeedDate.findDate(in: "am 11.06.2024 um 9 Uhr", minimumPrecision: .minute))
        #expect(second.date == utc(2024, 6, 11, 9))
    }

    @Test func bareYearsOnlyWhenAsked() throws {
        #expect(FeedDate.findDate(in: "Im Jahr 2024 stieg") == nil)
        let (parsed, range) = try #require(FeedDate.findDate(in: "Im Jahr 2024 stieg", minimumPrecision: .year))
        #expect(parsed.date == utc(2024, 1, 1))
        #expect(parsed.precision == .year)
        #expect("Im Jahr 2024 stieg"[range] == "2024")
    }

    @Test func militaryLettersAreNoZoneInRunningText() throws {
        let line = "11.06.2024 08:15 A new report"
        let (parsed, range) = try #require(FeedDate.findDate(in: line))
        #expect(parsed.date == utc(2024, 6, 11, 8, 15))
        #expect(line[range] == "11.06.2024 08:15")
    }

    @Test func seedTeaserDatesAreFound() throws {
        let text = try packageFile("seeds/001_78505ae9019cee0c.txt")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var found: [String] = []
        for line in lines {
            guard let (parsed, range) = FeedDate.findDate(in: line) else { continue }
            #expect(parsed.precision == .day)
            found.append(String(line[range]))
        }
        #expect(found == [
            "11.06.2024", "11.06.2024", "11.06.2024", "11.06.2024", "10.06.2024", "10.06.2024", "10.06.2024",
            "09.06.2024", "09.06.2024",
        ])
    }

    @Test func agencySeedHasOneMonthDate() throws {
        let text = try packageFile("seeds/000_72ee1e58c8808877.txt")
        let lines = text.split(separator: "\n").map(String.init)
        let found = lines.compactMap { FeedDate.findDate(in: $0)?.0 }
        #expect(found == [ParsedDate(date: utc(2024, 3, 1), precision: .month)])
    }
}
