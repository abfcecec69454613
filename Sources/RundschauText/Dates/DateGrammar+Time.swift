// Times after a date, and their zones.

extension DateGrammar {
    static let timeLeadWords: Set<String> = ["um", "at", "à", "om", "alle", "ore", "gegen"]

    /// A time after a date: `T08:15`, ` 08:15`, `, 08:15`, ` um 08:15`, ` - 08:15`.
    func readSeparatedTime(at j: Int, into value: CivilDateTime, iso: Bool) -> (CivilDateTime, Int)? {
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
    func readTime(at i: Int, into value: CivilDateTime, basicAllowed: Bool = false) -> (CivilDateTime, Int)? {
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
    func readFraction(at j: Int, into v: inout CivilDateTime) -> Int {
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
    func readMeridiem(at j: Int, hour: Int) -> (Int, Int)? {
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
    func readZone(at i: Int, iso: Bool) -> (Int, Int)? {
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
    func readOffset(at i: Int, sign: Int, shortHours: Bool) -> (Int, Int)? {
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
}
