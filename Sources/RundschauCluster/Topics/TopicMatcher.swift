import Foundation

/// Assigns configured topics to articles and stories.
///
/// An article's score for a topic counts each distinct keyword, phrase or pattern it matches once, twice when the
/// match is in the title; the article belongs to the topic at `minimumScore` (default 2: two body matches or one
/// title match). An article can belong to several topics. A story gets a topic when its label article has it or
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

    /// Per-run cache of word forms → stems, so repeated words are stemmed once.
    struct Memo {
        var stems: [UInt64: String] = [:]
        var compounds: [UInt64: [Rule]] = [:]
        var scanner = TokenScanner()
    }

    func topics(of article: ClusterArticle, memo: inout Memo) -> [String] {
        guard !definitions.isEmpty else { return [] }
        let language = LanguageGuess.language(declared: article.language, title: article.title, text: article.text)
        let german = language == "de"
        memo.scanner.reset()
        memo.scanner.append(article.title, startsSentence: true)
        let bodyStart = memo.scanner.count
        memo.scanner.append(article.text, startsSentence: true)
        let n = memo.scanner.count

        // best[topic][slot]: 0 none, 1 body, 2 title.
        var hits: [[UInt8]] = slotCounts.map { [UInt8](repeating: 0, count: $0) }
        func hit(_ rule: Rule, title: Bool) {
            let v: UInt8 = title ? 2 : 1
            if hits[rule.topic][rule.slot] < v { hits[rule.topic][rule.slot] = v }
        }
        var tokenStems: [String] = []
        tokenStems.reserveCapacity(n)
        for i in 0..<n {
            let inTitle = i < bodyStart
            let key = memo.scanner.hashes[i] ^ (german ? 0x5555 : 0xAAAA)
            let stem: String
            if let known = memo.stems[key] {
                stem = known
            } else {
                let scalars = Array(memo.scanner.scalars(i))
                switch language {
                case "de": stem = FeatureExtractor.string(GermanStemmer.stem(scalars: scalars))
                case "en": stem = FeatureExtractor.string(EnglishStemmer.stem(scalars: scalars))
                default: stem = FeatureExtractor.string(scalars)
                }
                memo.stems[key] = stem
            }
            tokenStems.append(stem)
            if let rules = wordRules[memo.scanner.string(i)] { for r in rules { hit(r, title: inTitle) } }
            if let rules = stemRules[stem] {
                for r in rules { hit(r, title: inTitle) }
            } else if language == nil, let rules = stemRules[memo.scanner.string(i)] {
                for r in rules { hit(r, title: inTitle) }
            }
            if german && memo.scanner.length(i) >= 8 {
                let rules: [Rule]
                if let known = memo.compounds[key] {
                    rules = known
                } else {
                    rules = compoundRules(stem)
                    memo.compounds[key] = rules
                }
                for r in rules { hit(r, title: inTitle) }
            }
        }
        // Phrases: consecutive tokens whose forms or stems match.
        for (stems, rule) in phrases where stems.count <= n {
            var start = 0
            while start + stems.count <= n {
                var ok = true
                for (k, alternatives) in stems.enumerated() {
                    let i = start + k
                    if !(alternatives.contains(tokenStems[i]) || alternatives.contains(memo.scanner.string(i))) {
                        ok = false
                        break
                    }
                }
                if ok {
                    hit(rule, title: start < bodyStart)
                    if start < bodyStart { break }
                }
                start += 1
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
