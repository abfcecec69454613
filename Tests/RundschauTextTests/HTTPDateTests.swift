import Foundation
import Testing

import RundschauText

@Suite("HTTPDate: HTTP and RFC 822 dates")
struct HTTPDateTests {
    static let reference = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test("the three HTTP date forms and RFC 822 variants", arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "06 Nov 1994 08:49:37 +0000",
        "Sun, 06 Nov 1994 03:49:37 EST",
        "Sun, 06 Nov 1994 09:49:37 +0100",
        "Son, 06 Nov 1994 08:49:37 UT",
    ])
    func parseDates(text: String) {
        #expect(HTTPDate.parse(text) == Self.reference)
    }

    @Test("unreadable dates are nil", arguments: [
        "", "0", "-1", "yesterday", "Sun, 31 Feb 2024 00:00:00 GMT", "Mon, 01 Jan 2024 25:00:00 GMT",
        "Mon, 29 Feb 2023 00:00:00 GMT", "Sun, 06 Nov 1994 25:49:37 GMT",
    ])
    func badDates(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test("formatting writes IMF-fixdate and reads back")
    func format() {
        #expect(HTTPDate.format(Self.reference) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 1_718_094_600)) == "Tue, 11 Jun 2024 08:30:00 GMT")
        let leap = Date(timeIntervalSince1970: 1_709_164_800)  // 2024-02-29
        #expect(HTTPDate.format(leap) == "Thu, 29 Feb 2024 00:00:00 GMT")
        #expect(HTTPDate.parse(HTTPDate.format(leap)) == leap)
    }

    @Test("the server's If-Modified-Since forms")
    func serverForms() {
        let seconds = Date(timeIntervalSince1970: 784_111_777)
        #expect(HTTPDate.format(seconds) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == seconds)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == seconds)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == seconds)
        #expect(HTTPDate.parse("yesterday") == nil)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 25:49:37 GMT") == nil)
    }

    @Test("fractions are truncated; out-of-range instants are clamped to four-digit years")
    func clamping() {
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 784_111_777.9)) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: -1e15)) == "Mon, 01 Jan 0001 00:00:00 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 1e15)) == "Fri, 31 Dec 9999 23:59:59 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: .nan)) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    @Test("UTC fields agree with Foundation's calendar", arguments: [
        0.0, -1, 784_111_777, 951_782_400, 1_709_164_800, 4_102_444_799, -2_208_988_800,
    ])
    func fields(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let fields = UTCDateTime(date)
        #expect(fields.year == expected.year && fields.month == expected.month && fields.day == expected.day)
        #expect(fields.hour == expected.hour && fields.minute == expected.minute && fields.second == expected.second)
        #expect(fields.weekday + 1 == expected.weekday)
    }
}
