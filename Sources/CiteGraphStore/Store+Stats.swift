import CiteGraphCore
import GRDB

/// Counts describing a store, as `citegraph stats` prints them.
public struct StoreStats: Sendable, Equatable, Codable {
    public var papers: Int
    public var citedOnly: Int
    public var authors: Int
    public var references: Int
    public var resolvedReferences: Int
    public var rejects: Int
    public var sources: Int
    public var files: Int
    public var terms: Int
    public var edges: [String: Int]

    enum CodingKeys: String, CodingKey {
        case papers, authors, references, rejects, sources, files, terms, edges
        case citedOnly = "cited_only"
        case resolvedReferences = "resolved_references"
    }
}

extension Store {
    /// Counts of everything stored.
    public func stats() throws -> StoreStats {
        try pool.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            var edges: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) FROM edges GROUP BY kind") { edges[row[0]] = row[1] }
            for row in try Row.fetchAll(db, sql: "SELECT graph FROM runs WHERE step = 'build'") where edges[row[0]] == nil {
                edges[row[0]] = 0
            }
            // References still in `reference_lists` count as the rows they become.
            var pending = 0
            try ReferenceList.forEachPending(db) { _, _, fresh in pending += fresh.count }
            return StoreStats(
                papers: try count("SELECT COUNT(*) FROM papers WHERE cited_only = 0"),
                citedOnly: try count("SELECT COUNT(*) FROM papers WHERE cited_only = 1"),
                authors: try count("SELECT COUNT(*) FROM authors"),
                references: try count("SELECT COUNT(*) FROM paper_references") + pending,
                // Resolved to a paper of the corpus; references to cited-only works are
                // counted under `references` only (ARCHITECTURE.md, `stats --json`).
                resolvedReferences: try count(
                    "SELECT COUNT(*) FROM paper_references r JOIN papers p ON p.id = r.resolved_paper_id WHERE p.cited_only = 0"),
                rejects: try count("SELECT COUNT(*) FROM rejects"),
                sources: try count("SELECT COUNT(*) FROM paper_sources"),
                files: try count("SELECT COUNT(*) FROM source_files"),
                terms: try count("SELECT COUNT(*) FROM terms"),
                edges: edges)
        }
    }
}

extension Store {
    /// What the pipeline needs to know of a store to choose its steps, each answered by one
    /// index probe — unlike `stats()`, which counts every row (at a million papers, seconds).
    public struct Presence: Sendable, Equatable {
        /// Some paper has references (resolved or not).
        public var references: Bool
        public var authors: Bool
        public var terms: Bool
        /// The graph kinds with at least one stored edge.
        public var edgeKinds: Set<GraphKind>
    }

    /// Which kinds of rows the store holds (see `Presence`).
    public func presence() throws -> Presence {
        try pool.read { db in
            func exists(_ sql: String, _ arguments: StatementArguments = []) throws -> Bool {
                try Bool.fetchOne(db, sql: "SELECT EXISTS (\(sql))", arguments: arguments) ?? false
            }
            var kinds = Set<GraphKind>()
            for kind in GraphKind.allCases where try exists("SELECT 1 FROM edges WHERE kind = ?", [kind.rawValue]) { kinds.insert(kind) }
            return Presence(
                references: try exists("SELECT 1 FROM paper_references") || exists("SELECT 1 FROM reference_lists"),
                authors: try exists("SELECT 1 FROM authors"),
                terms: try exists("SELECT 1 FROM terms"),
                edgeKinds: kinds)
        }
    }

    /// Papers of the corpus (not cited-only works) and provenance rows, for a report's header.
    public func corpusCounts() throws -> (papers: Int, sources: Int) {
        try pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM papers WHERE cited_only = 0") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM paper_sources") ?? 0)
        }
    }
}
