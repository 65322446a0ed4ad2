import GRDB
import GRDBSQLite

/// A prepared statement for bulk inserts that binds values straight through the SQLite C
/// API, without building GRDB `StatementArguments` per row (the boxing dominated the cost of
/// storing millions of edges, references and terms).
///
/// Valid inside the GRDB write block whose `Database` prepared it; text is bound with
/// `SQLITE_TRANSIENT` (copied by SQLite), so arguments need not outlive `execute`.
struct BulkStatement {
    private let statement: Statement

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds one value per placeholder (1-based position).
    @inline(__always) func bind(_ position: Int32, _ value: Int64) {
        sqlite3_bind_int64(statement.sqliteStatement, position, value)
    }

    @inline(__always) func bind(_ position: Int32, _ value: Double) {
        sqlite3_bind_double(statement.sqliteStatement, position, value)
    }

    @inline(__always) func bind(_ position: Int32, _ value: String) {
        BulkStatement.bindText(statement.sqliteStatement, position, value)
    }

    static func bindText(_ handle: SQLiteStatement, _ position: Int32, _ value: String) {
        var text = value
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                _ = sqlite3_bind_text(handle, position, "", 0, nil)
                return
            }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                _ = sqlite3_bind_text(handle, position, chars, Int32(bytes.count), transient)
            }
        }
    }

    /// SQLite's `SQLITE_TRANSIENT`: the text is copied during the bind.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    @inline(__always) func bindNull(_ position: Int32) {
        sqlite3_bind_null(statement.sqliteStatement, position)
    }

    /// Runs the statement with the values bound, then resets it for the next row.
    /// - Throws: GRDB's `DatabaseError` with SQLite's message when the step fails.
    func execute() throws {
        let handle = statement.sqliteStatement
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
        }
    }
}

/// Reads the rows of a query through the SQLite C API (no GRDB `Row` per row), for the
/// bulk reads of edges, references and terms.
struct RowScanner {
    private let statement: Statement

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds a text parameter (1-based).
    func bind(_ position: Int32, _ value: String) { BulkStatement.bindText(statement.sqliteStatement, position, value) }

    /// Calls `body` with each result row.
    /// - Throws: GRDB's `DatabaseError` when a step fails, or what `body` throws.
    func forEach(_ body: (ScannedRow) throws -> Void) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
            }
            try body(ScannedRow(handle: handle))
        }
    }
}

/// One row under a `RowScanner`; columns are 0-based.
struct ScannedRow {
    let handle: SQLiteStatement
    @inline(__always) func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    @inline(__always) func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    @inline(__always) func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
}
