import CiteGraphCore
import Foundation
import GRDB

/// A paper's text, for key-phrase extraction.
public struct PaperText: Sendable {
    public var id: Int64
    public var title: String
    public var abstract: String?
    /// Explicit keywords, MeSH terms, concepts or categories, `; `-separated.
    public var keywords: String?
}

/// A weighted edge between store row ids (papers, terms or authors, by graph kind).
public struct StoredEdge: Sendable, Equatable {
    public var source: Int64
    public var target: Int64
    public var weight: Double
    public init(source: Int64, target: Int64, weight: Double) {
        self.source = source; self.target = target; self.weight = weight
    }
}

/// A term of the key-phrase vocabulary with its document frequency.
public struct StoredTerm: Sendable {
    public var key: String
    public var label: String
    public var df: Int
    public init(key: String, label: String, df: Int) { self.key = key; self.label = label; self.df = df }
}

extension Store {
    /// Title and abstract of every ingested (not cited-only) paper, by id.
    public func paperTexts() throws -> [PaperText] {
        var papers: [PaperText] = []
        try forEachPaperText { papers.append($0) }
        return papers
    }

    /// Calls `body` with the text of each corpus paper in id order, without holding them all.
    public func forEachPaperText(_ body: (PaperText) throws -> Void) throws {
        try pool.read { db in
            try RowScanner(db, sql: "SELECT id, title, abstract, keywords FROM papers WHERE cited_only = 0 ORDER BY id").forEach {
                try body(PaperText(id: $0.int64(0), title: $0.text(1), abstract: $0.optionalText(2), keywords: $0.optionalText(3)))
            }
        }
    }

    /// Replaces the whole term vocabulary and the per-paper term weights in one transaction.
    /// `paperTerms` refer to terms by their index in `terms`.
    public func replaceTerms(_ terms: [StoredTerm], paperTerms: [(paper: Int64, term: Int, weight: Double)]) throws {
        try bulkWrite { db in
            // Bulk replace: the secondary index is rebuilt once after the inserts.
            try db.execute(sql: "DROP INDEX IF EXISTS paper_terms_term")
            try db.execute(sql: "DELETE FROM paper_terms")
            try db.execute(sql: "DELETE FROM terms")
            // The table is empty: term i gets row id i + 1, as SQLite would number them.
            let insertTerm = MultiRowInsert(db, prefix: "INSERT INTO terms (id, key, label, df) VALUES ", rowTemplate: "(?, ?, ?, ?)")
            try insertTerm.insertAll(terms.count) { statement, row, p in
                statement.bind(p, Int64(row + 1)); statement.bind(p + 1, terms[row].key)
                statement.bind(p + 2, terms[row].label); statement.bind(p + 3, Int64(terms[row].df))
            }
            let insert = MultiRowInsert(db, prefix: "INSERT INTO paper_terms (paper_id, term_id, weight) VALUES ", rowTemplate: "(?, ?, ?)")
            try insert.insertAll(paperTerms.count) { statement, row, p in
                let entry = paperTerms[row]
                statement.bind(p, entry.paper); statement.bind(p + 1, Int64(entry.term + 1)); statement.bind(p + 2, entry.weight)
            }
            try db.execute(sql: "CREATE INDEX paper_terms_term ON paper_terms(term_id)")
        }
    }

