import CiteGraphCore
import Foundation
import GRDB

/// A paper's display fields.
public struct PaperInfo: Sendable, Equatable {
    public var rowID: Int64
    /// The id as the source gave it (or "title:…" when it gave none).
    public var id: String
    public var title: String
    public var year: Int?
    public var citedOnly: Bool
}

/// A community and its label, as stored by a communities run.
public struct CommunityLabel: Sendable, Equatable {
    public var community: Int
    public var size: Int
    public var label: String
    public init(community: Int, size: Int, label: String) { self.community = community; self.size = size; self.label = label }
}

extension Store {
    /// Stores one ranking run: replaces earlier runs of the same step on the same graph.
    /// - Returns: the run id.
    @discardableResult
    public func saveScores(graph: GraphKind, measure: String, parameters: String, summary: String = "{}", nodes: [Int64], values: [Double]) throws -> Int64 {
        precondition(nodes.count == values.count)
        return try bulkWrite { db in
            try Store.deleteRuns(db, step: "rank:" + measure, graph: graph, owning: ["scores"])
            try db.execute(
                sql: "INSERT INTO runs (step, graph, parameters, summary) VALUES (?, ?, ?, ?)",
                arguments: ["rank:" + measure, graph.rawValue, parameters, summary])
            let runID = db.lastInsertedRowID
            let insert = MultiRowInsert(db, prefix: "INSERT INTO scores (run_id, measure, node, value) VALUES ", rowTemplate: "(\(runID), ?, ?, ?)")
            try insert.insertAll(nodes.count) { statement, row, p in
                statement.bind(p, measure); statement.bind(p + 1, nodes[row]); statement.bind(p + 2, values[row])
            }
            return runID
        }
    }

    /// Deletes the runs of `step` on `graph` and their rows in `tables` (keyed by `run_id`
    /// first), inside a `bulkWrite` (no cascades). The cascade that `DELETE FROM runs` would run
    /// also looks for the run in `edges`, whose `run_id` has no index: a scan of every edge
    /// (half of `citegraph rank --graph citation` at 200,000 papers).
    static func deleteRuns(_ db: Database, step: String, graph: GraphKind, owning tables: [String]) throws {
        let runs = "SELECT id FROM runs WHERE step = ? AND graph = ?"
        for table in tables {
            try db.execute(sql: "DELETE FROM \(table) WHERE run_id IN (\(runs))", arguments: [step, graph.rawValue])
        }
        try db.execute(sql: "DELETE FROM runs WHERE step = ? AND graph = ?", arguments: [step, graph.rawValue])
    }

