import Foundation
import PostgresNIO
import RundschauModel
import RundschauStore

extension PostgresFeedStore {
    /// Stores a feed's entries in one transaction (see ``FeedStore/upsertArticles(feedID:entries:seenAt:)``).
    ///
    /// The transaction first locks the feed's row (`FOR NO KEY UPDATE`), so that two upserts of one feed (a worker
    /// whose lease ran out and its successor) take turns and the second sees the first's rows: an entry is never
    /// stored twice, and its counts are exact.
    public func upsertArticles(feedID: FeedID, entries: [Entry], seenAt: Date) async throws -> ArticleUpsertResult {
        // Distinct ids as stored (without U+0000): the first occurrence wins, like `ArticleFields.distinct`.
        var ids = Set<String>()
        let rows = try ArticleFields.distinct(entries).map(ArticleColumns.init).filter { ids.insert($0.fields.entryID).inserted }
        let repeated = entries.count - rows.count
        let seenAt = seenAt.storedPrecision
        return try await write("cannot store articles of feed \(feedID)") { sql in
            let feed = try await sql("SELECT id FROM feed WHERE id = \(feedID.rawValue) FOR NO KEY UPDATE")
            guard !feed.isEmpty else { throw StoreError(code: .notFound, message: "feed \(feedID) not found") }

            var existing: [String: (id: Int64, revisionHash: String)] = [:]
            let stored = try await sql.map(
                """
                SELECT id, entry_id, revision_hash FROM article
                WHERE feed_id = \(feedID.rawValue) AND entry_id = ANY(\(rows.map(\.fields.entryID)))
                """
            ) { row in
                (try row("entry_id", as: String.self), try row("id", as: Int64.self), try row("revision_hash", as: String.self))
            }
            for (entryID, id, revisionHash) in stored { existing[entryID] = (id, revisionHash) }

            var result = ArticleUpsertResult(unchanged: repeated)
            for row in rows {
                if let current = existing[row.fields.entryID] {
                    guard current.revisionHash != row.fields.revisionHash else {
                        result.unchanged += 1
                        continue
                    }
                    try await sql(Self.updateQuery(current.id, row, at: seenAt))
                    result.updatedIDs.append(ArticleID(current.id))
                } else {
                    let inserted = try await sql.map(Self.insertQuery(feedID, row, at: seenAt)) { try $0("id", as: Int64.self) }
                    guard let id = inserted.first else {
                        throw StoreError(code: .database, message: "insert of \(row.fields.entryID) returned no id")
                    }
                    result.insertedIDs.append(ArticleID(id))
                }
            }
            return result
        }
    }

    public func article(id: ArticleID) async throws -> StoredArticle? {
        try await read("cannot read article \(id)") { sql in
            try await sql.map(
                "SELECT \(unescaped: Self.articleColumns) FROM article WHERE id = \(id.rawValue)", Self.storedArticle
            ).first
        }
    }

    public func articles(_ query: ArticleQuery) async throws -> [StoredArticle] {
        let columns = query.withText ? Self.articleColumns : Self.articleColumnsWithoutText
        let select = try articleQuery("SELECT \(columns) FROM article", query, ordered: true)
        return try await read("cannot read articles") { sql in
            try await sql.map(select, Self.storedArticle)
        }
    }

    public func articleCount(_ query: ArticleQuery) async throws -> Int {
        var unlimited = query
        unlimited.limit = nil
        let count = try articleQuery("SELECT COUNT(*) AS n FROM article", unlimited, ordered: false)
        return try await read("cannot count articles") { sql in
            try await sql.map(count) { try $0("n", as: Int.self) }.first ?? 0
        }
    }

    public func setDuplicates(_ links: [ArticleID: ArticleID?]) async throws {
        for (article, canonical) in links where article == canonical {
            throw invalidArgument("article \(article) cannot be a duplicate of itself")
        }
        try await write("cannot store duplicate links") { sql in
            try await Self.requireArticles(Set(links.keys).union(links.values.compactMap { $0 }), in: sql)
            try await Self.setColumn("duplicate_of", links.map { ($0.key.rawValue, $0.value?.rawValue) }, in: sql)
        }
    }

