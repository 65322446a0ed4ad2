import Foundation
import GRDB

extension Store {
    /// Runs `body` in one write transaction like `bulkWrite`, but, when the store holds no
    /// records yet, on a connection that has the file to itself with a rollback journal
    /// instead of the write-ahead log.
    ///
    /// Loading millions of rows in WAL mode writes every page twice: into the log (the page
    /// cache spills there during the transaction, and the rest goes there at commit), then
    /// into the database file when the log is checkpointed. A rollback journal keeps only the
    /// original content of pages that existed before the transaction, which for an empty
    /// store is a few schema pages: new pages are written once, into the file. It is just as
    /// safe: if the process dies, the next connection rolls the file back from the journal.
    ///
    /// While the load runs, other processes cannot read the store (they wait, then report it
    /// busy). When another process has the store open, the journal mode cannot change and
    /// the load runs through the write-ahead log as usual. The WAL mode is restored before
    /// returning, also when `body` throws.
    func bulkLoad<T>(_ body: (Database) throws -> T) throws -> T {
        guard try holdsNoRecords() else { return try bulkWrite(body) }
        let loaded: T? = try withConnectionsClosed {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            configuration.busyMode = .immediateError
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.inDatabase { db -> T? in
                // Leaving WAL mode needs the only connection to the file.
                guard (try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")) == "delete" else { return nil }
                defer { _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -\(Store.writerCacheKiB); PRAGMA temp_store = MEMORY")
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result
            }
        }
        if let loaded { return loaded }
        return try bulkWrite(body)
    }

    /// True when no paper and no file is stored (a new store, or one whose ingests all failed).
    func holdsNoRecords() throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM papers) AND NOT EXISTS (SELECT 1 FROM source_files)") == true
        }
    }
}
