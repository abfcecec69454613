import Foundation
import RundschauText
import RundschauCluster

/// Deterministic generators for the clustering benchmarks: syndicated copies of real articles (duplicate
/// evaluation) and a large synthetic stream of stories (speed and scaling).
enum ClusterCorpus {
    /// The kinds of light edits a syndicated copy receives.
    enum Edit: String, CaseIterable {
        case headline, dropSentence, addSentence, moveSentence, wordsChanged, dateline, footer, teaser, heavy
    }

    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            current.append(ch)
            if ".!?".contains(ch), i + 2 < chars.count, chars[i + 1] == " ",
                chars[i + 2].isUppercase || chars[i + 2] == "\"" || chars[i + 2] == "»"
            {
                out.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { out.append(rest) }
        return out
    }

    private static let germanOutlets = ["nordkurier", "rp-online", "stuttgarter-zeitung", "msn-de", "t-online"]
    private static let englishOutlets = ["yahoo-news", "msn-en", "newsbreak", "independent-wire", "the-star"]
    private static let germanDatelines = ["BERLIN (dpa) - ", "Berlin (AFP) – ", "FRANKFURT (Reuters) - ", "(dts) "]
    private static let englishDatelines = ["WASHINGTON (AP) — ", "LONDON, June 9 (Reuters) - ", "(AFP) - ", "PARIS — "]
    private static let germanAdditions = [
        "Weitere Einzelheiten waren zunächst nicht bekannt.", "Eine Stellungnahme lag bis zum Abend nicht vor.",
        "Die Lage war am Nachmittag weiter unübersichtlich.", "Unsere Redaktion berichtet fortlaufend über die Entwicklung.",
    ]
    private static let englishAdditions = [
        "Further details were not immediately available.", "No comment was available by late evening.",
        "The situation remained unclear on Tuesday afternoon.", "This is a developing story and will be updated.",
    ]
    private static let germanFooters = [
        "© dpa-infocom, dpa:240611-930-142817/3. Alle Rechte vorbehalten. Weiterverbreitung nur mit Genehmigung.",
        "Dieser Artikel wurde automatisch aus einer Agenturmeldung übernommen und nicht redaktionell bearbeitet.",
    ]
    private static let englishFooters = [
        "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "This story has not been edited by our staff and is published from a syndicated feed. Reporting by wire staff; editing by the desk.",
    ]

    /// One syndicated copy of each original, the edit kinds taking turns. Gold duplicate group: the original.
    static func syndicate(_ stories: [ClusterData.Story], firstID: Int64) -> [(record: ClusterRecord, story: String, original: String, edit: Edit)] {
        var random = SplitMix64(seed: 2024)
        var out: [(record: ClusterRecord, story: String, original: String, edit: Edit)] = []
        var id = firstID
        var n = 0
        for story in stories {
            for original in story.articles {
                let edit = Edit.allCases[n % Edit.allCases.count]
                n += 1
                let german = original.language == "de"
                let others = story.articles.filter { $0.entryID != original.entryID && $0.language == original.language }
                var title = original.title
                var parts = sentences(original.text)
                func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
                func changeWords(_ count: Int) {
                    var words = parts.joined(separator: " ").split(separator: " ").map(String.init)
                    guard words.count > 10 else { return }
                    let replacements = german
                        ? ["zudem", "nach eigenen Angaben", "demnach", "am Morgen", "offenbar", "nun"]
                        : ["also", "reportedly", "on Monday", "officials said", "now", "meanwhile"]
                    for _ in 0..<count {
                        let i = 1 + Int(random.next() % UInt64(words.count - 1))
                        words[i] = pick(replacements)
                    }
                    parts = sentences(words.joined(separator: " "))
                }
                switch edit {
                case .headline:
                    title = others.first?.title ?? (german ? "Aktuell: " : "Breaking: ") + title
                case .dropSentence:
                    if parts.count > 2 { parts.remove(at: 1 + Int(random.next() % UInt64(parts.count - 1))) }
                case .addSentence:
                    // The republisher adds a sentence of its own (not one lifted from another outlet).
                    parts.insert(pick(german ? germanAdditions : englishAdditions),
                                 at: min(parts.count, 1 + Int(random.next() % UInt64(max(1, parts.count)))))
                case .moveSentence:
                    if parts.count > 2, let last = parts.popLast() { parts.insert(last, at: 1) }
                case .wordsChanged:
                    changeWords(4)
                case .dateline:
                    parts[0] = pick(german ? germanDatelines : englishDatelines) + parts[0]
                case .footer:
                    parts.append(pick(german ? germanFooters : englishFooters))
                case .teaser:
                    parts = Array(parts.prefix(2))
                    parts[parts.count - 1] += german ? " [mehr]" : " …"
                case .heavy:
                    title = others.first?.title ?? title
                    if parts.count > 3 { parts.remove(at: 2) }
                    changeWords(2)
                    parts[0] = pick(german ? germanDatelines : englishDatelines) + parts[0]
                    parts.append(pick(german ? germanFooters : englishFooters))
                }
                let outlet = pick(german ? germanOutlets : englishOutlets)
                let published = original.published.map { $0.addingTimeInterval(Double(1_800 + random.next() % 10_800)) }
                let record = ClusterRecord(
                    id: id, entryID: "\(outlet):copy:\(original.entryID)", feed: outlet, title: title,
                    text: parts.joined(separator: " "),
                    url: "https://\(outlet).example/wire/\(id)?utm_source=rss&utm_medium=feed", published: published,
                    language: original.language)
                out.append((record, story.id, original.entryID, edit))
                id += 1
            }
        }
        return out
    }

