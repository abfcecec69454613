import Foundation
import Logging
import RundschauModel

/// Publishes the output folder: `<slug>.atom`, `<slug>.json` (JSON Feed 1.1) and `<slug>.html` per topic,
/// `all.atom`, `all.json`, `index.opml` and `index.html` (the front page), `feeds.html` (subscription health)
/// when given the subscriptions, plus RFC 5005 archive pages when configured.
///
/// - Entries are routed to topic feeds by category: an entry goes to every topic whose category `term` it
///   carries (``PublicationFeed/category``, else the slug). `all.atom` gets every entry.
/// - Every file is written atomically (temporary file in the same folder, then rename) and only when its
///   bytes change, so unchanged feeds keep their modification time and ETag.
/// - Stale files: a file that an earlier run published (listed in the folder's `.rundschau-manifest`) and
///   this run does not produce (a topic removed from the configuration, an archive page no longer needed) is
///   removed, so readers get a clean 404 instead of a feed that silently stops. Files the publisher did not
///   write itself are never touched.
///
/// ```swift
/// let publisher = FeedPublisher(configuration: configuration, logger: logger)
/// let report = try publisher.publish(topics: topicFeeds, entries: entries, to: "Feeds")
/// ```
public struct FeedPublisher: Sendable {
    /// Base URL, author, entry limits and archive settings of every file.
    public var configuration: PublishConfiguration
    private let logger: Logger

    /// The name of the file listing what the last run published (hidden: the server never serves it).
    public static let manifestName = ".rundschau-manifest"
    /// Slugs the publisher uses itself.
    public static let reservedSlugs: Set<String> = ["all", "index", "feeds"]

