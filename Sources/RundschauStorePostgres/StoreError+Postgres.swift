import PostgresNIO
import RundschauStore

extension StoreError {
    /// Turns whatever a PostgreSQL access threw into a ``StoreError`` naming the database (password redacted).
    ///
    /// A `StoreError` thrown inside the access keeps its code and gains the location. Server errors are mapped by
    /// SQLSTATE class (23505 → `conflict`, other 23 → `constraint`, 08/28/3D → `cannotOpen`, 40 and 55P03 → `busy`,
    /// 53100 → `full`, 25006 → `readOnly`, 58 → `io`, XX001/XX002 → `corrupt`); connection failures (and the
    /// pool's errors: shut down, server unreachable for a long time) are `cannotOpen`, undecodable cells `decoding`,
    /// the rest `database`. The message carries the server's own text
    /// (never the query or its values).
    init(postgres error: any Error, operation: String, location: String) {
        if var storeError = error as? StoreError {
            storeError.location = storeError.location ?? location
            self = storeError
            return
        }
        if let transaction = error as? PostgresTransactionError,
            let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError
        {
            self.init(postgres: inner, operation: operation, location: location)
            return
        }
        if let decoding = error as? PostgresDecodingError {
            self.init(
                code: .decoding, message: "\(operation): column \(decoding.columnName): \(decoding.code)",
                location: location, underlying: decoding)
            return
        }
        guard let psql = error as? PSQLError else {
            // The pool's own errors (its module is not public API): shut down, or no connection for a long time.
            let code: Code = String(reflecting: type(of: error)).hasSuffix(".ConnectionPoolError") ? .cannotOpen : .database
            self.init(code: code, message: "\(operation): \(error)", location: location, underlying: error)
            return
        }
        let (code, detail) = Self.classify(psql)
        self.init(code: code, message: "\(operation): \(detail)", location: location, underlying: psql)
    }

    /// The store code and a one-line explanation for a postgres-nio error.
    private static func classify(_ error: PSQLError) -> (Code, String) {
        guard error.code == .server, let state = error.serverInfo?[.sqlState] else {
            return (clientCode(error.code), clientDetail(error))
        }
        var detail = error.serverInfo?[.message] ?? "server error"
        if let constraint = error.serverInfo?[.constraintName] { detail += " (\(constraint))" }
        detail += " [SQLSTATE \(state)]"
        let code: Code
        switch state {
        case "23505": code = .conflict
        case _ where state.hasPrefix("23"): code = .constraint
        case _ where state.hasPrefix("08"), _ where state.hasPrefix("28"), "3D000", "57P03": code = .cannotOpen
        case _ where state.hasPrefix("40"), "55P03", "57014": code = .busy
        case "53100": code = .full
        case "25006": code = .readOnly
        case _ where state.hasPrefix("58"): code = .io
        case "XX001", "XX002": code = .corrupt
        default: code = .database
        }
        return (code, detail)
    }

    private static func clientCode(_ code: PSQLError.Code) -> Code {
        switch code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .sslUnsupported, .failedToAddSSLHandler,
            .receivedUnencryptedDataAfterSSLRequest, .unsupportedAuthMechanism, .authMechanismRequiresPassword,
            .saslError, .poolClosed, .clientClosedConnection:
            return .cannotOpen
        case .queryCancelled:
            return .busy
        default:
            return .database
        }
    }

    private static func clientDetail(_ error: PSQLError) -> String {
        switch error.code {
        case .poolClosed, .clientClosedConnection: return "the store is closed"
        case .sslUnsupported: return "the server does not offer TLS (sslmode=require)"
        case .authMechanismRequiresPassword: return "the server asks for a password and the URL has none"
        default: break
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
