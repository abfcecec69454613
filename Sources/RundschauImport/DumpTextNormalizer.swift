/// Normalizes decoded dump text so that later stages see one kind of line break and one kind of space.
///
/// - Line endings: CRLF, CR, U+2028 and form feeds become `\n`; U+2029 (paragraph separator) a blank line.
/// - Spaces: tab, no-break space (U+00A0), the typographic spaces U+2000–U+200A, U+202F, U+205F, U+3000 and
///   U+1680 become an ordinary space; runs of spaces collapse to one; lines are trimmed.
/// - Invisible characters: byte-order marks (U+FEFF), zero-width space (U+200B), word joiner (U+2060),
///   soft hyphens (U+00AD) and other control characters are removed.
enum DumpTextNormalizer {
    /// The text split into trimmed lines; blank lines are kept as empty strings.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var pendingSpace = false
        var previousWasCR = false

        func endLine() {
            lines.append(String(line))
            line = String.UnicodeScalarView()
            pendingSpace = false
        }

        for scalar in text.unicodeScalars {
            if previousWasCR {
                previousWasCR = false
                if scalar == "\n" { continue }
            }
            switch scalar.value {
            case 0x0D:
                previousWasCR = true
                endLine()
            case 0x0A, 0x0B, 0x0C, 0x85, 0x2028:
                endLine()
            case 0x2029:
                endLine()
                endLine()
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                if !line.isEmpty { pendingSpace = true }
            case 0xAD, 0x200B, 0x2060, 0xFEFF:
                continue
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                continue
            default:
                if pendingSpace {
                    line.append(" ")
                    pendingSpace = false
                }
                line.append(scalar)
            }
        }
        if !line.isEmpty { endLine() }
        return lines
    }
}
