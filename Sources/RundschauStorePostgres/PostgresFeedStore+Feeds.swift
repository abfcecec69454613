import RundschauModel
import Foundation
import PostgresNIO
import RundschauStore

extension PostgresFeedStore {
    public func subscribe(_ subscription: FeedSubscription, at date: Date) async throws -> StoredFeed {
        guard !subscription.url.isEmpty else { throw invalidArgument("cannot subscribe to an empty URL") }
        let date = date.storedPrecision
        let nextFetch: Date? = subscription.kind == .feed ? date : nil
        return try await write("cannot subscribe to \(subscription.url)") { sql in
            // Idempotent and race-free: a concurrent subscriber of the same URL makes this insert do nothing.
            let inserted = try await sql.map(
                """
                INSERT INTO feed (url, kind, title, site_link, folder, subscribed_at, next_fetch_at)
                VALUES (\(subscription.url.postgresSafe), \(subscription.kind.rawValue), \(subscription.title.postgresSafe),
                        \(subscription.siteLink.postgresSafe), \(subscription.folder.postgresSafe), \(date), \(nextFetch))
                ON CONFLICT (url) DO NOTHING
                RETURNING \(unescaped: Self.feedColumns)
                """, Self.storedFeed)
            if let feed = inserted.first { return feed }
            guard let existing = try await Self.feed(url: subscription.url, in: sql) else {
                throw StoreError(code: .database, message: "\(subscription.url) vanished while subscribing")
            }
            return existing
        }
    }

    public func removeFeed(_ id: FeedID) async throws -> Bool {
        try await write("cannot remove feed \(id)") { sql in
            try await !sql("DELETE FROM feed WHERE id = \(id.rawValue) RETURNING id").isEmpty
        }
    }

    public func feeds() async throws -> [StoredFeed] {
        try await read("cannot list feeds") { sql in
            try await sql.map("SELECT \(unescaped: Self.feedColumns) FROM feed ORDER BY id", Self.storedFeed)
        }
    }

    public func feed(id: FeedID) async throws -> StoredFeed? {
        try await read("cannot read feed \(id)") { sql in
            try await sql.map("SELECT \(unescaped: Self.feedColumns) FROM feed WHERE id = \(id.rawValue)", Self.storedFeed).first
        }
    }

    public func feed(url: String) async throws -> StoredFeed? {
        try await read("cannot read feed \(url)") { sql in
            try await Self.feed(url: url, in: sql)
        }
    }

    public func updateFeedURL(_ id: FeedID, to given: String) async throws {
        guard !given.isEmpty else { throw invalidArgument("feed \(id): empty URL") }
        let url = given.postgresSafe
        try await write("cannot change URL of feed \(id) to \(url)") { sql in
            let current = try await sql.map("SELECT url FROM feed WHERE id = \(id.rawValue) FOR UPDATE") {
                try $0("url", as: String.self)
            }
            guard let old = current.first else { throw StoreError(code: .notFound, message: "feed \(id) not found") }
            guard old != url else { return }
            if try await !sql("SELECT 1 FROM feed WHERE url = \(url)").isEmpty {
                throw StoreError(code: .conflict, message: "feed \(id): \(url) is already subscribed")
            }
            // A concurrent subscriber of `url` still makes this fail with a unique violation: `conflict` too.
            try await sql("UPDATE feed SET url = \(url) WHERE id = \(id.rawValue)")
        }
    }

    public func updateFeedInfo(_ id: FeedID, title: String?, siteLink: String?) async throws {
        try await write("cannot update feed \(id)") { sql in
            let updated = try await sql(
                """
                UPDATE feed SET title = COALESCE(\(title.postgresSafe), title),
                    site_link = COALESCE(\(siteLink.postgresSafe), site_link)
                WHERE id = \(id.rawValue) RETURNING id
                """)
            guard !updated.isEmpty else { throw StoreError(code: .notFound, message: "feed \(id) not found") }
        }
    }

    public func recordFetch(_ id: FeedID, state: FetchState) async throws {
        try await write("cannot record fetch of feed \(id)") { sql in
            let updated = try await sql(
                """
                UPDATE feed SET
                    status = \(state.status.rawValue), etag = \(state.etag.postgresSafe),
                    last_modified = \(state.lastModified.postgresSafe),
                    next_fetch_at = \(state.nextFetchAt?.storedPrecision), retry_after = \(state.retryAfter?.storedPrecision),
                    consecutive_errors = \(state.consecutiveErrors), last_error = \(state.lastError.postgresSafe),
                    last_fetched_at = \(state.lastFetchedAt?.storedPrecision),
                    last_success_at = \(state.lastSuccessAt?.storedPrecision), http_status = \(state.httpStatus),
                    lease_owner = NULL, lease_until = NULL
                WHERE id = \(id.rawValue) RETURNING id
                """)
            guard !updated.isEmpty else { throw StoreError(code: .notFound, message: "feed \(id) not found") }
        }
    }

    public func dueFeeds(at date: Date, limit: Int?) async throws -> [StoredFeed] {
        if let limit, limit < 0 { throw invalidArgument("negative limit \(limit)") }
        let date = date.storedPrecision
        return try await read("cannot list due feeds") { sql in
            try await sql.map(
                """
                SELECT \(unescaped: Self.feedColumns) FROM feed
                WHERE kind = 'feed' AND status <> 'gone' AND next_fetch_at <= \(date)
                    AND (retry_after IS NULL OR retry_after <= \(date))
                ORDER BY next_fetch_at, id LIMIT \(limit)
                """, Self.storedFeed)
        }
    }

