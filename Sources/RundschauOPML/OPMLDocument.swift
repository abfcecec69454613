import Foundation

/// An OPML subscription list: read from OPML 1.0/2.0 files (`OPMLDocument.parse`, through RundschauXML), built from
/// subscriptions, written by ``OPMLWriter`` (`rundschau opml export` and the publisher's `index.opml`).
///
/// Nested outlines without `xmlUrl` are folders; each subscription's folder path becomes its first category
/// (`Tech/Swift`), and writing turns that category back into folders.
/// ```swift
/// let document = try OPMLDocument.parse(bytes)
/// for subscription in document.subscriptions { subscribe(subscription.xmlURL, categories: subscription.categories) }
///
/// let export = OPMLDocument(title: "Rundschau subscriptions", subscriptions: stored, dateCreated: Date())
/// let xml = OPMLWriter().string(from: export)
/// ```
public struct OPMLDocument: Sendable, Hashable {
    /// `head/title`.
    public var title: String?
    /// `head/dateCreated` (RFC 822).
    public var dateCreated: Date?
    /// `head/dateModified` (RFC 822).
    public var dateModified: Date?
    /// `head/ownerName`.
    public var ownerName: String?
    /// `head/docs`: the URL of the format's documentation (`http://opml.org/spec2.opml`).
    public var docs: String?
    /// The `version` attribute of `<opml>` as read (`1.0`, `2.0`); written as `2.0` always.
    public var version: String?
    /// The outlines of `body`, as a tree.
    public var outlines: [OPMLOutline]
    /// What was repaired while reading (sloppy XML recovered, encoding guessed, subscriptions without URL skipped).
    public var warnings: [String]

    /// Creates a document from an outline tree.
    public init(
        title: String? = nil, dateCreated: Date? = nil, dateModified: Date? = nil, ownerName: String? = nil,
        docs: String? = nil, version: String? = "2.0", outlines: [OPMLOutline] = [], warnings: [String] = []
    ) {
        self.title = title
        self.dateCreated = dateCreated
        self.dateModified = dateModified
        self.ownerName = ownerName
        self.docs = docs
        self.version = version
        self.outlines = outlines
        self.warnings = warnings
    }

    /// A document whose folders come from the subscriptions' first categories (split on `/`); further
    /// categories go into each outline's `category` attribute. Folders and feeds keep their first-seen order.
    public init(title: String?, subscriptions: [OPMLSubscription], dateCreated: Date? = nil, ownerName: String? = nil) {
        final class Folder {
            var name: String
            var items: [Item] = []
            var subfolders: [String: Folder] = [:]
            init(name: String) { self.name = name }
            enum Item { case feed(OPMLOutline), folder(Folder) }

            func folder(_ path: ArraySlice<String>) -> Folder {
                guard let first = path.first else { return self }
                let child: Folder
                if let existing = subfolders[first] {
                    child = existing
                } else {
                    child = Folder(name: first)
                    subfolders[first] = child
                    items.append(.folder(child))
                }
                return child.folder(path.dropFirst())
            }

            func outlines() -> [OPMLOutline] {
                items.map { item in
                    switch item {
                    case .feed(let outline): outline
                    case .folder(let folder): OPMLOutline(text: folder.name, title: folder.name, children: folder.outlines())
                    }
                }
            }
        }
        let root = Folder(name: "")
        for subscription in subscriptions {
            let categories = subscription.categories.map(OPMLDocument.cleanCategory).filter { !$0.isEmpty }
            let path = categories.first.map { $0.split(separator: "/").map(String.init) } ?? []
            let extra = categories.dropFirst().map { "/" + $0 }.joined(separator: ",")
            let outline = OPMLOutline(
                text: subscription.title ?? subscription.xmlURL, title: subscription.title,
                type: subscription.type ?? "rss", xmlURL: subscription.xmlURL, htmlURL: subscription.htmlURL,
                category: extra.isEmpty ? nil : extra)
            root.folder(path[...]).items.append(.feed(outline))
        }
        self.init(title: title, dateCreated: dateCreated, ownerName: ownerName, outlines: root.outlines())
    }

    /// Every subscription in document order, folders flattened into categories. A feed listed twice appears once
    /// (first position) with the categories of all its listings.
    public var subscriptions: [OPMLSubscription] {
        var result: [OPMLSubscription] = []
        var index: [String: Int] = [:]
        func walk(_ outlines: [OPMLOutline], path: [String]) {
            for outline in outlines {
                if let url = outline.xmlURL?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty {
                    var categories = path.isEmpty ? [] : [path.joined(separator: "/")]
                    for category in (outline.category ?? "").split(separator: ",") {
                        let clean = Self.cleanCategory(String(category))
                        if !clean.isEmpty { categories.append(clean) }
                    }
                    if let existing = index[url] {
                        for category in categories where !result[existing].categories.contains(category) {
                            result[existing].categories.append(category)
                        }
                    } else {
                        index[url] = result.count
                        result.append(OPMLSubscription(
                            xmlURL: url, htmlURL: outline.htmlURL.flatMap { $0.isEmpty ? nil : $0 },
                            title: outline.displayName.flatMap { $0 == url ? nil : $0 }, type: outline.type,
                            categories: categories.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }))
                    }
                    walk(outline.children, path: path)
                } else if let name = outline.displayName?.trimmingCharacters(in: .whitespacesAndNewlines) {
                    walk(outline.children, path: path + [name.replacingOccurrences(of: "/", with: "∕")])
                } else {
                    walk(outline.children, path: path)
                }
            }
        }
        walk(outlines, path: [])
        return result
    }

    /// `" /Tech/Swift/ "` → `Tech/Swift`.
    static func cleanCategory(_ category: String) -> String {
        category.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "/")
    }
}