    /// The top `limit` terms of each paper by weight (ties: label), labels only: paper id →
    /// labels, from term lists already read (`paperTermLists()`) and term labels.
    public static func topTerms(limit: Int, lists: [(paper: Int64, terms: [(term: Int64, weight: Double)])], labels: [Int64: String]) -> [Int64: [String]] {
        var result: [Int64: [String]] = [:]
        result.reserveCapacity(lists.count)
        for (paper, terms) in lists {
            let best = terms.map { (weight: $0.weight, label: labels[$0.term] ?? "") }
                .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.label < $1.label }
            result[paper] = best.prefix(limit).map(\.label)
        }
        return result
    }

    /// Replaces the edges of `kind` with `edges`, recording the run that built them.
    /// - Returns: the run id.
    @discardableResult
    public func replaceEdges(kind: GraphKind, parameters: String, summary: String = "{}", edges: [StoredEdge]) throws -> Int64 {
        // In key order the inserts append to the (kind, source, target) B-tree instead of
        // landing on random pages.
        var edges = edges
        let inOrder = { (a: StoredEdge, b: StoredEdge) in a.source != b.source ? a.source < b.source : a.target < b.target }
        if !zip(edges, edges.dropFirst()).allSatisfy({ !inOrder($1, $0) }) { edges.sort(by: inOrder) }
        return try bulkWrite { db in
            try db.execute(sql: "DELETE FROM edges WHERE kind = ?", arguments: [kind.rawValue])
            try db.execute(sql: "DELETE FROM runs WHERE step = 'build' AND graph = ?", arguments: [kind.rawValue])
            try db.execute(
                sql: "INSERT INTO runs (step, graph, parameters, summary) VALUES ('build', ?, ?, ?)",
                arguments: [kind.rawValue, parameters, summary])
            let runID = db.lastInsertedRowID
            // The kind and run are the same for every row: written into the statement.
            let insert = MultiRowInsert(
                db, prefix: "INSERT INTO edges (kind, source, target, weight, run_id) VALUES ",
                rowTemplate: "('\(kind.rawValue)', ?, ?, ?, \(runID))")
            try insert.insertAll(edges.count) { statement, row, p in
                statement.bind(p, edges[row].source); statement.bind(p + 1, edges[row].target); statement.bind(p + 2, edges[row].weight)
            }
            return runID
        }
    }

    /// Whether the graph of `kind` has been built (possibly with zero edges).
    public func isBuilt(_ kind: GraphKind) throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM runs WHERE step = 'build' AND graph = ?", arguments: [kind.rawValue]) ?? false
        }
    }

    /// The stored edges of `kind`, ordered by source and target.
    public func edges(kind: GraphKind) throws -> [StoredEdge] {
        try pool.read { db in
            var edges: [StoredEdge] = []
            let scan = try RowScanner(db, sql: "SELECT source, target, weight FROM edges WHERE kind = ? ORDER BY source, target")
            scan.bind(1, kind.rawValue)
            try scan.forEach { edges.append(StoredEdge(source: $0.int64(0), target: $0.int64(1), weight: $0.double(2))) }
            return edges
        }
    }

    /// The stored edges of `kind` whose source is one of `sources` (each looked up by the
    /// primary key), ordered by source and target: a diagram's edges without reading the
    /// whole graph.
    public func edges(kind: GraphKind, fromSources sources: [Int64]) throws -> [StoredEdge] {
        try pool.read { db in
            var edges: [StoredEdge] = []
            let scan = try RowScanner(db, sql: "SELECT source, target, weight FROM edges WHERE kind = ? AND source = ? ORDER BY target")
            scan.bind(1, kind.rawValue)
            for source in Set(sources).sorted() {
                scan.bind(2, source)
                try scan.forEach { edges.append(StoredEdge(source: $0.int64(0), target: $0.int64(1), weight: $0.double(2))) }
            }
            return edges
        }
    }

    /// How many edges of `kind` end at each node (weights ignored): node row id → count.
    public func inDegrees(kind: GraphKind) throws -> [Int64: Int] {
        try pool.read { db in
            var counts: [Int64: Int] = [:]
            let scan = try RowScanner(db, sql: "SELECT target FROM edges WHERE kind = ?")
            scan.bind(1, kind.rawValue)
            try scan.forEach { counts[$0.int64(0), default: 0] += 1 }
            return counts
        }
    }

    /// The node row ids of a graph, in id order: every paper (including cited-only works for
    /// citation graphs), every author, or the topics of the topic map.
    public func nodeIDs(for kind: GraphKind) throws -> [Int64] {
        try pool.read { db in
            switch kind.nodeType {
            case .paper:
                let filter = kind == .citation || kind == .cocitation ? "" : " WHERE cited_only = 0"
                return try Int64.fetchAll(db, sql: "SELECT id FROM papers\(filter) ORDER BY id")
            case .term:
                // The topic map's nodes are the topics it kept.
                return try Int64.fetchAll(
                    db,
                    sql: "SELECT source FROM edges WHERE kind = ? UNION SELECT target FROM edges WHERE kind = ? ORDER BY 1",
                    arguments: [kind.rawValue, kind.rawValue])
            case .author: return try Int64.fetchAll(db, sql: "SELECT id FROM authors ORDER BY id")
            }
        }
    }

    /// Loads the graph of `kind` as CSR: node `i` is `nodes[i]` (a store row id).
    /// - Complexity: O(n + m log d).
    public func loadGraph(_ kind: GraphKind) throws -> (graph: Graph, nodes: [Int64]) {
        let nodes = try nodeIDs(for: kind)
        let index = NodePositions(sortedIDs: nodes)
        var list = EdgeList()
        try pool.read { db in
            let scan = try RowScanner(db, sql: "SELECT source, target, weight FROM edges WHERE kind = ?")
            scan.bind(1, kind.rawValue)
            try scan.forEach { row in
                guard let s = index[row.int64(0)], let t = index[row.int64(1)] else { return }
                list.append(s, t, row.double(2))
            }
        }
        return (Graph(nodeCount: nodes.count, edges: list, isDirected: kind.isDirected), nodes)
    }
}

/// Position of each store row id in a sorted id list: an array indexed by id when the ids are
/// dense (papers, authors and terms are numbered from 1 with few gaps), else a dictionary.
/// Reading 15 million citation edges is two lookups each, so they must be cheap.
struct NodePositions {
    private let first: Int64
    private let dense: [Int32]
    private let sparse: [Int64: Int32]

    init(sortedIDs ids: [Int64]) {
        let span = (ids.last ?? 0) - (ids.first ?? 0) + 1
        if !ids.isEmpty && span <= 2 * Int64(ids.count) + 1_024 {
            first = ids[0]
            var dense = [Int32](repeating: -1, count: Int(span))
            for (i, id) in ids.enumerated() { dense[Int(id - first)] = Int32(i) }
            self.dense = dense
            sparse = [:]
        } else {
            first = 0
            dense = []
            var sparse: [Int64: Int32] = [:]
            sparse.reserveCapacity(ids.count)
            for (i, id) in ids.enumerated() { sparse[id] = Int32(i) }
            self.sparse = sparse
        }
    }

    /// The position of `id`, nil when it is not in the list.
    @inline(__always) subscript(id: Int64) -> Int32? {
        if dense.isEmpty { return sparse[id] }
        let offset = id &- first
        guard offset >= 0, offset < Int64(dense.count) else { return nil }
        let position = dense[Int(offset)]
        return position < 0 ? nil : position
    }
}
