import Foundation

/// How much of a date the text actually said.
public enum DatePrecision: String, Sendable, Hashable, Codable, Comparable {
    case year, month, day, minute, second

    private var rank: Int { [.year: 0, .month: 1, .day: 2, .minute: 3, .second: 4][self] ?? 0 }
    public static func < (a: DatePrecision, b: DatePrecision) -> Bool { a.rank < b.rank }
}

/// A date read from text, with how precise the text was.
public struct ParsedDate: Sendable, Hashable {
    /// The instant, in UTC. Partial dates resolve to the start of their period.
    public var date: Date
    public var precision: DatePrecision

    public init(date: Date, precision: DatePrecision) {
        self.date = date
        self.precision = precision
    }
}

/// The one lenient date reader every stage uses (feeds, dumps): RFC 822 and its real-world variants,
/// RFC 3339 / ISO 8601 / W3CDTF (also partial), and common German forms. Unreadable text gives `nil`,
/// never a wrong date.
public enum FeedDate {
    /// Reads `text` as a date; `nil` when it is not one this reader understands.
    public static func parse(_ text: String) -> Date? { parseDetailed(text)?.date }

    /// Reads `text` as a date and reports its precision.
    public static func parseDetailed(_ text: String) -> ParsedDate? {
        // STUB: replaced by the full implementation.
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text.trimmingCharacters(in: .whitespaces)) {
            return ParsedDate(date: date, precision: .second)
        }
        return nil
    }
}
