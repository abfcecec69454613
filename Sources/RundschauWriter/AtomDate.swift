import Foundation
import RundschauText

/// Date formats the writer needs, formatted by hand (no `DateFormatter`, no locale, no time zone database):
/// RFC 3339 for Atom and a plain day for the index page; OPML's RFC 822 dates are `HTTPDate`'s.
enum AtomDate {
    /// `2024-06-11T08:30:00Z`: UTC, whole seconds (fractions truncated), years clamped to 0001–9999.
    static func rfc3339(_ date: Date) -> String {
        let (year, month, day, hour, minute, second, _) = civil(date)
        var out = ""
        out.reserveCapacity(20)
        append4(year, to: &out)
        out += "-"
        append2(month, to: &out)
        out += "-"
        append2(day, to: &out)
        out += "T"
        append2(hour, to: &out)
        out += ":"
        append2(minute, to: &out)
        out += ":"
        append2(second, to: &out)
        out += "Z"
        return out
    }

    /// `2024-06-11`.
    static func day(_ date: Date) -> String {
        let (year, month, day, _, _, _, _) = civil(date)
        var out = ""
        append4(year, to: &out)
        out += "-"
        append2(month, to: &out)
        out += "-"
        append2(day, to: &out)
        return out
    }

    /// `2024-06-11 08:30 UTC`: for people, on the web pages.
    static func minute(_ date: Date) -> String {
        let (_, _, _, hour, minute, _, _) = civil(date)
        var out = day(date)
        out += " "
        append2(hour, to: &out)
        out += ":"
        append2(minute, to: &out)
        out += " UTC"
        return out
    }

    /// Whole seconds since 1970 as written: fractions truncated, clamped to years 0001–9999, NaN as 0. Sorting
    /// by this keeps the written order consistent with the written dates.
    @inline(__always)
    static func seconds(_ date: Date) -> Int64 { UTCDateTime.seconds(date) }

    /// Year, month, day, hour, minute, second and weekday (0 = Sunday) in UTC (`UTCDateTime`).
    static func civil(_ date: Date) -> (Int, Int, Int, Int, Int, Int, Int) {
        let fields = UTCDateTime(date)
        return (fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second, fields.weekday)
    }

    private static let digits: [String] = (0..<100).map { $0 < 10 ? "0\($0)" : "\($0)" }

    @inline(__always)
    private static func append2(_ value: Int, to out: inout String) { out += digits[value] }

    @inline(__always)
    private static func append4(_ value: Int, to out: inout String) {
        out += digits[value / 100]
        out += digits[value % 100]
    }
}
