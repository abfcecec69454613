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
