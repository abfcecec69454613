import Foundation
import Testing

@testable import RundschauText

/// One date string and what it must read as.
struct DateCase: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: Date
    let precision: DatePrecision

    init(_ text: String, _ expected: Date, _ precision: DatePrecision) {
        self.text = text
        self.expected = expected
        self.precision = precision
    }

    var testDescription: String { "\"\(text)\"" }
}

private let rfc822Cases: [DateCase] = [
    DateCase("Tue, 11 Jun 2024 08:15:00 +0200", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 GMT", utc(2024, 6, 11, 8, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15 +0200", utc(2024, 6, 11, 6, 15), .minute),
    DateCase("11 Jun 2024 08:15:00 +0200", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue, 11 Jun 24 08:15:00 GMT", utc(2024, 6, 11, 8, 15), .second),
    DateCase("Fri, 11 Jun 99 08:15:00 GMT", utc(1999, 6, 11, 8, 15), .second),
    DateCase("Sat, 1 Jan 00 00:00:00 GMT", utc(2000, 1, 1), .second),
    DateCase("Tue, 4 Jun 2024 08:15:00 GMT", utc(2024, 6, 4, 8, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 UT", utc(2024, 6, 11, 8, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 UTC", utc(2024, 6, 11, 8, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 Z", utc(2024, 6, 11, 8, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 EST", utc(2024, 6, 11, 13, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 EDT", utc(2024, 6, 11, 12, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 CST", utc(2024, 6, 11, 14, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 CDT", utc(2024, 6, 11, 13, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 MST", utc(2024, 6, 11, 15, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 MDT", utc(2024, 6, 11, 14, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 PST", utc(2024, 6, 11, 16, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 PDT", utc(2024, 6, 11, 15, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 A", utc(2024, 6, 11, 7, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 M", utc(2024, 6, 10, 20, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 N", utc(2024, 6, 11, 9, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 Y", utc(2024, 6, 11, 20, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 CET", utc(2024, 6, 11, 7, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 CEST", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 MEZ", utc(2024, 6, 11, 7, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 MESZ", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 BST", utc(2024, 6, 11, 7, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 +02:00", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue, 11 Jun 2024 23:30:00 -0500", utc(2024, 6, 12, 4, 30), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 -0000", utc(2024, 6, 11, 8, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 +0530", utc(2024, 6, 11, 2, 45), .second),
    DateCase("Mon, 11 Jun 2024 08:15:00 GMT", utc(2024, 6, 11, 8, 15), .second),  // wrong weekday
    DateCase("Di, 11 Jun 2024 08:15:00 +0200", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Di, 11 Mär 2024 08:15:00 +0100", utc(2024, 3, 11, 7, 15), .second),
    DateCase("Mi, 02 Okt 2024 10:00:00 +0200", utc(2024, 10, 2, 8), .second),
    DateCase("So, 01 Dez 2024 00:30:00 +0100", utc(2024, 11, 30, 23, 30), .second),
    DateCase("Sa, 11 Mai 2024 12:00:00 +0200", utc(2024, 5, 11, 10), .second),
    DateCase("mar, 11 jun 2024 08:15:00 +0200", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tuesday, 11 June 2024 08:15:00 GMT", utc(2024, 6, 11, 8, 15), .second),
    DateCase("  Tue,   11  Jun   2024   08:15:00   +0200  ", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue,11 Jun 2024 08:15:00 GMT", utc(2024, 6, 11, 8, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 +0200 (CEST)", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 +0200 CEST", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 GMT+0200", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 UTC+2", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15", utc(2024, 6, 11, 8, 15), .minute),
    DateCase("Tue, 11 Jun 2024", utc(2024, 6, 11), .day),
    DateCase("Tuesday, 11-Jun-24 08:15:00 GMT", utc(2024, 6, 11, 8, 15), .second),
    DateCase("Tue Jun 11 08:15:00 2024", utc(2024, 6, 11, 8, 15), .second),
    DateCase("Tue Jun 11 08:15:00 CEST 2024", utc(2024, 6, 11, 6, 15), .second),
    DateCase(
        "Tue Jun 11 2024 08:15:00 GMT+0200 (Central European Summer Time)", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 +0200\u{00A0}", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 +0200 GMT", utc(2024, 6, 11, 6, 15), .second),
    DateCase("Tue, 11 June 2024 8:15:00 PM +0200", utc(2024, 6, 11, 18, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 GMT-7", utc(2024, 6, 11, 15, 15), .second),
    DateCase("Tue, 11 Jun 2024 08:15:00 UTC+05:30", utc(2024, 6, 11, 2, 45), .second),
    DateCase("Thu, 01 Jan 1970 00:00:00 GMT", Date(timeIntervalSince1970: 0), .second),
    DateCase("Tue, 11 Jun 124 08:15:00 GMT", utc(2024, 6, 11, 8, 15), .second),
    DateCase("tue, 11 jun 2024 08:15:00 gmt", utc(2024, 6, 11, 8, 15), .second),
    DateCase("Tue,\t11 Jun 2024\t08:15:00\tGMT", utc(2024, 6, 11, 8, 15), .second),
]

private let isoCases: [DateCase] = [
    DateCase("2024-06-11T08:15:00Z", utc(2024, 6, 11, 8, 15), .second),
    DateCase("2024-06-11T08:15:00+02:00", utc(2024, 6, 11, 6, 15), .second),
    DateCase("2024-06-11T08:15:00-05:00", utc(2024, 6, 11, 13, 15), .second),
    DateCase("2024-06-11T08:15:00+0200", utc(2024, 6, 11, 6, 15), .second),
    DateCase("2024-06-11T08:15:00.000Z", utc(2024, 6, 11, 8, 15), .second),
    DateCase("2024-06-11T08:15Z", utc(2024, 6, 11, 8, 15), .minute),
    DateCase("2024-06-11T08:15+02:00", utc(2024, 6, 11, 6, 15), .minute),
    DateCase("2024-06-11 08:15:00", utc(2024, 6, 11, 8, 15), .second),
    DateCase("2024-06-11 08:15:00 UTC", utc(2024, 6, 11, 8, 15), .second),
    DateCase("2024-06-11 08:15:00 +02:00", utc(2024, 6, 11, 6, 15), .second),
    DateCase("2024-06-11t08:15:00z", utc(2024, 6, 11, 8, 15), .second),
    DateCase("20240611T081500Z", utc(2024, 6, 11, 8, 15), .second),
    DateCase("20240611T0815+0200", utc(2024, 6, 11, 6, 15), .minute),
    DateCase("20240611", utc(2024, 6, 11), .day),
    DateCase("2024", utc(2024, 1, 1), .year),
    DateCase("2024-06", utc(2024, 6, 1), .month),
    DateCase("2024-06-11", utc(2024, 6, 11), .day),
    DateCase("2024/06/11", utc(2024, 6, 11), .day),
    DateCase("2024-06-11+02:00", utc(2024, 6, 11), .day),
    DateCase("2024-06-11T24:00:00Z", utc(2024, 6, 12), .second),
    DateCase("2016-12-31T23:59:60Z", utc(2017, 1, 1), .second),
    DateCase("1999-12-31T23:59:59-08:00", utc(2000, 1, 1, 7, 59, 59), .second),
    DateCase("2024-02-29T12:00:00Z", utc(2024, 2, 29, 12), .second),
    DateCase("2024-06-11T08:15:00+02", utc(2024, 6, 11, 6, 15), .second),
    DateCase("2024-06-11T08:15:00.000-0700", utc(2024, 6, 11, 15, 15), .second),
    DateCase("2024-06-11T0815", utc(2024, 6, 11, 8, 15), .minute),
    DateCase(" 2024-06-11T08:15:00Z\n", utc(2024, 6, 11, 8, 15), .second),
    DateCase("2024-06-11T08:15:00Z (UTC)", utc(2024, 6, 11, 8, 15), .second),
]

private let germanCases: [DateCase] = [
    DateCase("11.06.2024", utc(2024, 6, 11), .day),
    DateCase("11.06.24", utc(2024, 6, 11), .day),
    DateCase("1.6.2024", utc(2024, 6, 1), .day),
    DateCase("11. 6. 2024", utc(2024, 6, 11), .day),
    DateCase("11. Juni 2024", utc(2024, 6, 11), .day),
    DateCase("11.Juni 2024", utc(2024, 6, 11), .day),
    DateCase("11. Juni 2024, 08:15 Uhr", utc(2024, 6, 11, 8, 15), .minute),
    DateCase("11.06.2024 08:15", utc(2024, 6, 11, 8, 15), .minute),
    DateCase("11.06.2024 - 08:15", utc(2024, 6, 11, 8, 15), .minute),
    DateCase("11.06.2024, 08:15:30 MESZ", utc(2024, 6, 11, 6, 15, 30), .second),
    DateCase("Juni 2024", utc(2024, 6, 1), .month),
    DateCase("Dienstag, 11. Juni 2024", utc(2024, 6, 11), .day),
    DateCase("Dienstag, den 11.06.2024 um 8.15 Uhr", utc(2024, 6, 11, 8, 15), .minute),
    DateCase("Di. 11.06.2024", utc(2024, 6, 11), .day),
    DateCase("11. März 2024", utc(2024, 3, 11), .day),
    DateCase("11. Maerz 2024", utc(2024, 3, 11), .day),
    DateCase("11. Mrz. 2024", utc(2024, 3, 11), .day),
    DateCase("3. Okt. 2024 17 Uhr", utc(2024, 10, 3, 17), .minute),
    DateCase("24. Dez. 2024, 18:00 Uhr MEZ", utc(2024, 12, 24, 17), .minute),
    DateCase("1. Jänner 2025", utc(2025, 1, 1), .day),
    DateCase("31. Mai 2024", utc(2024, 5, 31), .day),
    DateCase("11.06.2024, 8 Uhr", utc(2024, 6, 11, 8), .minute),
    DateCase("DIENSTAG, 11. JUNI 2024", utc(2024, 6, 11), .day),
    DateCase("Di., 11.06.2024, 08:15 Uhr", utc(2024, 6, 11, 8, 15), .minute),
    DateCase("11.06.2024 um 08:15", utc(2024, 6, 11, 8, 15), .minute),
    DateCase("Heute, 11.06.2024", utc(2024, 6, 11), .day),
]

private let englishAndOtherCases: [DateCase] = [
    DateCase("June 11, 2024", utc(2024, 6, 11), .day),
    DateCase("Jun 11 2024", utc(2024, 6, 11), .day),
    DateCase("11 June 2024", utc(2024, 6, 11), .day),
    DateCase("June 11th, 2024", utc(2024, 6, 11), .day),
    DateCase("11th June 2024", utc(2024, 6, 11), .day),
    DateCase("11th of June 2024", utc(2024, 6, 11), .day),
    DateCase("June 2024", utc(2024, 6, 1), .month),
    DateCase("June, 2024", utc(2024, 6, 1), .month),
    DateCase("Sept. 3, 2024", utc(2024, 9, 3), .day),
    DateCase("June 11, 2024 8:15 PM", utc(2024, 6, 11, 20, 15), .minute),
    DateCase("June 11, 2024 at 8:15 p.m. EDT", utc(2024, 6, 12, 0, 15), .minute),
    DateCase("Jun 11, 2024 12:05 AM", utc(2024, 6, 11, 0, 5), .minute),
    DateCase("Jun 11, 2024 12:05 PM", utc(2024, 6, 11, 12, 5), .minute),
    DateCase("Tuesday, June 11, 2024 8:15 AM EDT", utc(2024, 6, 11, 12, 15), .minute),
    DateCase("13/06/2024", utc(2024, 6, 13), .day),
    DateCase("06/13/2024", utc(2024, 6, 13), .day),
    DateCase("06/06/2024", utc(2024, 6, 6), .day),
    DateCase("11-Jun-2024", utc(2024, 6, 11), .day),
    DateCase("11 juin 2024", utc(2024, 6, 11), .day),
    DateCase("1er juin 2024", utc(2024, 6, 1), .day),
    DateCase("mardi 11 juin 2024 08h15", utc(2024, 6, 11, 8, 15), .minute),
    DateCase("11 de junio de 2024", utc(2024, 6, 11), .day),
    DateCase("11 giugno 2024", utc(2024, 6, 11), .day),
    DateCase("dinsdag 11 juni 2024 08:15", utc(2024, 6, 11, 8, 15), .minute),
    DateCase("11 août 2024", utc(2024, 8, 11), .day),
]

private let unreadable: [String] = [
    "", "   ", "hello", "Juni", "Jun 11", "Juni 24", "11.06.", "19. Februar", "123", "12345", "1718093700",
    "2024-13-01", "2024-00-10", "2024-02-30", "2023-02-29", "20241301", "00.06.2024", "32.01.2024", "29.02.2023",
    "31.04.2024", "2024-06-11T25:00:00Z", "2024-06-11T08:60:00Z", "2024-06-11T08:15:61Z", "2024-06-11T24:30:00Z",
    "2024-06-11T08:15:00+25:00", "2024-06-11T08:15:00+02:75", "2024-06-11T08", "2024-06-11T08:15:00ZZ",
    "11.06.2024 25:00", "Tue, 11 Jun 2024 24:01:00 GMT", "Tue, 31 Jun 2024 08:15:00 GMT",
    "Tue, 11 Foo 2024 08:15:00 GMT", "Tue, 11 Jun 2024 08:15:00 XYZ", "Tue, 11 Jun 2024 08:15:00 IST",
    "Tue, 11 Jun 2024 08:15:00 0200", "Tue, 11 Jun 2024 13:15 PM", "Tue, 11 Jun 2024 08:15:00 J",
    "11/06/2024", "06-11-2024", "11/06/24", "Version 2.0", "Call 555-1234", "Seite 11 von 24",
    "not a date 2024-06-11", "2024-06-11T08:15:00Z trailing words", "11.06.2024 08:15 Uhr Ortszeit",
    "0001-01-01T00:00:00Z", "Januar 123", "2024--06", "24:30", "08:15", "2024-06-11T08:15:00 (unclosed",
    "Dienstag", "Heute", "11.06.2024 08:15 +2", "Tue, 11 Jun 2024 08:15:00 +0200 +0200", "📅 11.06.2024",
    "Tue, 11 Jun 2024 08:15:00 Europe/Berlin", "11 Jun 2024 GMT", "11 Jun 20244", "1.2.3.4", "11.06.124", String(repeating: "2024-06-11 ", count: 40),
]

@Suite("FeedDate")
struct FeedDateTests {
    @Test("RFC 822 and real-world variants", arguments: rfc822Cases)
    func rfc822(_ c: DateCase) throws {
        let parsed = try #require(FeedDate.parseDetailed(c.text))
        #expect(parsed.date == c.expected)
        #expect(parsed.precision == c.precision)
    }

    @Test("RFC 3339, ISO 8601 and W3CDTF", arguments: isoCases)
    func iso(_ c: DateCase) throws {
        let parsed = try #require(FeedDate.parseDetailed(c.text))
        #expect(parsed.date == c.expected)
        #expect(parsed.precision == c.precision)
    }

    @Test("German forms", arguments: germanCases)
    func german(_ c: DateCase) throws {
        let parsed = try #require(FeedDate.parseDetailed(c.text))
        #expect(parsed.date == c.expected)
        #expect(parsed.precision == c.precision)
    }

    @Test("English and other European forms", arguments: englishAndOtherCases)
    func english(_ c: DateCase) throws {
        let parsed = try #require(FeedDate.parseDetailed(c.text))
        #expect(parsed.date == c.expected)
        #expect(parsed.precision == c.precision)
    }

    @Test("Unreadable or invalid text gives nil", arguments: unreadable)
    func unreadableText(_ text: String) {
        #expect(FeedDate.parseDetailed(text) == nil)
        #expect(FeedDate.parse(text) == nil)
    }

    @Test func fractionalSeconds() throws {
        let base = utc(2024, 6, 11, 8, 15).timeIntervalSince1970
        let millis = try #require(FeedDate.parse("2024-06-11T08:15:00.123Z"))
        #expect(abs(millis.timeIntervalSince1970 - (base + 0.123)) < 1e-6)
        let nanos = try #require(FeedDate.parse("2024-06-11T08:15:00,123456789+02:00"))
        #expect(abs(nanos.timeIntervalSince1970 - (base - 7200 + 0.123456789)) < 1e-6)
        let long = try #require(FeedDate.parse("2024-06-11T08:15:00.5000000000001Z"))
        #expect(abs(long.timeIntervalSince1970 - (base + 0.5)) < 1e-6)
    }

    @Test func parseMatchesParseDetailed() {
        #expect(FeedDate.parse("Tue, 11 Jun 2024 08:15:00 +0200") == utc(2024, 6, 11, 6, 15))
        #expect(FeedDate.parse("Juni 2024") == utc(2024, 6, 1))
    }

    @Test func precisionIsOrdered() {
        #expect(DatePrecision.year < .month)
        #expect(DatePrecision.month < .day)
        #expect(DatePrecision.day < .minute)
        #expect(DatePrecision.minute < .second)
        #expect(!(DatePrecision.second < .second))
    }

    @Test func leapYearsFollowTheGregorianRule() {
        #expect(FeedDate.parse("29.02.2000") == utc(2000, 2, 29))
        #expect(FeedDate.parse("29.02.1900") == nil)
        #expect(FeedDate.parse("29.02.2100") == nil)
        #expect(FeedDate.parse("2400-02-29") == utc(2400, 2, 29))
    }

    @Test func everyDayOfAYearRoundTrips() {
        // Spot-checks the calendar arithmetic against Foundation for a whole leap year and the epoch edges.
        for dayOffset in 0..<366 {
            let expected = utc(2024, 1, 1).addingTimeInterval(Double(dayOffset) * 86_400)
            let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(secondsFromGMT: 0) ?? .current,
                                                                         from: expected)
            let text = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            #expect(FeedDate.parse(text) == expected, "\(text)")
        }
        #expect(FeedDate.parse("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
        #expect(FeedDate.parse("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
        #expect(FeedDate.parse("1600-03-01") == utc(1600, 3, 1))
    }
}
