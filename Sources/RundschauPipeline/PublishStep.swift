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
