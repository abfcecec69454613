import Foundation
import RundschauModel

/// The human-readable form of `rundschau parse`.
enum FeedSummary {
    static func text(_ feed: Feed, source: String) -> String {
        var out = "\(source): \(feed.format.rawValue), \(feed.entries.count) entries\n"
        if let title = feed.title { out += "  title    \(title)\n" }
        if let link = feed.link { out += "  link     \(link)\n" }
        if let language = feed.language { out += "  language \(language)\n" }
        if let updated = feed.updated { out += "  updated  \(updated.formatted(.iso8601))\n" }
        for warning in feed.warnings { out += "  warning  \(warning)\n" }
        for entry in feed.entries {
            let date = (entry.published ?? entry.updated).map { $0.formatted(.iso8601) } ?? "(no date)          "
            out += "  - \(date)  \(entry.title ?? "(untitled)")\n"
            if let link = entry.link { out += "      \(link)\n" }
        }
        return out
    }
}
