/// What a subscription reads from.
public enum FeedKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// A feed fetched over HTTP(S) or from a `file://` URL or local path.
    case feed
    /// A plain-text dump imported by `rundschau import`: one source per dump file, never fetched.
    case dump
}
