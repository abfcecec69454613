import Foundation
import Logging
import RundschauFetch
import RundschauOPML
import RundschauStore

/// Subscriptions in and out: OPML files, single URLs with autodiscovery.
public enum Subscriptions {
    /// What subscribing one URL came to.
    public enum Outcome: Sendable {
        /// Subscribed (or already subscribed) to this feed URL; `alternatives` are the page's other feeds.
        case subscribed(StoredFeed, alternatives: [String])
        /// Nothing subscribed; the reason, for a one-line error.
        case failed(String)
    }

    /// Reads an OPML file and subscribes every feed in it (idempotent: known URLs stay as they are).
    /// - Returns: how many subscriptions the file listed and how many were new.
    public static func importOPML(at path: String, store: any FeedStore, now: Date = Date()) async throws -> (listed: Int, added: Int) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FetchError(.file, "\(path): cannot read: \(error.localizedDescription)")
        }
        let document = try OPMLDocument.parse([UInt8](data), url: URL(fileURLWithPath: path))
        let known = Set(try await store.feeds().map(\.url))
        var added = 0
        for subscription in document.subscriptions {
            let url = normalizedLocation(subscription.xmlURL, relativeTo: (path as NSString).deletingLastPathComponent)
            if !known.contains(url) { added += 1 }
            _ = try await store.subscribe(
                FeedSubscription(url: url, title: subscription.title, kind: .feed, siteLink: subscription.htmlURL,
                                 folder: subscription.categories.first),
                at: now)
        }
        return (document.subscriptions.count, added)
    }

    /// The feed subscriptions (not dump sources) as an OPML 2.0 document, folders as outline groups.
    public static func exportOPML(store: any FeedStore, title: String, now: Date = Date()) async throws -> [UInt8] {
        let subscriptions = try await store.feeds().filter { $0.kind == .feed }.map {
            OPMLSubscription(xmlURL: $0.url, htmlURL: $0.siteLink, title: $0.title, type: "rss",
                             categories: $0.folder.map { [$0] } ?? [])
        }
        return OPMLWriter().data(from: OPMLDocument(title: title, subscriptions: subscriptions, dateCreated: now))
    }

    /// Subscribes `location`: a feed URL, a web page advertising feeds (the first is taken), a `file://` URL or a path.
    /// With `check` false the URL is stored as given, without fetching it.
    public static func subscribe(
        _ location: String, title: String?, folder: String?, check: Bool, store: any FeedStore,
        fetcher: FeedFetcher?, now: Date = Date()
    ) async throws -> Outcome {
        let normalized = normalizedLocation(location, relativeTo: FileManager.default.currentDirectoryPath)
        guard let url = FetchRequest.location(normalized) else { return .failed("\(location): not an http(s) or file URL") }
        guard check, let fetcher else {
            let feed = try await store.subscribe(FeedSubscription(url: url.absoluteString, title: title, folder: folder), at: now)
            return .subscribed(feed, alternatives: [])
        }
        switch await fetcher.probe(url) {
        case .feed(let response):
            let target = (response.permanentRedirect ?? url).absoluteString
            let feed = try await store.subscribe(FeedSubscription(url: target, title: title, folder: folder), at: now)
            return .subscribed(feed, alternatives: [])
        case .page(_, let feeds):
            guard let first = feeds.first else { return .failed("\(location): a web page that advertises no feed") }
            let feed = try await store.subscribe(
                FeedSubscription(url: first.url.absoluteString, title: title ?? first.title, siteLink: url.absoluteString,
                                 folder: folder),
                at: now)
            return .subscribed(feed, alternatives: feeds.dropFirst().map(\.url.absoluteString))
        case .failed(let error):
            return .failed("\(location): \(error.message)")
        }
    }

    /// Plain paths become absolute `file://` URLs; URLs stay as they are.
    static func normalizedLocation(_ location: String, relativeTo folder: String) -> String {
        let text = location.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.contains("://") { return text }
        let path = text.hasPrefix("/") ? text : (folder as NSString).appendingPathComponent(text)
        return URL(fileURLWithPath: (path as NSString).standardizingPath).absoluteString
    }
}
