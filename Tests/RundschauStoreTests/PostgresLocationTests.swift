import Foundation
import RundschauStore
import RundschauStorePostgres
import Testing

/// Reading `postgres://` URLs and keeping passwords out of messages; no server needed.
@Suite("PostgreSQL URLs")
struct PostgresLocationTests {
    @Test("every part of the URL is read, user and password percent-decoded")
    func fullURL() throws {
        let location = try PostgresLocation(url: "postgres://rund%40schau:p%3Ass%2Fw@db.example:6543/news?schema=worker_a&sslmode=require")
        #expect(location.host == "db.example")
        #expect(location.port == 6543)
        #expect(location.username == "rund@schau")
        #expect(location.password == "p:ss/w")
        #expect(location.database == "news")
        #expect(location.schema == "worker_a")
        #expect(location.tlsMode == .require)
        #expect(location.description == "postgres://rund%40schau:***@db.example:6543/news?schema=worker_a&sslmode=require")
    }

    @Test("defaults: localhost, 5432, user postgres, database named like the user, TLS preferred")
    func defaults() throws {
        let bare = try PostgresLocation(url: "postgresql://")
        #expect(bare == PostgresLocation(host: "localhost", port: 5432, username: "postgres", database: "postgres"))
        #expect(bare.tlsMode == .prefer)
        let user = try PostgresLocation(url: "POSTGRES://anna@127.0.0.1")
        #expect(user.database == "anna")
        #expect(user.password == nil)
        #expect(user.description == "postgres://anna@127.0.0.1:5432/anna")
        #expect(try PostgresLocation(url: "postgres://u@[::1]:5433/db").host == "::1")
    }

    @Test(
        "malformed URLs are refused with the reason, never showing the password",
        arguments: [
            ("https://u:secret@db/x", "not a postgres://"),
            ("postgres://u:secret@db/x?schema=Bad-Name", "schema 'Bad-Name'"),
            ("postgres://u:secret@db/x?sslmode=verify-full", "sslmode 'verify-full'"),
            ("postgres://u:secret@db/x?password=secret", "unknown parameter 'password'"),
            ("postgres://u:secret@db/x/y", "one database name"),
        ])
    func malformed(url: String, reason: String) {
        let error = #expect(throws: StoreError.self) { _ = try PostgresLocation(url: url) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
        #expect(error?.location?.contains("***") == true)
        #expect(error.map { "\($0)" }?.contains("secret@") == false)
    }

    @Test("only postgres:// and postgresql:// name a server")
    func scheme() {
        #expect(PostgresLocation.isPostgresURL("postgres://x"))
        #expect(PostgresLocation.isPostgresURL("PostgreSQL://x"))
        #expect(!PostgresLocation.isPostgresURL(".rundschau/rundschau.sqlite"))
        #expect(!PostgresLocation.isPostgresURL("sqlite://postgres.sqlite"))
    }

    @Test("an unreachable server fails at once with cannotOpen, naming the URL without its password")
    func unreachable() async throws {
        // One direct connection attempt, no pool retrying in the background: the refusal comes back as the error.
        let error = await #expect(throws: StoreError.self) {
            _ = try await PostgresFeedStore(url: "postgres://rundschau:hunter2@127.0.0.1:1/rundschau?sslmode=disable", logger: .quiet)
        }
        #expect(error?.code == .cannotOpen)
        #expect(error?.location == "postgres://rundschau:***@127.0.0.1:1/rundschau?sslmode=disable")
        #expect(error.map { "\($0)" }?.contains("hunter2") == false)
        #expect(error?.message.hasPrefix("cannot connect") == true, "\(String(describing: error))")
    }
}
