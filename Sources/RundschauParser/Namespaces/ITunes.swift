/// Apple Podcasts RSS tags (`http://www.itunes.com/dtds/podcast-1.0.dtd`) on a channel or an item.
struct ITunes: Sendable {
    /// `itunes:author`: the show's or episode's author, a display name.
    var author: RawString?
    /// `itunes:title`: the episode title (podcast feeds that give no `title`).
    var title: RawString?
    /// `itunes:image href="…"`: artwork.
    var image: RawURL?
    /// `itunes:summary` (plain text).
    var summary: RawString?
    /// `itunes:subtitle` (plain text).
    var subtitle: RawString?
    /// `itunes:duration`: `SS`, `MM:SS` or `HH:MM:SS`. Kept raw; the model has no field for it.
    var duration: RawString?
    /// `itunes:owner` → `itunes:name` / `itunes:email`.
    var ownerName: RawString?
    var ownerEmail: RawString?
}
