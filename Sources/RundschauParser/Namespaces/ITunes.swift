/// Apple Podcasts RSS tags (`http://www.itunes.com/dtds/podcast-1.0.dtd`) on a channel or an item.
struct ITunes: Sendable {
    /// `itunes:author`: the show's or episode's author, a display name.
    var author: String?
    /// `itunes:title`: the episode title (podcast feeds that give no `title`).
    var title: String?
    /// `itunes:image href="…"`: artwork.
    var image: RawURL?
    /// `itunes:summary` (plain text).
    var summary: String?
    /// `itunes:subtitle` (plain text).
    var subtitle: String?
    /// `itunes:duration`: `SS`, `MM:SS` or `HH:MM:SS`. Kept raw; the model has no field for it.
    var duration: String?
    /// `itunes:owner` → `itunes:name` / `itunes:email`.
    var ownerName: String?
    var ownerEmail: String?

    /// The episode duration in seconds (`3723`, `62:03`, `1:02:03`), `nil` when unreadable.
    var durationSeconds: Int? {
        guard let duration = duration?.trimmed, !duration.isEmpty else { return nil }
        var total = 0
        let parts = duration.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 3 else { return nil }
        for part in parts {
            guard let value = Int(part.split(separator: ".").first ?? part), value >= 0 else { return nil }
            total = total * 60 + value
        }
        return total
    }
}
