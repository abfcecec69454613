import RundschauModel
import Foundation
import GRDB
import RundschauStore

/// A row of `feed`: a subscription with its fetch state and claim lease.
struct FeedRecord: Codable, Sendable {
    var id: Int64?
    var url: String
    var kind: String
    var title: String?
    var siteLink: String?
    var folder: String?
    var subscribedAt: Date
    var status: String
    var etag: String?
    var lastModified: String?
    var nextFetchAt: Date?
    var retryAfter: Date?
    var consecutiveErrors: Int
    var lastError: String?
    var lastFetchedAt: Date?
    var lastSuccessAt: Date?
    var httpStatus: Int?
    var leaseOwner: String?
    var leaseUntil: Date?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, url, kind, title
        case siteLink = "site_link"
        case folder
        case subscribedAt = "subscribed_at"
        case status, etag
        case lastModified = "last_modified"
        case nextFetchAt = "next_fetch_at"
        case retryAfter = "retry_after"
        case consecutiveErrors = "consecutive_errors"
        case lastError = "last_error"
        case lastFetchedAt = "last_fetched_at"
        case lastSuccessAt = "last_success_at"
        case httpStatus = "http_status"
        case leaseOwner = "lease_owner"
        case leaseUntil = "lease_until"
    }

    typealias Columns = CodingKeys
}

extension FeedRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "feed"

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension FeedRecord {
    /// A new subscription's row: a fetched feed is due at once, a dump source never.
    init(subscription: FeedSubscription, at date: Date) {
        self.init(
            id: nil, url: subscription.url, kind: subscription.kind.rawValue, title: subscription.title,
            siteLink: subscription.siteLink, folder: subscription.folder, subscribedAt: date,
            status: FeedStatus.active.rawValue, etag: nil, lastModified: nil,
            nextFetchAt: subscription.kind == .feed ? date : nil, retryAfter: nil, consecutiveErrors: 0,
            lastError: nil, lastFetchedAt: nil, lastSuccessAt: nil, httpStatus: nil, leaseOwner: nil, leaseUntil: nil)
    }

    /// Overwrites the fetch-state columns and releases the claim.
    mutating func apply(_ state: FetchState) {
        status = state.status.rawValue
        etag = state.etag
        lastModified = state.lastModified
        nextFetchAt = state.nextFetchAt
        retryAfter = state.retryAfter
        consecutiveErrors = state.consecutiveErrors
        lastError = state.lastError
        lastFetchedAt = state.lastFetchedAt
        lastSuccessAt = state.lastSuccessAt
        httpStatus = state.httpStatus
        leaseOwner = nil
        leaseUntil = nil
    }

    /// The row as the protocol's value type.
    func stored() throws -> StoredFeed {
        guard let id else { throw StoreError(code: .decoding, message: "feed row without id") }
        guard let kind = FeedKind(rawValue: kind) else {
            throw StoreError(code: .decoding, message: "feed \(id): unknown kind '\(self.kind)'")
        }
        guard let status = FeedStatus(rawValue: status) else {
            throw StoreError(code: .decoding, message: "feed \(id): unknown status '\(self.status)'")
        }
        let fetch = FetchState(
            status: status, etag: etag, lastModified: lastModified, nextFetchAt: nextFetchAt, retryAfter: retryAfter,
            consecutiveErrors: consecutiveErrors, lastError: lastError, lastFetchedAt: lastFetchedAt,
            lastSuccessAt: lastSuccessAt, httpStatus: httpStatus)
        return StoredFeed(
            id: FeedID(id), url: url, kind: kind, title: title, siteLink: siteLink, folder: folder,
            subscribedAt: subscribedAt, fetch: fetch, leaseOwner: leaseOwner, leaseUntil: leaseUntil)
    }
}
