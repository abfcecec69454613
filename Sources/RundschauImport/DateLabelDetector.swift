/// Recognizes lines that carry only a date (`11.06.2024`, `Stand: 11. Juni 2024, 14:30 Uhr`,
/// `Published 2024-06-11`) and date labels that open a line (`date 2024-03 BERLIN (dts) - …`).
enum DateLabelDetector {
    /// How far into a line a leading date label may start.
    static let maxLeadingOffset = 40

    /// The date when `line` says nothing but a date, a label, a weekday, a time and separators.
    static func dateOnly(_ line: String) -> FoundDate? {
        guard line.utf8.count <= 320 else { return nil }  // cheap bound before counting characters
        let chars = Array(line)
        guard chars.count <= 80, let found = DateFinder.find(in: chars) else { return nil }
        let before = String(chars[..<found.range.lowerBound])
        let after = String(chars[found.range.upperBound...])
        guard MetaFiller.isFiller(before), MetaFiller.isFiller(after) else { return nil }
        return found
    }

    /// A date label opening a longer line, such as `date 2024-03 ` or `Stand: 11.06.2024 – `: the date and
    /// the text after it. A bare date opening a line counts only when a dateline follows it
    /// (`11.06.2024 BERLIN (dpa) - …`).
    static func leadingDate(_ line: String) -> (date: FoundDate, rest: String)? {
        // The date must start within the first 40 characters; no token is longer than 35.
        let chars = Array(line.prefix(maxLeadingOffset + 35))
        guard let found = DateFinder.find(in: chars), found.range.lowerBound < maxLeadingOffset else { return nil }
        let before = String(chars[..<found.range.lowerBound])
        var restStart = found.range.upperBound
        while restStart < chars.count, MetaFiller.separators.contains(chars[restStart]) || chars[restStart] == " " {
            restStart += 1
        }
        let rest = String(line.dropFirst(restStart))
        guard !rest.isEmpty else { return nil }
        let labelled = MetaFiller.containsLabel(before) && MetaFiller.isFiller(before)
        let bare = before.trimmingSpaces().isEmpty && DatelineDetector.detect(rest) != nil
        return labelled || bare ? (found, rest) : nil
    }
}
