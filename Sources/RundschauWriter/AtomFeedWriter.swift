import RundschauText
import Foundation
import RundschauModel

/// Writes Atom 1.0 (RFC 4287) feed documents from ``PublicationFeed`` and ``PublicationEntry`` values, byte
/// for byte the same for the same input: no wall clock, a fixed element order, entries sorted newest first.
///
/// Escaping is done on the way into a byte buffer, characters XML 1.0 forbids are dropped, and IRIs that are
/// not absolute are left out rather than written broken, so that every document is well-formed and passes
/// the W3C Feed Validation Service.
///
/// ```swift
/// let writer = AtomFeedWriter(configuration: configuration)
/// let bytes = writer.write(feed, entries: entries)              // <slug>.atom: the newest maxEntries
/// let pages = writer.documents(feed, entries: entries)          // plus RFC 5005 archive pages
/// ```
public struct AtomFeedWriter: Sendable {
    /// Base URL, author, entry limits and archive settings.
    public var configuration: PublishConfiguration

    /// Creates a writer for one installation's settings.
    public init(configuration: PublishConfiguration) {
        self.configuration = configuration
    }

    /// The subscription document of `feed`: the newest ``PublishConfiguration/maxEntries`` of `entries` (by
    /// `updated`, then id; one entry per id), without archive links.
    public func write(_ feed: PublicationFeed, entries: [PublicationEntry]) -> [UInt8] {
        let ordered = Self.newestFirstIndices(entries)
        return Self.fitting(configuration.maxFeedBytes, count: min(ordered.count, configuration.maxEntries)) { count in
            render(feed, entries: entries, order: ordered.prefix(count), page: .subscription(previousArchive: nil))
        }.bytes
    }

    /// The document `render` gives for the largest entry count up to `count` whose bytes stay within `limit`
    /// (at least one entry): the oldest entries go first. Proportional steps, then one at a time, so a feed of
    /// normal size is rendered once.
    static func fitting(_ limit: Int, count: Int, _ render: (Int) -> [UInt8]) -> (bytes: [UInt8], count: Int) {
        var count = count
        var bytes = render(count)
        while bytes.count > limit && count > 1 {
            let estimate = Int(Double(count) * Double(limit) / Double(bytes.count))
            count = max(1, min(count - 1, estimate))
            bytes = render(count)
        }
        return (bytes, count)
    }

    /// Every document of `feed`: the subscription document first, then, when
    /// ``PublishConfiguration/archivePageSize`` is set, the RFC 5005 archive pages holding the entries that
    /// did not fit (numbered from the oldest, so that full pages keep their content from run to run).
    public func documents(_ feed: PublicationFeed, entries: [PublicationEntry]) -> [AtomDocument] {
        var result: [AtomDocument] = []
        forEachDocument(feed, entries: entries) { result.append($0) }
        return result
    }

    /// ``documents(_:entries:)`` one at a time, so that a caller writing them out holds one in memory.
    public func forEachDocument<Failure: Error>(
        _ feed: PublicationFeed, entries: [PublicationEntry], _ body: (AtomDocument) throws(Failure) -> Void
    ) throws(Failure) {
        // Entries are addressed by index throughout: no copies of the (large) entry values.
        let ordered = Self.newestFirstIndices(entries)
        // The subscription document: the newest maxEntries, fewer when they would not fit in maxFeedBytes.
        let (plainBytes, fitted) = Self.fitting(configuration.maxFeedBytes, count: min(ordered.count, configuration.maxEntries)) { count in
            render(feed, entries: entries, order: ordered.prefix(count), page: .subscription(previousArchive: nil))
        }
        let current = ordered.prefix(fitted)
        guard let pageSize = configuration.archivePageSize, ordered.count > current.count else {
            try body(AtomDocument(fileName: feed.slug + ".atom", bytes: plainBytes, entryCount: current.count, archivePage: nil))
            return
        }
        // Archive pages: the rest, oldest first by first publication, so that an entry's page does not move
        // when newer entries arrive.
        let firstSeen = entries.map { AtomDate.seconds($0.published ?? $0.updated) }
        let archived = ordered.dropFirst(current.count).sorted { a, b in
            firstSeen[a] != firstSeen[b] ? firstSeen[a] < firstSeen[b] : entries[a].id < entries[b].id
        }
        let updated = entries.map { AtomDate.seconds($0.updated) }
        let pageCount = (archived.count + pageSize - 1) / pageSize
        let currentBytes = render(feed, entries: entries, order: current, page: .subscription(previousArchive: pageCount))
        try body(AtomDocument(fileName: feed.slug + ".atom", bytes: currentBytes, entryCount: current.count, archivePage: nil))
        for page in 1...pageCount {
            let slice = archived[(page - 1) * pageSize..<min(archived.count, page * pageSize)].sorted { a, b in
                updated[a] != updated[b] ? updated[a] > updated[b] : entries[a].id < entries[b].id
            }
            let bytes = render(feed, entries: entries, order: slice, page: .archive(number: page, count: pageCount))
            try body(AtomDocument(fileName: Self.archiveFileName(slug: feed.slug, page: page), bytes: bytes,
                                  entryCount: slice.count, archivePage: page))
        }
    }

