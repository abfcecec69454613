import Foundation

/// Recognizes photo captions and credits (`Foto: dpa`, `Foto:Paris`,
/// `Macron und Gantz (Archiv) Foto: imago images/UPI Photo`, `© Reuters`) so that they stay out of bodies.
enum CaptionDetector {
    /// What a line is with respect to captions.
    enum Kind: Equatable {
        /// The whole line is a caption or credit.
        case caption(String)
        /// A paragraph with a credit glued to its end; the paragraph without it.
        case bodyWithCredit(body: String, credit: String)
        /// No caption or credit.
        case none
    }

    /// Credit markers, matched case-insensitively at a word start.
    private static let markers = [
        "fotos:", "foto:", "foto :", "bilder:", "bild:", "bildquelle:", "fotoquelle:", "fotocredit:",
        "photos:", "photo:", "photo credit:", "picture:", "image:", "credit:", "copyright:", "©",
    ]

    /// Words that make a whole short line a caption when they open it.
    private static let openers = ["symbolbild", "symbolfoto", "archivbild", "archivfoto"]

    /// Captions are short; a longer line with a marker is running text that mentions one.
    private static let maxCaptionLength = 400
    private static let maxCreditLength = 100

    static func classify(_ line: String) -> Kind {
        let lower = line.lowercased()
        if line.count <= 200, openers.contains(where: { lower.hasPrefix($0) }) { return .caption(line) }
        // Every marker but `©` ends in a colon: most lines are ruled out without searching.
        guard line.contains(":") || line.contains("©"), let markerStart = firstMarker(in: line) else { return .none }
        let before = line[..<markerStart].trimmingSpaces().trimming(" (|[")
        let credit = String(line[markerStart...])
        if before.isEmpty {
            return line.count <= maxCaptionLength ? .caption(line) : .none
        }
        guard credit.count <= maxCreditLength, !SentenceSplitter.hasSentenceBreak(credit) else { return .none }
        if before.count >= 80, SentenceSplitter.endsSentence(before) {
            return .bodyWithCredit(body: before, credit: credit)
        }
        // `Das Foto: ein Beweis für die Tat.` is a sentence, not a credit; credits rarely end in a period.
        if SentenceSplitter.endsSentence(credit), credit.count > 25 { return .none }
        return line.count <= maxCaptionLength ? .caption(line) : .none
    }

    /// The position of the first credit marker that starts a word.
    private static func firstMarker(in line: String) -> String.Index? {
        let lower = line.lowercased()
        // Lowercasing keeps the character count for the scripts dumps use; fall back to no match otherwise.
        guard lower.count == line.count else { return nil }
        var best: Int?
        for marker in markers {
            var searchStart = lower.startIndex
            while let range = lower.range(of: marker, range: searchStart..<lower.endIndex) {
                let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
                let previous = range.lowerBound == lower.startIndex ? nil : lower[lower.index(before: range.lowerBound)]
                if previous == nil || previous == " " || previous == "(" || previous == "|" || previous == "[" || previous == "/" {
                    if best.map({ offset < $0 }) ?? true { best = offset }
                    break
                }
                searchStart = range.upperBound
            }
        }
        return best.map { line.index(line.startIndex, offsetBy: $0) }
    }
}
