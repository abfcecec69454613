import Foundation

/// Date formats the writer needs, formatted by hand (no `DateFormatter`, no locale, no time zone database):
/// RFC 3339 for Atom, RFC 822 (as RFC 1123) for OPML.
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

    /// `Tue, 11 Jun 2024 08:30:00 GMT`.
    static func rfc822(_ date: Date) -> String {
        let (year, month, day, hour, minute, second, weekday) = civil(date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var out = days[weekday] + ", "
        append2(day, to: &out)
        out += " " + months[month - 1] + " "
        append4(year, to: &out)
        out += " "
        append2(hour, to: &out)
        out += ":"
        append2(minute, to: &out)
        out += ":"
        append2(second, to: &out)
        return out + " GMT"
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

    /// Seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z since 1970.
    private static let minimum: Int64 = -62_135_596_800
    private static let maximum: Int64 = 253_402_300_799

    /// Whole seconds since 1970 as written: fractions truncated, clamped to years 0001–9999, NaN as 0. Sorting
    /// by this keeps the written order consistent with the written dates.
    @inline(__always)
    static func seconds(_ date: Date) -> Int64 {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite else { return interval.isNaN ? 0 : (interval > 0 ? maximum : minimum) }
        return min(max(Int64(max(-7e13, min(7e13, interval.rounded(.down)))), minimum), maximum)
    }

    /// Year, month, day, hour, minute, second and weekday (0 = Sunday) in UTC, for the proleptic Gregorian
    /// calendar (H. Hinnant's `civil_from_days`).
    static func civil(_ date: Date) -> (Int, Int, Int, Int, Int, Int, Int) {
        let seconds = Self.seconds(date)
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday (4)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day), Int(rest / 3600), Int(rest % 3600 / 60), Int(rest % 60), weekday)
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
