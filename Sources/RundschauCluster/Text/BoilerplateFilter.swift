import RundschauText

/// Removes recurring boilerplate from article bodies before duplicate detection, story features and topics see
/// them: newsletter pitches, rights footers, "Lesen Sie auch" teasers, agency disclaimers, cookie notes.
///
/// Works sentence by sentence over one run's articles (the stored context and the new ones): first each is shown
/// to ``learn(source:text:)``, then each is cleaned. Boilerplate is what recurs far more often than the rest of
/// the article it stands in, while a copy of an article repeats all of its sentences equally often, so its text
/// stays whole and the copy is still found. A sentence of four or more words is removed when
/// 1. it is a known template (WordPress's "The post … appeared first on …", its German form), or at least four
///    articles of the same source (feed) carry it: a template, not news;
/// 2. it recurs within its source more than twice as often as the article's typical sentence (the median of the
///    sentences rule 1 left);
/// 3. five or more articles from three or more sources carry it, unless most of the article (three sentences or
///    more) is that common: then the article is a popular copy, not boilerplate;
/// 4. at least three earlier *canonical* articles carried it (``record(isCanonical:)``): text that many articles
///    share without being copies of each other is a disclaimer (`Der Volltext dieses Artikels steht nicht mehr
///    zur Verfügung.`).
///
/// Digits are folded before comparing (`(APA, red, 9.3.2016)` recurs with other dates). The text comes back as it
/// is when nothing is removed.
///
/// ```swift
/// var filter = BoilerplateFilter()
/// for article in all { filter.learn(source: article.source, text: article.text) }
/// let body = filter.clean(source: article.source, text: article.text)
/// // … decide whether the article is a copy …
/// filter.record(isCanonical: link == nil)
/// ```
struct BoilerplateFilter: Sendable {
    /// Articles of one source carrying a sentence that make it boilerplate whatever else they say.
    var templateCount = 4
    /// Sentences with fewer words are never boilerplate (too little to say).
    var minimumWords = 4
    /// Earlier canonical articles carrying a sentence that make it boilerplate.
    var canonicalCount = 3

    /// (source, sentence) → number of the run's articles of that source carrying it.
    private var sourceCount = CountTable(width: 1)
    /// Sentence → number of the run's articles carrying it (`documents`), of sources carrying it (`spread`), and
    /// of canonical articles cleaned so far carrying it (`canonicals`). Counts stop at 65,535.
    private var sentenceCounts = CountTable(width: 3)
    private static let documents = 0, spread = 1, canonicals = 2

    // Scratch.
    private var sentences: [(range: Range<Int>, key: UInt64, counted: Bool, template: Bool)] = []

    /// Heap bytes of the statistics.
    var bytes: Int { sourceCount.bytes + sentenceCounts.bytes }

    /// Counts the sentences of one article of the run.
    mutating func learn(source: String, text: String) {
        countKeys(source: Self.hash(source), keys: keys(of: text))
    }

    /// The keys `learn` counts for `text`: those of its sentences of `minimumWords` or more words, each once.
    func keys(of text: String) -> [UInt64] {
        var text = text
        let count = text.utf8.count
        var keys: [UInt64] = []
        var seen: Set<UInt64> = []
        text.withUTF8 { bytes in
            var start = 0
            while start < count {
                let sentence = Self.nextSentence(bytes, from: start)
                if sentence.words >= minimumWords, seen.insert(sentence.key).inserted { keys.append(sentence.key) }
                start = sentence.end
            }
        }
        return keys
    }

    /// Counts one article of the run by the keys of its sentences of `minimumWords` or more words, each once
    /// (``keysOfLastCleaned``, kept from an earlier run).
    mutating func learn(source: String, keys: [UInt64]) {
        countKeys(source: Self.hash(source), keys: keys)
    }

    private mutating func countKeys(source sourceHash: UInt64, keys: some Sequence<UInt64>) {
        for key in keys {
            if sourceCount.increment(Self.mix(sourceHash, key)) == 0 { sentenceCounts.increment(key, Self.spread) }
            sentenceCounts.increment(key, Self.documents)
        }
    }

