import Foundation
import RundschauStore

/// Where a PostgreSQL store lives, read from a `postgres://` URL.
///
/// ```
/// postgres://user:password@host:port/database?schema=name&sslmode=prefer
/// ```
/// - The scheme is `postgres` or `postgresql`. User and password are percent-decoded.
/// - Defaults follow `libpq` where they can: host `localhost`, port 5432, user `postgres`, database = user.
/// - `schema` (optional): the tables live in this schema, created when missing; several Rundschau stores can share
///   one database this way (the tests give each test its own). A plain lower-case identifier.
/// - `sslmode` (optional): `disable`, `prefer` (the default: TLS when the server offers it) or `require`.
///
/// ``description`` is the URL with the password replaced by `***`: errors and logs use it, never the password.
public struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    /// How the connection uses TLS.
    public enum TLSMode: String, Hashable, Sendable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, plain otherwise.
        case prefer
        /// TLS or no connection.
        case require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The role to log in as.
    public var username: String
    /// The role's password, if the server asks for one.
    public var password: String?
    /// The database name.
    public var database: String
    /// The schema the tables live in; `nil` uses the server's `search_path` (normally `public`).
    public var schema: String?
    /// How the connection uses TLS.
    public var tlsMode: TLSMode

    /// Describes a location field by field.
    public init(
        host: String = "localhost", port: Int = 5432, username: String = "postgres", password: String? = nil,
        database: String? = nil, schema: String? = nil, tlsMode: TLSMode = .prefer
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database ?? username
        self.schema = schema
        self.tlsMode = tlsMode
    }

    /// Whether `location` names a PostgreSQL database (`postgres://` or `postgresql://`, any case).
    public static func isPostgresURL(_ location: String) -> Bool {
        let lowered = location.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` URL.
    /// - Throws: ``StoreError`` with code `invalidArgument` naming the URL (password redacted) and what is wrong.
    public init(url: String) throws {
        guard Self.isPostgresURL(url), let components = URLComponents(string: url) else {
            throw Self.invalid(url, "not a postgres://user:password@host:port/database URL")
        }
        var host = components.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let username = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? "postgres"
        var database = components.path
        while database.hasPrefix("/") { database.removeFirst() }
        guard !database.contains("/") else { throw Self.invalid(url, "the path must be one database name") }
        self.init(
            host: host.isEmpty ? "localhost" : host, port: components.port ?? 5432, username: username,
            password: components.password, database: (database.removingPercentEncoding ?? database).nilIfEmpty)
        guard (1...65_535).contains(port) else { throw Self.invalid(url, "port \(port) is out of range") }
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "schema":
                guard Self.isPlainIdentifier(value) else {
                    throw Self.invalid(url, "schema '\(value)' must be a lower-case identifier ([a-z_][a-z0-9_]*)")
                }
                schema = value
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw Self.invalid(url, "sslmode '\(value)' must be disable, prefer or require")
                }
                tlsMode = mode
            default:
                throw Self.invalid(url, "unknown parameter '\(item.name)' (known: schema, sslmode)")
            }
        }
    }

    /// The URL without the password: `postgres://user:***@host:port/database?schema=…`.
    public var description: String {
        var text = "postgres://"
        text += Self.encodeUserInfo(username)
        if password != nil { text += ":***" }
        text += "@" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)/" + database
        var query: [String] = []
        if let schema { query.append("schema=\(schema)") }
        if tlsMode != .prefer { query.append("sslmode=\(tlsMode.rawValue)") }
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        return text
    }

    /// The same server and database with another schema.
    public func withSchema(_ schema: String?) -> PostgresLocation {
        var copy = self
        copy.schema = schema
        return copy
    }

    /// `[a-z_][a-z0-9_]*`, at most 63 bytes: safe to splice into SQL and into `search_path` without quoting.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63 else { return false }
        let lower = UInt8(ascii: "a")...UInt8(ascii: "z")
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        let underscore = UInt8(ascii: "_")
        guard lower.contains(first) || first == underscore else { return false }
        return name.utf8.allSatisfy { lower.contains($0) || digits.contains($0) || $0 == underscore }
    }

    /// A URL as given, with the password in its user info (between `:` and `@`) replaced by `***`; for printing
    /// a URL that may not even parse.
    public static func redacting(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    private static func invalid(_ url: String, _ reason: String) -> StoreError {
        StoreError(code: .invalidArgument, message: "invalid PostgreSQL URL: \(reason)", location: redacting(url))
    }

    private static func encodeUserInfo(_ text: String) -> String {
        var allowed = CharacterSet.urlUserAllowed
        allowed.remove(charactersIn: ":@/?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
