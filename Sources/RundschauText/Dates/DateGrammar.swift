/// The date grammar over `DateToken`s, by recursive descent with small look-aheads.
///
/// ```
/// date-time = [weekday ["."] [","] ["den"]] date-part [separator time [zone]] [trailer]
/// date-part = iso | numeric-dmy | day month-name year | month-name day year | month-name year
///           | month-name day time [zone] year                         (asctime, `date` output)
/// time      = h:mm[:ss[.frac]] | hhmm[ss] after "T" | h.mm "Uhr" | h "Uhr" | hh"h"mm,
///             then ["Uhr"], then [am | pm | a.m. | p.m.]
/// zone      = ("+" | "-") offset [zone-name] | UTC-name [("+" | "-") offset] | abbreviation | military letter
/// trailer   = ("(" … ")" | "[" … "]")*                                 (whole field only)
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

    /// Reads all tokens as one date (a weekday before it and comments after it allowed).
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

    func token(_ i: Int) -> DateToken? { i < tokens.count ? tokens[i] : nil }

    func isSymbol(_ i: Int, _ scalar: Unicode.Scalar) -> Bool { token(i)?.isSymbol(scalar) ?? false }

    /// True when token `i` exists and touches the previous one.
    func glued(_ i: Int) -> Bool { token(i).map { !$0.spaceBefore } ?? false }

    func number(_ i: Int, digits: ClosedRange<Int>) -> Int? {
        guard let t = token(i), t.isNumber(digits: digits) else { return nil }
        return t.value
    }

    var yearRange: ClosedRange<Int> { mode == .whole ? 1000...9999 : 1000...2999 }

    /// A year written with `digits` digits, expanded and checked; two- and three-digit years only in `.whole` mode.
    func year(at i: Int) -> Int? {
        guard let t = token(i), t.kind == .number, t.length >= 2, t.length <= 4 else { return nil }
        guard t.length == 4 || mode == .whole else { return nil }
        let value = CivilDateTime.expandYear(t.value, digits: t.length)
        return yearRange.contains(value) ? value : nil
    }

    func fourDigitYear(at i: Int) -> Int? {
        guard let t = token(i), t.isNumber(digits: 4...4), yearRange.contains(t.value) else { return nil }
        return t.value
    }

    /// Where a date may begin when reading from `i`: `i` itself, and after a weekday prefix if there is one.
    func prefixStarts(at i: Int) -> [Int] {
        if let after = skipWeekday(at: i) { return [i, after] }
        return [i]
    }

    /// Skips `Tue,` / `Di.` / `Dienstag, den`; unknown words followed by a comma count in `.whole` mode.
    func skipWeekday(at i: Int) -> Int? {
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
    func startsCleanly(_ i: Int) -> Bool {
        guard i > 0, !tokens[i].spaceBefore else { return true }
        let previous = tokens[i - 1]
        if previous.kind != .symbol { return false }
        let joining = previous.isSymbol(".") || previous.isSymbol("/") || previous.isDash || previous.isSymbol(":")
        if joining, i >= 2, !previous.spaceBefore, tokens[i - 2].kind == .number { return false }
        return true
    }

    /// A match may not end glued to a number, nor to `.`, `/`, `-`, `:` or `,` glued to a number.
    func endsCleanly(_ end: Int) -> Bool {
        guard let next = token(end), !next.spaceBefore else { return true }
        if next.kind == .number { return false }
        if next.kind == .symbol, glued(end + 1), token(end + 1)?.kind == .number {
            let joining =
                next.isSymbol(".") || next.isSymbol("/") || next.isDash || next.isSymbol(":") || next.isSymbol(",")
            if joining { return false }
        }
        return true
    }

    // MARK: - Trailer

    /// Skips parenthesized or bracketed comments after a whole date field (`(CEST)`, `[Europe/Berlin]`).
    /// Returns where it stopped.
    func skipTrailer(from i: Int) -> Int {
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
