/// Joins hard-wrapped paragraphs (text wrapped at a fixed column, as e-mails and terminal copies are) back
/// into one line each, so that the splitter sees paragraphs.
///
/// A dump counts as hard-wrapped when its longest line is between ``minWrapWidth`` and ``maxWrapWidth``
/// characters and at least a third of its lines of ordinary length end within a few characters of that width. Then a line that
/// reaches close to the width continues on the next line, unless a blank line or a metadata line follows.
enum LineUnwrapper {
    static let maxWrapWidth = 100
    static let minWrapWidth = 60

    static func unwrap(_ lines: [DumpLine]) -> [DumpLine] {
        guard let width = wrapWidth(of: lines) else { return lines }
        var result: [DumpLine] = []
        var previous = ""  // the previous physical line
        for line in lines {
            let continues = line.blanksBefore == 0 && previous.count >= width - 15
                && (!SentenceSplitter.endsSentence(previous) || wouldNotFit(line.text, after: previous, width: width))
                && !LineClassifier.isMetaOrCaption(line.text)
            if continues, var last = result.last {
                last.text += " " + line.text
                result[result.count - 1] = last
            } else {
                result.append(line)
            }
            previous = line.text
        }
        return result
    }

    /// The wrap column, when the dump looks hard-wrapped.
    static func wrapWidth(of lines: [DumpLine]) -> Int? {
        guard let width = lines.map(\.text.count).max(), width >= minWrapWidth, width <= maxWrapWidth else {
            return nil
        }
        let ordinary = lines.filter { $0.text.count >= minWrapWidth / 2 }
        let nearWidth = ordinary.filter { $0.text.count >= width - 12 }
        guard ordinary.count >= 4, nearWidth.count * 3 >= ordinary.count else { return nil }
        return width
    }

    /// A wrapped line ending in a period still continues when the next line's first word would not have fit.
    private static func wouldNotFit(_ line: String, after previous: String, width: Int) -> Bool {
        let firstWord = line.split(separator: " ").first.map(\.count) ?? 0
        return previous.count + 1 + firstWord > width
    }
}