    /// `<slug>-archive-<page>.atom`.
    public static func archiveFileName(slug: String, page: Int) -> String { "\(slug)-archive-\(page).atom" }

    /// Entries with duplicate ids reduced to the newest, sorted by `updated` descending, then id ascending.
    static func newestFirst(_ entries: [PublicationEntry]) -> [PublicationEntry] {
        newestFirstIndices(entries).map { entries[$0] }
    }

    /// Indices of ``newestFirst(_:)``.
    static func newestFirstIndices(_ entries: [PublicationEntry]) -> [Int] {
        let updated = entries.map { AtomDate.seconds($0.updated) }
        var seen: [String: Int] = [:]
        seen.reserveCapacity(entries.count)
        var unique: [Int] = []
        unique.reserveCapacity(entries.count)
        for index in entries.indices {
            if let slot = seen[entries[index].id] {
                if updated[index] > updated[unique[slot]] { unique[slot] = index }
            } else {
                seen[entries[index].id] = unique.count
                unique.append(index)
            }
        }
        // Whole seconds as written, so that ties order by id.
        unique.sort { updated[$0] != updated[$1] ? updated[$0] > updated[$1] : entries[$0].id < entries[$1].id }
        return unique
    }

    /// Which document of a feed's history is being written (RFC 5005).
    enum Page {
        /// The subscription document; `previousArchive` is the newest archive page, if any.
        case subscription(previousArchive: Int?)
        /// Archive page `number` of `count`.
        case archive(number: Int, count: Int)
    }

    func render(_ feed: PublicationFeed, entries: [PublicationEntry], order: some Collection<Int>, page: Page) -> [UInt8] {
        let configuration = configuration
        var estimate = 2048
        for index in order {
            estimate += 900 + (entries[index].content?.html.utf8.count ?? 0) * 5 / 4 + (entries[index].summary?.html.utf8.count ?? 0)
        }
        var out = XMLOutput(capacity: estimate)
        let feedLanguage = LanguageTag.clean(feed.language)
        var isArchive = false
        if case .archive = page { isArchive = true }

        out.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"")
        if isArchive { out.raw(" xmlns:fh=\"http://purl.org/syndication/history/1.0\"") }
        if let feedLanguage { out.attribute("xml:lang", feedLanguage) }
        out.raw(">\n")
        out.element("  ", "<id>", configuration.feedID(slug: feed.slug), "</id>\n")
        out.element("  ", "<title>", feed.title, "</title>\n")
        if let subtitle = feed.subtitle, !subtitle.isEmpty { out.element("  ", "<subtitle>", subtitle, "</subtitle>\n") }
        let updated = feed.updated ?? order.lazy.map { entries[$0].updated }.max { AtomDate.seconds($0) < AtomDate.seconds($1) }
            ?? Date(timeIntervalSince1970: 0)
        out.element("  ", "<updated>", date: updated, "</updated>\n")

