/// A store that processes on several machines share: the steps that must run once per round (import, cluster,
/// publish) are done by whichever process takes their role first; the others skip them.
///
/// SQLite needs no such thing (the run lock beside the file already makes one process the only writer);
/// PostgreSQL implements it with a session-level advisory lock, which the server drops when the process dies.
public protocol ExclusiveRoles: Sendable {
    /// Runs `body` while holding the role `name` among every process using this database, and returns its result;
    /// returns `nil` at once, without running `body`, when another process holds the role.
    func withExclusiveRole<T: Sendable>(_ name: String, _ body: () async throws -> T) async throws -> T?
}
