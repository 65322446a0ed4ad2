import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API, for the bulk inserts of an
/// ingest (and of edges, terms, scores) where GRDB's argument boxing (`StatementArguments`, `DatabaseValue`) costs more than
/// SQLite's own work. The only file that imports the SQLite C module.
///
/// Bind every parameter, then `execute()`. Text is copied into one reusable buffer per
/// parameter and bound with `SQLITE_STATIC`, so binding allocates nothing per row.
final class BulkStatement {
    /// Kept alive: GRDB owns (and finalizes) the `sqlite3_stmt`.
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?
    /// Text buffers by parameter (index 0 unused), valid until the parameter is bound again.
    private var buffers: [UnsafeMutableRawBufferPointer]

    private static let staticText = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
        let count = Int(sqlite3_bind_parameter_count(handle))
        buffers = (0...count).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 1) }
    }

    deinit {
        // SQLite must not read the buffers after this: clear the bindings first.
        sqlite3_clear_bindings(handle)
        for buffer in buffers { buffer.deallocate() }
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Double) {
        sqlite3_bind_double(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int?) {
        if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUTF8 { utf8 in
            let slot = Int(index)
            if buffers[slot].count < utf8.count + 1 {
                buffers[slot].deallocate()
                buffers[slot] = UnsafeMutableRawBufferPointer.allocate(byteCount: max(utf8.count + 1, buffers[slot].count * 2), alignment: 1)
            }
            let target = buffers[slot]
            if let source = utf8.baseAddress, utf8.count > 0 {
                target.baseAddress!.copyMemory(from: source, byteCount: utf8.count)
            }
            // A non-null pointer even for '', which SQLite would otherwise store as NULL.
            let text = target.baseAddress!.assumingMemoryBound(to: CChar.self)
            sqlite3_bind_text(handle, index, text, Int32(utf8.count), BulkStatement.staticText)
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

/// Reads the rows of a query through the SQLite C API (no GRDB `Row` per row), for the
/// bulk reads of edges, references and terms.
struct RowScanner {
    private let statement: Statement

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds a text parameter (1-based); SQLite copies it.
    func bind(_ position: Int32, _ value: String) {
        let handle = statement.sqliteStatement
        _ = value.withCString { sqlite3_bind_text(handle, position, $0, -1, RowScanner.transient) }
    }

    /// Binds an integer parameter (1-based).
    func bind(_ position: Int32, _ value: Int64) {
        sqlite3_bind_int64(statement.sqliteStatement, position, value)
    }

    /// SQLite's `SQLITE_TRANSIENT`: the text is copied during the bind.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

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