    /// Claims feeds for `worker` in one transaction: `SELECT … FOR UPDATE SKIP LOCKED` picks feeds of `scope` whose
    /// lease is absent or expired and that no concurrent claimer has locked, then sets `lease_owner` and
    /// `lease_until = now + leaseSeconds` on them. Two workers claiming at once get disjoint feeds; a feed whose
    /// worker died is claimable again once its lease has expired.
    ///
    /// Leases compare against the `now` each worker passes, so the workers' clocks should agree to well within
    /// the lease (NTP does that).
    public func claimFeeds(_ scope: ClaimScope, limit: Int, worker: String, leaseSeconds: Int, now: Date) async throws -> [StoredFeed] {
        guard limit >= 0, leaseSeconds > 0, !worker.isEmpty else {
            throw invalidArgument(
                "claim needs limit ≥ 0, lease > 0 s and a worker name (got \(limit), \(leaseSeconds), '\(worker)')")
        }
        let now = now.storedPrecision
        let until = now.addingTimeInterval(TimeInterval(leaseSeconds)).storedPrecision
        // The scope's condition and every value are bound, through the same builder the article queries use.
        var select = PostgresQueryBuilder("SELECT id FROM feed")
        select.filter("kind = 'feed' AND status <> 'gone'")
        switch scope {
        case .due:
            select.filter("next_fetch_at <= ", now)
        case .notFetchedSince(let date):
            select.filter("(last_fetched_at IS NULL OR last_fetched_at < ", date.storedPrecision)
            select.append(")")
        case .feed(let id):
            select.filter("id = ", id.rawValue)
        }
        select.filter("(retry_after IS NULL OR retry_after <= ", now)
        select.append(")")
        select.filter("(lease_until IS NULL OR lease_until <= ", now)
        select.append(")")
        select.append(" ORDER BY next_fetch_at, id LIMIT ", limit)
        select.append(" FOR UPDATE SKIP LOCKED")
        let candidatesQuery = select.query
        return try await write("cannot claim feeds for \(worker)") { sql in
            let candidates = try await sql.map(candidatesQuery) { try $0("id", as: Int64.self) }
            guard !candidates.isEmpty else { return [] }
            let claimed = try await sql.map(
                """
                UPDATE feed SET lease_owner = \(worker), lease_until = \(until)
                WHERE id = ANY(\(candidates)) RETURNING \(unescaped: Self.feedColumns)
                """, Self.storedFeed)
            let order = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
            return claimed.sorted { (order[$0.id.rawValue] ?? 0) < (order[$1.id.rawValue] ?? 0) }
        }
    }

    public func renewClaims(_ ids: [FeedID], worker: String, leaseSeconds: Int, now: Date) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let until = now.addingTimeInterval(TimeInterval(leaseSeconds)).storedPrecision
        let raw = ids.map(\.rawValue)
        return try await write("cannot renew claims of \(worker)") { sql in
            try await sql(
                "UPDATE feed SET lease_until = \(until) WHERE id = ANY(\(raw)) AND lease_owner = \(worker) RETURNING id"
            ).count
        }
    }

    public func releaseClaims(worker: String) async throws -> Int {
        try await write("cannot release claims of \(worker)") { sql in
            try await sql(
                "UPDATE feed SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = \(worker) RETURNING id"
            ).count
        }
    }

    // MARK: Helpers

    /// The columns ``storedFeed(_:)`` reads.
    static let feedColumns = """
        id, url, kind, title, site_link, folder, subscribed_at, status, etag, last_modified, next_fetch_at, \
        retry_after, consecutive_errors, last_error, last_fetched_at, last_success_at, http_status, lease_owner, \
        lease_until
        """

    static func feed(url: String, in sql: PostgresStatements) async throws -> StoredFeed? {
        try await sql.map("SELECT \(unescaped: feedColumns) FROM feed WHERE url = \(url.postgresSafe)", storedFeed).first
    }

    /// A `feed` row as the protocol's value type.
    static func storedFeed(_ row: PostgresRowReader) throws -> StoredFeed {
        let id = try row("id", as: Int64.self)
        let rawKind = try row("kind", as: String.self)
        let rawStatus = try row("status", as: String.self)
        guard let kind = FeedKind(rawValue: rawKind) else {
            throw StoreError(code: .decoding, message: "feed \(id): unknown kind '\(rawKind)'")
        }
        guard let status = FeedStatus(rawValue: rawStatus) else {
            throw StoreError(code: .decoding, message: "feed \(id): unknown status '\(rawStatus)'")
        }
        let fetch = FetchState(
            status: status, etag: try row("etag"), lastModified: try row("last_modified"),
            nextFetchAt: try row.optionalDate("next_fetch_at"), retryAfter: try row.optionalDate("retry_after"),
            consecutiveErrors: try row("consecutive_errors"), lastError: try row("last_error"),
            lastFetchedAt: try row.optionalDate("last_fetched_at"), lastSuccessAt: try row.optionalDate("last_success_at"),
            httpStatus: try row("http_status"))
        return StoredFeed(
            id: FeedID(id), url: try row("url"), kind: kind, title: try row("title"), siteLink: try row("site_link"),
            folder: try row("folder"), subscribedAt: try row.date("subscribed_at"), fetch: fetch,
            leaseOwner: try row("lease_owner"), leaseUntil: try row.optionalDate("lease_until"))
    }
}