    // MARK: Helpers

    /// Sets an article reference column (`cluster_id`, `duplicate_of`) of many articles in a few statements, a few
    /// thousand rows each, instead of one statement (and one round trip) per article.
    static func setColumn(_ column: String, _ values: [(article: Int64, value: Int64?)], in sql: PostgresStatements) async throws {
        var start = 0
        while start < values.count {
            let chunk = values[start..<min(start + 5_000, values.count)]
            let set = chunk.filter { $0.value != nil }
            let cleared = chunk.filter { $0.value == nil }.map(\.article)
            if !set.isEmpty {
                let ids = set.map(\.article), targets = set.map { $0.value ?? 0 }
                try await sql(
                    """
                    UPDATE article SET \(unescaped: column) = v.target
                    FROM unnest(\(ids)::bigint[], \(targets)::bigint[]) AS v(id, target) WHERE article.id = v.id
                    """)
            }
            if !cleared.isEmpty {
                try await sql("UPDATE article SET \(unescaped: column) = NULL WHERE id = ANY(\(cleared))")
            }
            start += chunk.count
        }
    }

    /// The columns ``storedArticle(_:)`` reads; JSON columns as text.
    static let articleColumns = articleColumnList(text: "summary, content")

    /// ``articleColumns`` with `NULL` for the two text columns, which then stay unread (`ArticleQuery.withText`).
    static let articleColumnsWithoutText = articleColumnList(text: "NULL::text AS summary, NULL::text AS content")

    private static func articleColumnList(text: String) -> String {
        """
        id, feed_id, entry_id, canonical_url, link, links_json::text AS links_json, title, \(text), summary_type, \
        content_type, authors_json::text AS authors_json, categories_json::text AS categories_json, \
        enclosures_json::text AS enclosures_json, published, updated, language, image, kicker, dateline, \
        first_seen, changed_at, content_hash, duplicate_of, cluster_id
        """
    }

    /// `head` with the query's filters, order and limit; `invalidArgument` for a negative limit.
    func articleQuery(_ head: String, _ query: ArticleQuery, ordered: Bool) throws -> PostgresQuery {
        var builder = PostgresQueryBuilder(head)
        if let feedID = query.feedID { builder.filter("feed_id = ", feedID.rawValue) }
        if let afterID = query.afterID { builder.filter("id > ", afterID.rawValue) }
        if let date = query.firstSeenSince { builder.filter("first_seen >= ", date.storedPrecision) }
        if let date = query.changedSince { builder.filter("changed_at >= ", date.storedPrecision) }
        if let date = query.dateSince { builder.filter("COALESCE(published, updated, first_seen) >= ", date.storedPrecision) }
        if let date = query.dateUntil { builder.filter("COALESCE(published, updated, first_seen) <= ", date.storedPrecision) }
        if let hash = query.contentHash { builder.filter("content_hash = ", hash) }
        if let url = query.canonicalURL { builder.filter("canonical_url = ", url.postgresSafe) }
        if let clusterID = query.clusterID { builder.filter("cluster_id = ", clusterID.rawValue) }
        if let clusterIDs = query.clusterIDs {
            builder.filter("cluster_id = ANY(", clusterIDs.map(\.rawValue))
            builder.append(")")
        }
        if let ids = query.ids {
            builder.filter("id = ANY(", ids.map(\.rawValue))
            builder.append(")")
        }
        if query.unclusteredOnly { builder.filter("cluster_id IS NULL") }
        if ordered {
            switch query.order {
            case .id: builder.append(" ORDER BY id")
            case .newestFirst: builder.append(" ORDER BY COALESCE(published, updated, first_seen) DESC, id DESC")
            }
        }
        if let limit = query.limit {
            guard limit >= 0 else { throw invalidArgument("negative limit \(limit)") }
            builder.append(" LIMIT ", limit)
        }
        return builder.query
    }

