/// One lexical piece of a date string: a run of digits, a run of letters, or one other character.
struct DateToken: Sendable {
    enum Kind: Sendable { case number, word, symbol }

    var kind: Kind
    /// `number`: the value of its first nine digits; `symbol`: the Unicode scalar value; `word`: 0.
    var value: Int
    /// `number`: how many digits; `word` and `symbol`: the length in UTF-8 bytes.
    var length: Int
    /// `word`: the lowercased letters; empty otherwise.
    var word: String
    /// UTF-8 offset of the first byte in the source.
    var start: Int
    /// UTF-8 offset just past the last byte in the source.
    var end: Int
    /// True when white space separates this token from the previous one (or it is the first).
    var spaceBefore: Bool

    func isSymbol(_ scalar: Unicode.Scalar) -> Bool { kind == .symbol && value == Int(scalar.value) }
    func isWord(_ text: String) -> Bool { kind == .word && word == text }
    func isNumber(digits: ClosedRange<Int>) -> Bool { kind == .number && digits.contains(length) }

    /// True for `-`, `‐`, `‑`, `–` and `−` (hyphens, en dash and minus sign).
    var isDash: Bool {
        kind == .symbol && (value == 0x2D || value == 0x2010 || value == 0x2011 || value == 0x2013 || value == 0x2212)
    }
}
