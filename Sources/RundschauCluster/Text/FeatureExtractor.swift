import Foundation

/// The weighted term vector of one article, before IDF: term ids ascending, with weights.
struct ArticleFeatures: Sendable {
    var terms: [Int32] = []
    var weights: [Float] = []
    /// Ids among `terms` that are name-like (acronyms, capitalized names, capitalized pairs).
    var names: [Int32] = []
}

/// Turns a title and a body into weighted features: stems without stop words (German or English Snowball),
/// heads of long German compounds, and name-like features weighted above ordinary words.
///
/// Names: acronyms (`NSO`), capitalized words that do not start a sentence (in English; in German, where every
/// noun is capitalized, only those that also occur inside a capitalized run), and pairs of adjacent capitalized
/// words (`Boris Pistorius`, `Benny Gantz`) as features of their own. Title occurrences count `titleWeight` times.
/// Each distinct word form is stemmed once and memoized by its hash.
struct FeatureExtractor: Sendable {
    struct Weights: Hashable, Sendable {
        var title: Float = 3
        var name: Float = 2
        var namePair: Float = 1.5
        var compoundHead: Float = 0.5
    }

    /// Memo entry for a word form in one language.
    private struct WordInfo {
        var term: Int32
        var head: Int32
    }

    var dictionary = TermDictionary()
    var weights: Weights
    private var memo: [UInt64: WordInfo] = [:]
    private var pairMemo: [UInt64: Int32] = [:]
    private(set) var scanner = TokenScanner()

    // Scratch, indexed by term id.
    private var tf: [Float] = []
    private var nameFlag: [UInt8] = []
    private var touched: [Int32] = []
    /// Term of each scanned token after `features` (-1: stop word or too short), for the character n-grams.
    private(set) var tokenTerms: [Int32] = []
    /// The terms of the last `features` call in the order the article first used them: the order a scan interns
    /// new terms in (``FeatureRecord``).
    private(set) var firstUse: [Int32] = []

    init(weights: Weights = Weights()) {
        self.weights = weights
    }

    /// Adds the term dictionary, memos and scratch (`terms.*`) to a memory report.
    func footprint(into f: inout MemoryFootprint) {
        typealias M = MemoryFootprint
        f.add("terms.dictionary", dictionary.bytes)
        f.add("terms.memo", M.dictionary(memo) + M.dictionary(pairMemo))
        f.add("terms.scratch", M.array(tf) + M.array(nameFlag) + scanner.bytes)
    }

    /// Scans title then body; the scanner keeps the tokens for the caller (`bodyStart` is the first body token).
    mutating func scan(title: String, text: String) -> Int {
        scanner.reset()
        scanner.append(title, startsSentence: true)
        let bodyStart = scanner.count
        scanner.append(text, startsSentence: true)
        return bodyStart
    }

    /// Features of what `scan` left in the scanner.
    mutating func features(bodyStart: Int, language: String?) -> ArticleFeatures {
        let lang = LanguageGuess.base(language)
        let salt: UInt64
        switch lang {
        case "de": salt = 0x1000_0000_0000_0001
        case "en": salt = 0x2000_0000_0000_0003
        default: salt = 0x3000_0000_0000_0007
        }
        let german = lang == "de"
        let n = scanner.count
        tokenTerms.removeAll(keepingCapacity: true)

        // Pass 1: terms per token.
        for i in 0..<n {
            let key = scanner.hashes[i] ^ salt
            let info: WordInfo
            if let known = memo[key] {
                info = known
            } else {
                info = makeWordInfo(token: i, language: lang)
                memo[key] = info
            }
            tokenTerms.append(info.term)
            guard info.term >= 0 else { continue }
            let w: Float = i < bodyStart ? weights.title : 1
            add(info.term, w)
            if info.head >= 0 { add(info.head, w * weights.compoundHead) }
        }

        // Pass 2: names. A title in Title Case says nothing about names: it starts after the title then.
        var runMembers: Set<Int32> = []
        var capitalizedInTitle = 0, wordsInTitle = 0
        for i in 0..<bodyStart where tokenTerms[i] >= 0 {
            wordsInTitle += 1
            if scanner.flags[i] & TokenScanner.Flag.capitalized != 0 { capitalizedInTitle += 1 }
        }
        let titleCase = !german && wordsInTitle >= 4 && capitalizedInTitle * 10 >= wordsInTitle * 7
        var i = titleCase ? bodyStart : 0
        while i < n {
            let f = scanner.flags[i]
            let term = tokenTerms[i]
            if term >= 0 && f & TokenScanner.Flag.acronym != 0 { markName(term) }
            if term >= 0, !german, f & TokenScanner.Flag.capitalized != 0, f & TokenScanner.Flag.sentenceInitial == 0 {
                markName(term)
            }
            // Capitalized runs: adjacent capitalized, non-stop tokens without punctuation in between.
            guard term >= 0, f & TokenScanner.Flag.capitalized != 0 else {
                i += 1
                continue
            }
            var j = i + 1
            while j < n, tokenTerms[j] >= 0, scanner.flags[j] & TokenScanner.Flag.capitalized != 0,
                scanner.flags[j] & TokenScanner.Flag.afterPunctuation == 0, j != bodyStart
            {
                j += 1
            }
            if j - i >= 2 {
                for k in i..<j {
                    runMembers.insert(tokenTerms[k])
                    markName(tokenTerms[k])
                    if k + 1 < j { addPair(tokenTerms[k], tokenTerms[k + 1], title: k < bodyStart) }
                }
            }
            i = j
        }
        if german && !runMembers.isEmpty {
            for i in 0..<n {
                let term = tokenTerms[i]
                if term >= 0, runMembers.contains(term) { markName(term) }
            }
        }

        // Collect.
        var out = ArticleFeatures()
        firstUse.removeAll(keepingCapacity: true)
        firstUse.append(contentsOf: touched)
        touched.sort()
        out.terms.reserveCapacity(touched.count)
        out.weights.reserveCapacity(touched.count)
        for t in touched {
            let ti = Int(t)
            let isName = nameFlag[ti] != 0
            var w = 1 + log(tf[ti])
            if dictionary.isName[ti] {
                w *= weights.namePair
            } else if isName {
                w *= weights.name
            }
            out.terms.append(t)
            out.weights.append(w)
            if isName || dictionary.isName[ti] { out.names.append(t) }
            tf[ti] = 0
            nameFlag[ti] = 0
        }
        touched.removeAll(keepingCapacity: true)
        return out
    }

