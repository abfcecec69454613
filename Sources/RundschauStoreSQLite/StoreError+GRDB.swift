import GRDB
import RundschauStore

extension StoreError {
    /// Turns whatever a database access threw into a ``StoreError`` naming the database. A `StoreError` thrown
    /// inside the access keeps its code and gains the location.
    init(mapping error: any Error, operation: String, location: String) {
        if var storeError = error as? StoreError {
            storeError.location = storeError.location ?? location
            self = storeError
            return
        }
        guard let dbError = error as? DatabaseError else {
            self.init(code: .database, message: "\(operation): \(error)", location: location, underlying: error)
            return
        }
        let detail = dbError.message ?? "\(dbError.resultCode)"
        let code: Code
        switch dbError.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            code = .conflict
        default:
            switch dbError.resultCode {
            case .SQLITE_CONSTRAINT: code = .constraint
            case .SQLITE_BUSY, .SQLITE_LOCKED: code = .busy
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: code = .cannotOpen
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: code = .corrupt
            case .SQLITE_IOERR: code = .io
            case .SQLITE_READONLY: code = .readOnly
            case .SQLITE_FULL: code = .full
            default: code = .database
            }
        }
        self.init(code: code, message: "\(operation): \(detail)", location: location, underlying: dbError)
    }
}
