import Foundation

/// A proleptic Gregorian date and wall-clock time with a UTC offset, as read from text, before it becomes an
/// instant. Validation and conversion are plain arithmetic (no `Calendar`, no `DateFormatter`).
struct CivilDateTime: Sendable, Hashable {
    var year: Int
    var month = 1
    var day = 1
    var hour = 0
    var minute = 0
    var second = 0
    /// Fractional seconds, `0 ..< 1`.
    var fraction = 0.0
    /// Seconds east of UTC.
    var offsetSeconds = 0
    var precision: DatePrecision

    /// True when the fields name a real date and time: month 1–12, a day that exists in that month, hour 0–23
    /// (or 24:00:00 exactly, meaning the end of the day), minute 0–59, second 0–60 (a leap second).
    var isValid: Bool {
        guard (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year: year, month: month) else {
            return false
        }
        guard (0...59).contains(minute), (0...60).contains(second) else { return false }
        if hour == 24 { return minute == 0 && second == 0 && fraction == 0 }
        return (0...23).contains(hour)
    }

    /// The instant, or `nil` when the fields are not valid.
    var date: Date? {
        guard isValid else { return nil }
        let days = Self.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The full year for a year written with `digits` digits: two digits follow RFC 2822 (00–49 → 2000s,
    /// 50–99 → 1900s), three digits add 1900 (RFC 2822 §4.3), four digits stand as written.
    static func expandYear(_ value: Int, digits: Int) -> Int {
        switch digits {
        case 1, 2: return value < 50 ? 2000 + value : 1900 + value
        case 3: return 1900 + value
        default: return value
        }
    }
}
