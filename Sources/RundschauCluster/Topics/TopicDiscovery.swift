/// Finds topics in recurring term groups: strong terms (names first) that keep coming back across several
/// stories, grouped with the terms they co-occur with. Results are marked `discovered`.
struct TopicDiscovery {
    struct Input {
        var article: Int64
        var cluster: StoryID
        /// The article's strongest terms (ids), by TF-IDF.
        var terms: [Int32]
    }

    /// - Parameters:
    ///   - excluded: term keys already covered by configured topics (their keyword stems).
    ///   - key/surface: a term's interned key and display form.
    static func discover(
        _ inputs: [Input], settings: TopicDiscoverySettings, excluded: Set<String>,
        key: (Int32) -> String, surface: (Int32) -> String, isName: (Int32) -> Bool
    ) -> [DiscoveredTopic] {
        guard settings.enabled, settings.minArticles > 0 else { return [] }
        var articlesOf: [Int32: [Int]] = [:]
        for (i, input) in inputs.enumerated() { for t in Set(input.terms) { articlesOf[t, default: []].append(i) } }
        // Seeds: recurring in enough articles of at least two stories, not too generic, not configured.
        let limit = max(3 * settings.minArticles, inputs.count / 5)
        var seeds: [(Int32, Int)] = []
        for (t, list) in articlesOf where list.count >= settings.minArticles && list.count <= limit {
            let stories = Set(list.map { inputs[$0].cluster })
            guard stories.count >= 2, !excluded.contains(key(t)), key(t).unicodeScalars.count >= 3 else { continue }
            seeds.append((t, list.count))
        }
        seeds.sort { ($0.1, isName($0.0) ? 1 : 0, key($1.0)) > ($1.1, isName($1.0) ? 1 : 0, key($0.0)) }

        var used = Set<Int32>()
        var topics: [DiscoveredTopic] = []
        var taken = Set<String>()
        for (seed, _) in seeds where !used.contains(seed) {
            guard topics.count < settings.maxTopics, let list = articlesOf[seed] else { break }
            // Companions: terms in at least half of the seed's articles.
            var co: [Int32: Int] = [:]
            for i in list { for t in Set(inputs[i].terms) where t != seed { co[t, default: 0] += 1 } }
            let companions = co.filter { $0.value * 2 >= list.count && $0.value >= settings.minArticles && !used.contains($0.key) }
                .sorted { ($0.value, key($1.key)) > ($1.value, key($0.key)) }
                .prefix(2).map(\.key)
            let group = [seed] + companions
            used.formUnion(group)
            let names = group.map { display(surface($0)) }
            let slug = group.map { slugPart(surface($0)) }.filter { !$0.isEmpty }.joined(separator: "-")
            guard !slug.isEmpty, taken.insert(slug).inserted else { continue }
            let articles = list.map { inputs[$0].article }.sorted()
            let clusters = Array(Set(list.map { inputs[$0].cluster })).sorted()
            topics.append(DiscoveredTopic(
                name: slug, label: names.joined(separator: " / "), terms: names, articles: articles, clusters: clusters))
        }
        return topics
    }

    private static func display(_ surface: String) -> String {
        guard let first = surface.first else { return surface }
        return first.uppercased() + surface.dropFirst()
    }

    private static func slugPart(_ surface: String) -> String {
        var out = ""
        for scalar in surface.unicodeScalars {
            switch scalar {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            case "a"..."z", "0"..."9": out.unicodeScalars.append(scalar)
            case " ", "-": out += "-"
            default: break
            }
        }
        return out
    }
}
