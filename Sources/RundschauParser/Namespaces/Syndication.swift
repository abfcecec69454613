/// The RSS 1.0 syndication module (`http://purl.org/rss/1.0/modules/syndication/`): how often the
/// publisher updates the channel.
struct Syndication: Sendable {
    /// `sy:updatePeriod`: `hourly | daily | weekly | monthly | yearly` (default `daily`).
    var updatePeriod: RawString?
    /// `sy:updateFrequency`: how many updates per period (default 1).
    var updateFrequency: RawString?

    /// The update interval in seconds, when either element is present and readable (`text`: the document's kept text).
    func intervalSeconds(_ text: CapturedText) -> Int? {
        guard updatePeriod != nil || updateFrequency != nil else { return nil }
        let period: Int
        switch (text.string(updatePeriod)?.trimmed.lowercased()).flatMap({ $0.isEmpty ? nil : $0 }) ?? "daily" {
        case "hourly": period = 3600
        case "daily": period = 86_400
        case "weekly": period = 7 * 86_400
        case "monthly": period = 30 * 86_400
        case "yearly": period = 365 * 86_400
        default: return nil
        }
        let frequency = text.string(updateFrequency).flatMap { Int($0.trimmed) } ?? 1
        guard frequency > 0 else { return nil }
        return max(1, period / frequency)
    }
}
