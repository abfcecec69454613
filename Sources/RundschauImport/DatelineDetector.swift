import Foundation

/// Recognizes the dateline that opens an agency article: `BERLIN (dts Nachrichtenagentur) - `,
/// `WASHINGTON (AP) — `, `Berlin (dpa) - `, `NEW YORK - `, `LONDON, June 11 (Reuters) - `.
///
/// A place in capitals may stand alone or carry any agency in parentheses; a place in ordinary case needs a
/// known agency name in the parentheses, so that `Der Minister (SPD) - so hieß es - …` is not a dateline.
enum DatelineDetector {
    /// A dateline and the text that follows it.
    struct Dateline: Equatable {
        /// Place and agency as written, e.g. `BERLIN (dts Nachrichtenagentur)`.
        var dateline: String
        /// The place alone, e.g. `BERLIN`.
        var place: String
        /// The agency, e.g. `dts Nachrichtenagentur`, when given.
        var agency: String?
        /// The paragraph after the dash.
        var rest: String
    }

    private static let dashes = [" - ", " – ", " — ", " -- "]
    private static let maxHeadLength = 70

    /// Words that mark the parenthesized part as a news agency when the place is not in capitals.
    private static let agencyWords: Set<String> = [
        "dpa", "afp", "ap", "reuters", "dts", "kna", "epd", "sid", "apa", "sda", "ddp", "ots", "idea", "upi",
        "ans", "ansa", "efe", "xinhua", "tass", "pti", "ians", "bloomberg", "afx", "dow", "jones",
        "nachrichtenagentur", "agentur", "agency", "press", "news", "newswire", "wire",
    ]

    /// Words that start sentences and are never places.
    private static let notPlaces: Set<String> = [
        "der", "die", "das", "ein", "eine", "the", "a", "an", "er", "sie", "es", "wir", "ich", "he", "she", "it",
        "we", "they", "i",
    ]

    static func detect(_ line: String) -> Dateline? {
        guard let (head, rest) = splitAtDash(line) else { return nil }
        guard let first = rest.first, first.isLetter || first.isNumber || "\"„“«»'‚".contains(first) else { return nil }

        var place = head
        var agency: String?
        if head.hasSuffix(")"), let open = head.lastIndex(of: "(") {
            let inner = head[head.index(after: open)..<head.index(before: head.endIndex)].trimmingSpaces()
            guard !inner.isEmpty, inner.count <= 40, !inner.contains(". ") else { return nil }
            agency = inner
            place = head[..<open].trimmingSpaces()
        }
        // `LONDON, June 11` — a short date or note after the place.
        var placeName = place
        if let comma = place.firstIndex(of: ",") {
            let note = place[place.index(after: comma)...].trimmingSpaces()
            guard note.count <= 20 else { return nil }
            placeName = place[..<comma].trimmingSpaces()
        }
        guard isPlace(placeName) else { return nil }
        if let agency {
            if !isCapitals(placeName) {
                let words = agency.lowercased().split { !$0.isLetter }
                guard words.contains(where: { agencyWords.contains(String($0)) }) else { return nil }
            }
            return Dateline(dateline: "\(place) (\(agency))", place: placeName, agency: agency, rest: rest)
        }
        guard isCapitals(placeName) else { return nil }
        return Dateline(dateline: place, place: placeName, agency: nil, rest: rest)
    }

    /// The text before and after the first dash separator within the first ``maxHeadLength`` characters.
    private static func splitAtDash(_ line: String) -> (String, String)? {
        // Only the opening can hold a dateline.
        let window = line.prefix(maxHeadLength + 4)
        var best: Range<String.Index>?
        for dash in dashes {
            if let range = window.range(of: dash), best.map({ range.lowerBound < $0.lowerBound }) ?? true {
                best = range
            }
        }
        guard let range = best else { return nil }
        let head = line[..<range.lowerBound].trimmingSpaces()
        guard !head.isEmpty, head.count <= maxHeadLength else { return nil }
        return (head, line[range.upperBound...].trimmingSpaces())
    }

    /// One to four capitalized words of letters, hyphens, dots, slashes and apostrophes.
    private static func isPlace(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        if let first = words.first, notPlaces.contains(first.lowercased()) { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || "-./'’".contains($0) }
        }
    }

    /// At least two letters, all of them capitals.
    private static func isCapitals(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }
}
