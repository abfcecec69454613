/// Restores the space that copied or scraped text lost between sentences: `Untersuchung.Es sei` becomes
/// `Untersuchung. Es sei`, `sagte er."Das` becomes `sagte er." Das`.
///
/// A period is left alone when the glue is probably meant: names and brands (`Phil.Cologne`, `ASP.NET`),
/// URLs, e-mail addresses and domain names (`www.Example.COM`, `spiegel.de`), numbers (`3.5`), abbreviations
/// and initials (`z.B.Die`, `Dr.Müller`, `J.R.R.Tolkien`).
enum SentenceRepair {
    /// Words that typically open a sentence; after `Capitalized.` they tip the balance towards a break.
    private static let sentenceStarters: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "es", "er", "sie",
        "wir", "ich", "ihr", "man", "in", "im", "am", "an", "auf", "aus", "bei", "mit", "nach", "vor", "zu",
        "zum", "zur", "für", "über", "unter", "seit", "während", "wegen", "trotz", "als", "auch", "aber", "doch",
        "denn", "dennoch", "so", "und", "oder", "nun", "da", "dort", "hier", "dies", "diese", "dieser",
        "dieses", "damit", "dabei", "zudem", "außerdem", "konkret", "laut", "nicht", "kein", "keine", "wie",
        "wo", "was", "wer", "wann", "warum", "jetzt", "heute", "gestern", "bereits", "schon", "noch", "nur",
        "dass", "ob", "wenn", "weil", "demnach", "allerdings", "zuvor", "danach", "inzwischen", "unterdessen",
        "the", "a", "an", "it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "on",
        "at", "by", "for", "with", "from", "but", "and", "or", "yet", "if", "when", "while", "after", "before",
        "there", "its", "his", "her", "their", "our", "my", "no", "not", "also", "however", "meanwhile",
    ]

    /// The longest glued token looked at.
    private static let maxToken = 120

    /// Repairs every glued sentence end in `text`.
    static func repair(_ text: String) -> String {
        let c = Array(text)
        guard c.count > 2 else { return text }
        var out: [Character] = []
        out.reserveCapacity(c.count + 8)
        var quotes = QuoteState()
        var i = 0
        while i < c.count {
            let ch = c[i]
            out.append(ch)
            quotes.see(ch)
            guard SentenceSplitter.terminals.contains(ch), i + 1 < c.count else {
                i += 1
                continue
            }
            let next = c[i + 1]
            if next.isUppercase, shouldBreak(c, at: i) {
                out.append(" ")
            } else if isQuote(next), i + 2 < c.count, c[i + 2].isUppercase, shouldBreak(c, at: i, skippingQuote: true) {
                if quotes.closes(next) {
                    // `er."Das` → `er." Das`: the quote belongs to the sentence that ends here.
                    out.append(next)
                    quotes.see(next)
                    out.append(" ")
                    i += 1
                } else {
                    // `genannt."Das` with no quote open → `genannt. "Das`.
                    out.append(" ")
                }
            }
            i += 1
        }
        return String(out)
    }

    /// Whether the terminal at `i`, directly followed by an uppercase letter (or a quote and one), ends a sentence.
    private static func shouldBreak(_ c: [Character], at i: Int, skippingQuote: Bool = false) -> Bool {
        let nextStart = skippingQuote ? i + 2 : i + 1
        // The whole glued token: no breaks inside URLs, addresses, paths or domain names.
        // A "word" longer than `maxToken` is no prose (a hash, a data blob): leave it alone, and keep the
        // scan linear.
        var tokenStart = i
        while tokenStart > 0, c[tokenStart - 1] != " " {
            tokenStart -= 1
            if i - tokenStart > maxToken { return false }
        }
        var tokenEnd = i
        while tokenEnd < c.count, c[tokenEnd] != " " {
            tokenEnd += 1
            if tokenEnd - i > maxToken { return false }
        }
        let token = String(c[tokenStart..<tokenEnd]).lowercased()
        if token.contains("://") || token.hasPrefix("www.") || token.contains("@") || token.contains("/") {
            return false
        }
        let nextWord = SentenceSplitter.wordAfter(c, nextStart)
        guard !nextWord.isEmpty else { return false }
        if c[i] != "." { return true }  // `?` and `!`

        let previousWord = SentenceSplitter.wordBefore(c, i)
        let nextIsStarter = sentenceStarters.contains(nextWord.lowercased())
        let nextHasLowercase = nextWord.contains(where: \.isLowercase)
        if previousWord.isEmpty {
            // `(dpa).Die`, `»Nein«.Er`: a closing bracket or quote before the period.
            guard i > 0, SentenceSplitter.closers.contains(c[i - 1]) else { return false }
            return nextIsStarter || (nextWord.count >= 3 && nextHasLowercase)
        }
        // `z.B.Die`, `U.S.Army`: a period earlier in the same word chain.
        let wordStart = i - previousWord.count
        if wordStart > tokenStart, c[wordStart - 1] == "." { return false }
        if Abbreviations.contains(previousWord) { return false }
        if previousWord.allSatisfy(\.isASCIIDigit) { return nextWord.count >= 2 && nextHasLowercase }
        if previousWord.count == 1 { return false }  // initials
        guard let first = previousWord.first else { return false }
        if !nextHasLowercase && nextWord.count > 1 { return false }  // `ASP.NET`, `Web.DE`
        if first.isLowercase { return true }  // `sei.Konkret`
        if nextIsStarter { return true }  // `Pistorius.Die`, `Untersuchung.Es`
        // A long word before and an ordinary word after: `Untersuchung.Konkret`, but not `Phil.Cologne`.
        return previousWord.count >= 6 && nextWord.count >= 3 && nextHasLowercase
    }

    private static func isQuote(_ ch: Character) -> Bool {
        "\"'»«„“”‚‘’".contains(ch)
    }

    /// Tracks which quotation marks are open, to tell whether a quote after a period closes or opens one.
    private struct QuoteState {
        var straightOpen = false
        var lowOpen = 0  // „ … “
        var guillemetRightOpen = 0  // » … «
        var guillemetLeftOpen = 0  // « … »
        var curlyOpen = 0  // “ … ”

        mutating func see(_ ch: Character) {
            switch ch {
            case "\"": straightOpen.toggle()
            case "„": lowOpen += 1
            case "“":
                if lowOpen > 0 { lowOpen -= 1 } else { curlyOpen += 1 }
            case "”": curlyOpen = max(0, curlyOpen - 1)
            case "»":
                if guillemetLeftOpen > 0 { guillemetLeftOpen -= 1 } else { guillemetRightOpen += 1 }
            case "«":
                if guillemetRightOpen > 0 { guillemetRightOpen -= 1 } else { guillemetLeftOpen += 1 }
            default: break
            }
        }

        func closes(_ ch: Character) -> Bool {
            switch ch {
            case "\"": straightOpen
            case "“": lowOpen > 0
            case "”", "’": true
            case "»": guillemetLeftOpen > 0
            case "«": guillemetRightOpen > 0
            default: false
            }
        }
    }
}