    // MARK: - Synthetic stream

    /// `count` synthetic articles: stories of 1–8 articles over a time span growing with `count` (about 2,000
    /// articles a day, like a large aggregator), 20% of them syndicated copies with light edits.
    static func synthetic(count: Int, seed: UInt64 = 7) -> [ClusterArticle] {
        syntheticStories(count: count, seed: seed).map(\.article)
    }

    /// ``synthetic(count:seed:)`` with the index of each article's story (0, 1, 2, … in order of appearance).
    static func syntheticStories(count: Int, seed: UInt64 = 7) -> [(article: ClusterArticle, story: Int)] {
        var random = SplitMix64(seed: seed)
        let syllables = ["ka", "lo", "mi", "ren", "sto", "val", "ber", "tun", "gra", "fel", "dor", "wen", "pra", "lis",
                         "nok", "sar", "tem", "bru", "cho", "zan", "kel", "mor", "vid", "han", "sel", "tor", "ple", "quin"]
        func word(_ n: Int) -> String {
            var x = n + 1, s = ""
            repeat {
                s += syllables[x % syllables.count]
                x /= syllables.count
            } while x > 0
            return s
        }
        let vocabulary = (0..<40_000).map(word)
        let names = (0..<8_000).map { i -> String in let w = word(50_000 + i); return w.prefix(1).uppercased() + w.dropFirst() }
        func background() -> String {
            // Roughly Zipf: log-uniform rank.
            let u = Double(random.next() % 1_000_000) / 1_000_000
            return vocabulary[min(vocabulary.count - 1, Int(pow(Double(vocabulary.count), u)) - 1)]
        }
        let perDay = 2_000.0
        let span = Double(count) / perDay * 86_400
        let start = 1_700_000_000.0
        var articles: [(article: ClusterArticle, story: Int)] = []
        articles.reserveCapacity(count)
        var id: Int64 = 1
        var story = -1
        while articles.count < count {
            story += 1
            let topical = (0..<12).map { _ in vocabulary[2_000 + Int(random.next() % 38_000)] }
            let people = (0..<3).map { _ in names[Int(random.next() % UInt64(names.count))] }
            let time = start + Double(random.next() % UInt64(max(1, span)))
            let size = 1 + Int(random.next() % 8)
            let language = random.next() % 2 == 0 ? "en" : "de"
            var bodies: [(String, String)] = []
            for k in 0..<size where articles.count < count {
                let published = Date(timeIntervalSince1970: time + Double(random.next() % 172_800))
                if k > 0, random.next() % 5 == 0, let (t, b) = bodies.last {
                    // Syndicated copy: dateline and footer.
                    let text = "BERLIN (dpa) - " + b + " Alle Rechte vorbehalten, Weiterverbreitung nur mit Genehmigung."
                    articles.append((ClusterArticle(
                        id: id, entryID: "syn-\(id)", source: "copy-\(id % 50)", title: t, text: text,
                        url: "https://copy\(id % 50).example/\(id)", published: published, firstSeen: published, language: language), story))
                    id += 1
                    continue
                }
                var title: [String] = [people[0]]
                for _ in 0..<3 { title.append(topical[Int(random.next() % 12)]) }
                for _ in 0..<3 { title.append(background()) }
                var sentences: [String] = []
                let words = 80 + Int(random.next() % 60)
                var sentence: [String] = []
                for w in 0..<words {
                    let r = random.next() % 100
                    let token = r < 28 ? topical[Int(random.next() % 12)] : r < 33 ? people[Int(random.next() % 3)] : background()
                    sentence.append(token)
                    if sentence.count >= 10 + Int(random.next() % 6) || w == words - 1 {
                        sentences.append(sentence.joined(separator: " ").prefix(1).uppercased() + sentence.joined(separator: " ").dropFirst() + ".")
                        sentence = []
                    }
                }
                let t = title.joined(separator: " ")
                let b = sentences.joined(separator: " ")
                bodies.append((t, b))
                articles.append((ClusterArticle(
                    id: id, entryID: "syn-\(id)", source: "feed-\(id % 300)", title: t, text: b,
                    url: "https://feed\(id % 300).example/\(id)", published: published, firstSeen: published, language: language), story))
                id += 1
            }
        }
        return articles
    }
}
