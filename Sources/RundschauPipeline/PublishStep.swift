import Foundation
import Logging
import RundschauConfig
import RundschauFetch
import RundschauModel
import RundschauStore
import RundschauText
import RundschauWriter

/// `publish`: stories (or articles) by topic from the store → sanitized Atom entries → `Feeds/`.
public struct PublishStep: Sendable {
    public var settings: Settings
    public var topics: TopicsFile
    public var output: String
    public var logger: Logger

    public init(settings: Settings, topics: TopicsFile, output: String, logger: Logger) {
        self.settings = settings
        self.topics = topics
        self.output = output
        self.logger = logger
    }

    /// The writer's configuration from `publish.*`.
    public var configuration: PublishConfiguration {
        PublishConfiguration(baseURL: settings.publish.baseURL, siteTitle: settings.publish.title,
                             author: Person(name: settings.publish.author), maxEntries: settings.publish.entries,
                             webSubHub: settings.publish.webSubHub)
    }

    public func run(store: any FeedStore, progress: @Sendable (String) -> Void = { _ in }) async throws -> PublishReport {
        let configuration = configuration
        let storedTopics = try await store.topics()
        let configured = Dictionary(uniqueKeysWithValues: topics.topics.map { ($0.name, $0) })
        // Configured topics in the file's order, then discovered ones; a topic removed from the file is not published.
        let published = topics.topics.compactMap { spec in storedTopics.first { $0.slug == spec.name } }
            + storedTopics.filter { $0.origin == .discovered && topics.discoverEnabled }
        let feeds = published.map { topic in
            PublicationFeed(slug: topic.slug, title: topic.title,
                            subtitle: topic.origin == .discovered ? "Discovered topic: \(topic.title)" : nil,
                            category: configuration.topicCategory(slug: topic.slug, title: topic.title),
                            terms: configured[topic.slug]?.keywords ?? [], isDiscovered: topic.origin == .discovered)
        }
        let topicByID = Dictionary(uniqueKeysWithValues: published.map { ($0.id, $0) })
        let subscriptions = try await store.feeds()
        let sources = Dictionary(uniqueKeysWithValues: subscriptions.map { ($0.id, $0) })
        let builder = EntryBuilder(configuration: configuration, topics: topicByID, sources: sources)
        let limit = settings.publish.entries

        var entries: [PublicationEntry] = []
        if settings.publish.mode == .article {
            // Set-based: the topics' newest stories, then all their members and the members' topics in a few queries.
            var stories: [StoredCluster] = []
            for topic in published { stories += try await store.clusters(ClusterQuery(topicID: topic.id, limit: limit)) }
            let members = try await store.members(of: stories.map(\.id))
            let memberTopics = try await store.topicIDs(forArticles: members.values.flatMap { $0.map(\.id) })
            var seen: Set<ArticleID> = []
            for cluster in stories {
                for article in members[cluster.id] ?? [] where article.duplicateOf == nil && seen.insert(article.id).inserted {
                    let topicIDs = memberTopics[article.id] ?? []
                    entries.append(builder.articleEntry(article, topics: topicIDs.isEmpty ? cluster.topicIDs : topicIDs))
                }
            }
        } else {
            var clusters: [ClusterID: StoredCluster] = [:]
            for topic in published {
                for cluster in try await store.clusters(ClusterQuery(topicID: topic.id, limit: limit)) {
                    clusters[cluster.id] = cluster
                }
            }
            for cluster in try await store.clusters(ClusterQuery(limit: limit)) { clusters[cluster.id] = cluster }
            // One query for every published story's members, not one per story.
            let members = try await store.members(of: Array(clusters.keys))
            for cluster in clusters.values.sorted(by: { $0.id < $1.id }) {
                if let entry = builder.storyEntry(cluster, members: members[cluster.id] ?? []) { entries.append(entry) }
            }
        }
        progress("publishing \(entries.count) entries in \(feeds.count) topic feed(s)")
        var report = try FeedPublisher(configuration: configuration, logger: logger)
            .publish(topics: feeds, entries: entries, subscriptions: subscriptions.map(Self.health), to: output)
        // WebSub: tell the hub about every subscription document that changed (none when nothing did). A hub
        // that is down is a warning, never a failed publish.
        if let hub = settings.publish.webSubHub {
            let changed = report.changedFeeds.map { configuration.url(ofFile: $0) }
            if !changed.isEmpty {
                progress("notifying the WebSub hub of \(changed.count) changed feed(s)")
                let notifier = WebSubNotifier(
                    hub: hub, userAgent: settings.fetch.userAgent ?? FeedFetcher.Configuration.defaultUserAgent,
                    timeout: .seconds(settings.fetch.timeout), logger: logger)
                report.warnings += await notifier.notify(changed)
            }
        }
        return report
    }

    /// A subscription as `feeds.html` shows it.
    static func health(_ feed: StoredFeed) -> SubscriptionHealth {
        let state: SubscriptionHealth.State
        switch (feed.kind, feed.fetch.status) {
        case (.dump, _): state = .dump
        case (_, .gone): state = .gone
        case (_, .failing): state = .failing
        case (_, .active): state = .active
        }
        return SubscriptionHealth(
            title: feed.title, url: feed.url, siteLink: feed.siteLink, state: state, lastSuccess: feed.fetch.lastSuccessAt,
            lastFetched: feed.fetch.lastFetchedAt, lastError: feed.fetch.lastError, consecutiveErrors: feed.fetch.consecutiveErrors,
            nextFetch: feed.kind == .dump || feed.fetch.status == .gone ? nil
                : [feed.fetch.nextFetchAt, feed.fetch.retryAfter].compactMap { $0 }.max())
    }
}

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
