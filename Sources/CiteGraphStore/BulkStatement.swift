import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API, for the bulk inserts of an
/// ingest where GRDB's argument boxing (`StatementArguments`, `DatabaseValue`) costs more than
/// SQLite's own work. The only file that imports the SQLite C module.
///
/// Bind every parameter, then `execute()`; values are copied by SQLite (`SQLITE_TRANSIENT`).
struct BulkStatement {
    /// Kept alive: GRDB owns (and finalizes) the `sqlite3_stmt`.
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int?) {
        if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: String?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        let bound = value.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            let text = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            sqlite3_bind_text(handle, index, text, Int32(buffer.count), BulkStatement.transient)
            return true
        }
        if bound != true {
            // Not contiguous UTF-8 (a bridged string), or empty: SQLite stores '' and not NULL.
            _ = value.withCString { sqlite3_bind_text(handle, index, $0, -1, BulkStatement.transient) }
        }
    }

    /// Runs the statement once with the bound values, then resets it for the next row.
    /// - Throws: `DatabaseError` with SQLite's message (a constraint failure, a full disk…).
    func execute() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
