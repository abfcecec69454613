/// Splits text into case-folded word tokens with the cues clustering needs (capitalization, sentence starts).
///
/// Works on the UTF-8 bytes of a string and writes into reusable flat arrays (no `String` per token): the folded
/// Unicode scalars of every token back to back in `chars`, with `starts`, `hashes` and `flags` per token. A token is
/// a run of letters and digits; an apostrophe between letters stays inside (`israel's`), hyphens split
/// (`Taurus-Abhörskandal` → `taurus`, `abhörskandal`, the second marked `hyphenated`). Folding lowercases, keeps `ß`
/// (the German stemmer maps it to `ss`), composes a decomposed umlaut (`u` + U+0308 → `ü`) and drops other
/// combining marks.
struct TokenScanner {
    /// Per-token cues, as bits of `flags`.
    enum Flag {
        /// The first letter was uppercase.
        static let capitalized: UInt8 = 1
        /// The token starts a sentence, line or text (its capital says nothing about a name).
        static let sentenceInitial: UInt8 = 2
        /// Two to six letters, all uppercase (`NSO`, `SPD`, `NATO`).
        static let acronym: UInt8 = 4
        /// Digits only.
        static let numeric: UInt8 = 8
        /// Joined to the previous token by a hyphen.
        static let hyphenated: UInt8 = 16
        /// Between the previous token and this one there was punctuation other than a hyphen or space.
        static let afterPunctuation: UInt8 = 32
    }

    /// Folded scalars of all tokens, back to back.
    private(set) var chars: [UInt32] = []
    /// `chars` offset of token *i*; `starts[count]` is the end.
    private(set) var starts: [Int32] = [0]
    /// A 64-bit hash of each folded token.
    private(set) var hashes: [UInt64] = []
    /// `Flag` bits of each token.
    private(set) var flags: [UInt8] = []

    var count: Int { hashes.count }

    /// Heap bytes of the scratch arrays.
    var bytes: Int {
        MemoryFootprint.array(chars) + MemoryFootprint.array(starts) + MemoryFootprint.array(hashes) + MemoryFootprint.array(flags)
    }

    init() {
        chars.reserveCapacity(4096)
        starts.reserveCapacity(1024)
        hashes.reserveCapacity(1024)
        flags.reserveCapacity(1024)
    }

    /// The folded scalars of token `i`.
    func scalars(_ i: Int) -> ArraySlice<UInt32> { chars[Int(starts[i])..<Int(starts[i + 1])] }

    /// The folded text of token `i`.
    func string(_ i: Int) -> String {
        String(String.UnicodeScalarView(scalars(i).compactMap(Unicode.Scalar.init)))
    }

    /// Length of token `i` in scalars.
    func length(_ i: Int) -> Int { Int(starts[i + 1] - starts[i]) }

