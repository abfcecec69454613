import RundschauModel
import Foundation
import GRDB
import RundschauStore

extension SQLiteFeedStore {
    public func subscribe(_ subscription: FeedSubscription, at date: Date) async throws -> StoredFeed {
        guard !subscription.url.isEmpty else {
            throw StoreError(code: .invalidArgument, message: "cannot subscribe to an empty URL", location: path)
        }
        return try await write("cannot subscribe to \(subscription.url)") { db in
            if let existing = try FeedRecord.filter(FeedRecord.Columns.url == subscription.url).fetchOne(db) {
                return try existing.stored()
            }
            var record = FeedRecord(subscription: subscription, at: date)
            try record.insert(db)
            return try record.stored()
        }
    }

    public func removeFeed(_ id: FeedID) async throws -> Bool {
        try await write("cannot remove feed \(id)") { db in
            try FeedRecord.deleteOne(db, key: id.rawValue)
        }
    }

    public func feeds() async throws -> [StoredFeed] {
        try await read("cannot list feeds") { db in
            try FeedRecord.order(FeedRecord.Columns.id).fetchAll(db).map { try $0.stored() }
        }
    }

    public func feed(id: FeedID) async throws -> StoredFeed? {
        try await read("cannot read feed \(id)") { db in
            try FeedRecord.fetchOne(db, key: id.rawValue)?.stored()
        }
    }

    public func feed(url: String) async throws -> StoredFeed? {
        try await read("cannot read feed \(url)") { db in
            try FeedRecord.filter(FeedRecord.Columns.url == url).fetchOne(db)?.stored()
        }
    }

    public func updateFeedURL(_ id: FeedID, to url: String) async throws {
        guard !url.isEmpty else {
            throw StoreError(code: .invalidArgument, message: "feed \(id): empty URL", location: path)
        }
        try await write("cannot change URL of feed \(id) to \(url)") { db in
            var record = try Self.feedRecord(id, in: db)
            guard record.url != url else { return }
            if try FeedRecord.filter(FeedRecord.Columns.url == url).fetchCount(db) > 0 {
                throw StoreError(code: .conflict, message: "feed \(id): \(url) is already subscribed")
            }
            record.url = url
            try record.update(db, columns: [FeedRecord.Columns.url])
        }
    }

    public func updateFeedInfo(_ id: FeedID, title: String?, siteLink: String?) async throws {
        try await write("cannot update feed \(id)") { db in
            var record = try Self.feedRecord(id, in: db)
            if let title { record.title = title }
            if let siteLink { record.siteLink = siteLink }
            try record.update(db, columns: [FeedRecord.Columns.title, FeedRecord.Columns.siteLink])
        }
    }

    public func recordFetch(_ id: FeedID, state: FetchState) async throws {
        try await write("cannot record fetch of feed \(id)") { db in
            var record = try Self.feedRecord(id, in: db)
            record.apply(state)
            try record.update(db)
        }
    }

    public func dueFeeds(at date: Date, limit: Int?) async throws -> [StoredFeed] {
        if let limit, limit < 0 {
            throw StoreError(code: .invalidArgument, message: "negative limit \(limit)", location: path)
        }
        return try await read("cannot list due feeds") { db in
            try Self.dueRequest(at: date, limit: limit).fetchAll(db).map { try $0.stored() }
        }
    }

    public func claimFeeds(_ scope: ClaimScope, limit: Int, worker: String, leaseSeconds: Int, now: Date) async throws -> [StoredFeed] {
        guard limit >= 0, leaseSeconds > 0, !worker.isEmpty else {
            throw StoreError(
                code: .invalidArgument,
                message: "claim needs limit ≥ 0, lease > 0 s and a worker name (got \(limit), \(leaseSeconds), '\(worker)')",
                location: path)
        }
        let until = now.addingTimeInterval(TimeInterval(leaseSeconds))
        return try await write("cannot claim feeds for \(worker)") { db in
            let c = FeedRecord.Columns.self
            let unclaimed = c.leaseUntil == nil || c.leaseUntil <= now
            let request: QueryInterfaceRequest<FeedRecord>
            switch scope {
            case .due:
                request = Self.dueRequest(at: now, limit: limit)
            case .notFetchedSince(let date):
                request = Self.fetchableRequest(at: now).filter(c.lastFetchedAt == nil || c.lastFetchedAt < date).limit(limit)
            case .feed(let id):
                request = Self.fetchableRequest(at: now).filter(c.id == id.rawValue).limit(limit)
            }
            var claimed = try request.filter(unclaimed).fetchAll(db)
            for index in claimed.indices {
                claimed[index].leaseOwner = worker
                claimed[index].leaseUntil = until
                try claimed[index].update(db, columns: [c.leaseOwner, c.leaseUntil])
            }
            return try claimed.map { try $0.stored() }
        }
    }

    public func renewClaims(_ ids: [FeedID], worker: String, leaseSeconds: Int, now: Date) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let until = now.addingTimeInterval(TimeInterval(leaseSeconds))
        return try await write("cannot renew claims of \(worker)") { db in
            try FeedRecord.filter(ids.map(\.rawValue).contains(FeedRecord.Columns.id))
                .filter(FeedRecord.Columns.leaseOwner == worker)
                .updateAll(db, FeedRecord.Columns.leaseUntil.set(to: until))
        }
    }

    public func releaseClaims(worker: String) async throws -> Int {
        try await write("cannot release claims of \(worker)") { db in
            try FeedRecord.filter(FeedRecord.Columns.leaseOwner == worker)
                .updateAll(db, FeedRecord.Columns.leaseOwner.set(to: nil), FeedRecord.Columns.leaseUntil.set(to: nil))
        }
    }

    // MARK: Helpers

    /// Fetched feeds due at `date`, not gone, with no `Retry-After` after `date`, by next fetch time then id.
    static func dueRequest(at date: Date, limit: Int?) -> QueryInterfaceRequest<FeedRecord> {
        let c = FeedRecord.Columns.self
        let request = fetchableRequest(at: date).filter(c.nextFetchAt != nil && c.nextFetchAt <= date)
        if let limit { return request.limit(limit) }
        return request
    }

    /// Fetched feeds, not gone, with no `Retry-After` after `date`, by next fetch time then id.
    static func fetchableRequest(at date: Date) -> QueryInterfaceRequest<FeedRecord> {
        let c = FeedRecord.Columns.self
        return FeedRecord
            .filter(c.kind == FeedKind.feed.rawValue)
            .filter(c.status != FeedStatus.gone.rawValue)
            .filter(c.retryAfter == nil || c.retryAfter <= date)
            .order(c.nextFetchAt, c.id)
    }

    /// The feed row, or `notFound`.
    static func feedRecord(_ id: FeedID, in db: Database) throws -> FeedRecord {
        guard let record = try FeedRecord.fetchOne(db, key: id.rawValue) else {
            throw StoreError(code: .notFound, message: "feed \(id) not found")
        }
        return record
    }
}
