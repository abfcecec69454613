import Foundation
import RundschauModel
import RundschauStore
import RundschauText
import RundschauWriter

/// Turns stored stories and articles into publication entries: sanitized, with their origin and related coverage.
struct EntryBuilder {
    let configuration: PublishConfiguration
    let topics: [TopicID: StoredTopic]
    let sources: [FeedID: StoredFeed]
    let sanitizer = HTMLSanitizer()

    /// One entry per story: the representative article, the other outlets' coverage as related links and in the
    /// content, and the whole coverage (copies folded under their originals) for the web pages.
    ///
    /// `updated` is the newest of: the lead's own update, the story's newest article date, and the time
    /// Rundschau first saw any article that joined the story after it opened. So a new article joining a story
    /// (which changes the coverage the entry shows) always moves `updated`, and nothing else does.
    func storyEntry(_ cluster: StoredCluster, members: [StoredArticle]) -> PublicationEntry? {
        let originals = members.filter { $0.duplicateOf == nil }
        guard let lead = originals.first(where: { $0.id == cluster.representativeID }) ?? originals.min(by: { $0.date < $1.date })
            ?? members.first else { return nil }
        let others = originals.filter { $0.id != lead.id }.sorted { $0.date != $1.date ? $0.date < $1.date : $0.id < $1.id }
        let related = others.compactMap { article -> PublicationEntry.Related? in
            guard let link = article.link else { return nil }
            return PublicationEntry.Related(href: link, title: article.title, outlet: sources[article.feedID]?.title,
                                            published: article.published, language: article.language)
        }
        var entry = articleEntry(lead, topics: cluster.topicIDs)
        entry.id = configuration.tag("story/\(cluster.id)")
        let opened = members.map(\.firstSeen).min() ?? lead.firstSeen
        let joined = members.lazy.filter { $0.firstSeen > opened }.map(\.firstSeen).max()
        entry.updated = max(cluster.lastSeen, lead.updated ?? lead.date, joined ?? .distantPast)
        entry.related = related
        entry.teaser = (entry.summary ?? entry.content).map { HTMLText.plainText(fromHTML: $0.html) }

        // Coverage: the lead, then the other originals by date; each with its copies (by date).
        var copiesOf: [ArticleID: [StoredArticle]] = [:]
        let originalIDs = Set(originals.map(\.id))
        var orphans: [StoredArticle] = []
        for member in members {
            guard let canonical = member.duplicateOf else { continue }
            if originalIDs.contains(canonical) { copiesOf[canonical, default: []].append(member) } else { orphans.append(member) }
        }
        func item(_ article: StoredArticle, copies: [StoredArticle]) -> PublicationEntry.CoverageItem {
            PublicationEntry.CoverageItem(
                title: article.title ?? article.kicker ?? "", link: article.link, outlet: sources[article.feedID]?.title,
                published: article.published ?? article.firstSeen, language: article.language,
                copies: copies.sorted { $0.date != $1.date ? $0.date < $1.date : $0.id < $1.id }.map { item($0, copies: []) })
        }
        let ordered = (lead.duplicateOf == nil ? [lead] : []) + others
        entry.coverage = ordered.map { item($0, copies: copiesOf[$0.id] ?? []) }
            + orphans.sorted { $0.id < $1.id }.map { item($0, copies: []) }
        if !related.isEmpty {
            entry.content = StoryContent.html(lead: entry.content ?? entry.summary, related: related, language: lead.language)
        }
        return entry
    }

    /// One entry per article.
    func articleEntry(_ article: StoredArticle, topics topicIDs: [TopicID]) -> PublicationEntry {
        let source = sources[article.feedID]
        let categories = topicIDs.compactMap { topics[$0] }.map {
            configuration.topicCategory(slug: $0.slug, title: $0.title)
        }
        let base = article.link ?? source?.siteLink
        let summary = article.summary.map { sanitizer.sanitize($0, type: article.summaryType == .text ? .text : .html, baseURL: base) }
        let content = article.content.map { sanitizer.sanitize($0, type: article.contentType == .text ? .text : .html, baseURL: base) }
        var authors = article.authors
        if authors.isEmpty, let dateline = article.dateline { authors = [Person(name: dateline)] }
        return PublicationEntry(
            id: configuration.tag("article/\(article.id)"),
            title: article.title ?? article.kicker ?? "(untitled)",
            link: article.link, published: article.published ?? article.firstSeen,
            updated: article.updated ?? article.published ?? article.firstSeen,
            authors: authors, categories: categories, summary: summary, content: content, language: article.language,
            source: source.map {
                PublicationEntry.Source(id: $0.kind == .feed ? $0.url : nil, title: $0.title, link: $0.siteLink,
                                        feedURL: $0.kind == .feed ? $0.url : nil, updated: nil)
            })
    }
}
