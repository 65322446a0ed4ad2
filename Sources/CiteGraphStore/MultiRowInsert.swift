import GRDB

/// `INSERT … VALUES (row), (row), …` statements holding up to `maxRows` rows each, prepared
/// once per row count: one SQLite step stores many rows, which for narrow rows (edges,
/// reference rows, author links) costs about as much as one.
///
/// Use: `insert(rowCount) { statement, row, firstParameter in … }` binds each row's
/// parameters from `firstParameter` (1-based) on; `insertAll(count)` splits a longer run.
final class MultiRowInsert {
    private let db: Database
    private let prefix: String
    private let rowTemplate: String
    private let suffix: String
    private let parametersPerRow: Int
    let maxRows: Int
    private var statements: [Int: BulkStatement] = [:]

    /// - Parameters:
    ///   - prefix: the statement up to `VALUES` ("INSERT INTO edges (kind, source) VALUES ").
    ///   - rowTemplate: one row ("(?, ?)", constants allowed); its `?` count is the
    ///     parameters per row.
    ///   - suffix: what follows the rows (an `ON CONFLICT` clause), without parameters.
    init(_ db: Database, prefix: String, rowTemplate: String, suffix: String = "", maxRows: Int = 32) {
        self.db = db; self.prefix = prefix; self.rowTemplate = rowTemplate; self.suffix = suffix; self.maxRows = maxRows
        parametersPerRow = rowTemplate.filter { $0 == "?" }.count
    }

    /// Inserts `count` rows (any number), `bind(statement, row, firstParameter)` binding
    /// row `row` (0-based over all `count`) from parameter `firstParameter`.
    func insertAll(_ count: Int, bind: (BulkStatement, Int, Int32) throws -> Void) throws {
        var start = 0
        while start < count {
            let rows = min(maxRows, count - start)
            let statement = try self.statement(rows: rows)
            for row in 0..<rows { try bind(statement, start + row, Int32(row * parametersPerRow + 1)) }
            try statement.execute()
            start += rows
        }
    }

    private func statement(rows: Int) throws -> BulkStatement {
        if let statement = statements[rows] { return statement }
        let sql = prefix + Array(repeating: rowTemplate, count: rows).joined(separator: ", ") + suffix
        let statement = try BulkStatement(db, sql: sql)
        statements[rows] = statement
        return statement
    }
}
