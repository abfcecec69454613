/// The words and marks that may surround a date or a byline on a metadata line.
enum MetaFiller {
    static let separators: Set<Character> = ["|", "·", "•", ",", "-", "–", "—", "/", "(", ")", ":", "[", "]"]

    /// Words that introduce a date (`Stand`, `Published`, `date`).
    static let labels: Set<String> = [
        "date", "datum", "stand", "aktualisiert", "veröffentlicht", "erschienen", "publiziert", "erstellt",
        "zuletzt", "published", "updated", "posted", "last", "created",
    ]

    /// Words that may accompany a date without making the line running text.
    static let words: Set<String> = labels.union([
        "am", "um", "uhr", "on", "at", "gmt", "utc", "mez", "mesz", "cet", "cest", "pm",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "mo", "di", "mi", "do", "fr", "sa", "so",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ])

    /// True when `text` holds only filler words, times (`14:30`) and separators.
    static func isFiller(_ text: String) -> Bool {
        for token in tokens(text) {
            let lower = token.lowercased()
            if words.contains(lower) || isTime(lower) { continue }
            return false
        }
        return true
    }

    /// True when `text` holds one of the date labels.
    static func containsLabel(_ text: String) -> Bool {
        tokens(text).contains { labels.contains($0.lowercased()) }
    }

    private static func tokens(_ text: String) -> [Substring] {
        // `:` separates a label (`Stand:`) but belongs to a time (`14:30`), so it is trimmed, not split on.
        text.split { $0 == " " || ($0 != ":" && separators.contains($0)) }.map { token in
            var t = token
            while let last = t.last, last == "." || last == ":" { t = t.dropLast() }
            while let first = t.first, first == ":" { t = t.dropFirst() }
            return t
        }.filter { !$0.isEmpty }
    }

    /// `14:30`, `14.30`, `9:05:00`, `14h30`.
    private static func isTime(_ token: String) -> Bool {
        let parts = token.split { $0 == ":" || $0 == "." || $0 == "h" }
        guard parts.count >= 2, parts.count <= 3 else { return false }
        return parts.allSatisfy { $0.count <= 2 && $0.allSatisfy(\.isASCIIDigit) }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces (the normalizer has already turned every space into ` `).
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
