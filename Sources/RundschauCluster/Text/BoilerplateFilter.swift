/// Removes recurring boilerplate from article bodies before duplicate detection and story features see them:
/// newsletter pitches, rights footers, "Lesen Sie auch" teasers, agency disclaimers, cookie notes.
///
/// Works sentence by sentence. First every article of a run (stored context and new ones) is shown to
/// ``learn(source:text:)``; then each is cleaned in time order. A sentence of four or more words is boilerplate when
/// - another article of the same source (feed) in the run carries it too: a feed does not publish one article's
///   sentence again in another, but its template does (so the feed's first article loses its footer as well); or
/// - at least `crossSourceLimit` earlier *canonical* articles carried it: text shared by many articles that are
///   not copies of each other is a disclaimer, not news. Copies are not counted, so a wire story republished by
///   twenty outlets keeps its sentences; or
/// - it is a known template: WordPress's "The post … appeared first on …" and its German form.
///
/// Digits are folded before comparing (`(APA, red, 9.3.2016)` recurs with other dates). The text comes back as it
/// is when nothing is removed. A feed that republishes one of its own articles under a new id inside the window
/// loses the shared sentences from both; the content hash and the link still catch exact reposts.
///
/// ```swift
/// var filter = BoilerplateFilter()
/// for article in all { filter.learn(source: article.source, text: article.text) }
/// let body = filter.clean(source: article.source, text: article.text)
/// // … decide whether the article is a copy …
/// filter.record(isCanonical: link == nil)
/// ```
struct BoilerplateFilter: Sendable {
    /// Canonical articles that must carry a sentence before it counts as boilerplate across sources.
    var crossSourceLimit: UInt8 = 3
    /// Sentences with fewer words are never boilerplate (too little to say).
    var minimumWords = 4

    /// (source, sentence) → number of the run's articles of that source carrying it (saturating).
    private var sourceCount: [UInt64: UInt8] = [:]
    /// Sentence → number of canonical articles carrying it (saturating).
    private var canonicalCount: [UInt64: UInt8] = [:]
    /// Sentences of the article last cleaned, waiting for `record`.
    private var pending: [UInt64] = []

    /// Counts the sentences of one article of the run, for its source.
    mutating func learn(source: String, text: String) {
        let sourceHash = Self.hash(source)
        var text = text
        let count = text.utf8.count
        var keys: Set<UInt64> = []
        text.withUTF8 { bytes in
            var start = 0
            while start < count {
                let sentence = Self.nextSentence(bytes, from: start)
                if sentence.words >= minimumWords { keys.insert(Self.mix(sourceHash, sentence.key)) }
                start = sentence.end
            }
        }
        for key in keys {
            let n = sourceCount[key] ?? 0
            if n < UInt8.max { sourceCount[key] = n + 1 }
        }
    }

    /// The text without its boilerplate sentences; remembers the article's sentences until ``record(isCanonical:)``.
    mutating func clean(source: String, text: String) -> String {
        pending.removeAll(keepingCapacity: true)
        let sourceHash = Self.hash(source)
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
                    if (sourceCount[Self.mix(sourceHash, key)] ?? 0) >= 2 || (canonicalCount[key] ?? 0) >= crossSourceLimit
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

    /// Counts the sentences of the article last cleaned across sources when it is canonical (not a copy).
    mutating func record(isCanonical: Bool) {
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
