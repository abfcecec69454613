/// Finds sentence ends in running text without mistaking abbreviations (`z. B.`, `Dr.`), initials (`J. Doe`),
/// German ordinals (`am 7. Oktober`) or numbers (`3.5`) for them.
enum SentenceSplitter {
    /// Characters that end a sentence.
    static let terminals: Set<Character> = [".", "!", "?", "…"]
    /// Characters that may follow a sentence end before the space (closing quotes and brackets).
    static let closers: Set<Character> = ["\"", "'", "»", "«", "“", "”", "’", "‘", ")", "]"]
    /// Characters that may open a sentence before its first letter.
    static let openers: Set<Character> = ["\"", "'", "»", "«", "„", "“", "‚", "‘", "(", "["]

    /// True when `text` ends with a sentence terminal, possibly followed by closing quotes or brackets.
    static func endsSentence<S: StringProtocol>(_ text: S) -> Bool {
        var s = Substring(text)
        while let last = s.last, closers.contains(last) || last == " " { s = s.dropLast() }
        guard let last = s.last else { return false }
        return terminals.contains(last)
    }

    /// True when `text` holds a sentence end followed by another sentence.
    static func hasSentenceBreak(_ text: String) -> Bool {
        !boundaries(in: Array(text)).isEmpty
    }

    /// The sentences of `text`, each with its terminal punctuation.
    static func sentences(_ text: String) -> [String] {
        let chars = Array(text)
        var result: [String] = []
        var start = 0
        for end in boundaries(in: chars) {
            result.append(String(chars[start..<end]).trimmingSpaces())
            start = end
        }
        let last = String(chars[start...]).trimmingSpaces()
        if !last.isEmpty { result.append(last) }
        return result
    }

    /// Offsets just past each sentence end (after closers) that is followed by a space and a new sentence.
    static func boundaries(in c: [Character]) -> [Int] {
        var result: [Int] = []
        var i = 0
        while i < c.count {
            guard terminals.contains(c[i]) else {
                i += 1
                continue
            }
            var end = i + 1
            while end < c.count, terminals.contains(c[end]) { end += 1 }  // `?!`, `...`
            while end < c.count, closers.contains(c[end]) { end += 1 }
            guard end < c.count, c[end] == " " else {
                i = end
                continue
            }
            var next = end + 1
            while next < c.count, openers.contains(c[next]) { next += 1 }
            guard next < c.count, c[next].isUppercase || c[next].isNumber else {
                i = end
                continue
            }
            if c[i] == "." && end == i + 1 && !isSentencePeriod(c, at: i, nextWordStart: next) {
                i = end
                continue
            }
            result.append(end)
            i = end
        }
        return result
    }

    /// Whether the period at `i` (followed by a space) ends a sentence.
    private static func isSentencePeriod(_ c: [Character], at i: Int, nextWordStart: Int) -> Bool {
        let word = wordBefore(c, i)
        if word.isEmpty { return true }
        if word.count == 1 && word.allSatisfy(\.isLetter) { return false }  // initials, `z. B.`
        if Abbreviations.contains(word) { return false }
        if word.allSatisfy(\.isASCIIDigit) && word.count <= 2 { return false }  // `am 7. Oktober`
        // `U.S.` or `z.B.`: a period inside the word before.
        if i - word.count - 1 >= 0, c[i - word.count - 1] == "." { return false }
        return true
    }

    /// The letters and digits directly before offset `i`.
    static func wordBefore(_ c: [Character], _ i: Int) -> String {
        var start = i
        while start > 0, c[start - 1].isLetter || c[start - 1].isNumber { start -= 1 }
        return String(c[start..<i])
    }

    /// The letters directly from offset `i` on.
    static func wordAfter(_ c: [Character], _ i: Int) -> String {
        var end = i
        while end < c.count, c[end].isLetter { end += 1 }
        return String(c[i..<end])
    }
}

/// Abbreviations after which a period does not end a sentence (German and English, lowercased).
enum Abbreviations {
    private static let words: Set<String> = [
        "abb", "abs", "abt", "adr", "allg", "anm", "art", "aufl", "bd", "bsp", "bspw", "bzgl", "bzw", "ca",
        "chr", "dgl", "dipl", "dr", "ebd", "ehem", "einschl", "entspr", "etc", "evtl", "exkl", "ff", "fr", "gegr",
        "geb", "gem", "ggf", "hl", "hr", "hrsg", "inkl", "ing", "jh", "jhd", "jr", "kap", "lt", "max", "mag",
        "min", "mio", "mrd", "nr", "o", "orig", "pkt", "prof", "rd", "s", "sen", "sog", "spp", "st", "std",
        "str", "tel", "tsd", "u", "usw", "v", "vgl", "vs", "z", "zit", "zt", "zzgl",
        "approx", "apr", "aug", "av", "ave", "capt", "cf", "co", "col", "corp", "dec", "dept", "e", "eg", "est",
        "feb", "fig", "ft", "gen", "gov", "i", "ie", "inc", "jan", "jul", "jun", "ltd", "mar", "mr", "mrs", "ms",
        "mt", "no", "nov", "oct", "rev", "sep", "sept", "sgt", "sr", "vol",
    ]

    static func contains(_ word: String) -> Bool { words.contains(word.lowercased()) }
}
