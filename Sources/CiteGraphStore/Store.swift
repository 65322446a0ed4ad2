import Foundation
import GRDB
import Synchronization

/// The citegraph store: one SQLite file (WAL mode) holding papers, provenance, terms, edges
/// and analysis results. See the README for the schema.
///
/// Every mutating operation runs in one transaction: it is stored whole or not at all.
public final class Store: Sendable {
    /// The database file path.
    public let path: String
    /// The connections to the file; replaced only while a bulk load has the file to itself
    /// (`withBulkLoadConnection`).
    private let connections: Mutex<DatabasePool>
    var pool: DatabasePool { connections.withLock { $0 } }

    /// Opens (creating when missing) the store at `path` and applies pending migrations.
    ///
    /// - Throws: `StoreError.notAStore` for a file that is not SQLite or holds foreign
    ///   tables, `StoreError.newerSchema` for a store written by a newer citegraph; in both
    ///   cases the file is not modified.
    public init(path: String) throws {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if exists { try Store.checkIsCiteGraphStore(path: path) }
        let pool: DatabasePool
        do {
            pool = try Store.openPool(path: path)
        } catch {
            throw Store.isBusy(error) ? StoreError.busy(path: path) : StoreError.cannotOpen(path: path, reason: Store.describe(error))
        }
        connections = Mutex(pool)
        do {
            try pool.write { db in
                if try Schema.migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
            }
            try Schema.migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Store.isBusy(error) ? StoreError.busy(path: path) : StoreError.cannotOpen(path: path, reason: Store.describe(error))
        }
    }

    /// True for SQLite's "database is locked" answers (another connection holds the file).
    static func isBusy(_ error: Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }

    /// Opens the connections to `path` (WAL mode; GRDB creates the file when missing).
    static func openPool(path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL + NORMAL stays consistent when the process is killed; a 256 MB page cache
            // keeps bulk loads of millions of rows from thrashing the indexes. Readers scan
            // (papers, edges) more than they seek: 32 MB each, so that the pool's readers do
            // not add hundreds of MB to the peak of a million-paper run.
            let cacheKiB = db.configuration.readonly ? 32_768 : Store.writerCacheKiB
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -\(cacheKiB); PRAGMA temp_store = MEMORY")
        }
        return try DatabasePool(path: path, configuration: configuration)
    }

    /// The page cache of a connection that writes, in KiB.
    static let writerCacheKiB = 262_144

    /// Closes the connections, runs `body` with nothing else of this process using the file,
    /// then opens them again (also when `body` throws).
    func withConnectionsClosed<T>(_ body: () throws -> T) throws -> T {
        try pool.close()
        let result = Result { try body() }
        let reopened = try Store.openPool(path: path)
        connections.withLock { $0 = reopened }
        return try result.get()
    }

    /// Refuses files that are not SQLite databases or that hold tables but no citegraph
    /// migrations, reading them with a read-only connection.
    static func checkIsCiteGraphStore(path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { return }
        var configuration = Configuration()
        configuration.readonly = true
        // Reading a WAL-mode database creates empty -wal and -shm files beside it; a refused
        // file must be left as it was found, so remove the ones this check created.
        let sidecars = [path + "-wal", path + "-shm"].filter { !FileManager.default.fileExists(atPath: $0) }
        func removeCreatedSidecars() {
            let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            guard walSize == 0 else { return }
            for sidecar in sidecars { try? FileManager.default.removeItem(atPath: sidecar) }
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if !tables.isEmpty && !tables.contains("grdb_migrations") {
                    throw StoreError.notAStore(path: path, reason: "it holds tables \(tables.prefix(3).joined(separator: ", ")) but no citegraph schema")
                }
                if try Schema.migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
            }
        } catch let error as StoreError {
            removeCreatedSidecars()
            throw error
        } catch {
            removeCreatedSidecars()
            throw isBusy(error) ? StoreError.busy(path: path) : StoreError.notAStore(path: path, reason: describe(error))
        }
    }

    static func describe(_ error: Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return "\(error)"
    }

    /// Runs `body` in one write transaction with foreign keys not checked row by row: for the
    /// bulk writers of derived data (terms, edges, resolved references), whose every row
    /// points at rows they have just read or inserted. Deletes inside `body` must name every
    /// table they clear (no cascades run). Committed when `body` returns, rolled back when
    /// it throws.
    func bulkWrite<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            // Only takes effect outside a transaction, hence not `pool.write`.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var result: T?
            try db.inTransaction {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// The names of the applied migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Schema.migrator.appliedMigrations(db) }
    }

    /// The names of the tables in the store.
    public func tableNames() throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
    }

    /// Runs `PRAGMA integrity_check` and returns its first line ("ok" when healthy).
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }
}
