import RundschauText

/// A date found inside a line of a dump.
struct FoundDate: Equatable {
    /// The date as written (`11.06.2024`, `2024-03`, `11. Juni 2024`).
    var token: String
    /// Where the token sits in the line, in `Character` offsets.
    var range: Range<Int>
    /// The reading of ``FeedDate/parseDetailed(_:)``; `nil` when the shared reader does not understand the
    /// token. A token that looks like a date still tells the splitter where an item's metadata is.
    /// Computed on demand: most tokens found while classifying lines are never read.
    var parsed: ParsedDate? { FeedDate.parseDetailed(token) }
}

/// Locates date-like tokens in a line. Only the locating happens here; reading the token is left to the
/// shared ``FeedDate`` so that every stage agrees on what a date means.
///
/// Recognized shapes: ISO `2024-06-11` (with an optional `T`/space time) and `2024-03`; German `11.06.2024`,
/// `11.06.24` and `11. Juni 2024` (also abbreviated months); English `11 June 2024` and `June 11, 2024`.
/// A year is always required, so `am 7. Oktober` or `19. Februar` in running text are not dates here.
enum DateFinder {
    /// The first date-like token in `line`, or `nil`.
    static func find(in line: String) -> FoundDate? {
        find(in: Array(line))
    }

    static func find(in chars: [Character]) -> FoundDate? {
        guard chars.contains(where: \.isASCIIDigit) else { return nil }  // every shape has digits
        var i = 0
        while i < chars.count {
            if i == 0 || !isWordCharacter(chars[i - 1]) {
                if let end = matchAt(chars, i) {
                    let token = String(chars[i..<end])
                    return FoundDate(token: token, range: i..<end)
                }
            }
            i += 1
        }
        return nil
    }

    /// The end offset of a date token starting at `i`, if one does.
    private static func matchAt(_ c: [Character], _ i: Int) -> Int? {
        if c[i].isASCIIDigit {
            return matchISO(c, i) ?? matchGermanNumeric(c, i) ?? matchDayMonthYear(c, i)
        }
        if c[i].isLetter { return matchMonthDayYear(c, i) }
        return nil
    }

    // MARK: Shapes

    /// `YYYY-MM`, `YYYY-MM-DD`, optionally `THH:MM[:SS][Z|±HH:MM]` or ` HH:MM[:SS]`.
    private static func matchISO(_ c: [Character], _ i: Int) -> Int? {
        guard let year = digits(c, i, exactly: 4), (1900...2199).contains(year.value),
              char(c, year.end) == "-",
              let month = digits(c, year.end + 1, exactly: 2), (1...12).contains(month.value)
        else { return nil }
        var end = month.end
        if char(c, end) == "-", let day = digits(c, end + 1, exactly: 2) {
            guard (1...31).contains(day.value) else { return nil }
            end = day.end
            if let timeEnd = matchTime(c, end) { end = timeEnd }
        }
        return isBoundary(c, end) ? end : nil
    }

    /// `THH:MM[:SS[.fff]][Z|±HH:MM]` or ` HH:MM[:SS]` after an ISO date.
    private static func matchTime(_ c: [Character], _ i: Int) -> Int? {
        guard let sep = char(c, i), sep == "T" || sep == " ",
              let hour = digits(c, i + 1, exactly: 2), hour.value < 24, char(c, hour.end) == ":",
              let minute = digits(c, hour.end + 1, exactly: 2), minute.value < 60
        else { return nil }
        var end = minute.end
        if char(c, end) == ":", let second = digits(c, end + 1, exactly: 2) {
            end = second.end
            if char(c, end) == ".", let fraction = digits(c, end + 1, atMost: 9) { end = fraction.end }
        }
        guard sep == "T" else { return end }
        if char(c, end) == "Z" { return end + 1 }
        if let sign = char(c, end), sign == "+" || sign == "-",
           let zh = digits(c, end + 1, exactly: 2), char(c, zh.end) == ":",
           let zm = digits(c, zh.end + 1, exactly: 2) {
            return zm.end
        }
        return end
    }

    /// `D.M.YYYY`, `DD.MM.YYYY`, `DD.MM.YY`.
    private static func matchGermanNumeric(_ c: [Character], _ i: Int) -> Int? {
        guard let day = digits(c, i, atMost: 2), (1...31).contains(day.value), char(c, day.end) == ".",
              let month = digits(c, day.end + 1, atMost: 2), (1...12).contains(month.value),
              char(c, month.end) == ".",
              let year = digits(c, month.end + 1, atMost: 4), year.length == 4 || year.length == 2
        else { return nil }
        return isBoundary(c, year.end) ? year.end : nil
    }

