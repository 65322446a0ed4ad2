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