    /// Clears the previous text's tokens (keeping capacity).
    mutating func reset() {
        chars.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        hashes.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true)
    }

    /// Tokenizes `text`, replacing the previous contents.
    mutating func scan(_ text: String) {
        reset()
        append(text, startsSentence: true)
    }

    /// Tokenizes `text` after what is already scanned. `startsSentence` marks its first token as sentence-initial.
    mutating func append(_ text: String, startsSentence: Bool) {
        var text = text
        text.withUTF8 { bytes in
            appendBytes(bytes, startsSentence: startsSentence)
        }
    }

    // State while scanning.
    private var tokenStart = 0
    private var hash: UInt64 = 0
    private var upperCount = 0
    private var letterCount = 0
    private var digitCount = 0
    private var firstUpper = false
    private var pendingBoundary = true
    private var pendingHyphen = false
    private var pendingPunctuation = false

    /// FNV-1a over the folded scalars of a token, each a whole 32-bit value (not its UTF-8 bytes), updated letter
    /// by letter inside the scan loop: not the byte hash `StableHash` computes (they differ for non-ASCII text), so
    /// it stays inline here.
    private static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    private mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>, startsSentence: Bool) {
        pendingBoundary = startsSentence || pendingBoundary
        pendingHyphen = false
        pendingPunctuation = false
        var inToken = false
        var i = 0
        let n = bytes.count
        while i < n {
            // Decode one scalar.
            let b0 = bytes[i]
            var scalar: UInt32
            if b0 < 0x80 {
                scalar = UInt32(b0)
                i += 1
            } else if b0 < 0xE0, i + 1 < n {
                scalar = (UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0, i + 2 < n {
                scalar = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else if i + 3 < n {
                scalar = (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                    | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            } else {
                scalar = 0xFFFD
                i += 1
            }

            // ASCII fast path.
            if scalar < 0x80 {
                if scalar >= 0x61 && scalar <= 0x7A {  // a-z
                    if !inToken { beginToken(); inToken = true }
                    addLetter(scalar, upper: false)
                    continue
                }
                if scalar >= 0x41 && scalar <= 0x5A {  // A-Z
                    if !inToken { beginToken(); inToken = true }
                    addLetter(scalar + 0x20, upper: true)
                    continue
                }
                if scalar >= 0x30 && scalar <= 0x39 {  // 0-9
                    if !inToken { beginToken(); inToken = true }
                    addDigit(scalar)
                    continue
                }
                if scalar == 0x27, inToken, letterCount > 0, Self.isASCIILetter(bytes, at: i) {  // israel's
                    addApostrophe()
                    continue
                }
                if inToken { endToken(&inToken) }
                switch scalar {
                case 0x2E, 0x21, 0x3F, 0x3A, 0x0A, 0x0D, 0x3B:  // . ! ? : newline ;
                    pendingBoundary = true
                    pendingPunctuation = true
                case 0x2D:  // hyphen
                    pendingHyphen = true
                case 0x20, 0x09:
                    pendingHyphen = false
                default:
                    pendingPunctuation = true
                }
                continue
            }

            // Non-ASCII.
            if scalar >= 0x300 && scalar <= 0x36F {  // combining marks
                if inToken, scalar == 0x308, let last = chars.last {
                    switch last {
                    case 0x61: replaceLast(0xE4)
                    case 0x6F: replaceLast(0xF6)
                    case 0x75: replaceLast(0xFC)
                    default: break
                    }
                }
                continue
            }
            if scalar == 0x2019, inToken, letterCount > 0, Self.isASCIILetter(bytes, at: i) {  // israel’s
                addApostrophe()
                continue
            }
            if let (folded, upper) = Self.foldLetter(scalar) {
                if !inToken { beginToken(); inToken = true }
                addLetter(folded, upper: upper)
                continue
            }
            if inToken { endToken(&inToken) }
            switch scalar {
            case 0x2026, 0x2028, 0x2029, 0x85:  // … line/paragraph separators
                pendingBoundary = true
                pendingPunctuation = true
            case 0x2010, 0x2011:  // hyphens
                pendingHyphen = true
            case 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000:
                pendingHyphen = false
            default:
                pendingPunctuation = true
            }
        }
        if inToken { endToken(&inToken) }
    }

    @inline(__always)
    private static func isASCIILetter(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i] | 0x20
        return b >= 0x61 && b <= 0x7A
    }

    private mutating func replaceLast(_ scalar: UInt32) {
        chars[chars.count - 1] = scalar
        // Recompute the hash of the open token from its scalars.
        var h = Self.fnvOffset
        for c in chars[tokenStart...] { h = (h ^ UInt64(c)) &* Self.fnvPrime }
        hash = h
    }

    private mutating func beginToken() {
        tokenStart = chars.count
        hash = Self.fnvOffset
        upperCount = 0
        letterCount = 0
        digitCount = 0
        firstUpper = false
    }

    @inline(__always)
    private mutating func addLetter(_ folded: UInt32, upper: Bool) {
        if chars.count == tokenStart { firstUpper = upper }
        chars.append(folded)
        hash = (hash ^ UInt64(folded)) &* Self.fnvPrime
        letterCount += 1
        if upper { upperCount += 1 }
    }

    @inline(__always)
    private mutating func addDigit(_ digit: UInt32) {
        chars.append(digit)
        hash = (hash ^ UInt64(digit)) &* Self.fnvPrime
        digitCount += 1
    }

    @inline(__always)
    private mutating func addApostrophe() {
        chars.append(0x27)
        hash = (hash ^ 0x27) &* Self.fnvPrime
    }

    private mutating func endToken(_ inToken: inout Bool) {
        inToken = false
        var f: UInt8 = 0
        if firstUpper { f |= Flag.capitalized }
        if pendingBoundary { f |= Flag.sentenceInitial }
        if letterCount >= 2 && letterCount <= 6 && upperCount == letterCount && digitCount == 0 { f |= Flag.acronym }
        if letterCount == 0 { f |= Flag.numeric }
        if pendingHyphen { f |= Flag.hyphenated }
        if pendingPunctuation { f |= Flag.afterPunctuation }
        hashes.append(Self.finish(hash))
        flags.append(f)
        starts.append(Int32(chars.count))
        pendingBoundary = false
        pendingHyphen = false
        pendingPunctuation = false
    }

    /// Final avalanche so that hash bits are usable directly (bins, bands).
    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var z = h
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return z ^ (z >> 33)
    }

    /// Lowercase form of a non-ASCII letter or digit and whether it was uppercase; nil for everything else.
    static func foldLetter(_ scalar: UInt32) -> (UInt32, Bool)? {
        switch scalar {
        case 0xC0...0xD6, 0xD8...0xDE:
            return (scalar + 0x20, true)
        case 0xDF...0xF6, 0xF8...0xFF, 0xAA, 0xB5, 0xBA:
            return (scalar, false)
        case 0x1E9E:  // capital sharp s
            return (0xDF, true)
        default:
            guard scalar >= 0x100, let s = Unicode.Scalar(scalar) else { return nil }
            let p = s.properties
            if p.isAlphabetic {
                if p.isUppercase || p.changesWhenLowercased {
                    let lower = p.lowercaseMapping.unicodeScalars
                    if lower.count == 1, let first = lower.first { return (first.value, true) }
                    return (scalar, true)
                }
                return (scalar, false)
            }
            if p.numericType == .decimal { return (scalar, false) }
            return nil
        }
    }
}
