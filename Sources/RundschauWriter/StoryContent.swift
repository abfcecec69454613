import Foundation
import RundschauText

/// Builds the content of a story entry (story mode): the representative article's text, then the other
/// outlets' coverage as a list of links ("Also reported by" / "Auch berichtet von").
///
/// ```swift
/// let content = StoryContent.html(
///     lead: sanitizer.sanitize(representative.content ?? "", baseURL: representative.link),
///     related: others.map { PublicationEntry.Related(href: $0.link, title: $0.title, outlet: $0.feedTitle) },
///     language: representative.language)
/// let entry = PublicationEntry(id: configuration.tag("story/\(cluster.id)"), …, content: content, related: related)
/// ```
public enum StoryContent {
    /// The lead text followed by the related coverage. Related items without an absolute `http(s)` link are
    /// left out; duplicates (same link) are listed once. Without related items the lead is returned as it is.
    public static func html(lead: SanitizedHTML?, related: [PublicationEntry.Related], language: String?) -> SanitizedHTML {
        var seen: Set<String> = []
        var items: [String] = []
        for item in related {
            guard let href = IRI.absolute(item.href, schemes: AtomFeedWriter.webSchemes), seen.insert(href).inserted else { continue }
            var line = "<li><a href=\"\(HTMLText.escape(href))\">"
            let title = item.title?.trimmingWhitespaceAndControls() ?? ""
            line += HTMLEscape.text(title.isEmpty ? href : title)
            line += "</a>"
            if let outlet = item.outlet?.trimmingWhitespaceAndControls(), !outlet.isEmpty {
                line += " – " + HTMLEscape.text(outlet)
            }
            if let published = item.published {
                line += " <time datetime=\"\(AtomDate.rfc3339(published))\">(\(AtomDate.day(published)))</time>"
            }
            line += "</li>"
            items.append(line)
        }
        let leadHTML = lead?.html ?? ""
        guard !items.isEmpty else { return SanitizedHTML(trusted: leadHTML) }
        var html = leadHTML
        html += "<h4>" + HTMLEscape.text(heading(for: language)) + "</h4><ul>"
        html += items.joined()
        html += "</ul>"
        return SanitizedHTML(trusted: html)
    }

    /// The list heading in the entry's language (German and English; English otherwise).
    public static func heading(for language: String?) -> String {
        let primary = language?.lowercased().split(separator: "-").first.map(String.init) ?? "en"
        switch primary {
        case "de": return "Auch berichtet von"
        case "fr": return "Également couvert par"
        default: return "Also reported by"
        }
    }
}
