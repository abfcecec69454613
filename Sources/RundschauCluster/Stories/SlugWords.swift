/// The words of an article link's slug (`…/2014/03/11/will-titanfall-save-xbox-one/` → `will titanfall save xbox
/// one`): for headline-only feeds the slug often says what the title leaves out.
///
/// The path's segments are read from the last one backwards; the first with at least two words once file
/// extensions, pieces with digits (ids, dates) and generic pieces (`html`, `article`, `news`, …) are dropped is
/// the slug. Percent escapes are decoded.
enum SlugWords {
    private static let generic: Set<String> = [
        "html", "htm", "php", "aspx", "asp", "cms", "shtml", "jsp", "index", "story", "article", "articles", "news",
        "ssf", "amp", "www", "com",
    ]

    /// The slug's words joined by spaces, or "" when the link has none.
    static func words(of url: String) -> String {
        for segment in URLCanonicalizer.pathSegments(of: url).reversed() {
            var text = (String(segment).removingPercentEncoding ?? String(segment))
            if let dot = text.lastIndex(of: "."), text.distance(from: dot, to: text.endIndex) - 1 >= 2,
                text.distance(from: dot, to: text.endIndex) - 1 <= 5,
                text[text.index(after: dot)...].allSatisfy({ $0.isASCII && $0.isLetter })
            {
                text = String(text[..<dot])
            }
            let pieces = text.lowercased().split { "-_+ ,;:()'’.".contains($0) }
                .filter { piece in !piece.contains(where: \.isNumber) && !generic.contains(String(piece)) }
            if pieces.count >= 2 { return pieces.joined(separator: " ") }
        }
        return ""
    }
}
