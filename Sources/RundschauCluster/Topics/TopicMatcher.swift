import struct RundschauModel.TopicDefinition
import Foundation

/// Assigns configured topics to articles and stories.
///
/// An article's score for a topic counts each distinct keyword, phrase or pattern it matches once, twice when the
/// match is in the title, the kicker, a feed category or the link's section path (`/sport/…`); the article
/// belongs to the topic at `minimumScore` (default 2: two body matches or one title match). An article can belong to several topics. A story gets a topic when its label article has it or
/// at least a third of its distinct (non-duplicate) members do.
///
/// ```swift
/// let matcher = try TopicMatcher(topics: [
///     TopicDefinition(name: "defence", title: "Verteidigung", keywords: ["Bundeswehr", "Soldaten", "Taurus"]),
/// ])
/// matcher.topics(of: article)   // ["defence"]
/// ```
public struct TopicMatcher: Sendable {
    /// The configured topics, in configuration order.
    public let definitions: [TopicDefinition]
    /// The configured topics' names.
    public var names: Set<String> { Set(definitions.map(\.name)) }
    /// Score an article needs to belong to a topic.
    public var minimumScore: Int

    struct Rule: Sendable {
        var topic: Int
        /// Index of the keyword/phrase/pattern within all rules of its topic, for "distinct" counting.
        var slot: Int
    }

    private let stemRules: [String: [Rule]]
    private let wordRules: [String: [Rule]]
    private let compoundStems: [String: [Rule]]
    private let phrases: [(stems: [Set<String>], rule: Rule)]
    private let patterns: [(regex: NSRegularExpression, rule: Rule)]
    private let slotCounts: [Int]

    /// - Throws: `TopicError` when a pattern is not a valid regular expression.
    public init(topics: [TopicDefinition], minimumScore: Int = 2) throws {
        definitions = topics
        self.minimumScore = minimumScore
        var stemRules: [String: [Rule]] = [:]
        var wordRules: [String: [Rule]] = [:]
        var compoundStems: [String: [Rule]] = [:]
        var phrases: [(stems: [Set<String>], rule: Rule)] = []
        var patterns: [(regex: NSRegularExpression, rule: Rule)] = []
        var slotCounts: [Int] = []
        for (t, topic) in topics.enumerated() {
            var slot = 0
            for keyword in topic.keywords {
                let words = Self.words(keyword)
                let rule = Rule(topic: t, slot: slot)
                slot += 1
                if words.count > 1 {
                    phrases.append((words.map(Self.stems), rule))
                } else if let word = words.first {
                    if word.unicodeScalars.count <= 3 {
                        wordRules[word, default: []].append(rule)
                    } else {
                        for stem in Self.stems(word) {
                            stemRules[stem, default: []].append(rule)
                            if stem.unicodeScalars.count >= 5 { compoundStems[stem, default: []].append(rule) }
                        }
                    }
                }
            }
            for phrase in topic.phrases {
                let words = Self.words(phrase)
                guard !words.isEmpty else { continue }
                let rule = Rule(topic: t, slot: slot)
                slot += 1
                if words.count == 1, let word = words.first {
                    for stem in Self.stems(word) {
                        stemRules[stem, default: []].append(rule)
                        if stem.unicodeScalars.count >= 5 { compoundStems[stem, default: []].append(rule) }
                    }
                } else {
                    phrases.append((words.map(Self.stems), rule))
                }
            }
            for pattern in topic.patterns {
                do {
                    let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
                    patterns.append((regex, Rule(topic: t, slot: slot)))
                    slot += 1
                } catch {
                    throw TopicError(topic: topic.name, pattern: pattern, message: "\(error)")
                }
            }
            slotCounts.append(slot)
        }
        self.stemRules = stemRules
        self.wordRules = wordRules
        self.compoundStems = compoundStems
        self.phrases = phrases
        self.patterns = patterns
        self.slotCounts = slotCounts
    }

    /// A matcher with no configured topics.
    public init() {
        definitions = []
        minimumScore = 2
        stemRules = [:]
        wordRules = [:]
        compoundStems = [:]
        phrases = []
        patterns = []
        slotCounts = []
    }

    private static func words(_ text: String) -> [String] {
        var scanner = TokenScanner()
        scanner.scan(text)
        return (0..<scanner.count).map { scanner.string($0) }
    }

