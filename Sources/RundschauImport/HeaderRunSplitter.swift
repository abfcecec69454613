/// Divides a run of short, non-sentence lines into teaser headers: `[kicker] title [teaser]` each.
///
/// The cues: blank-line structure first (a run whose gaps differ is cut at its widest gaps, though a lone
/// kicker stays with the title below it), then line
/// shape: a kicker is a line of at most three words followed by a line with more words; a title is followed
/// by its teaser unless that line is itself a kicker opening the next item.
enum HeaderRunSplitter {
    static let maxKickerWords = 3
    static let maxKickerLength = 30

    static func split(_ lines: [DumpLine]) -> [DumpItem] {
        splitAtWidestGaps(lines).flatMap(splitRun)
    }

    /// Cuts the run where the blank-line gap is widest, when the gaps differ.
    private static func splitAtWidestGaps(_ lines: [DumpLine]) -> [[DumpLine]] {
        let gaps = lines.dropFirst().map(\.blanksBefore)
        guard let widest = gaps.max(), let narrowest = gaps.min(), widest > narrowest else { return [lines] }
        var runs: [[DumpLine]] = []
        var current: [DumpLine] = []
        for (offset, line) in lines.enumerated() {
            if offset > 0, line.blanksBefore == widest {
                runs.append(current)
                current = []
            }
            current.append(line)
        }
        runs.append(current)
        // A kicker set off by a wider gap still belongs to the title under it.
        var merged: [[DumpLine]] = []
        var carried: [DumpLine] = []
        for run in runs {
            if run.count == 1, let only = run.first, isKickerLike(only.text) {
                carried += run
            } else {
                merged.append(carried + run)
                carried = []
            }
        }
        if !carried.isEmpty { merged.append(carried) }
        return merged
    }

    private static func splitRun(_ h: [DumpLine]) -> [DumpItem] {
        var items: [DumpItem] = []
        var i = 0
        while i < h.count {
            var item = DumpItem()
            if opensItem(h, at: i) {
                item.kicker = h[i].text
                i += 1
            }
            item.title = h[i].text
            i += 1
            if i < h.count, !opensItem(h, at: i) {
                item.teaser = h[i].text
                i += 1
            }
            items.append(item)
        }
        return items
    }

    /// True when the line at `i` is a kicker over the next line.
    private static func opensItem(_ h: [DumpLine], at i: Int) -> Bool {
        i + 1 < h.count && isKickerLike(h[i].text) && h[i + 1].wordCount > h[i].wordCount
    }

    /// At most three words and thirty characters, not ending like a sentence or a lead-in.
    static func isKickerLike(_ text: String) -> Bool {
        guard text.count <= maxKickerLength, text.split(separator: " ").count <= maxKickerWords,
              let last = text.last
        else { return false }
        return last != "." && last != ":" && last != ","
    }
}
