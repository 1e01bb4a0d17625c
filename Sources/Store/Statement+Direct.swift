import GRDB
import GRDBSQLite

/// A value bound to a statement parameter by `Statement.executeDirect`.
enum DirectValue {
    case integer(Int64)
    case text(String)
    case null

    /// Text, or NULL for nil.
    static func optional(_ text: String?) -> DirectValue { text.map(DirectValue.text) ?? .null }
}

extension Statement {
    /// Binds `values` to the parameters, in order, through SQLite's C API and runs the
    /// statement to completion. For the inserts on the answer path, where GRDB's general
    /// argument handling cost more than SQLite's own work. Use it only for statements that
    /// return no rows, inside a transaction GRDB manages. GRDB does not see these executions:
    /// its observers (none are used here) would miss them.
    func executeDirect(_ values: DirectValue...) throws {
        let handle = sqliteStatement
        precondition(values.count == Int(sqlite3_bind_parameter_count(handle)), "one value per parameter of \(sql)")
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .integer(let integer):
                code = sqlite3_bind_int64(handle, index, integer)
            case .text(var text):
                code = text.withUTF8 { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), transient) }
            case .null:
                code = sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else { throw failure(code) }
        }
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(sqliteStatement))), sql: sql)
    }
}

/// SQLite copies bound text before the call returns.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
