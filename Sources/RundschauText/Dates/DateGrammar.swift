/// The date grammar over `DateToken`s, by recursive descent with small look-aheads.
///
/// ```
/// date-time = [weekday ["."] [","] ["den"]] date-part [separator time [zone]] [trailer]
/// date-part = iso | numeric-dmy | day month-name year | month-name day year | month-name year
///           | month-name day time [zone] year                         (asctime, `date` output)
/// time      = h:mm[:ss[.frac]] | hhmm[ss] after "T" | h.mm "Uhr" | h "Uhr" | hh"h"mm,
///             then ["Uhr"], then [am | pm | a.m. | p.m.]
/// zone      = ("+" | "-") offset | UTC-name [("+" | "-") offset] | abbreviation | military letter
/// trailer   = [zone-name] ("(" … ")" | "[" … "]")*                     (whole field only)
/// ```
/// In `.whole` mode the grammar must account for every token; in `.search` mode it matches a stretch of a line and
/// is stricter: four-digit years only (1000–2999), no military zone letters, known weekdays only.
struct DateGrammar {
    enum Mode { case whole, search }

    /// A date read from `tokens[start..<end]`.
    struct Match {
        var value: CivilDateTime
        var start: Int
        var end: Int
    }

    let tokens: [DateToken]
    let mode: Mode

    // MARK: - Entry points

    /// Reads all tokens as one date (weekday prefixes, comments and zone names after the offset allowed).
    func readWhole() -> CivilDateTime? {
        guard !tokens.isEmpty else { return nil }
        for start in prefixStarts(at: 0) {
            guard let match = readDateTime(at: start), skipTrailer(from: match.end) == tokens.count
            else { continue }
            return match.value.isValid ? match.value : nil
        }
        return nil
    }