    /// Creates a publisher; it logs per file at `debug` and a summary at `info`.
    public init(configuration: PublishConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Writes every feed and the index files into `folder` (created when missing).
    /// - Throws: ``PublishError`` `invalidConfiguration` (base URL, tag date), `invalidFeed` (a malformed,
    ///   reserved or duplicate slug), `fileSystem` (the folder or a file could not be written). Files written
    ///   before a failure are complete; nothing is half-written.
    ///
    /// With `subscriptions`, `feeds.html` lists them with their health (state, last success, last error, next fetch).
    public func publish(
        topics: [PublicationFeed], entries: [PublicationEntry], subscriptions: [SubscriptionHealth]? = nil, to folder: String
    ) throws(PublishError) -> PublishReport {
        try configuration.validate()
        var slugs: Set<String> = []
        for topic in topics {
            guard PublicationFeed.isValidSlug(topic.slug) else {
                throw PublishError(.invalidFeed, "'\(topic.slug)' cannot be a feed slug (use a-z, 0-9, '-', '_', '.')")
            }
            guard !Self.reservedSlugs.contains(topic.slug) else {
                throw PublishError(.invalidFeed, "'\(topic.slug)' is reserved for the publisher's own files")
            }
            guard slugs.insert(topic.slug).inserted else { throw PublishError(.invalidFeed, "the slug '\(topic.slug)' is used twice") }
        }
        try AtomicFile.makeFolder(folder)

        // Route entries to topics by category term.
        var indexByTerm: [String: Int] = [:]
        for (index, topic) in topics.enumerated() { indexByTerm[topic.category?.term ?? topic.slug] = index }
        var routed = Array(repeating: [PublicationEntry](), count: topics.count)
        for entry in entries {
            var placed: Set<Int> = []
            for category in entry.categories {
                if let index = indexByTerm[category.term], placed.insert(index).inserted { routed[index].append(entry) }
            }
        }

        let all = PublicationFeed(slug: "all", title: configuration.siteTitle, subtitle: configuration.siteSubtitle,
                                  language: configuration.language)
        let writer = AtomFeedWriter(configuration: configuration)
        let jsonWriter = JSONFeedWriter(configuration: configuration)
        var report = PublishReport()
        var produced: [String] = []
        var summaries: [PublishedFeedSummary] = []
        let feeds = [(all, entries)] + zip(topics, routed).map { ($0, $1) }
        for (feed, feedEntries) in feeds {
            var documentCount = 0
            var currentEntries = 0
            try writer.forEachDocument(feed, entries: feedEntries) { (document) throws(PublishError) in
                try store(document.bytes, name: document.fileName, in: folder, report: &report)
                produced.append(document.fileName)
                report.entries += document.entryCount
                if documentCount == 0 { currentEntries = document.entryCount }
                documentCount += 1
            }
            // The JSON Feed beside the Atom subscription document: the same entries.
            try store(jsonWriter.write(feed, entries: feedEntries, limit: currentEntries), name: feed.slug + ".json", in: folder,
                      report: &report)
            produced.append(feed.slug + ".json")
            report.feeds += 1
            summaries.append(PublishedFeedSummary(
                slug: feed.slug, title: feed.title, subtitle: feed.subtitle, language: feed.language,
                category: feed.category?.label ?? feed.category?.term, terms: feed.terms, isDiscovered: feed.isDiscovered,
                entryCount: currentEntries,
                updated: feed.updated ?? feedEntries.lazy.map(\.updated).max(), archivePages: documentCount - 1))
            logger.debug("publish: feed written", metadata: [
                "publish.feed": "\(feed.slug)", "publish.entries": "\(feedEntries.count)", "publish.documents": "\(documentCount)",
            ])
        }
        try store(IndexOPML.write(summaries, configuration: configuration), name: "index.opml", in: folder, report: &report)
        produced.append("index.opml")
        // The web pages: one per topic, and the front page (every story, then the feeds).
        let nav = topics.map { StoryPageWriter.Nav(slug: $0.slug, title: $0.category?.label ?? $0.title, term: $0.category?.term ?? $0.slug) }
        for ((feed, feedEntries), summary) in zip(feeds, summaries) {
            let name = PublishConfiguration.pageFileName(slug: feed.slug)
            let page = StoryPageWriter.write(feed, entries: feedEntries, limit: summary.entryCount, nav: nav, feeds: summaries,
                                             healthPage: subscriptions != nil, configuration: configuration)
            try store(page, name: name, in: folder, report: &report)
            produced.append(name)
        }
        if let subscriptions {
            try store(FeedHealthPage.write(subscriptions, nav: nav, configuration: configuration), name: "feeds.html", in: folder,
                      report: &report)
            produced.append("feeds.html")
        }

        try removeStale(keeping: produced, in: folder, report: &report)
        let manifest = Array((produced.sorted().joined(separator: "\n") + "\n").utf8)
        _ = try AtomicFile.write(manifest, name: Self.manifestName, in: folder)
        if !report.written.isEmpty || !report.removed.isEmpty { AtomicFile.syncFolder(folder) }
        logger.info("publish: done", metadata: [
            "publish.folder": "\(folder)", "publish.written": "\(report.written.count)",
            "publish.unchanged": "\(report.unchanged.count)", "publish.removed": "\(report.removed.count)",
        ])
        return report
    }

    private func store(_ bytes: [UInt8], name: String, in folder: String, report: inout PublishReport) throws(PublishError) {
        report.bytes += bytes.count
        switch try AtomicFile.write(bytes, name: name, in: folder) {
        case .written:
            report.written.append(name)
            logger.debug("publish: file written", metadata: ["publish.file": "\(name)", "publish.bytes": "\(bytes.count)"])
        case .unchanged:
            report.unchanged.append(name)
        }
    }

    /// Names of files the publisher writes: feeds, pages and the OPML list.
    static func isPublishedName(_ name: String) -> Bool {
        name.hasSuffix(".atom") || name.hasSuffix(".json") || name.hasSuffix(".html") || name == "index.opml"
    }

    /// Removes what the previous run's manifest lists and this run did not produce.
    private func removeStale(keeping produced: [String], in folder: String, report: inout PublishReport) throws(PublishError) {
        guard let data = FileManager.default.contents(atPath: folder + "/" + Self.manifestName) else { return }
        let keep = Set(produced)
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let name = String(line)
            // Only plain names the publisher itself produces: never a path, never a hidden file.
            guard !keep.contains(name), !name.contains("/"), !name.hasPrefix("."),
                  Self.isPublishedName(name) else { continue }
            if unlink(folder + "/" + name) == 0 {
                report.removed.append(name)
                logger.info("publish: stale file removed", metadata: ["publish.file": "\(name)"])
            } else if errno != ENOENT {
                throw PublishError(.fileSystem, "cannot remove a stale file (\(String(cString: strerror(errno))))",
                                   path: folder + "/" + name, errno: errno)
            }
        }
    }
}
