// The date part: ISO, numeric day-month-year, and forms with month names.

extension DateGrammar {
    // MARK: - Date and time

    enum DateForm { case iso, other }

    func readDateTime(at i: Int, withTime: Bool = true) -> Match? {
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

    func readDatePart(at i: Int) -> (CivilDateTime, Int, DateForm)? {
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
    func readISODate(at i: Int) -> (CivilDateTime, Int)? {
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
    func readNumericDMY(at i: Int) -> (CivilDateTime, Int)? {
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

    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "e", "º", "ª"]
    static let ofWords: Set<String> = ["of", "de", "del"]

    /// `11 Jun 2024`, `11. Juni 2024`, `11-Jun-24`, `11th of June 2024`, `1er juin 2024`, `11 de junio de 2024`.
    func readDayMonthName(at i: Int) -> (CivilDateTime, Int)? {
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
    func readMonthNameFirst(at i: Int, month: Int) -> (CivilDateTime, Int)? {
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
}
