import GRDB

/// The prepared statements of an ingest session. New papers, authors, provenance rows, author
/// links and reference lists are written many rows per SQLite step (`MultiRowInsert`), with
/// the ids the session gives them.
final class IngestStatements {
    let insertPapers: MultiRowInsert
    let insertSources: MultiRowInsert
    let insertAuthors: MultiRowInsert
    /// Adds an ORCID / service id to an author stored without one.
    let completeAuthor: BulkStatement
    /// Author links (paper_id, author_id, position).
    let insertLinks: MultiRowInsert
    /// Appends a record's joined references to its paper's row of `reference_lists` (a merged
    /// record's list after the list already stored).
    let appendReferences: MultiRowInsert
    let insertReject: BulkStatement

    init(db: Database) throws {
        insertPapers = MultiRowInsert(
            db,
            prefix: """
                INSERT INTO papers (id, ext_id, title, title_key, short_key, abstract, year, venue, keywords, doi, arxiv, pmid, openalex, s2, wos,
                                    volume, first_page) VALUES
                """,
            rowTemplate: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", maxRows: 16)
        insertSources = MultiRowInsert(
            db, prefix: "INSERT INTO paper_sources (paper_id, file_id, file, format, position, line, rule) VALUES ",
            rowTemplate: "(?, ?, ?, ?, ?, ?, ?)")
        insertAuthors = MultiRowInsert(
            db, prefix: "INSERT INTO authors (id, name, name_key, family, given, initials, orcid, service_id) VALUES ",
            rowTemplate: "(?, ?, ?, ?, ?, ?, ?, ?)")
        completeAuthor = try BulkStatement(
            db, sql: "UPDATE authors SET orcid = COALESCE(orcid, ?), service_id = COALESCE(service_id, ?) WHERE id = ?")
        appendReferences = MultiRowInsert(
            db, prefix: "INSERT INTO reference_lists (paper_id, raws) VALUES ", rowTemplate: "(?, ?)",
            suffix: " ON CONFLICT (paper_id) DO UPDATE SET raws = raws || char(31) || excluded.raws")
        insertLinks = MultiRowInsert(
            db, prefix: "INSERT OR IGNORE INTO paper_authors (paper_id, author_id, position) VALUES ", rowTemplate: "(?, ?, ?)")
        insertReject = try BulkStatement(db, sql: "INSERT INTO rejects (file, file_digest, line, field, reason) VALUES (?, ?, ?, ?, ?)")
    }
}

/// Rows of an ingest chunk waiting to be written, each pointing at its record by row.
struct PendingIngestRows {
    struct Paper { var id: Int64; var row: Int; var externalID: String }
    struct Source { var paperID: Int64; var row: Int; var rule: MergeRule }
    struct Author { var id: Int64; var row: Int; var position: Int; var orcid: String?; var serviceID: String? }
    struct Link { var paperID: Int64; var authorID: Int64; var position: Int }
    struct ReferenceList { var paperID: Int64; var row: Int }

    var papers: [Paper] = []
    var sources: [Source] = []
    var authors: [Author] = []
    var links: [Link] = []
    var referenceLists: [ReferenceList] = []

    mutating func removeAll() {
        papers.removeAll(keepingCapacity: true)
        sources.removeAll(keepingCapacity: true)
        authors.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        referenceLists.removeAll(keepingCapacity: true)
    }
}