    /// The latest scores of `measure` on `graph`: node row id → value (empty when none).
    public func scores(graph: GraphKind, measure: String) throws -> [Int64: Double] {
        try pool.read { db in
            var result: [Int64: Double] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.node, s.value FROM scores s JOIN runs r ON r.id = s.run_id
                    WHERE r.step = ? AND r.graph = ? AND s.measure = ?
                    """,
                arguments: ["rank:" + measure, graph.rawValue, measure])
            while let row = try rows.next() { result[row[0]] = row[1] }
            return result
        }
    }

    /// Stores one communities run with its labels: replaces earlier runs on the same graph.
    @discardableResult
    public func saveCommunities(
        graph: GraphKind, parameters: String, summary: String = "{}", nodes: [Int64], membership: [Int32], labels: [CommunityLabel]
    ) throws -> Int64 {
        precondition(nodes.count == membership.count)
        return try bulkWrite { db in
            try Store.deleteRuns(db, step: "communities", graph: graph, owning: ["communities", "community_labels"])
            try db.execute(
                sql: "INSERT INTO runs (step, graph, parameters, summary) VALUES ('communities', ?, ?, ?)",
                arguments: [graph.rawValue, parameters, summary])
            let runID = db.lastInsertedRowID
            let insert = MultiRowInsert(db, prefix: "INSERT INTO communities (run_id, node, community) VALUES ", rowTemplate: "(\(runID), ?, ?)")
            try insert.insertAll(nodes.count) { statement, row, p in
                statement.bind(p, nodes[row]); statement.bind(p + 1, Int64(membership[row]))
            }
            let insertLabel = try db.cachedStatement(sql: "INSERT INTO community_labels (run_id, community, size, label) VALUES (?, ?, ?, ?)")
            for label in labels { try insertLabel.execute(arguments: [runID, label.community, label.size, label.label]) }
            return runID
        }
    }

    /// The latest communities on `graph`: node row id → community, and the labels.
    public func communities(graph: GraphKind) throws -> (membership: [Int64: Int], labels: [CommunityLabel], parameters: String?) {
        try pool.read { db in
            guard let run = try Row.fetchOne(
                db, sql: "SELECT id, parameters FROM runs WHERE step = 'communities' AND graph = ? ORDER BY id DESC LIMIT 1",
                arguments: [graph.rawValue])
            else { return ([:], [], nil) }
            let runID: Int64 = run[0]
            var membership: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT node, community FROM communities WHERE run_id = ?", arguments: [runID]) {
                membership[row[0]] = row[1]
            }
            let labels = try Row.fetchAll(
                db, sql: "SELECT community, size, label FROM community_labels WHERE run_id = ? ORDER BY community", arguments: [runID]
            ).map { CommunityLabel(community: $0[0], size: $0[1], label: $0[2]) }
            return (membership, labels, run[1])
        }
    }

    /// Display fields of the papers with these row ids (unknown ids are left out): for
    /// the few nodes a diagram shows, without reading every title.
    public func paperInfos(ids: [Int64]) throws -> [Int64: PaperInfo] {
        try pool.read { db in
            var result: [Int64: PaperInfo] = [:]
            let scan = try RowScanner(db, sql: Store.paperInfoQuery + " WHERE id = ?")
            for id in ids {
                scan.bind(1, id)
                try scan.forEach { result[id] = Store.paperInfo($0) }
            }
            return result
        }
    }

    /// The shown id (`ext_id`) of every paper, by row id.
    public func paperShownIDs() throws -> [Int64: String] { try textByID(sql: "SELECT id, ext_id FROM papers") }

    /// The rows of `sql` (an integer id, then a text) as id → text.
    func textByID(sql: String) throws -> [Int64: String] {
        try pool.read { db in
            var result: [Int64: String] = [:]
            try RowScanner(db, sql: sql).forEach { result[$0.int64(0)] = $0.text(1) }
            return result
        }
    }

    /// The columns `paperInfo(_:)` reads.
    static let paperInfoQuery = "SELECT id, ext_id, title, year, cited_only FROM papers"

    /// A row of `paperInfoQuery`.
    static func paperInfo(_ row: ScannedRow) -> PaperInfo {
        PaperInfo(rowID: row.int64(0), id: row.text(1), title: row.text(2), year: row.isNull(3) ? nil : Int(row.int64(3)),
                  citedOnly: row.int64(4) != 0)
    }

    /// Display fields of every paper, by row id.
    public func paperInfos() throws -> [Int64: PaperInfo] {
        try pool.read { db in
            var result: [Int64: PaperInfo] = [:]
            try RowScanner(db, sql: Store.paperInfoQuery).forEach { row in result[row.int64(0)] = Store.paperInfo(row) }
            return result
        }
    }

    /// The parameters of every analysis run by step and graph (not by time: graphs are
    /// built on two threads, so the order of their runs varies): (step, graph, parameters JSON).
    public func runParameters() throws -> [(step: String, graph: String, parameters: String, summary: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT step, graph, parameters, summary FROM runs ORDER BY step, graph, id").map { ($0[0], $0[1], $0[2], $0[3]) }
        }
    }
}

extension Store {
    /// The papers carrying a key phrase whose label or normalised key equals `phrase` or
    /// `key` (case-insensitive), as paper row ids.
    public func papers(withTerm phrase: String, key: String) throws -> [Int64] {
        try pool.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT pt.paper_id FROM paper_terms pt JOIN terms t ON t.id = pt.term_id
                    WHERE lower(t.label) = lower(?) OR t.key = ? ORDER BY pt.paper_id
                    """,
                arguments: [phrase, key])
        }
    }

    /// Term labels by term row id.
    public func termLabels() throws -> [Int64: String] { try textByID(sql: "SELECT id, label FROM terms") }

    /// Author names by author row id.
    public func authorNames() throws -> [Int64: String] { try textByID(sql: "SELECT id, name FROM authors") }
}
