/// A paragraph of running text, with what its opening carried.
struct BodyLine: Equatable {
    var line: DumpLine
    /// The paragraph text without dateline, date label or trailing credit.
    var text: String
    /// The agency dateline that opened the paragraph.
    var dateline: DatelineDetector.Dateline?
    /// A date label that opened the paragraph (`date 2024-03 …`).
    var date: FoundDate?
}

/// What one line of a dump is.
enum LineKind: Equatable {
    /// `---`, `***`, `* * *`: a hard boundary between items.
    case separator
    /// A photo caption or credit.
    case caption(String)
    /// A byline and/or a date.
    case meta(authors: [String], date: FoundDate?)
    /// Running text.
    case body(BodyLine)
    /// A short line that is not a sentence: kicker, title or teaser.
    case header(DumpLine)
}

/// Sorts the lines of a dump into kinds, using only general cues: length, sentence punctuation, date,
/// byline, dateline and credit patterns.
enum LineClassifier {
    /// Paragraphs ending in a period are running text from this length on (or with two sentences).
    static let minPeriodBodyLength = 60
    /// Lines ending in `!` or `?` are running text from this length on (or with two sentences): titles may
    /// ask or exclaim.
    static let minQuestionBodyLength = 150
    /// Lines without sentence punctuation are still running text from this length on.
    static let minUnpunctuatedBodyLength = 300

    static func classify(_ line: DumpLine) -> [LineKind] {
        let text = line.text
        if isSeparator(text) { return [.separator] }
        var bodyText = text
        switch CaptionDetector.classify(text) {
        case .caption(let caption): return [.caption(caption)]
        case .bodyWithCredit(let body, _): bodyText = body
        case .none: break
        }
        if let byline = BylineDetector.detect(bodyText) {
            return [.meta(authors: byline.authors, date: byline.date)]
        }
        if let date = DateLabelDetector.dateOnly(bodyText) {
            return [.meta(authors: [], date: date)]
        }
        var leadingDate: FoundDate?
        if let (date, rest) = DateLabelDetector.leadingDate(bodyText) {
            leadingDate = date
            bodyText = rest
        }
        if let dateline = DatelineDetector.detect(bodyText) {
            return [.body(BodyLine(line: line, text: dateline.rest, dateline: dateline, date: leadingDate))]
        }
        if isBodyLike(bodyText) {
            return [.body(BodyLine(line: line, text: bodyText, dateline: nil, date: leadingDate))]
        }
        var header = line
        header.text = bodyText
        if let leadingDate { return [.meta(authors: [], date: leadingDate), .header(header)] }
        return [.header(header)]
    }

    /// True for lines that would be bylines, date lines or captions (the unwrapper never joins those).
    static func isMetaOrCaption(_ text: String) -> Bool {
        if BylineDetector.detect(text) != nil || DateLabelDetector.dateOnly(text) != nil { return true }
        if case .caption = CaptionDetector.classify(text) { return true }
        return false
    }

    /// Whether `text` reads as running text rather than a heading.
    static func isBodyLike(_ text: String) -> Bool {
        let words = text.split(separator: " ").count
        guard SentenceSplitter.endsSentence(text) else { return text.count >= minUnpunctuatedBodyLength }
        guard words >= 6 else { return false }
        if SentenceSplitter.hasSentenceBreak(text) { return true }
        return text.count >= (endsWithPeriod(text) ? minPeriodBodyLength : minQuestionBodyLength)
    }

    /// True when the sentence terminal at the end is a period or an ellipsis.
    static func endsWithPeriod(_ text: String) -> Bool {
        var s = Substring(text)
        while let last = s.last, SentenceSplitter.closers.contains(last) { s = s.dropLast() }
        return s.last == "." || s.last == "…"
    }

    /// Lines of nothing but rule characters: `---`, `***`, `* * *`, `=====`, `###`.
    static func isSeparator(_ text: String) -> Bool {
        let marks = text.filter { $0 != " " }
        return marks.count >= 3 && marks.allSatisfy { "-–—_=*#~·•+".contains($0) }
    }
}
