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

/// Splits UTF-8 text into `DateToken`s. White space (including Unicode spaces such as U+00A0) separates tokens
/// and is recorded as `spaceBefore`; letters are any alphabetic scalars, lowercased.
enum DateTokenizer {
    /// Tokenizes `bytes`. Digit runs longer than nine digits keep the value of their first nine digits.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [DateToken] {
        var tokens: [DateToken] = []
        tokens.reserveCapacity(16)
        var i = 0
        let n = bytes.count
        var space = true
        while i < n {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                let start = i
                var value = 0
                while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                    if i - start < 9 { value = value * 10 + Int(bytes[i] - 0x30) }
                    i += 1
                }
                tokens.append(
                    DateToken(
                        kind: .number, value: value, length: i - start, word: "", start: start, end: i,
                        spaceBefore: space))
                space = false
                continue
            }
            if b < 0x80 {
                if isASCIILetter(b) {
                    let start = i
                    i = scanWord(bytes, from: i)
                    tokens.append(word(bytes, start, i, space))
                    space = false
                } else if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    space = true
                    i += 1
                } else {
                    tokens.append(
                        DateToken(
                            kind: .symbol, value: Int(b), length: 1, word: "", start: i, end: i + 1,
                            spaceBefore: space))
                    space = false
                    i += 1
                }
                continue
            }
            let (scalar, len) = UTF8Scalars.decode(bytes, at: i)
            if scalar.properties.isWhitespace {
                space = true
                i += len
            } else if scalar.properties.isAlphabetic {
                let start = i
                i = scanWord(bytes, from: i)
                tokens.append(word(bytes, start, i, space))
                space = false
            } else {
                tokens.append(
                    DateToken(
                        kind: .symbol, value: Int(scalar.value), length: len, word: "", start: i, end: i + len,
                        spaceBefore: space))
                space = false
                i += len
            }
        }
        return tokens
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// The end of the letter run starting at `from`.
    private static func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                guard isASCIILetter(b) else { break }
                i += 1
            } else {
                let (scalar, len) = UTF8Scalars.decode(bytes, at: i)
                guard scalar.properties.isAlphabetic else { break }
                i += len
            }
        }
        return i
    }

    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ space: Bool)
        -> DateToken
    {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return DateToken(
            kind: .word, value: 0, length: end - start, word: raw.lowercased(), start: start, end: end,
            spaceBefore: space)
    }
}

/// Minimal UTF-8 decoding over a byte buffer, for scanners that mostly see ASCII.
enum UTF8Scalars {
    /// Decodes the scalar starting at `i`; malformed bytes decode as U+FFFD of length 1.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let replacement: (Unicode.Scalar, Int) = ("\u{FFFD}", 1)
        let b0 = UInt32(bytes[i])
        let n = bytes.count
        func cont(_ k: Int) -> UInt32? {
            guard i + k < n else { return nil }
            let b = UInt32(bytes[i + k])
            return b & 0xC0 == 0x80 ? b & 0x3F : nil
        }
        var value: UInt32
        var len: Int
        if b0 < 0x80 {
            return (Unicode.Scalar(UInt8(b0)), 1)
        } else if b0 & 0xE0 == 0xC0 {
            guard let c1 = cont(1) else { return replacement }
            value = (b0 & 0x1F) << 6 | c1
            len = 2
            if value < 0x80 { return replacement }
        } else if b0 & 0xF0 == 0xE0 {
            guard let c1 = cont(1), let c2 = cont(2) else { return replacement }
            value = (b0 & 0x0F) << 12 | c1 << 6 | c2
            len = 3
            if value < 0x800 { return replacement }
        } else if b0 & 0xF8 == 0xF0 {
            guard let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) else { return replacement }
            value = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            len = 4
            if value < 0x10000 { return replacement }
        } else {
            return replacement
        }
        guard let scalar = Unicode.Scalar(value) else { return replacement }
        return (scalar, len)
    }
}
