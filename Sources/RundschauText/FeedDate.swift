import Foundation

/// How much of a date the text actually said.
public enum DatePrecision: String, Sendable, Hashable, Codable, Comparable {
    case year, month, day, minute, second

    private var rank: Int {
        switch self {
        case .year: 0
        case .month: 1
        case .day: 2
        case .minute: 3
        case .second: 4
        }
    }
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
///
/// What it reads (case-insensitive, white space free-form, results in UTC):
/// - RFC 822/1123/2822/850 and asctime: `Tue, 11 Jun 2024 08:15:00 +0200`, without seconds, weekday or zone
///   (then UTC), two-digit years (00–49 → 20xx, 50–99 → 19xx), `11-Jun-24`, `Tue Jun 11 08:15:00 2024`. Any known
///   weekday is skipped whatever its language or correctness (`Di,`, `Mon,` on a Tuesday); a trailing comment
///   (`(CEST)`) is ignored. Zones: see `ZoneAbbreviations`, `+0200`, `+02:00`, `GMT+2`.
/// - ISO 8601 / RFC 3339 / W3CDTF: `2024-06-11T08:15:00Z`, fractions, offsets, `2024-06-11T08:15Z`,
///   `2024-06-11 08:15:00`, basic `20240611T081500Z`, and partial `2024`, `2024-06`, `2024-06-11`.
/// - German and other European forms: `11.06.2024`, `11.06.24`, `11. Juni 2024`, `11. Juni 2024, 08:15 Uhr`,
///   `Dienstag, den 11.06.2024 um 8.15 Uhr`, `Juni 2024`; English `June 11, 2024`, `11th June 2024`,
///   `June 11, 2024 8:15 PM EDT`; month names in English, German, French, Spanish, Italian and Dutch.
/// - Slashed or dashed numeric dates (`13/06/2024`, `06/13/2024`) only when day and month cannot be swapped.
///
/// Refused: impossible fields (month 13, 30 February, hour 25, offset +25:00), unknown or ambiguous zone names
/// (`IST`), years before 1000, and anything with unexplained words or digits around the date.
///
/// The reader is a hand-written scanner over UTF-8 with integer calendar arithmetic: no `DateFormatter`, no
/// `Calendar`, no locks, safe to call from any thread.
public enum FeedDate {
    /// Longest text `parseDetailed` looks at; a longer field is no date.
    static let maximumFieldLength = 256

    /// Reads `text` as a date; `nil` when it is not one this reader understands.
    public static func parse(_ text: String) -> Date? { parseDetailed(text)?.date }

    /// Reads UTF-8 bytes as a date: ``parse(_:)`` without a string.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? { parseDetailed(utf8: bytes)?.date }

    /// Reads `text` as a date and reports its precision.
    public static func parseDetailed(_ text: String) -> ParsedDate? {
        var text = text
        return text.withUTF8 { parseDetailed(utf8: $0) }
    }

    /// Reads UTF-8 bytes as a date and reports its precision: the common forms first, then the full grammar.
    public static func parseDetailed(utf8 bytes: UnsafeBufferPointer<UInt8>) -> ParsedDate? {
        if let common = CommonDateForms.parse(bytes), let date = common.date {
            return ParsedDate(date: date, precision: common.precision)
        }
        return parseWithGrammar(bytes)
    }

    /// `parseDetailed` without the fast path for the common forms (tests compare the two).
    static func parseWithGrammar(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedDate? {
        guard bytes.count <= maximumFieldLength else { return nil }
        let grammar = DateGrammar(tokens: DateTokenizer.tokenize(bytes), mode: .whole)
        guard let value = grammar.readWhole(), let date = value.date else { return nil }
        return ParsedDate(date: date, precision: value.precision)
    }

    /// Finds the first date inside a longer line, for text dumps: `von Sabine Brandes  11.06.2024`,
    /// `date 2024-03 BERLIN (dts …)`, `Stand: 11. Juni 2024, 08:15 Uhr`.
    ///
    /// Searching is stricter than `parseDetailed`: years must have four digits (1000–2999), numeric forms must
    /// not sit inside a longer number (`1.2.2024.5`, `v2.10.2012`), military zone letters are not read, and
    /// a day and month without a year (`am 19. Februar`) are no date. Matches less precise than
    /// `minimumPrecision` are passed over; a bare year is found only when `minimumPrecision` is `.year`.
    ///
    /// - Returns: the date and the range of `line` it was read from (including a weekday before it), or `nil`.
    public static func findDate(in line: String, minimumPrecision: DatePrecision = .month)
        -> (ParsedDate, Range<String.Index>)?
    {
        var copy = line
        let found = copy.withUTF8 { bytes -> (ParsedDate, Int, Int)? in
            let tokens = DateTokenizer.tokenize(bytes)
            let grammar = DateGrammar(tokens: tokens, mode: .search)
            guard let match = grammar.search(minimum: minimumPrecision), let date = match.value.date else {
                return nil
            }
            return (ParsedDate(date: date, precision: match.value.precision), tokens[match.start].start,
                    tokens[match.end - 1].end)
        }
        guard let (parsed, startOffset, endOffset) = found else { return nil }
        let utf8 = line.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: startOffset)
        let upper = utf8.index(lower, offsetBy: endOffset - startOffset)
        return (parsed, lower..<upper)
    }
}
