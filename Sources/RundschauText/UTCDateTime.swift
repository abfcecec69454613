import Foundation

/// The UTC calendar fields of an instant (proleptic Gregorian), by integer arithmetic: no `Calendar`, no time
/// zone database, safe from any thread. What the date writers (HTTP, RFC 3339, OPML) format from.
///
/// Fractions of a second are truncated and the instant is clamped to years 0001–9999, so every field fits the
/// fixed-width formats (four-digit years); NaN counts as 1970-01-01T00:00:00Z.
///
/// ```swift
/// let fields = UTCDateTime(Date(timeIntervalSince1970: 784_111_777))
/// // 1994-11-06 08:49:37, weekday 0 (Sunday)
/// ```
public struct UTCDateTime: Sendable, Hashable {
    /// 1–9999.
    public var year: Int
    /// 1–12.
    public var month: Int
    /// 1–31.
    public var day: Int
    /// 0–23.
    public var hour: Int
    /// 0–59.
    public var minute: Int
    /// 0–59.
    public var second: Int
    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int

    /// The fields of `date` in UTC (see ``seconds(_:)`` for truncation and clamping).
    public init(_ date: Date) {
        let seconds = Self.seconds(date)
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday (4)
        // H. Hinnant's `civil_from_days`.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        hour = Int(rest / 3600)
        minute = Int(rest % 3600 / 60)
        second = Int(rest % 60)
    }

    /// Seconds of 0001-01-01T00:00:00Z since 1970.
    public static let minimumSeconds: Int64 = -62_135_596_800
    /// Seconds of 9999-12-31T23:59:59Z since 1970.
    public static let maximumSeconds: Int64 = 253_402_300_799

    /// Whole seconds since 1970 as the fields show them: fractions truncated (towards the past), clamped to
    /// ``minimumSeconds``…``maximumSeconds``, NaN as 0. Sorting by this keeps an order consistent with the
    /// formatted dates.
    @inlinable public static func seconds(_ date: Date) -> Int64 {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite else { return interval.isNaN ? 0 : (interval > 0 ? maximumSeconds : minimumSeconds) }
        return min(max(Int64(max(-7e13, min(7e13, interval.rounded(.down)))), minimumSeconds), maximumSeconds)
    }
}