        // Links: self, the WebSub hub, alternates (the feed's web page and its JSON Feed), then the feed history
        // (RFC 5005).
        let currentURL = configuration.feedURL(slug: feed.slug)
        switch page {
        case .subscription(let previous):
            link(&out, rel: "self", type: "application/atom+xml", href: currentURL)
            // WebSub (§4): the hub next to the self link, on the document subscribers poll.
            if let hub = configuration.webSubHub.flatMap({ IRI.absolute($0, schemes: Self.webSchemes) }) {
                link(&out, rel: "hub", type: nil, href: hub)
            }
            link(&out, rel: "alternate", type: "text/html", href: configuration.pageURL(slug: feed.slug))
            link(&out, rel: "alternate", type: "application/feed+json", href: configuration.jsonFeedURL(slug: feed.slug))
            if let previous {
                link(&out, rel: "prev-archive", type: "application/atom+xml",
                     href: configuration.url(ofFile: Self.archiveFileName(slug: feed.slug, page: previous)))
            }
        case .archive(let number, let count):
            link(&out, rel: "self", type: "application/atom+xml",
                 href: configuration.url(ofFile: Self.archiveFileName(slug: feed.slug, page: number)))
            link(&out, rel: "alternate", type: "text/html", href: configuration.pageURL(slug: feed.slug))
            link(&out, rel: "current", type: "application/atom+xml", href: currentURL)
            if number > 1 {
                link(&out, rel: "prev-archive", type: "application/atom+xml",
                     href: configuration.url(ofFile: Self.archiveFileName(slug: feed.slug, page: number - 1)))
            }
            if number < count {
                link(&out, rel: "next-archive", type: "application/atom+xml",
                     href: configuration.url(ofFile: Self.archiveFileName(slug: feed.slug, page: number + 1)))
            }
            out.raw("  <fh:archive/>\n")
        }

        let generator = configuration.generator
        out.raw("  <generator")
        if let uri = generator.uri.flatMap({ IRI.absolute($0) }) { out.attribute("uri", uri) }
        if let version = generator.version { out.attribute("version", version) }
        out.raw(">")
        out.text(generator.name)
        out.raw("</generator>\n")
        if !person(&out, "  ", "author", configuration.author) {
            person(&out, "  ", "author", Person(name: configuration.siteTitle))
        }
        if let category = feed.category { self.category(&out, "  ", category) }

