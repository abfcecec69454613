/// The character-trigram model of the supported languages, loaded once from `TrigramProfiles`.
struct TrigramModel: Sendable {
    /// Language codes in a fixed order; every per-language array below uses this order.
    static let languages = ["de", "en", "fr", "es", "it", "nl", "pt"]

    static let shared = TrigramModel()

    /// Trigram (lowercase, space as word boundary) → log probability per language, `nil` where not listed.
    let table: [String: [Float?]]
    /// Log probability per language for a trigram the language does not list.
    let floors: [Float]

    private init() {
        let profiles = [
            TrigramProfiles.de, TrigramProfiles.en, TrigramProfiles.fr, TrigramProfiles.es, TrigramProfiles.it,
            TrigramProfiles.nl, TrigramProfiles.pt,
        ]
        var table: [String: [Float?]] = [:]
        table.reserveCapacity(4_000)
        let count = profiles.count
        for (index, profile) in profiles.enumerated() {
            for line in profile.table.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard fields.count == 2, let value = Float(fields[1]) else { continue }
                let gram = String(fields[0].map { $0 == "_" ? " " : $0 })
                var row = table[gram] ?? [Float?](repeating: nil, count: count)
                row[index] = value
                table[gram] = row
            }
        }
        self.table = table
        self.floors = profiles.map { Float($0.floor) }
    }
}
