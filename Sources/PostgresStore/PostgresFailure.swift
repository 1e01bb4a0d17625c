import PostgresNIO
import Store

/// PostgreSQL's errors as the store's own: postgres-nio's errors hide their details from
/// `description` (to keep queries and data out of logs), so the server's message and state are
/// read out here. Connection failures and a server shutting down are `unavailable` (the server
/// answers 503 and the request can be retried); anything else the server refuses is `refused`.
enum PostgresFailure {
    static func storeError(_ error: any Error) -> any Error {
        switch error {
        case let error as StoreError: return error
        case let error as PostgresTransactionError:
            return storeError(error.closureError ?? error.commitError ?? error.beginError ?? error.rollbackError ?? StoreError.unavailable("transaction failed"))
        case let error as PSQLError where error.code == .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "an error"
            // 08: connection exception, 53: insufficient resources, 57: operator intervention
            // (shutdown, statement timeout), 40: a deadlock or serialization failure (retry).
            if ["08", "53", "57", "40"].contains(String(state.prefix(2))) { return StoreError.unavailable("\(message) (SQLSTATE \(state))") }
            return StoreError.refused("\(message) (SQLSTATE \(state))")
        default:
            return StoreError.unavailable(describe(error))
        }
    }

    /// A readable line for any error met talking to PostgreSQL.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as StoreError: return error.description
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] { return message }
            let underlying = error.underlying.map { ": \($0)" } ?? ""
            return "\(error.code)\(underlying)"
        default: return String(describing: error)
        }
    }

    /// The SQLSTATE of a server error, if it is one (e.g. 23505, a unique constraint).
    static func state(_ error: any Error) -> String? {
        if let error = error as? PostgresTransactionError { return (error.closureError ?? error.commitError).flatMap(state) }
        return (error as? PSQLError)?.serverInfo?[.sqlState]
    }
}