    /// The first date in the tokens at least as precise as `minimum` (year-only dates only when `minimum` is
    /// `.year`), that does not sit glued inside a longer number or word.
    func search(minimum: DatePrecision) -> Match? {
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard tokens[index].kind != .symbol, startsCleanly(index) else { continue }
            for start in prefixStarts(at: index) {
                // With its time if that ends cleanly, else the date alone (`11.06.2024 08:15-10:00`).
                for withTime in [true, false] {
                    guard var match = readDateTime(at: start, withTime: withTime) else { continue }
                    guard match.value.precision >= minimum, match.value.isValid, endsCleanly(match.end) else {
                        continue
                    }
                    match.start = index
                    return match
                }
            }
        }
        return nil
    }

    // MARK: - Helpers

    private func token(_ i: Int) -> DateToken? { i < tokens.count ? tokens[i] : nil }

    private func isSymbol(_ i: Int, _ scalar: Unicode.Scalar) -> Bool { token(i)?.isSymbol(scalar) ?? false }

    /// True when token `i` exists and touches the previous one.
    private func glued(_ i: Int) -> Bool { token(i).map { !$0.spaceBefore } ?? false }

    private func number(_ i: Int, digits: ClosedRange<Int>) -> Int? {
        guard let t = token(i), t.isNumber(digits: digits) else { return nil }
        return t.value
    }

    private var yearRange: ClosedRange<Int> { mode == .whole ? 1000...9999 : 1000...2999 }

    /// A year written with `digits` digits, expanded and checked; two- and three-digit years only in `.whole` mode.
    private func year(at i: Int) -> Int? {
        guard let t = token(i), t.kind == .number, t.length >= 2, t.length <= 4 else { return nil }
        guard t.length == 4 || mode == .whole else { return nil }
        let value = CivilDateTime.expandYear(t.value, digits: t.length)
        return yearRange.contains(value) ? value : nil
    }

    private func fourDigitYear(at i: Int) -> Int? {
        guard let t = token(i), t.isNumber(digits: 4...4), yearRange.contains(t.value) else { return nil }
        return t.value
    }

    /// Where a date may begin when reading from `i`: `i` itself, and after a weekday prefix if there is one.
    private func prefixStarts(at i: Int) -> [Int] {
        if let after = skipWeekday(at: i) { return [i, after] }
        return [i]
    }

    /// Skips `Tue,` / `Di.` / `Dienstag, den`; unknown words followed by a comma count in `.whole` mode.
    private func skipWeekday(at i: Int) -> Int? {
        guard let t = token(i), t.kind == .word else { return nil }
        var j = i + 1
        var punctuated = false
        if isSymbol(j, ".") {
            j += 1
            punctuated = true
        }
        let comma = isSymbol(j, ",")
        if comma {
            j += 1
            punctuated = true
        }
        let known = DateNames.isWeekday(t.word)
        switch mode {
        case .whole: guard known || (comma && t.length <= 16) else { return nil }
        case .search: guard known && (punctuated || t.length >= 3) else { return nil }
        }
        if token(j)?.isWord("den") == true { j += 1 }
        return j < tokens.count ? j : nil
    }

    // MARK: - Search boundaries

    /// A match may not start glued to a word or number, nor right after `.`, `/` or `-` glued to a number.
    private func startsCleanly(_ i: Int) -> Bool {
        guard i > 0, !tokens[i].spaceBefore else { return true }
        let previous = tokens[i - 1]
        if previous.kind != .symbol { return false }
        let joining = previous.isSymbol(".") || previous.isSymbol("/") || previous.isDash || previous.isSymbol(":")
        if joining, i >= 2, !previous.spaceBefore, tokens[i - 2].kind == .number { return false }
        return true
    }

    /// A match may not end glued to a number, nor to `.`, `/`, `-`, `:` or `,` glued to a number.
    private func endsCleanly(_ end: Int) -> Bool {
        guard let next = token(end), !next.spaceBefore else { return true }
        if next.kind == .number { return false }
        if next.kind == .symbol, glued(end + 1), token(end + 1)?.kind == .number {
            let joining =
                next.isSymbol(".") || next.isSymbol("/") || next.isDash || next.isSymbol(":") || next.isSymbol(",")
            if joining { return false }
        }
        return true
    }

    // MARK: - Date and time

    private enum DateForm { case iso, other }

    private func readDateTime(at i: Int, withTime: Bool = true) -> Match? {
        guard let (value, end, form) = readDatePart(at: i) else { return nil }
        var result = value
        var j = end
        if withTime, result.precision == .day {
            if let (withTime, k) = readSeparatedTime(at: j, into: result, iso: form == .iso) {
                result = withTime
                j = k
                if let (offset, k2) = readZone(at: j, iso: form == .iso) {
                    result.offsetSeconds = offset
                    j = k2
                }
            } else if form == .iso, mode == .whole, let (_, k) = readZone(at: j, iso: true), glued(j) {
                // `2024-06-11+02:00` (an XML Schema date): the calendar day stands; the zone is dropped.
                j = k
            }
        }
        return Match(value: result, start: i, end: j)
    }

    private func readDatePart(at i: Int) -> (CivilDateTime, Int, DateForm)? {
        guard let t = token(i) else { return nil }
        switch t.kind {
        case .number:
            if let r = readISODate(at: i) { return (r.0, r.1, .iso) }
            if let r = readNumericDMY(at: i) { return (r.0, r.1, .other) }
            if let r = readDayMonthName(at: i) { return (r.0, r.1, .other) }
            return nil
        case .word:
            guard let month = DateNames.month(t.word) else { return nil }
            return readMonthNameFirst(at: i, month: month).map { ($0.0, $0.1, .other) }
        case .symbol:
            return nil
        }
    }

    /// `2024`, `2024-06`, `2024-06-11`, `2024/06/11`, `20240611`.
    private func readISODate(at i: Int) -> (CivilDateTime, Int)? {
        guard let t = token(i), t.kind == .number else { return nil }
        if t.length == 8 {
            guard mode == .whole else { return nil }
            let year = t.value / 10_000
            guard yearRange.contains(year) else { return nil }
            let value = CivilDateTime(year: year, month: t.value / 100 % 100, day: t.value % 100, precision: .day)
            return (value, i + 1)
        }
        guard t.length == 4, yearRange.contains(t.value) else { return nil }
        if let sep = token(i + 1), sep.isDash || sep.isSymbol("/"), glued(i + 1), glued(i + 2),
            let month = number(i + 2, digits: 1...2)
        {
            if let sep2 = token(i + 3), sep2.value == sep.value, sep2.kind == .symbol, glued(i + 3), glued(i + 4),
                let day = number(i + 4, digits: 1...2)
            {
                return (CivilDateTime(year: t.value, month: month, day: day, precision: .day), i + 5)
            }
            return (CivilDateTime(year: t.value, month: month, precision: .month), i + 3)
        }
        if token(i + 1)?.isSymbol("-") == true || token(i + 1)?.isSymbol("/") == true { return nil }
        return (CivilDateTime(year: t.value, precision: .year), i + 1)
    }

    /// `11.06.2024`, `11.6.24`, `11. 6. 2024`; `13/06/2024`, `06-13-2024` when only one reading is possible.
    private func readNumericDMY(at i: Int) -> (CivilDateTime, Int)? {
        guard let a = number(i, digits: 1...2), let sep = token(i + 1), sep.kind == .symbol, glued(i + 1),
            let b = number(i + 2, digits: 1...2), let sep2 = token(i + 3), sep2.value == sep.value, glued(i + 3)
        else { return nil }
        if sep.isSymbol(".") {
            guard token(i + 4)?.length != 3, let year = year(at: i + 4) else { return nil }
            return (CivilDateTime(year: year, month: b, day: a, precision: .day), i + 5)
        }
        guard sep.isSymbol("/") || sep.isDash, glued(i + 2), glued(i + 4), let year = fourDigitYear(at: i + 4) else {
            return nil
        }
        // Day-first and month-first readings: keep the date only when exactly one reading is possible.
        let (day, month): (Int, Int)
        if a == b || (a > 12 && b <= 12) {
            (day, month) = (a, b)
        } else if b > 12 && a <= 12 {
            (day, month) = (b, a)
        } else {
            return nil
        }
        return (CivilDateTime(year: year, month: month, day: day, precision: .day), i + 5)
    }

    private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "e", "º", "ª"]
    private static let ofWords: Set<String> = ["of", "de", "del"]

    /// `11 Jun 2024`, `11. Juni 2024`, `11-Jun-24`, `11th of June 2024`, `1er juin 2024`, `11 de junio de 2024`.
    private func readDayMonthName(at i: Int) -> (CivilDateTime, Int)? {
        guard let day = number(i, digits: 1...2) else { return nil }
        var j = i + 1
        if let t = token(j), t.kind == .word, glued(j), Self.ordinalSuffixes.contains(t.word) { j += 1 }
        if isSymbol(j, ".") { j += 1 }
        let dashed = token(j)?.isDash == true
        if dashed { j += 1 }
        if let t = token(j), t.kind == .word, Self.ofWords.contains(t.word) { j += 1 }
        guard let t = token(j), t.kind == .word, let month = DateNames.month(t.word) else { return nil }
        j += 1
        if isSymbol(j, ".") { j += 1 }
        if dashed {
            guard token(j)?.isDash == true else { return nil }
            j += 1
        } else if isSymbol(j, ",") {
            j += 1
        } else if let t = token(j), t.kind == .word, Self.ofWords.contains(t.word) {
            j += 1
        }
        guard let year = year(at: j) else { return nil }
        return (CivilDateTime(year: year, month: month, day: day, precision: .day), j + 1)
    }

    /// `June 11, 2024`, `Jun 11 2024`, `June 11th, 2024`, `Juni 2024`, and asctime's `Jun 11 08:15:00 [zone] 2024`.
    private func readMonthNameFirst(at i: Int, month: Int) -> (CivilDateTime, Int)? {
        var j = i + 1
        if isSymbol(j, ".") { j += 1 }
        if let day = number(j, digits: 1...2) {
            j += 1
            if let t = token(j), t.kind == .word, glued(j), Self.ordinalSuffixes.contains(t.word) { j += 1 }
            if isSymbol(j, ",") || isSymbol(j, ".") { j += 1 }
            if let year = fourDigitYear(at: j) {
                return (CivilDateTime(year: year, month: month, day: day, precision: .day), j + 1)
            }
            // asctime: the time (and maybe a zone) comes before the year.
            let pending = CivilDateTime(year: 2000, month: month, day: day, precision: .day)
            guard let (withTime, k) = readTime(at: j, into: pending) else { return nil }
            var value = withTime
            var end = k
            if let (offset, k2) = readZone(at: end, iso: false) {
                value.offsetSeconds = offset
                end = k2
            }
            guard let year = fourDigitYear(at: end) else { return nil }
            value.year = year
            return (value, end + 1)
        }
        if isSymbol(j, ",") { j += 1 }
        guard let year = fourDigitYear(at: j) else { return nil }
        return (CivilDateTime(year: year, month: month, precision: .month), j + 1)
    }

    private static let timeLeadWords: Set<String> = ["um", "at", "à", "om", "alle", "ore", "gegen"]

    /// A time after a date: `T08:15`, ` 08:15`, `, 08:15`, ` um 08:15`, ` - 08:15`.
    private func readSeparatedTime(at j: Int, into value: CivilDateTime, iso: Bool) -> (CivilDateTime, Int)? {
        guard let t = token(j) else { return nil }
        if t.isWord("t") {
            guard iso, glued(j), glued(j + 1) else { return nil }
            return readTime(at: j + 1, into: value, basicAllowed: true)
        }
        if let direct = readTime(at: j, into: value) { return direct }
        var k = j
        while let s = token(k), k < j + 2 {
            let separator =
                s.isSymbol(",") || s.isDash || s.isSymbol("|") || s.isSymbol("/") || s.isSymbol("@")
                || s.isSymbol("·") || (s.kind == .word && Self.timeLeadWords.contains(s.word))
            guard separator else { break }
            k += 1
            if let r = readTime(at: k, into: value) { return r }
        }
        return nil
    }

    /// Reads a time into `value`, setting its precision to `.minute` or `.second`.
    private func readTime(at i: Int, into value: CivilDateTime, basicAllowed: Bool = false) -> (CivilDateTime, Int)? {
        guard let first = token(i), first.kind == .number else { return nil }
        var v = value
        var j = i + 1
        var sawUhr = false
        if first.length <= 2, isSymbol(j, ":"), glued(j), glued(j + 1), let minute = number(j + 1, digits: 2...2) {
            v.hour = first.value
            v.minute = minute
            v.precision = .minute
            j += 2
            if isSymbol(j, ":"), glued(j), glued(j + 1), let second = number(j + 1, digits: 2...2) {
                v.second = second
                v.precision = .second
                j += 2
                j = readFraction(at: j, into: &v)
            }
        } else if basicAllowed, first.length == 4 || first.length == 6 {
            v.hour = first.length == 4 ? first.value / 100 : first.value / 10_000
            v.minute = first.length == 4 ? first.value % 100 : first.value / 100 % 100
            v.second = first.length == 6 ? first.value % 100 : 0
            v.precision = first.length == 6 ? .second : .minute
            if first.length == 6 { j = readFraction(at: j, into: &v) }
        } else if first.length <= 2, let h = token(j), h.isWord("h"), glued(j), glued(j + 1),
            let minute = number(j + 1, digits: 2...2)
        {
            // `08h15`
            v.hour = first.value
            v.minute = minute
            v.precision = .minute
            j += 2
        } else if first.length <= 2, isSymbol(j, "."), glued(j), glued(j + 1), let minute = number(j + 1, digits: 2...2),
            token(j + 2)?.isWord("uhr") == true
        {
            // `08.15 Uhr`
            v.hour = first.value
            v.minute = minute
            v.precision = .minute
            j += 3
            sawUhr = true
        } else if first.length <= 2, token(j)?.isWord("uhr") == true {
            // `8 Uhr`
            v.hour = first.value
            v.precision = .minute
            j += 1
            sawUhr = true
        } else {
            return nil
        }
        if !sawUhr, token(j)?.isWord("uhr") == true {
            j += 1
            sawUhr = true
        }
        if !sawUhr, let (hour, k) = readMeridiem(at: j, hour: v.hour) {
            v.hour = hour
            j = k
        }
        return (v, j)
    }

    /// `.5`, `,123456789`: fractional seconds after the seconds field.
    private func readFraction(at j: Int, into v: inout CivilDateTime) -> Int {
        guard isSymbol(j, ".") || isSymbol(j, ","), glued(j), glued(j + 1), let t = token(j + 1),
            t.kind == .number
        else { return j }
        let digits = min(t.length, 9)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        v.fraction = Double(t.value) / scale
        return j + 2
    }

    /// `am`/`pm`/`a.m.`/`p.m.` after a 12-hour time; not taken when a word follows (German `12:30 am Dienstag`).
    private func readMeridiem(at j: Int, hour: Int) -> (Int, Int)? {
        guard (1...12).contains(hour), let t = token(j), t.kind == .word else { return nil }
        var pm: Bool
        var k: Int
        switch t.word {
        case "am", "pm":
            pm = t.word == "pm"
            k = j + 1
        case "a", "p":
            guard isSymbol(j + 1, "."), glued(j + 1), token(j + 2)?.isWord("m") == true, glued(j + 2) else {
                return nil
            }
            pm = t.word == "p"
            k = j + 3
            if isSymbol(k, "."), glued(k) { k += 1 }
        default:
            return nil
        }
        if let next = token(k), next.kind == .word, ZoneAbbreviations.offsetMinutes(next.word) == nil {
            return nil
        }
        let hour24 = pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour)
        return (hour24, k)
    }

    // MARK: - Zones

    /// A zone after a time: `Z`, `+0200`, `-05:00`, `GMT`, `GMT+2`, `UTC-05:00`, `CEST`, `EDT`, military `A`–`Z`.
    /// A numeric offset may be followed by the zone's name, which is skipped (`+0200 CEST`). When searching a line,
    /// a minus glued to a non-ISO time is a range (`08:15-10:00`), not an offset.
    private func readZone(at i: Int, iso: Bool) -> (Int, Int)? {
        guard let t = token(i) else { return nil }
        if t.isSymbol("+") || t.isDash {
            if mode == .search, t.isDash, !iso, !t.spaceBefore { return nil }
            guard let (offset, end) = readOffset(at: i + 1, sign: t.isSymbol("+") ? 1 : -1, shortHours: false) else {
                return nil
            }
            if let name = token(end), name.kind == .word, ZoneAbbreviations.offsetMinutes(name.word) != nil {
                return (offset, end + 1)
            }
            return (offset, end)
        }
        guard t.kind == .word else { return nil }
        if ZoneAbbreviations.isUTCName(t.word), let s = token(i + 1), s.isSymbol("+") || s.isDash, glued(i + 1) {
            return readOffset(at: i + 2, sign: s.isSymbol("+") ? 1 : -1, shortHours: true)
        }
        if let minutes = ZoneAbbreviations.offsetMinutes(t.word) { return (minutes * 60, i + 1) }
        if mode == .whole, let minutes = ZoneAbbreviations.militaryOffsetMinutes(t.word) {
            return (minutes * 60, i + 1)
        }
        return nil
    }

    /// `0200`, `02:00`, `02`, and (after a UTC name) `2` or `2:00`. Hours 0–23, minutes 0–59.
    private func readOffset(at i: Int, sign: Int, shortHours: Bool) -> (Int, Int)? {
        guard let t = token(i), t.kind == .number, glued(i) else { return nil }
        var hours: Int
        var minutes = 0
        var end = i + 1
        switch t.length {
        case 4:
            hours = t.value / 100
            minutes = t.value % 100
        case 1, 2:
            guard t.length == 2 || shortHours else { return nil }
            hours = t.value
            if isSymbol(end, ":"), glued(end), glued(end + 1), let m = number(end + 1, digits: 2...2) {
                minutes = m
                end += 2
            }
        default:
            return nil
        }
        guard hours <= 23, minutes <= 59 else { return nil }
        return (sign * (hours * 3_600 + minutes * 60), end)
    }

    // MARK: - Trailer

    /// Skips parenthesized or bracketed comments after a whole date field (`(CEST)`, `[Europe/Berlin]`).
    /// Returns where it stopped.
    private func skipTrailer(from i: Int) -> Int {
        var j = i
        while let t = token(j), t.isSymbol("(") || t.isSymbol("[") {
            let close: Unicode.Scalar = t.isSymbol("(") ? ")" : "]"
            var k = j + 1
            while let c = token(k), !c.isSymbol(close) { k += 1 }
            guard k < tokens.count else { return j }
            j = k + 1
        }
        return j
    }
}