    /// The keys `learn` counts for the text last cleaned, each once, in order.
    func keysOfLastCleaned() -> [UInt64] {
        var seen: Set<UInt64> = []
        return sentences.filter { $0.counted && seen.insert($0.key).inserted }.map(\.key)
    }

    /// ``record(isCanonical:)`` for an article restored without its text, by its ``keysOfLastCleaned``.
    mutating func record(keys: [UInt64], isCanonical: Bool) {
        guard isCanonical else { return }
        for key in keys { sentenceCounts.increment(key, Self.canonicals) }
    }

    /// The text without its boilerplate sentences.
    mutating func clean(source: String, text: String) -> String {
        let sourceHash = Self.hash(source)
        var text = text
        let count = text.utf8.count
        sentences.removeAll(keepingCapacity: true)
        text.withUTF8 { bytes in
            var start = 0
            while start < count {
                let sentence = Self.nextSentence(bytes, from: start)
                sentences.append((start..<sentence.end, sentence.key, sentence.words >= minimumWords, sentence.template))
                start = sentence.end
            }
        }
        // Rule 1 first, so that the medians of rule 2 describe what the article itself says.
        var verdict = [Bool](repeating: false, count: sentences.count)
        // Each counted sentence's count within its source, looked up once for rules 1 and 2.
        var countInSource = [Int](repeating: 1, count: sentences.count)
        var inSource: [Int] = [], common: [Int] = []
        for (i, s) in sentences.enumerated() where s.counted {
            let n = sourceCount.value(Self.mix(sourceHash, s.key)) ?? 1
            countInSource[i] = n
            let entry = sentenceCounts.entry(s.key)
            func count(_ counter: Int, absent: Int) -> Int { entry.map { sentenceCounts.counter(counter, of: $0) } ?? absent }
            if s.template || n >= templateCount || count(Self.canonicals, absent: 0) >= canonicalCount {
                verdict[i] = true
                continue
            }
            inSource.append(n)
            if count(Self.documents, absent: 1) >= 5 && count(Self.spread, absent: 1) >= 3 { common.append(i) }
        }
        if !inSource.isEmpty {
            let typicalInSource = Self.median(inSource)
            for (i, s) in sentences.enumerated() where s.counted && !verdict[i] {
                let n = countInSource[i]
                if n >= 2 && n > 2 * typicalInSource { verdict[i] = true }
            }
            let popularCopy = common.count >= 3 && common.count * 5 >= inSource.count * 3
            if !popularCopy { for i in common { verdict[i] = true } }
        }
        var kept: [Range<Int>] = []
        for (i, s) in sentences.enumerated() where !verdict[i] { kept.append(s.range) }
        guard kept.count < sentences.count else { return text }
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

    /// Counts the sentences of the article last cleaned when it is canonical (not a copy).
    mutating func record(isCanonical: Bool) {
        guard isCanonical else { return }
        var seen: Set<UInt64> = []
        for s in sentences where s.counted && seen.insert(s.key).inserted { sentenceCounts.increment(s.key, Self.canonicals) }
    }

    /// The lower median.
    private static func median(_ values: [Int]) -> Int {
        let sorted = values.sorted()
        return sorted[(sorted.count - 1) / 2]
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

    /// FNV-1a of a lowercase ASCII word: what `nextSentence` computes per word.
    private static func wordKey(_ word: String) -> UInt64 { StableHash.value(of: word) }

    private static let appearedHash = wordKey("appeared")
    private static let erschienHash = wordKey("erschien")
    private static let thePostKey = (0 &* 31 &+ wordKey("the")) &* 31 &+ wordKey("post")
    private static let derBeitragKey = (0 &* 31 &+ wordKey("der")) &* 31 &+ wordKey("beitrag")

    private static func hash(_ text: String) -> UInt64 { StableHash.value(of: text) }

    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = a ^ (b &+ 0x9E37_79B9_7F4A_7C15 &+ (a << 6) &+ (a >> 2))
        x = (x ^ (x >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return x ^ (x >> 33)
    }
}
