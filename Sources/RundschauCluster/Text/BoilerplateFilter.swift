/// Removes recurring boilerplate from article bodies before duplicate detection and story features see them:
/// newsletter pitches, rights footers, "Lesen Sie auch" teasers, agency disclaimers, cookie notes.
///
/// Works sentence by sentence, learning from the stream (restored articles included, so every run sees the same
/// state). A sentence of four or more words is boilerplate when
/// - the same source (feed) carried it in an earlier article: a feed does not publish one article's sentence
///   again in another, but its template does; or
/// - at least `crossSourceLimit` earlier *canonical* articles carried it: text shared by many articles that are
///   not copies of each other is a disclaimer, not news. Copies are not counted, so a wire story republished by
///   twenty outlets keeps its sentences; or
/// - it is a known template: WordPress's "The post … appeared first on …" and its German form.
///
/// Digits are folded before comparing (`(APA, red, 9.3.2016)` recurs with other dates). The filter keeps the text
/// as it is when nothing is removed.
///
/// ```swift
/// var filter = BoilerplateFilter()
/// let body = filter.clean(source: "Kurier", text: article.text)
/// // … decide whether the article is a copy …
/// filter.record(isCanonical: link == nil)
/// ```
struct BoilerplateFilter: Sendable {
    /// Canonical articles that must carry a sentence before it counts as boilerplate across sources.
    var crossSourceLimit: UInt8 = 3
    /// Sentences with fewer words are never boilerplate (too little to say).
    var minimumWords = 4

    /// Keys of (source, sentence) seen before.
    private var seenInSource: Set<UInt64> = []
    /// Sentence → number of canonical articles carrying it (saturating).
    private var canonicalCount: [UInt64: UInt8] = [:]
    /// Sentences of the article last cleaned, waiting for `record`.
    private var pending: [UInt64] = []
    private var pendingSource: UInt64 = 0

    /// The text without its boilerplate sentences; remembers the article's sentences until ``record(isCanonical:)``.
    mutating func clean(source: String, text: String) -> String {
        pending.removeAll(keepingCapacity: true)
        pendingSource = Self.hash(source)
        var text = text
        var kept: [Range<Int>] = []
        var removed = false
        let count = text.utf8.count
        text.withUTF8 { bytes in
            var start = 0
            while start < count {
                let sentence = Self.nextSentence(bytes, from: start)
                let key = sentence.key
                if sentence.words >= minimumWords {
                    let sourceKey = Self.mix(pendingSource, key)
                    if seenInSource.contains(sourceKey) || (canonicalCount[key] ?? 0) >= crossSourceLimit
                        || sentence.template
                    {
                        removed = true
                    } else {
                        kept.append(start..<sentence.end)
                    }
                    pending.append(key)
                } else {
                    kept.append(start..<sentence.end)
                }
                start = sentence.end
            }
        }
        guard removed else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        text.withUTF8 { bytes in
            for range in kept {
                if !out.isEmpty, out.last != 0x20 { out.append(0x20) }
                out.append(contentsOf: bytes[range])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Records the sentences of the article last cleaned: for its source, and across sources when it is canonical.
    mutating func record(isCanonical: Bool) {
        for key in pending {
            seenInSource.insert(Self.mix(pendingSource, key))
        }
        if isCanonical {
            for key in Set(pending) {
                let n = canonicalCount[key] ?? 0
                if n < UInt8.max { canonicalCount[key] = n + 1 }
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    // MARK: - Sentences over UTF-8

    private struct Sentence {
        var end: Int
        var key: UInt64
        var words: Int
        var template: Bool
    }

    /// The sentence starting at `start`: up to and including `.`, `!`, `?` or `…` followed by a space, or a line
    /// break. Its key hashes the lowercased letters and folded digits of its words.
    private static func nextSentence(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Sentence {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var words = 0
        var inWord = false
        var i = start
        let n = bytes.count
        var end = n
        // Template detection over the first words: "the post" … "appeared first on", "der beitrag" … "erschien zuerst".
        var firstWords: UInt64 = 0
        var wordHash: UInt64 = 0
        var sawAppearedFirst = false
        while i < n {
            var b = bytes[i]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            let isWordByte = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
            if isWordByte {
                if !inWord {
                    inWord = true
                    words += 1
                    wordHash = 0xCBF2_9CE4_8422_2325
                    h = (h ^ 0x20) &* 0x0000_0100_0000_01B3
                }
                let folded: UInt8 = (b >= 0x30 && b <= 0x39) ? 0x30 : b
                h = (h ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
                wordHash = (wordHash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
            } else if inWord {
                inWord = false
                if words <= 2 { firstWords = firstWords &* 31 &+ wordHash }
                if wordHash == Self.appearedHash || wordHash == Self.erschienHash { sawAppearedFirst = true }
            }
            i += 1
            if b == 0x0A || b == 0x0D { end = i; break }
            let terminal = b == 0x2E || b == 0x21 || b == 0x3F
                || (b == 0xA6 && i >= 3 && bytes[i - 3] == 0xE2 && bytes[i - 2] == 0x80)
            if terminal, i < n, bytes[i] == 0x20 || bytes[i] == 0x0A {
                end = i
                break
            }
        }
        if inWord, words <= 2 { firstWords = firstWords &* 31 &+ wordHash }
        let template = sawAppearedFirst && (firstWords == thePostKey || firstWords == derBeitragKey)
        return Sentence(end: end, key: h, words: words, template: template)
    }

    private static func wordKey(_ word: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in word.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    private static let appearedHash = wordKey("appeared")
    private static let erschienHash = wordKey("erschien")
    private static let thePostKey = (0 &* 31 &+ wordKey("the")) &* 31 &+ wordKey("post")
    private static let derBeitragKey = (0 &* 31 &+ wordKey("der")) &* 31 &+ wordKey("beitrag")

    private static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = a ^ (b &+ 0x9E37_79B9_7F4A_7C15 &+ (a << 6) &+ (a >> 2))
        x = (x ^ (x >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return x ^ (x >> 33)
    }
}