    /// `notFound` naming the smallest missing article, if any is missing.
    static func requireArticles(_ ids: Set<ArticleID>, in sql: PostgresStatements) async throws {
        guard let missing = try await missingIDs(Array(ids).map(\.rawValue), table: "article", in: sql).first else { return }
        throw StoreError(code: .notFound, message: "article \(missing) not found")
    }

    /// Which of `ids` have no row in `table` (a fixed table name), ascending.
    static func missingIDs(_ ids: [Int64], table: String, in sql: PostgresStatements) async throws -> [Int64] {
        guard !ids.isEmpty else { return [] }
        let found = try await sql.map("SELECT id FROM \(unescaped: table) WHERE id = ANY(\(ids))") { try $0("id", as: Int64.self) }
        return Set(ids).subtracting(found).sorted()
    }

    /// The columns an entry sets, with their values: the one list that `insertQuery` and `updateQuery` spell their
    /// statements from (the `StoredArticle` reader and ``articleColumns`` read them back).
    private static func entryColumns(_ row: ArticleColumns) -> [(column: String, value: PostgresValue)] {
        let f = row.fields
        return [
            ("entry_id", .text(f.entryID)), ("link", .text(f.link)), ("links_json", .json(row.links)),
            ("title", .text(f.title)), ("summary", .text(f.summary)), ("summary_type", .text(f.summaryType?.rawValue)),
            ("content", .text(f.content)), ("content_type", .text(f.contentType?.rawValue)),
            ("authors_json", .json(row.authors)), ("categories_json", .json(row.categories)),
            ("enclosures_json", .json(row.enclosures)), ("published", .date(f.published?.storedPrecision)),
            ("updated", .date(f.updated?.storedPrecision)), ("language", .text(f.language)), ("image", .text(f.image)),
            ("kicker", .text(f.kicker)), ("dateline", .text(f.dateline)), ("content_hash", .text(f.contentHash)),
            ("revision_hash", .text(f.revisionHash)),
        ]
    }

    private static func insertQuery(_ feedID: FeedID, _ row: ArticleColumns, at date: Date) -> PostgresQuery {
        var statement = PostgresStatementBuilder()
        var columns = ["feed_id", "first_seen", "changed_at"]
        var placeholders = [statement.bind(.integer(feedID.rawValue)), statement.bind(.date(date)), statement.bind(.date(date))]
        for (column, value) in entryColumns(row) {
            columns.append(column)
            placeholders.append(statement.bind(value))
        }
        return statement.query(
            "INSERT INTO article (\(columns.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", "))) RETURNING id")
    }

    /// Overwrites the entry-derived columns, keeping id, feed, first seen, duplicate and cluster links; a changed
    /// link clears the canonical URL so that deduplication computes it again.
    private static func updateQuery(_ id: Int64, _ row: ArticleColumns, at date: Date) -> PostgresQuery {
        var statement = PostgresStatementBuilder()
        var assignments = [
            "canonical_url = CASE WHEN link IS DISTINCT FROM \(statement.bind(.text(row.fields.link))) THEN NULL ELSE canonical_url END",
            "changed_at = \(statement.bind(.date(date)))",
        ]
        for (column, value) in entryColumns(row) { assignments.append("\(column) = \(statement.bind(value))") }
        let idPlaceholder = statement.bind(.integer(id))  // bound before `query` copies the bindings
        return statement.query("UPDATE article SET \(assignments.joined(separator: ", ")) WHERE id = \(idPlaceholder)")
    }