        for index in order {
            write(entries[index], feedLanguage: feedLanguage, to: &out)
        }
        out.raw("</feed>\n")
        return out.bytes
    }

    private func write(_ entry: PublicationEntry, feedLanguage: String?, to out: inout XMLOutput) {
        out.raw("  <entry")
        if let language = LanguageTag.clean(entry.language), language != feedLanguage { out.attribute("xml:lang", language) }
        out.raw(">\n")
        out.element("    ", "<id>", IRI.absolute(entry.id) ?? configuration.tag("entry/" + entry.id), "</id>\n")
        out.element("    ", "<title>", entry.title, "</title>\n")
        let alternate = entry.link.flatMap { IRI.absolute($0, schemes: Self.webSchemes) }
        if let alternate { link(&out, indent: "    ", rel: "alternate", type: nil, href: alternate) }
        var relatedSeen: Set<String> = []
        for related in entry.related {
            guard let href = IRI.absolute(related.href, schemes: Self.webSchemes), href != alternate,
                  relatedSeen.insert(href).inserted else { continue }
            out.raw("    <link rel=\"related\"")
            out.attribute("href", href)
            if let language = LanguageTag.clean(related.language) { out.attribute("hreflang", language) }
            if let title = Self.relatedTitle(related) { out.attribute("title", title) }
            out.raw("/>\n")
        }
        if let published = entry.published { out.element("    ", "<published>", date: published, "</published>\n") }
        out.element("    ", "<updated>", date: entry.updated, "</updated>\n")
        for author in entry.authors { person(&out, "    ", "author", author) }
        for category in entry.categories { self.category(&out, "    ", category) }
        if let summary = entry.summary, !summary.isEmpty {
            out.raw("    <summary type=\"html\">")
            out.text(summary.html)
            out.raw("</summary>\n")
        }
        // Atom requires content when there is no alternate link (RFC 4287 §4.1.2).
        if let content = entry.content, !content.isEmpty {
            out.raw("    <content type=\"html\">")
            out.text(content.html)
            out.raw("</content>\n")
        } else if alternate == nil {
            out.raw("    <content type=\"html\">")
            out.text(entry.summary?.html ?? "")
            out.raw("</content>\n")
        }
        if let source = entry.source { write(source, to: &out) }
        out.raw("  </entry>\n")
    }

    private func write(_ source: PublicationEntry.Source, to out: inout XMLOutput) {
        out.raw("    <source>\n")
        if let id = source.id.flatMap({ IRI.absolute($0) }) { out.element("      ", "<id>", id, "</id>\n") }
        if let title = source.title, !title.isEmpty { out.element("      ", "<title>", title, "</title>\n") }
        if let link = source.link.flatMap({ IRI.absolute($0, schemes: Self.webSchemes) }) {
            self.link(&out, indent: "      ", rel: "alternate", type: nil, href: link)
        }
        if let feedURL = source.feedURL.flatMap({ IRI.absolute($0, schemes: Self.feedSchemes) }) {
            self.link(&out, indent: "      ", rel: "self", type: nil, href: feedURL)
        }
        if let updated = source.updated { out.element("      ", "<updated>", date: updated, "</updated>\n") }
        out.raw("    </source>\n")
    }

    static let webSchemes: Set<String> = ["http", "https"]
    static let feedSchemes: Set<String> = ["http", "https", "file"]

    /// `Outlet: Title`, `Title` or `Outlet`.
    static func relatedTitle(_ related: PublicationEntry.Related) -> String? {
        let outlet = related.outlet.map { $0.trimmingWhitespaceAndControls() }.flatMap { $0.isEmpty ? nil : $0 }
        let title = related.title.map { $0.trimmingWhitespaceAndControls() }.flatMap { $0.isEmpty ? nil : $0 }
        switch (outlet, title) {
        case let (outlet?, title?): return "\(outlet): \(title)"
        case let (outlet?, nil): return outlet
        case let (nil, title?): return title
        case (nil, nil): return nil
        }
    }

    private func link(_ out: inout XMLOutput, indent: StaticString = "  ", rel: StaticString, type: StaticString?, href: String) {
        out.raw(indent)
        out.raw("<link rel=\"")
        out.raw(rel)
        out.raw("\"")
        if let type {
            out.raw(" type=\"")
            out.raw(type)
            out.raw("\"")
        }
        out.attribute("href", href)
        out.raw("/>\n")
    }

    /// Writes a person construct; returns false (and writes nothing) when it has neither a name nor an email.
    @discardableResult
    private func person(_ out: inout XMLOutput, _ indent: StaticString, _ element: StaticString, _ person: Person) -> Bool {
        let email = person.email.map { $0.trimmingWhitespaceAndControls() }.flatMap { $0.contains("@") && !$0.hasPrefix("@") && !$0.hasSuffix("@") ? $0 : nil }
        let name = person.name.map { $0.trimmingWhitespaceAndControls() }.flatMap { $0.isEmpty ? nil : $0 } ?? email
        guard let name else { return false }
        out.raw(indent)
        out.raw("<")
        out.raw(element)
        out.raw("><name>")
        out.text(name)
        out.raw("</name>")
        if let email {
            out.raw("<email>")
            out.text(email)
            out.raw("</email>")
        }
        if let uri = person.uri.flatMap({ IRI.absolute($0) }) {
            out.raw("<uri>")
            out.text(uri)
            out.raw("</uri>")
        }
        out.raw("</")
        out.raw(element)
        out.raw(">\n")
        return true
    }

    private func category(_ out: inout XMLOutput, _ indent: StaticString, _ category: Category) {
        let term = category.term.trimmingWhitespaceAndControls()
        guard !term.isEmpty else { return }
        out.raw(indent)
        out.raw("<category")
        out.attribute("term", term)
        if let scheme = category.scheme.flatMap({ IRI.absolute($0) }) { out.attribute("scheme", scheme) }
        if let label = category.label, !label.isEmpty { out.attribute("label", label) }
        out.raw("/>\n")
    }
}

/// One generated feed document: its file name in the output folder and its bytes.
public struct AtomDocument: Sendable, Hashable {
    /// `<slug>.atom` or `<slug>-archive-<n>.atom`.
    public var fileName: String
    /// The document, UTF-8.
    public var bytes: [UInt8]
    /// Entries written into it.
    public var entryCount: Int
    /// The archive page number, `nil` for the subscription document.
    public var archivePage: Int?

    /// Creates a document value.
    public init(fileName: String, bytes: [UInt8], entryCount: Int, archivePage: Int?) {
        self.fileName = fileName
        self.bytes = bytes
        self.entryCount = entryCount
        self.archivePage = archivePage
    }
}
