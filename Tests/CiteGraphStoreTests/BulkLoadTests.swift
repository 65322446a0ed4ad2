import CiteGraphExtract
import Foundation
import GRDB
import Testing

@testable import CiteGraphStore

/// The first load into an empty store runs with a rollback journal (each page written once);
/// any other write, and a load while another connection has the file open, use the WAL.
@Suite struct BulkLoadTests {
    static let tables = ["papers", "paper_sources", "authors", "paper_authors", "reference_lists", "source_files", "rejects"]

    func contents(_ store: Store) throws -> [String: [[String]]] {
        try store.pool.read { db in
            var all: [String: [[String]]] = [:]
            for table in Self.tables {
                all[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { row in
                    row.databaseValues.map(\.description)
                }
            }
            return all
        }
    }

    func journalMode(_ store: Store) throws -> String? {
        try store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }

    func ingestSample(into store: Store) throws {
        for path in SampleCorpus.files {
            let file = try RecordFile(path: path)
            let result = try Extractor.read(file)
            _ = try store.ingest(
                IngestBatch(path: path, digest: file.digest, format: result.format.rawValue, records: result.records, rejects: result.rejects))
        }
    }

    @Test func theFirstLoadUsesARollbackJournalAndTheStoreReturnsToWAL() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("bulk.sqlite").path)
        #expect(try store.bulkLoad { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "delete")
        #expect(try journalMode(store) == "wal")
        try ingestSample(into: store)
        // Once the store holds records, loads go through the WAL.
        #expect(try store.bulkLoad { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try journalMode(store) == "wal")
        #expect(try store.integrityCheck() == "ok")
        #expect(!FileManager.default.fileExists(atPath: store.path + "-journal"))
    }

    @Test func aStoreOpenElsewhereIsLoadedThroughTheWALWithTheSameResult() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let alone = try Store(path: dir.appendingPathComponent("alone.sqlite").path)
        try ingestSample(into: alone)
        let shared = try Store(path: dir.appendingPathComponent("shared.sqlite").path)
        // Another connection (as another process would hold) keeps the file in WAL mode.
        let other = try DatabaseQueue(path: shared.path)
        defer { try? other.close() }
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM papers") } == 0)
        #expect(try shared.bulkLoad { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        try ingestSample(into: shared)
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM papers") } == 586)
        let a = try contents(alone), b = try contents(shared)
        for table in Self.tables {
            #expect(a[table] == b[table], "\(table)")
        }
        #expect(a["papers"]?.count == 586)
    }

    /// While the first load holds the file, opening the store elsewhere is refused with
    /// `StoreError.busy` (not "not a store"), and the load still commits.
    @Test func openingTheStoreDuringTheFirstLoadIsRefusedAsBusy() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("busy.sqlite").path)
        let refusal = try store.bulkLoad { db -> String in
            try db.execute(sql: "INSERT INTO source_files (path, digest, format, records, rejects) VALUES ('x', 'd', 'jsonl', 0, 0)")
            do {
                _ = try Store(path: store.path)
                return "opened"
            } catch let error as StoreError {
                if case .busy = error { return error.localizedDescription }
                return "other: \(error.localizedDescription)"
            }
        }
        #expect(refusal.contains("another process is writing this store"), "\(refusal)")
        #expect(try !store.holdsNoRecords())
        #expect(try journalMode(store) == "wal")
    }

    @Test func aFailedFirstLoadLeavesTheStoreEmptyInWALModeAndUsable() throws {
        struct Failure: Error {}
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("failed.sqlite").path)
        #expect(throws: Failure.self) {
            try store.bulkLoad { db in
                try db.execute(sql: "INSERT INTO source_files (path, digest, format, records, rejects) VALUES ('x', 'd', 'jsonl', 0, 0)")
                throw Failure()
            }
        }
        #expect(try store.holdsNoRecords())
        #expect(try journalMode(store) == "wal")
        #expect(!FileManager.default.fileExists(atPath: store.path + "-journal"))
        try ingestSample(into: store)
        #expect(try store.stats().papers == 586)
        #expect(try store.integrityCheck() == "ok")
    }
}