    @inline(__always)
    private mutating func add(_ term: Int32, _ w: Float) {
        let t = Int(term)
        if t >= tf.count {
            let size = max(t + 1, tf.count * 2, 1024)
            tf.append(contentsOf: repeatElement(0, count: size - tf.count))
            nameFlag.append(contentsOf: repeatElement(0, count: size - nameFlag.count))
        }
        if tf[t] == 0 { touched.append(term) }
        tf[t] += w
    }

    @inline(__always)
    private mutating func markName(_ term: Int32) {
        let t = Int(term)
        if t < nameFlag.count { nameFlag[t] = 1 }
    }

    private mutating func addPair(_ a: Int32, _ b: Int32, title: Bool) {
        guard a != b else { return }
        let key = (UInt64(UInt32(bitPattern: a)) << 32) | UInt64(UInt32(bitPattern: b))
        let id: Int32
        if let known = pairMemo[key] {
            id = known
        } else {
            let k = dictionary.keys[Int(a)] + " " + dictionary.keys[Int(b)]
            let surface = dictionary.surfaces[Int(a)] + " " + dictionary.surfaces[Int(b)]
            id = dictionary.intern(k, surface: surface, name: true)
            pairMemo[key] = id
        }
        add(id, title ? weights.title : 1)
    }

    /// Stem, stop-word check and compound head of token `i` (first sight of this form in this language).
    private mutating func makeWordInfo(token i: Int, language: String?) -> WordInfo {
        let f = scanner.flags[i]
        let length = scanner.length(i)
        if length < 2 { return WordInfo(term: -1, head: -1) }
        let word = scanner.string(i)
        if f & TokenScanner.Flag.numeric != 0 {
            // Numbers of two or more digits (401 votes, 34 counts) are language-neutral story evidence.
            return WordInfo(term: dictionary.intern("#" + word, surface: word), head: -1)
        }
        let stops = StopWords.list(for: language)
        if stops.contains(word) { return WordInfo(term: -1, head: -1) }
        let scalars = Array(scanner.scalars(i))
        let stem: [UInt32]
        var head: [UInt32]?
        switch language {
        case "de":
            stem = GermanStemmer.stem(scalars: scalars)
            if length >= GermanCompounds.minimumLength { head = GermanCompounds.head(ofStem: stem) }
        case "en":
            stem = EnglishStemmer.stem(scalars: scalars)
        default:
            stem = scalars.contains(where: { $0 > 0x7F }) ? GermanStemmer.stem(scalars: scalars)
                : EnglishStemmer.stem(scalars: scalars)
        }
        guard stem.count >= 2 else { return WordInfo(term: -1, head: -1) }
        let key = Self.string(stem)
        let surface = word
        let term = dictionary.intern(key, surface: surface)
        var headID: Int32 = -1
        if let head { headID = dictionary.intern(Self.string(head), surface: Self.string(head)) }
        return WordInfo(term: term, head: headID)
    }

    static func string(_ scalars: some Sequence<UInt32>) -> String {
        String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }
}
