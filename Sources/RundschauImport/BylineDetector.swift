/// Recognizes byline lines: `von Sabine Brandes`, `von Sabine Brandes 11.06.2024`,
/// `By Jane Doe and John Roe | June 11, 2024`, `Autorin: Anna Weber`.
///
/// The names after the opening word must look like names (capitalized words, name particles such as `von`,
/// `de`, `van`, initials), so that running text that happens to start with `Von` or `By` is not taken.
enum BylineDetector {
    /// Authors and an optional date read from a byline line.
    struct Byline: Equatable {
        var authors: [String]
        var date: FoundDate?
    }

    /// Opening words, lowercased, longest first.
    private static let openers = [
        "ein kommentar von ", "ein gastbeitrag von ", "reporting by ", "written by ", "text von ",
        "autorinnen: ", "autorin: ", "autoren: ", "autor: ", "author: ", "authors: ", "text: ", "von ", "by ",
    ]

    /// Lowercase words that may sit inside a name.
    private static let particles: Set<String> = [
        "von", "van", "der", "den", "de", "da", "di", "del", "della", "la", "le", "zu", "zur", "bin", "ibn",
        "al", "el", "ten", "ter", "y", "dos", "das", "du", "vom",
    ]

    static func detect(_ line: String) -> Byline? {
        guard line.count <= 160 else { return nil }
        let lower = line.lowercased()
        guard let opener = openers.first(where: { lower.hasPrefix($0) }) else { return nil }
        let rest = Array(line.dropFirst(opener.count))

        var namePart = rest[...]
        var date: FoundDate?
        if let found = DateFinder.find(in: rest) {
            guard MetaFiller.isFiller(String(rest[found.range.upperBound...])) else { return nil }
            namePart = rest[..<found.range.lowerBound]
            date = found
        }
        var names = String(namePart)
        // Drop separators and date labels between the names and the date ("| am", ", Stand:").
        while let last = names.split(separator: " ").last,
              MetaFiller.words.contains(String(last).lowercased().trimming(":.")) {
            names = String(names.dropLast(last.count)).trimmingSpaces()
        }
        names = names.trimming(" |·•,-–—/:")
        guard !names.isEmpty, names.count <= 80 else { return nil }
        guard let authors = splitNames(names) else { return nil }
        return Byline(authors: authors, date: date)
    }

    /// Splits `A, B und C` / `A and B` / `A & B` into names; `nil` when any part does not look like a name.
    private static func splitNames(_ text: String) -> [String]? {
        var parts: [String] = []
        for piece in text.splitting(on: [", "]) {
            for name in piece.splitting(on: [" und ", " and ", " & "]) {
                let trimmed = name.trimmingSpaces()
                guard isName(trimmed) else { return nil }
                parts.append(trimmed)
            }
        }
        return parts.isEmpty ? nil : parts
    }

    private static func isName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (1...5).contains(words.count) else { return false }
        var capitalized = 0
        for word in words {
            if particles.contains(String(word)) { continue }
            guard let first = word.first, first.isUppercase,
                  word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." })
            else { return false }
            capitalized += 1
        }
        return capitalized >= 1
    }
}

extension String {
    /// The string without the given characters at either end.
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }

    /// The pieces between occurrences of any of `separators` (which are matched literally).
    func splitting(on separators: [String]) -> [String] {
        var pieces: [String] = []
        var current = ""
        var rest = Substring(self)
        outer: while !rest.isEmpty {
            for separator in separators where rest.hasPrefix(separator) {
                pieces.append(current)
                current = ""
                rest = rest.dropFirst(separator.count)
                continue outer
            }
            if let first = rest.first { current.append(first) }
            rest = rest.dropFirst()
        }
        pieces.append(current)
        return pieces
    }
}