    /// An `article` row as the protocol's value type.
    static func storedArticle(_ row: PostgresRowReader) throws -> StoredArticle {
        let id = try row("id", as: Int64.self)
        func textType(_ column: String) throws -> TextType? {
            guard let raw = try row(column, as: String?.self) else { return nil }
            guard let type = TextType(rawValue: raw) else {
                throw StoreError(code: .decoding, message: "article \(id): unknown \(column) '\(raw)'")
            }
            return type
        }
        return StoredArticle(
            id: ArticleID(id), feedID: FeedID(try row("feed_id", as: Int64.self)), entryID: try row("entry_id"),
            canonicalURL: try row("canonical_url"), link: try row("link"),
            links: try row.json("links_json", as: [Link].self, row: id), title: try row("title"),
            summary: try row("summary"), summaryType: try textType("summary_type"), content: try row("content"),
            contentType: try textType("content_type"), authors: try row.json("authors_json", as: [Person].self, row: id),
            categories: try row.json("categories_json", as: [Category].self, row: id),
            enclosures: try row.json("enclosures_json", as: [Enclosure].self, row: id),
            published: try row.optionalDate("published"), updated: try row.optionalDate("updated"),
            language: try row("language"), image: try row("image"), kicker: try row("kicker"),
            dateline: try row("dateline"), firstSeen: try row.date("first_seen"), changedAt: try row.date("changed_at"),
            contentHash: try row("content_hash"),
            duplicateOf: try row("duplicate_of", as: Int64?.self).map { ArticleID($0) },
            clusterID: try row("cluster_id", as: Int64?.self).map { ClusterID($0) })
    }
}

/// An entry's stored fields with its lists encoded as JSON, ready to bind: text without U+0000 (see
/// `String.postgresSafe`), hashes as computed from the entry.
struct ArticleColumns: Sendable {
    let fields: ArticleFields
    let links: String
    let authors: String
    let categories: String
    let enclosures: String

    init(_ given: ArticleFields) throws {
        var fields = given
        fields.entryID = given.entryID.postgresSafe
        fields.link = given.link.postgresSafe
        fields.title = given.title.postgresSafe
        fields.summary = given.summary.postgresSafe
        fields.content = given.content.postgresSafe
        fields.language = given.language.postgresSafe
        fields.image = given.image.postgresSafe
        fields.kicker = given.kicker.postgresSafe
        fields.dateline = given.dateline.postgresSafe
        self.fields = fields
        links = try PostgresJSON.encode(fields.links)
        authors = try PostgresJSON.encode(fields.authors)
        categories = try PostgresJSON.encode(fields.categories)
        enclosures = try PostgresJSON.encode(fields.enclosures)
    }
}

/// A value bound into a statement built from a column list.
enum PostgresValue {
    case text(String?)
    case json(String)
    case date(Date?)
    case integer(Int64)
}

/// Numbers the parameters of a statement whose columns come from a list.
struct PostgresStatementBuilder {
    private var binds = PostgresBindings()

    /// Binds `value` and returns its placeholder (`$3`, `$4::jsonb`).
    mutating func bind(_ value: PostgresValue) -> String {
        switch value {
        case .text(let text?): binds.append(text)
        case .date(let date?): binds.append(date)
        case .integer(let number): binds.append(number)
        case .json(let text):
            binds.append(text)
            return "$\(binds.count)::jsonb"
        case .text(nil), .date(nil): binds.appendNull()
        }
        return "$\(binds.count)"
    }

    /// The statement with everything bound so far.
    func query(_ sql: String) -> PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}

/// Builds a statement with a varying `WHERE` clause, numbering its parameters.
struct PostgresQueryBuilder {
    private var sql: String
    private var binds = PostgresBindings()
    private var hasWhere = false

    init(_ head: String) {
        sql = head
    }

    /// Adds `AND <condition>` (or `WHERE …` the first time), with `value` bound right after it.
    mutating func filter(_ condition: String, _ value: some PostgresNonThrowingEncodable) {
        sql += hasWhere ? " AND " : " WHERE "
        hasWhere = true
        append(condition, value)
    }

    /// Adds `AND <condition>` without a value.
    mutating func filter(_ condition: String) {
        sql += (hasWhere ? " AND " : " WHERE ") + condition
        hasWhere = true
    }

    /// Appends SQL text.
    mutating func append(_ text: String) {
        sql += text
    }

    /// Appends SQL text and a bound value after it.
    mutating func append(_ text: String, _ value: some PostgresNonThrowingEncodable) {
        binds.append(value)
        sql += text + "$\(binds.count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
