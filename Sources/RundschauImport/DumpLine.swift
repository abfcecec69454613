/// One non-blank line of a normalized dump (or several hard-wrapped lines joined into one).
struct DumpLine: Equatable {
    /// The trimmed text, spaces normalized.
    var text: String
    /// How many blank lines stand between this line and the previous non-blank one.
    var blanksBefore: Int

    /// The non-blank lines of `lines`, each with the count of blank lines above it.
    static func make(from lines: [String]) -> [DumpLine] {
        var result: [DumpLine] = []
        var blanks = 0
        for text in lines {
            if text.isEmpty {
                blanks += 1
            } else {
                result.append(DumpLine(text: text, blanksBefore: blanks))
                blanks = 0
            }
        }
        return result
    }

    var wordCount: Int { text.split(separator: " ").count }
}
