import Foundation
import GRDB
import RundschauModel
import RundschauStore

/// A row of `article`: one entry of one feed. Lists (links, authors, categories, enclosures) are JSON text.
struct ArticleRecord: Codable, Sendable {
    var id: Int64?
    var feedId: Int64
    var entryId: String
    var canonicalUrl: String?
    var link: String?
    var linksJSON: String
    var title: String?
    var summary: String?
    var summaryType: String?
    var content: String?
    var contentType: String?
    var authorsJSON: String
    var categoriesJSON: String
    var enclosuresJSON: String
    var published: Date?
    var updated: Date?
    var language: String?
    var image: String?
    var kicker: String?
    var dateline: String?
    var firstSeen: Date
    var changedAt: Date
    var contentHash: String
    var revisionHash: String
    var duplicateOf: Int64?
    var clusterId: Int64?

    enum CodingKeys: String, CodingKey, ColumnExpression, CaseIterable {
        case id
        case feedId = "feed_id"
        case entryId = "entry_id"
        case canonicalUrl = "canonical_url"
        case link
        case linksJSON = "links_json"
        case title, summary
        case summaryType = "summary_type"
        case content
        case contentType = "content_type"
        case authorsJSON = "authors_json"
        case categoriesJSON = "categories_json"
        case enclosuresJSON = "enclosures_json"
        case published, updated, language, image, kicker, dateline
        case firstSeen = "first_seen"
        case changedAt = "changed_at"
        case contentHash = "content_hash"
        case revisionHash = "revision_hash"
        case duplicateOf = "duplicate_of"
        case clusterId = "cluster_id"
    }

    typealias Columns = CodingKeys

    /// Every column, but `NULL` for the two text columns (`summary`, `content`): the selection of a query that
    /// reads only the metadata (`ArticleQuery.withText == false`).
    static let columnsWithoutText = Columns.allCases.map { column in
        column == .summary || column == .content ? "NULL AS \(column.rawValue)" : column.rawValue
    }.joined(separator: ", ")
}

extension ArticleRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "article"

    /// Column by column, without the `Decodable` machinery (which cost a twentieth of a clustering round's CPU
    /// in reading the window); a value of the wrong type throws, as decoding did.
    init(row: Row) throws {
        func value<T: DatabaseValueConvertible>(_ column: Columns) throws -> T { try row.decode(forColumn: column.rawValue) }
        // Strings and integers straight from the statement's column (GRDB's faster path); dates take the one above.
        func value<T: DatabaseValueConvertible & StatementColumnConvertible>(_ column: Columns) throws -> T {
            try row.decode(forColumn: column.rawValue)
        }
        id = try value(.id)
        feedId = try value(.feedId)
        entryId = try value(.entryId)
        canonicalUrl = try value(.canonicalUrl)
        link = try value(.link)
        linksJSON = try value(.linksJSON)
        title = try value(.title)
        summary = try value(.summary)
        summaryType = try value(.summaryType)
        content = try value(.content)
        contentType = try value(.contentType)
        authorsJSON = try value(.authorsJSON)
        categoriesJSON = try value(.categoriesJSON)
        enclosuresJSON = try value(.enclosuresJSON)
        published = try value(.published)
        updated = try value(.updated)
        language = try value(.language)
        image = try value(.image)
        kicker = try value(.kicker)
        dateline = try value(.dateline)
        firstSeen = try value(.firstSeen)
        changedAt = try value(.changedAt)
        contentHash = try value(.contentHash)
        revisionHash = try value(.revisionHash)
        duplicateOf = try value(.duplicateOf)
        clusterId = try value(.clusterId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension ArticleRecord {
    /// A new article's row, first seen at `seenAt`.
    init(feedID: Int64, fields: ArticleFields, seenAt: Date) throws {
        self.init(
            id: nil, feedId: feedID, entryId: fields.entryID, canonicalUrl: nil, link: nil, linksJSON: "[]",
            title: nil, summary: nil, summaryType: nil, content: nil, contentType: nil, authorsJSON: "[]",
            categoriesJSON: "[]", enclosuresJSON: "[]", published: nil, updated: nil, language: nil, image: nil,
            kicker: nil, dateline: nil, firstSeen: seenAt, changedAt: seenAt, contentHash: fields.contentHash,
            revisionHash: fields.revisionHash, duplicateOf: nil, clusterId: nil)
        try apply(fields, at: seenAt)
    }

    /// Overwrites the entry-derived columns; keeps id, feed, first seen, duplicate and cluster links. A changed
    /// link clears the canonical URL so that deduplication computes it again.
    mutating func apply(_ fields: ArticleFields, at date: Date) throws {
        if link != fields.link { canonicalUrl = nil }
        entryId = fields.entryID
        link = fields.link
        linksJSON = try JSONColumn.encode(fields.links)
        title = fields.title
        summary = fields.summary
        summaryType = fields.summaryType?.rawValue
        content = fields.content
        contentType = fields.contentType?.rawValue
        authorsJSON = try JSONColumn.encode(fields.authors)
        categoriesJSON = try JSONColumn.encode(fields.categories)
        enclosuresJSON = try JSONColumn.encode(fields.enclosures)
        published = fields.published
        updated = fields.updated
        language = fields.language
        image = fields.image
        kicker = fields.kicker
        dateline = fields.dateline
        changedAt = date
        contentHash = fields.contentHash
        revisionHash = fields.revisionHash
    }

    /// The row as the protocol's value type.
    func stored() throws -> StoredArticle {
        guard let id else { throw StoreError(code: .decoding, message: "article row without id") }
        return StoredArticle(
            id: ArticleID(id), feedID: FeedID(feedId), entryID: entryId, canonicalURL: canonicalUrl, link: link,
            links: try StoredJSON.decode([Link].self, from: linksJSON, column: "links_json", row: id),
            title: title, summary: summary, summaryType: try Self.textType(summaryType, column: "summary_type", row: id),
            content: content, contentType: try Self.textType(contentType, column: "content_type", row: id),
            authors: try StoredJSON.decode([Person].self, from: authorsJSON, column: "authors_json", row: id),
            categories: try StoredJSON.decode([Category].self, from: categoriesJSON, column: "categories_json", row: id),
            enclosures: try StoredJSON.decode([Enclosure].self, from: enclosuresJSON, column: "enclosures_json", row: id),
            published: published, updated: updated, language: language, image: image, kicker: kicker,
            dateline: dateline, firstSeen: firstSeen, changedAt: changedAt, contentHash: contentHash,
            duplicateOf: duplicateOf.map { ArticleID($0) }, clusterID: clusterId.map { ClusterID($0) })
    }

    private static func textType(_ raw: String?, column: String, row: Int64) throws -> TextType? {
        guard let raw else { return nil }
        guard let type = TextType(rawValue: raw) else {
            throw StoreError(code: .decoding, message: "article \(row): unknown \(column) '\(raw)'")
        }
        return type
    }
}
