import Foundation
import Testing

@testable import RundschauText

/// The fast path for RFC 3339 and RFC 822 dates reads exactly what the full grammar reads, or leaves the text
/// to it: checked over generated dates, valid and damaged.
@Suite struct CommonDateFormsTests {
    private struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func two(_ range: ClosedRange<Int>) -> String {
            let value = range.lowerBound + next(range.count)
            return value < 10 ? "0\(value)" : "\(value)"
        }
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Di", "MON"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Mai", "jun"]
    private static let zones = [
        "+0200", "-0500", "+0000", "GMT", "UT", "UTC", "+2400", "+0260", "EST", "Z", "+02:00", "EDT", "PDT", "CEST",
        "MESZ", "IST", "ET", "A", "gmt", "XYZW",
    ]

    private func samples() -> [String] {
        var g = Generator(state: 42)
        var texts: [String] = []
        for _ in 0..<4_000 {
            let year = [1999, 2000, 2024, 2023, 999, 2100][g.next(6)]
            let fractions = ["", "", ".5", ".123", ".123456789", ".1234567891", ".", ",5"]
            let iso = String(format: "%04d", year) + "-" + g.two(0...13) + "-" + g.two(0...32) + ["T", "t", " "][g.next(3)]
                + g.two(0...25) + ":" + g.two(0...60) + ":" + g.two(0...61) + fractions[g.next(fractions.count)]
                + ["Z", "+02:00", "-05:30", "+24:00", "+02:60", "z", "+0200", "", "-07:00"][g.next(9)]
            texts.append(iso)
            let day = g.next(3) == 0 ? "\(1 + g.next(9))" : g.two(0...32)
            // The weekday and the seconds are optional in RFC 822.
            let weekday = g.next(4) == 0 ? "" : Self.weekdays[g.next(Self.weekdays.count)] + ", "
            let seconds = g.next(4) == 0 ? "" : ":" + g.two(0...61)
            let rfc = weekday + day + " " + Self.months[g.next(Self.months.count)]
                + " " + String(year) + " " + g.two(0...25) + ":" + g.two(0...60) + seconds + " "
                + Self.zones[g.next(Self.zones.count)]
            texts.append(rfc)
        }
        return texts
    }

    @Test func agreesWithTheGrammar() {
        var fast = 0
        for text in samples() {
            var copy = text
            copy.withUTF8 { bytes in
                guard let common = CommonDateForms.parse(bytes) else { return }
                fast += 1
                let grammar = FeedDate.parseWithGrammar(bytes)
                #expect(grammar?.date == common.date, "\(text)")
                #expect(grammar?.precision == common.precision, "\(text)")
            }
        }
        #expect(fast > 1_000)
    }

    @Test func theCommonShapesTakeTheFastPath() {
        for text in [
            "Fri, 07 Jun 2024 00:01:25 GMT", "Fri, 07 Jun 2024 00:01:25 EDT", "Fri, 07 Jun 2024 00:01:25 +0200",
            "Fri, 7 Jun 2024 00:01:25 UT", "2024-06-07T00:01:25Z", "2024-06-07T00:01:25.123-07:00",
            "07 Jun 2024 00:01:25 +0200", "Fri, 07 Jun 2024 00:01 CET", "Fri, 07 Jun 2024 00:01 Z", "7 Jun 2024 00:01 UTC",
            "2024-06-07T00:01:25+02:00",
        ] {
            var copy = text
            #expect(copy.withUTF8 { CommonDateForms.parse($0) } != nil, "\(text)")
        }
    }

    @Test func readsTheCommonForms() {
        #expect(FeedDate.parse("Tue, 11 Jun 2024 08:15:00 +0200") == Date(timeIntervalSince1970: 1_718_086_500))
        #expect(FeedDate.parse("2024-06-11T06:15:00Z") == Date(timeIntervalSince1970: 1_718_086_500))
        #expect(FeedDate.parse("2024-06-11T08:15:00+02:00") == Date(timeIntervalSince1970: 1_718_086_500))
    }
}
