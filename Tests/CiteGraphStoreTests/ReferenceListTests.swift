import CiteGraphCore
import CiteGraphExtract
import Foundation
import GRDB
import Testing

@testable import CiteGraphStore

/// References are stored at ingest as one list per paper and become rows when resolved.
@Suite struct ReferenceListTests {
    func record(_ id: String, title: String, references: [String], line: Int) -> PaperRecord {
        PaperRecord(
            source: SourceLocation(file: "refs.jsonl", position: line - 1, line: line, format: "jsonl"),
            ids: [WorkID(kind: .local, value: id)], title: title, references: references)
    }

    /// Two sources of one paper (merged by id) list overlapping references; a repeat inside
    /// one list is stored once. Hand-counted: A cites B, "X", "Y" (first source: B, X, X, B;
    /// second source: Y, X) = 3 distinct; B cites A = 1.
    @Test func listsBecomeDistinctRowsInFirstSeenOrder() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("r.sqlite").path)
        _ = try store.ingest(IngestBatch(
            path: "refs.jsonl", digest: "d1", format: "jsonl",
            records: [
                record("A", title: "Paper about alpha things", references: ["B", "X", "X", "B"], line: 1),
                record("B", title: "Paper about beta things", references: ["A"], line: 2),
            ], rejects: []))
        _ = try store.ingest(IngestBatch(
            path: "refs2.jsonl", digest: "d2", format: "jsonl",
            records: [record("A", title: "Paper about alpha things", references: ["Y", "X"], line: 1)], rejects: []))
        // Counted before any row exists.
        var stats = try store.stats()
        #expect(stats.references == 4)
        #expect(stats.resolvedReferences == 0)
        #expect(try store.resolveReferences() == 2)  // A → B and B → A
        stats = try store.stats()
        #expect(stats.references == 4)
        #expect(stats.resolvedReferences == 2)  // A → B, B → A; X and Y became cited-only works
        #expect(stats.citedOnly == 2)
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT p.ext_id, r.position, r.raw FROM paper_references r JOIN papers p ON p.id = r.paper_id ORDER BY p.ext_id, r.position")
                .map { "\($0[0] as String) \($0[1] as Int) \($0[2] as String)" }
        }
        #expect(rows == ["A 0 B", "A 1 X", "A 2 Y", "B 0 A"])
        #expect(try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM reference_lists") } == 0)
        // A later source adds to the rows already there: Z at position 3, X not again.
        _ = try store.ingest(IngestBatch(
            path: "refs3.jsonl", digest: "d3", format: "jsonl",
            records: [record("A", title: "Paper about alpha things", references: ["X", "Z"], line: 1)], rejects: []))
        #expect(try store.stats().references == 5)
        try store.resolveReferences()
        let last = try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT r.position, r.raw FROM paper_references r JOIN papers p ON p.id = r.paper_id WHERE p.ext_id = 'A' ORDER BY r.position DESC LIMIT 1")
        }
        #expect(last?[0] as Int? == 3 && last?[1] as String? == "Z")
    }

    /// A store made by version 6 (one row per reference, with a row id) keeps its rows through
    /// the migration; rows left unresolved there are resolved by the next resolution.
    @Test func version6RowsSurviveTheMigration() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("v6.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v6-no-resolved-index")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO papers (id, ext_id, title, title_key) VALUES (1, 'P1', 'One', 'one'), (2, 'P2', 'Two', 'two')")
                try db.execute(sql: """
                    INSERT INTO paper_references (paper_id, position, raw, resolved_paper_id)
                    VALUES (1, 0, 'P2', 2), (1, 1, 'Unknown work', NULL), (2, 0, 'P1', NULL)
                    """)
            }
        }
        let store = try Store(path: path)
        #expect(try store.integrityCheck() == "ok")
        var stats = try store.stats()
        #expect(stats.references == 3 && stats.resolvedReferences == 1)
        #expect(try store.resolveReferences() == 1)  // P2 → P1; "Unknown work" becomes cited-only
        stats = try store.stats()
        #expect(stats.references == 3 && stats.resolvedReferences == 2 && stats.citedOnly == 1)
    }
}