    /// German and English stems of a folded word (and the word itself).
    private static func stems(_ word: String) -> Set<String> {
        let scalars = word.scalarValues
        return [
            word, FeatureExtractor.string(GermanStemmer.stem(scalars: scalars)),
            FeatureExtractor.string(EnglishStemmer.stem(scalars: scalars)),
        ]
    }

    /// Names of the configured topics `article` belongs to, in configuration order.
    public func topics(of article: ClusterArticle) -> [String] {
        var memo = TopicMatcher.Memo()
        return topics(of: article, memo: &memo)
    }

    /// Per-run cache: for each word form (per language), the keyword rules it triggers and the phrase positions it
    /// can fill, computed once, so the per-token work is one hash look-up.
    struct Memo {
        /// Ranges of `rules` and `phraseSlots`, stored as 32-bit bounds: a memo holds one per word form.
        struct Form {
            private var ruleBounds: (Int32, Int32)
            private var slotBounds: (Int32, Int32)
            var rules: Range<Int> { Int(ruleBounds.0)..<Int(ruleBounds.1) }
            var phraseSlots: Range<Int> { Int(slotBounds.0)..<Int(slotBounds.1) }

            init(rules: Range<Int>, phraseSlots: Range<Int>) {
                ruleBounds = (Int32(rules.lowerBound), Int32(rules.upperBound))
                slotBounds = (Int32(phraseSlots.lowerBound), Int32(phraseSlots.upperBound))
            }
        }
        var forms: [UInt64: Form] = [:]
        var rules: [Rule] = []
        /// (phrase index, word position) pairs.
        var phraseSlots: [(phrase: Int32, position: Int32)] = []
        var scanner = TokenScanner()
        var tokenForms: [Form] = []
    }

    /// Keyword rules and phrase positions of token `i` of the memo's scanner (first sight of this form).
    private func form(token i: Int, language: String?, memo: inout Memo) -> Memo.Form {
        let scalars = Array(memo.scanner.scalars(i))
        let stem: String
        switch language {
        case "de": stem = FeatureExtractor.string(GermanStemmer.stem(scalars: scalars))
        case "en": stem = FeatureExtractor.string(EnglishStemmer.stem(scalars: scalars))
        default: stem = FeatureExtractor.string(scalars)
        }
        let ruleStart = memo.rules.count
        // Short keywords (EU, NSO) match whole words only.
        if scalars.count <= 3, let rules = wordRules[memo.scanner.string(i)] { memo.rules.append(contentsOf: rules) }
        if let rules = stemRules[stem] { memo.rules.append(contentsOf: rules) }
        if language == "de" && scalars.count >= 8 { memo.rules.append(contentsOf: compoundRules(stem)) }
        // The alternatives hold each phrase word and its German and English stems; the token's stem comes from one
        // of those stemmers (or is the word itself), so stems suffice.
        let slotStart = memo.phraseSlots.count
        for (p, phrase) in phrases.enumerated() {
            for (k, alternatives) in phrase.stems.enumerated() where alternatives.contains(stem) {
                memo.phraseSlots.append((Int32(p), Int32(k)))
            }
        }
        return Memo.Form(rules: ruleStart..<memo.rules.count, phraseSlots: slotStart..<memo.phraseSlots.count)
    }

