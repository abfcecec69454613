import Foundation

/// The dates of HTTP headers (RFC 9110 §5.6.7: `Last-Modified`, `If-Modified-Since`, `Expires`, `Retry-After`)
/// and of OPML heads (RFC 822).
///
/// Writing always gives an IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`. Reading accepts the three forms RFC 9110
/// asks recipients to read (IMF-fixdate, RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT`, asctime
/// `Sun Nov  6 08:49:37 1994`) and the looser RFC 822 shapes of OPML files and broken servers (no weekday,
/// two-digit years, missing seconds, numeric and North American zones): it is ``FeedDate``, asked for at least a
/// whole day, after skipping the day name before the first comma whatever it says (the date carries the day;
/// RFC 9110 does not make recipients check the name).
///
/// ```swift
/// HTTPDate.format(Date(timeIntervalSince1970: 784_111_777))   // "Sun, 06 Nov 1994 08:49:37 GMT"
/// HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT")             // the same instant
/// ```
public enum HTTPDate {
    /// Reads an HTTP or RFC 822 date; `nil` when the text is not one (or names no whole day).
    public static func parse(_ text: String) -> Date? {
        var text = Substring(text)
        if let comma = text.firstIndex(of: ","),
            text[..<comma].trimmingPrefix(while: \.isWhitespace).allSatisfy(\.isLetter)
        {
            text = text[text.index(after: comma)...]
        }
        guard let parsed = FeedDate.parseDetailed(String(text)), parsed.precision >= .day else { return nil }
        return parsed.date
    }

    /// Formats `date` as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`): UTC, whole seconds (fractions
    /// truncated), years clamped to 0001–9999.
    public static func format(_ date: Date) -> String {
        let fields = UTCDateTime(date)
        var out = weekdays[fields.weekday] + ", "
        append(fields.day, digits: 2, to: &out)
        out += " " + months[fields.month - 1] + " "
        append(fields.year, digits: 4, to: &out)
        out += " "
        append(fields.hour, digits: 2, to: &out)
        out += ":"
        append(fields.minute, digits: 2, to: &out)
        out += ":"
        append(fields.second, digits: 2, to: &out)
        return out + " GMT"
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `value` with leading zeros to `digits` digits.
    private static func append(_ value: Int, digits: Int, to out: inout String) {
        let text = String(value)
        if text.count < digits { out += String(repeating: "0", count: digits - text.count) }
        out += text
    }
}
