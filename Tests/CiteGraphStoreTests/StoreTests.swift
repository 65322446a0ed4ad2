import CiteGraphCore
import CiteGraphExtract
import Foundation
import GRDB
import Testing

@testable import CiteGraphStore

@Suite struct StoreTests {
    static let requiredTables = [
        "authors", "communities", "edges", "paper_authors", "paper_references", "paper_sources", "paper_terms",
        "papers", "rejects", "runs", "scores", "terms",
    ]

    func batch(_ path: String) throws -> IngestBatch {
        let file = try RecordFile(path: path)
        let result = try Extractor.read(file)
        return IngestBatch(path: path, digest: file.digest, format: result.format.rawValue, records: result.records, rejects: result.rejects)
    }

    @Test func migratesAnEmptyDatabase() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("empty.sqlite").path)
        #expect(try store.appliedMigrations() == ["v1", "v2-paper-authors-pk-first", "v3-references-bulk", "v4-author-parts", "v5-volume-page", "v6-no-resolved-index", "v7-reference-lists"])
        let tables = try store.tableNames()
        for table in Self.requiredTables { #expect(tables.contains(table), "\(table)") }
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.stats().papers == 0)
        // Reopening applies nothing new.
        #expect(try Store(path: store.path).appliedMigrations() == ["v1", "v2-paper-authors-pk-first", "v3-references-bulk", "v4-author-parts", "v5-volume-page", "v6-no-resolved-index", "v7-reference-lists"])
    }

    /// 671 records on five pages; 587 distinct normalised titles (counted independently with a
    /// Python one-liner over the pages); the near-title rule merges one more pair,
    /// "TRP: Trained Rank Pruning for Efficient Deep Neural Networks" with
    /// "Trained Rank Pruning for Efficient Deep Neural Networks", giving 586.
    @Test func deduplicatesTheSampleCorpus() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("c.sqlite").path)
        var merged: [String: Int] = [:]
        for path in SampleCorpus.files {
            let summary = try store.ingest(try batch(path))
            merged.merge(summary.mergedByRule, uniquingKeysWith: +)
        }
        let stats = try store.stats()
        #expect(stats.sources == 671)
        #expect(stats.papers == 586)
        // "TRP: …" is read first (file 000); the plain title occurs twice later and both join it
        // by the near-title rule, so 85 merges = 83 by exact title + 2 by near title.
        #expect(merged == ["title": 83, "near-title": 2])
        #expect(stats.files == 5)
    }

    @Test func ingestingTheSameFileTwiceChangesNothing() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("i.sqlite").path)
        let first = try store.ingest(try batch(SampleCorpus.files[0]))
        #expect(!first.alreadyIngested && first.newPapers == 146)
        let before = try store.stats()
        let second = try store.ingest(try batch(SampleCorpus.files[0]))
        #expect(second.alreadyIngested)
        #expect(try store.stats() == before)
    }

    /// Two records without identifiers whose titles are equal but whose years differ are two
    /// papers; both would be shown as "title:" + the title key's hash, so the second gets
    /// "-2" (before, the UNIQUE ext_id failed the whole ingest). A third file with the same
    /// title and year as the first merges into it by title; a later file with the title in
    /// a third year gets "-3".
    @Test func papersWithEqualTitlesInDifferentYearsGetDistinctExternalIDs() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("y.sqlite").path)
        func record(_ year: Int, line: Int) -> PaperRecord {
            PaperRecord(
                source: SourceLocation(file: "y.jsonl", position: line - 1, line: line, format: "jsonl"), ids: [],
                title: "Editorial", year: year)
        }
        let first = try store.ingest(IngestBatch(
            path: "y.jsonl", digest: "y1", format: "jsonl", records: [record(2001, line: 1), record(2005, line: 2), record(2001, line: 3)],
            rejects: []))
        #expect(first.newPapers == 2 && first.mergedByRule == ["title": 1])
        _ = try store.ingest(IngestBatch(path: "z.jsonl", digest: "y2", format: "jsonl", records: [record(2010, line: 1)], rejects: []))
        let base = Store.externalID(for: record(2001, line: 1), titleKey: "editorial")
        #expect(base.hasPrefix("title:"))
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT ext_id, year FROM papers ORDER BY id").map { [$0[0] as String, String($0[1] as Int)] }
        }
        #expect(rows == [[base, "2001"], [base + "-2", "2005"], [base + "-3", "2010"]])
    }

    /// A second ranking (or communities) run on a graph replaces the first: its rows are gone,
    /// the other graph's run is untouched, and no row points at a deleted run.
    @Test func savingARunAgainReplacesItsRows() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("runs.sqlite").path)
        _ = try store.ingest(try batch(SampleCorpus.files[0]))
        let nodes = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM papers ORDER BY id LIMIT 3") }
        try store.saveScores(graph: .citation, measure: "pagerank", parameters: "{}", nodes: nodes, values: [0.5, 0.3, 0.2])
        try store.saveScores(graph: .cotopic, measure: "pagerank", parameters: "{}", nodes: nodes, values: [0.1, 0.2, 0.7])
        try store.saveScores(graph: .citation, measure: "pagerank", parameters: "{}", nodes: Array(nodes.prefix(2)), values: [0.6, 0.4])
        #expect(try store.scores(graph: .citation, measure: "pagerank") == [nodes[0]: 0.6, nodes[1]: 0.4])
        #expect(try store.scores(graph: .cotopic, measure: "pagerank") == [nodes[0]: 0.1, nodes[1]: 0.2, nodes[2]: 0.7])
        let labels = [CommunityLabel(community: 0, size: 2, label: "a"), CommunityLabel(community: 1, size: 1, label: "b")]
        try store.saveCommunities(graph: .citation, parameters: "{}", nodes: nodes, membership: [0, 0, 1], labels: labels)
        try store.saveCommunities(graph: .citation, parameters: "{}", nodes: nodes, membership: [1, 1, 1], labels: [CommunityLabel(community: 1, size: 3, label: "c")])
        let (membership, stored, _) = try store.communities(graph: .citation)
        #expect(membership == [nodes[0]: 1, nodes[1]: 1, nodes[2]: 1])
        #expect(stored == [CommunityLabel(community: 1, size: 3, label: "c")])
        let orphans = try store.pool.read { db in
            try ["scores", "communities", "community_labels"].map { table in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE run_id NOT IN (SELECT id FROM runs)") ?? -1
            }
        }
        #expect(orphans == [0, 0, 0])
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") } == 3)
    }

    @Test func strictModeStoresNothingFromAFileWithRejects() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("s.sqlite").path)
        let text = "Get trending papers in your email inbox!\nSubscribeA Title\nAn abstract.\nOrphan Title\n"
        let file = RecordFile(path: "page.txt", bytes: Array(text.utf8))
        let result = try Extractor.read(file)
        let b = IngestBatch(path: "page.txt", digest: file.digest, format: "daily-papers", records: result.records, rejects: result.rejects)
        #expect(throws: StoreError.self) { try store.ingest(b, strict: true) }
        #expect(try store.stats().papers == 0)
        let lenient = try store.ingest(b)
        #expect(lenient.rejects == 1 && lenient.newPapers == 1)
        #expect(try store.stats().rejects == 1)
    }

    @Test func refusesAFileThatIsNotAStoreAndLeavesItUntouched() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notes.sqlite").path
        let content = Data("this is not a database, just some text that is long enough".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: content)
        #expect(throws: StoreError.self) { try Store(path: path) }
        #expect(FileManager.default.contents(atPath: path) == content)
    }
}
