import Foundation
import GRDB
import RundschauModel
import RundschauStore

extension SQLiteFeedStore {
    public func upsertArticles(feedID: FeedID, entries: [Entry], seenAt: Date) async throws -> ArticleUpsertResult {
        let fields = ArticleFields.distinct(entries)
        let repeated = entries.count - fields.count
        return try await write("cannot store articles of feed \(feedID)") { db in
            _ = try Self.feedRecord(feedID, in: db)
            let c = ArticleRecord.Columns.self
            var existing: [String: ArticleRecord] = [:]
            for chunk in Self.chunks(of: fields.map(\.entryID)) {
                let rows = try ArticleRecord
                    .filter(c.feedId == feedID.rawValue)
                    .filter(chunk.contains(c.entryId))
                    .fetchAll(db)
                for row in rows { existing[row.entryId] = row }
            }
            var result = ArticleUpsertResult(unchanged: repeated)
            for field in fields {
                if var row = existing[field.entryID] {
                    guard row.revisionHash != field.revisionHash else {
                        result.unchanged += 1
                        continue
                    }
                    try row.apply(field, at: seenAt)
                    try row.update(db)
                    result.updatedIDs.append(try Self.articleID(of: row))
                } else {
                    var row = try ArticleRecord(feedID: feedID.rawValue, fields: field, seenAt: seenAt)
                    try row.insert(db)
                    result.insertedIDs.append(try Self.articleID(of: row))
                }
            }
            return result
        }
    }

    public func article(id: ArticleID) async throws -> StoredArticle? {
        try await read("cannot read article \(id)") { db in
            try ArticleRecord.fetchOne(db, key: id.rawValue)?.stored()
        }
    }

    public func articles(_ query: ArticleQuery) async throws -> [StoredArticle] {
        let request = query.withText
            ? try request(for: query) : try request(for: query).select(sql: ArticleRecord.columnsWithoutText)
        return try await read("cannot read articles") { db in
            try request.fetchAll(db).map { try $0.stored() }
        }
    }

    public func articleCount(_ query: ArticleQuery) async throws -> Int {
        var unlimited = query
        unlimited.limit = nil
        let request = try request(for: unlimited)
        return try await read("cannot count articles") { db in
            try request.fetchCount(db)
        }
    }

    public func setDuplicates(_ links: [ArticleID: ArticleID?]) async throws {
        for (article, canonical) in links where article == canonical {
            throw StoreError(
                code: .invalidArgument, message: "article \(article) cannot be a duplicate of itself", location: path)
        }
        try await write("cannot store duplicate links") { db in
            let targets = Set(links.values.compactMap { $0 })
            try Self.requireArticles(Set(links.keys).union(targets), in: db)
            for (article, canonical) in links {
                try db.execute(
                    sql: "UPDATE article SET duplicate_of = ? WHERE id = ?",
                    arguments: [canonical?.rawValue, article.rawValue])
            }
        }
    }

    // MARK: Helpers

    /// The request for an article query; `invalidArgument` for a negative limit.
    func request(for query: ArticleQuery) throws -> QueryInterfaceRequest<ArticleRecord> {
        let c = ArticleRecord.Columns.self
        var request = ArticleRecord.all()
        if let feedID = query.feedID { request = request.filter(c.feedId == feedID.rawValue) }
        if let afterID = query.afterID { request = request.filter(c.id > afterID.rawValue) }
        if let date = query.firstSeenSince { request = request.filter(c.firstSeen >= date) }
        if let date = query.changedSince { request = request.filter(c.changedAt >= date) }
        if let date = query.dateSince {
            request = request.filter(sql: "COALESCE(published, updated, first_seen) >= ?", arguments: [date])
        }
        if let date = query.dateUntil {
            request = request.filter(sql: "COALESCE(published, updated, first_seen) <= ?", arguments: [date])
        }
        if let hash = query.contentHash { request = request.filter(c.contentHash == hash) }
        if let url = query.canonicalURL { request = request.filter(c.canonicalUrl == url) }
        if let clusterID = query.clusterID { request = request.filter(c.clusterId == clusterID.rawValue) }
        if let clusterIDs = query.clusterIDs { request = request.filter(clusterIDs.map(\.rawValue).contains(c.clusterId)) }
        if let ids = query.ids { request = request.filter(ids.map(\.rawValue).contains(c.id)) }
        if query.unclusteredOnly { request = request.filter(c.clusterId == nil) }
        switch query.order {
        case .id:
            request = request.order(c.id)
        case .newestFirst:
            request = request.order(sql: "COALESCE(published, updated, first_seen) DESC, id DESC")
        }
        if let limit = query.limit {
            guard limit >= 0 else {
                throw StoreError(code: .invalidArgument, message: "negative limit \(limit)", location: path)
            }
            request = request.limit(limit)
        }
        return request
    }

    /// `notFound` naming the first missing article, if any is missing.
    static func requireArticles(_ ids: Set<ArticleID>, in db: Database) throws {
        for chunk in chunks(of: Array(ids).map(\.rawValue)) {
            let found = try Set(Int64.fetchAll(db, ArticleRecord.select(ArticleRecord.Columns.id).filter(keys: chunk)))
            if let missing = chunk.sorted().first(where: { !found.contains($0) }) {
                throw StoreError(code: .notFound, message: "article \(missing) not found")
            }
        }
    }

    static func articleID(of row: ArticleRecord) throws -> ArticleID {
        guard let id = row.id else { throw StoreError(code: .database, message: "article row without id") }
        return ArticleID(id)
    }

    /// Splits values into chunks small enough for one SQL statement's parameters.
    static func chunks<T>(of values: [T], size: Int = 500) -> [ArraySlice<T>] {
        stride(from: 0, to: values.count, by: size).map { values[$0..<min($0 + size, values.count)] }
    }
}