    /// `11. Juni 2024`, `11.Juni 2024`, `11 June 2024`, `11th June 2024`.
    private static func matchDayMonthYear(_ c: [Character], _ i: Int) -> Int? {
        guard let day = digits(c, i, atMost: 2), (1...31).contains(day.value) else { return nil }
        var j = day.end
        if char(c, j) == "." {
            j += 1
        } else if let suffixEnd = ordinalSuffix(c, j) {
            j = suffixEnd
        }
        j = skipSpaces(c, j)
        guard let monthEnd = monthName(c, j) else { return nil }
        let yearStart = skipSpaces(c, monthEnd)
        guard yearStart > monthEnd,
              let year = digits(c, yearStart, exactly: 4), (1900...2199).contains(year.value),
              isBoundary(c, year.end)
        else { return nil }
        return year.end
    }

    /// `June 11, 2024`, `Jun 11 2024`, `June 11th, 2024`.
    private static func matchMonthDayYear(_ c: [Character], _ i: Int) -> Int? {
        guard let monthEnd = monthName(c, i) else { return nil }
        let dayStart = skipSpaces(c, monthEnd)
        guard dayStart > monthEnd, let day = digits(c, dayStart, atMost: 2), (1...31).contains(day.value)
        else { return nil }
        var j = ordinalSuffix(c, day.end) ?? day.end
        if char(c, j) == "," { j += 1 }
        let yearStart = skipSpaces(c, j)
        guard yearStart > j || char(c, j - 1) == ",",
              let year = digits(c, yearStart, exactly: 4), (1900...2199).contains(year.value),
              isBoundary(c, year.end)
        else { return nil }
        return year.end
    }

    // MARK: Pieces

    /// German and English month names and their usual abbreviations (an abbreviation may end in `.`).
    private static let monthNames: [String] = [
        "januar", "jänner", "februar", "märz", "maerz", "april", "mai", "juni", "juli", "august",
        "september", "oktober", "november", "dezember",
        "january", "february", "march", "may", "june", "july", "october", "december",
        "jan", "feb", "mär", "mrz", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "oct", "nov", "dez", "dec",
    ]

    /// The end of a month name starting at `i` (including an abbreviation's period).
    private static func monthName(_ c: [Character], _ i: Int) -> Int? {
        guard i < c.count, let first = c[i].lowercased().first, "jfmasond".contains(first) else { return nil }
        var j = i
        while j < c.count, c[j].isLetter, j - i <= 9 { j += 1 }
        guard j - i >= 3, j - i <= 9 else { return nil }
        let word = String(c[i..<j]).lowercased()
        guard monthNames.contains(word) else { return nil }
        if word.count <= 4, char(c, j) == "." { return j + 1 }
        return j
    }

    private static func ordinalSuffix(_ c: [Character], _ i: Int) -> Int? {
        guard i + 1 < c.count else { return nil }
        let suffix = String(c[i...(i + 1)]).lowercased()
        return ["st", "nd", "rd", "th"].contains(suffix) ? i + 2 : nil
    }

    private struct Number {
        var value: Int
        var end: Int
        var length: Int
    }

    private static func digits(_ c: [Character], _ i: Int, exactly n: Int) -> Number? {
        guard let number = digits(c, i, atMost: n), number.length == n else { return nil }
        return number
    }

    private static func digits(_ c: [Character], _ i: Int, atMost n: Int) -> Number? {
        var j = i
        var value = 0
        while j < c.count, j - i < n, let digit = c[j].asciiDigitValue {
            value = value * 10 + digit
            j += 1
        }
        guard j > i, !(j < c.count && c[j].isASCIIDigit) else { return nil }
        return Number(value: value, end: j, length: j - i)
    }

    private static func char(_ c: [Character], _ i: Int) -> Character? {
        i >= 0 && i < c.count ? c[i] : nil
    }

    private static func skipSpaces(_ c: [Character], _ i: Int) -> Int {
        var j = i
        while j < c.count, c[j] == " " { j += 1 }
        return j
    }

    /// True when no letter or digit continues the token at `i`.
    private static func isBoundary(_ c: [Character], _ i: Int) -> Bool {
        guard i < c.count else { return true }
        return !isWordCharacter(c[i])
    }

    static func isWordCharacter(_ ch: Character) -> Bool { ch.isLetter || ch.isNumber }
}

extension Character {
    var isASCIIDigit: Bool { asciiDigitValue != nil }

    var asciiDigitValue: Int? {
        guard let ascii = asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }
}