    func topics(of article: ClusterArticle, memo: inout Memo) -> [String] {
        guard !definitions.isEmpty else { return [] }
        let language = LanguageGuess.language(declared: article.language, title: article.title, text: article.text)
        let salt: UInt64 = language == "de" ? 0x5555 : language == "en" ? 0xAAAA : 0x3333
        memo.scanner.reset()
        memo.scanner.append(article.title, startsSentence: true)
        // Kicker, feed categories and the link's section path count like the title: the source's own labels.
        for tag in article.tags { memo.scanner.append(tag, startsSentence: true) }
        if let url = article.url { memo.scanner.append(Self.sectionPath(of: url), startsSentence: true) }
        let bodyStart = memo.scanner.count
        memo.scanner.append(article.text, startsSentence: true)
        let n = memo.scanner.count

        // hits[topic][slot]: 0 none, 1 body, 2 title.
        var hits: [[UInt8]] = slotCounts.map { [UInt8](repeating: 0, count: $0) }
        func hit(_ rule: Rule, title: Bool) {
            let v: UInt8 = title ? 2 : 1
            if hits[rule.topic][rule.slot] < v { hits[rule.topic][rule.slot] = v }
        }
        memo.tokenForms.removeAll(keepingCapacity: true)
        for i in 0..<n {
            let key = memo.scanner.hashes[i] ^ salt
            let form: Memo.Form
            if let known = memo.forms[key] {
                form = known
            } else {
                form = self.form(token: i, language: language, memo: &memo)
                memo.forms[key] = form
            }
            memo.tokenForms.append(form)
            for r in form.rules { hit(memo.rules[r], title: i < bodyStart) }
        }
        // Phrases: a token that can start a phrase, followed by tokens filling its next positions.
        for i in 0..<n {
            for slot in memo.tokenForms[i].phraseSlots where memo.phraseSlots[slot].position == 0 {
                let p = memo.phraseSlots[slot].phrase
                let length = phrases[Int(p)].stems.count
                guard i + length <= n else { continue }
                var ok = true
                for k in 1..<max(1, length) {
                    let next = memo.tokenForms[i + k].phraseSlots
                    if !next.contains(where: { memo.phraseSlots[$0].phrase == p && memo.phraseSlots[$0].position == Int32(k) }) {
                        ok = false
                        break
                    }
                }
                if ok { hit(phrases[Int(p)].rule, title: i < bodyStart) }
            }
        }
        // Patterns.
        if !patterns.isEmpty {
            let title = article.title as NSString
            let text = article.text as NSString
            for (regex, rule) in patterns {
                if regex.firstMatch(in: article.title, range: NSRange(location: 0, length: title.length)) != nil {
                    hit(rule, title: true)
                } else if regex.firstMatch(in: article.text, range: NSRange(location: 0, length: text.length)) != nil {
                    hit(rule, title: false)
                }
            }
        }

        var out: [String] = []
        for (t, topic) in definitions.enumerated() {
            if !topic.languages.isEmpty, let language,
                !topic.languages.contains(where: { LanguageGuess.base($0) == language })
            {
                continue
            }
            if !topic.sources.isEmpty,
                !topic.sources.contains(where: { $0.caseInsensitiveCompare(article.source) == .orderedSame })
            {
                continue
            }
            let score = hits[t].reduce(0) { $0 + Int($1) }
            if score >= minimumScore { out.append(topic.name) }
        }
        return out
    }

    /// The words of a link's section path: its path segments before the last one (the article's own slug),
    /// without numbers (`https://example.org/sport/fussball/2024/06/slug` → `sport fussball`).
    static func sectionPath(of url: String) -> String {
        var segments = URLCanonicalizer.pathSegments(of: url)
        guard segments.count >= 2 else { return "" }
        segments.removeLast()
        return segments.filter { segment in segment.count >= 3 && !segment.contains(where: \.isNumber) && !segment.contains(".") }
            .map { $0.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ") }
            .joined(separator: " ")
    }

    /// Keywords that a German compound's stem ends with (`bundesverteidigungsminist` ends with
    /// `verteidigungsminist`), leaving at least three letters in front.
    private func compoundRules(_ stem: String) -> [Rule] {
        let scalars = Array(stem.unicodeScalars)
        guard scalars.count >= 8 else { return [] }
        var out: [Rule] = []
        for start in 3...(scalars.count - 5) {
            let suffix = String(String.UnicodeScalarView(scalars[start...]))
            if let rules = compoundStems[suffix] { out.append(contentsOf: rules) }
        }
        return out
    }

    /// Topics of a story from its members' topics: those of the label article, plus every topic carried by at
    /// least a third of the distinct (non-duplicate) members.
    public static func clusterTopics(memberTopics: [[TopicRef]], labelTopics: [TopicRef]) -> [TopicRef] {
        var counts: [TopicRef: Int] = [:]
        for topics in memberTopics { for t in Set(topics) { counts[t, default: 0] += 1 } }
        let needed = max(1, Int((Double(memberTopics.count) / 3).rounded(.up)))
        var out = Set(labelTopics)
        for (t, c) in counts where c >= needed { out.insert(t) }
        return out.sorted()
    }
}

extension TopicMatcher {
    /// Stems of all configured keywords and one-word phrases (discovery leaves these to the configured topics).
    var keywordStems: Set<String> { Set(stemRules.keys).union(wordRules.keys) }
}
