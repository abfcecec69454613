import Foundation

/// Reads and writes the date formats of HTTP headers (`Last-Modified`, `Expires`, `Retry-After`, `Date`).
///
/// Parsing accepts the three forms of RFC 9110 §5.6.7 (IMF-fixdate, RFC 850, asctime) and the looser RFC 822 shapes
/// that OPML `dateCreated` and broken servers use (no weekday, two-digit years, missing seconds, numeric zones,
/// `UT`/`EST`-style zones). Writing always produces IMF-fixdate. Pure Swift: no `DateFormatter`, no locale.
public enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7,
    ]

    /// Parses an HTTP or RFC 822 date; `nil` when the text is not one.
    public static func parse(_ text: String) -> Date? {
        // Tokens: split on spaces, commas and dashes between date parts (RFC 850 uses `06-Nov-94`).
        var tokens: [Substring] = []
        for piece in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            if piece.contains(":") || piece.hasPrefix("+") || (piece.hasPrefix("-") && piece.count == 5) {
                tokens.append(piece)
            } else {
                tokens.append(contentsOf: piece.split(separator: "-"))
            }
        }
        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?, offsetSeconds = 0
        for token in tokens {
            let lower = token.lowercased()
            if token.contains(":") {
                let parts = token.split(separator: ":").map { Int($0) }
                guard parts.count >= 2, parts.count <= 3, let hour = parts[0], let minute = parts[1] else { return nil }
                let second = parts.count == 3 ? parts[2] : 0
                guard let second, hour < 24, minute < 60, second <= 60 else { return nil }
                time = (hour, minute, min(second, 59))
            } else if let index = months.firstIndex(where: { lower.hasPrefix($0) }), month == nil,
                      lower.allSatisfy(\.isLetter) {
                month = index + 1
            } else if let zone = zones[lower] {
                offsetSeconds = zone * 3600
            } else if (lower.hasPrefix("+") || lower.hasPrefix("-")), lower.count == 5, let value = Int(lower.dropFirst()) {
                let sign = lower.hasPrefix("-") ? -1 : 1
                offsetSeconds = sign * ((value / 100) * 3600 + (value % 100) * 60)
            } else if let number = Int(token) {
                if day == nil && token.count <= 2 {
                    day = number
                } else if year == nil {
                    year = token.count <= 2 ? (number < 50 ? 2000 + number : 1900 + number) : number
                } else {
                    return nil
                }
            } else if lower.allSatisfy(\.isLetter) {
                continue  // weekday names (any language) and unknown zone names are ignored
            } else {
                return nil
            }
        }
        guard let day, let month, let year, (1...31).contains(day), (1...9999).contains(year) else { return nil }
        let (hour, minute, second) = time ?? (0, 0, 0)
        guard let days = daysFromCivil(year: year, month: month, day: day) else { return nil }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Formats `date` as an IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`.
    public static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondsOfDay = total - days * 86_400
        let (year, month, day) = civilFromDays(days)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let monthName = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekday), \(two(day)) \(monthName) \(year) \(two(secondsOfDay / 3600)):"
            + "\(two(secondsOfDay / 60 % 60)):\(two(secondsOfDay % 60)) GMT"
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm); `nil` for an impossible day of the month.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int? {
        let monthLengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= monthLengths[month - 1] else { return nil }
        if month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
