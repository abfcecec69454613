import Foundation
import RundschauModel

/// Story clusters: created, extended, merged and read back (cluster, publish, `stories`).
public protocol StoryStore: Sendable {
    /// Opens a new cluster (without members) and returns its id.
    func createCluster(_ draft: ClusterDraft) async throws -> ClusterID

    /// Changes a cluster's label, dates or representative.
    /// - Throws: ``StoreError/Code/notFound``.
    func updateCluster(_ id: ClusterID, _ draft: ClusterDraft) async throws

    /// Places articles in clusters (`nil` takes an article out of its cluster), in one transaction. An article is
    /// in at most one cluster, so assigning moves it.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown article or cluster (nothing is written then).
    func assignClusters(_ assignments: [ArticleID: ClusterID?]) async throws

    /// Merges clusters, in one transaction: every article of each key moves to its value, and the key's cluster
    /// (with its topic links) is deleted. Merges into a cluster that is itself merged away are not resolved.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown cluster (nothing is written then).
    func mergeClusters(_ merges: [ClusterID: ClusterID]) async throws

    /// Clusters with their members and topics, latest ``StoredCluster/lastSeen`` first.
    func clusters(_ query: ClusterQuery) async throws -> [StoredCluster]
}

extension StoryStore {
    /// One cluster with its members and topics, or `nil`.
    public func cluster(id: ClusterID) async throws -> StoredCluster? {
        try await clusters(ClusterQuery(ids: [id])).first
    }
}
