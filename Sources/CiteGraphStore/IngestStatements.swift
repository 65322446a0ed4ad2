import GRDB

/// The prepared insert statements of an ingest session.
final class IngestStatements {
    let insertPaper: BulkStatement
    let insertSource: BulkStatement
    let insertAuthor: BulkStatement
    /// Adds an ORCID / service id to an author stored without one.
    let completeAuthor: BulkStatement
    /// Author links (paper_id, author_id, position), several rows per step: a paper's links
    /// in one statement for up to 8 authors.
    let insertLinks: MultiRowInsert
    /// Appends a record's joined references to its paper's row of `reference_lists`.
    let appendReferences: BulkStatement
    let insertReject: BulkStatement

    init(db: Database) throws {
        insertPaper = try BulkStatement(
            db,
            sql: """
                INSERT INTO papers (ext_id, title, title_key, short_key, abstract, year, venue, keywords, doi, arxiv, pmid, openalex, s2, wos,
                                    volume, first_page)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertSource = try BulkStatement(
            db, sql: "INSERT INTO paper_sources (paper_id, file_id, file, format, position, line, rule) VALUES (?, ?, ?, ?, ?, ?, ?)")
        insertAuthor = try BulkStatement(
            db, sql: "INSERT INTO authors (name, name_key, family, given, initials, orcid, service_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
        completeAuthor = try BulkStatement(
            db, sql: "UPDATE authors SET orcid = COALESCE(orcid, ?), service_id = COALESCE(service_id, ?) WHERE id = ?")
        appendReferences = try BulkStatement(
            db,
            sql: """
                INSERT INTO reference_lists (paper_id, raws) VALUES (?, ?)
                ON CONFLICT (paper_id) DO UPDATE SET raws = raws || char(31) || excluded.raws
                """)
        insertLinks = MultiRowInsert(
            db, prefix: "INSERT OR IGNORE INTO paper_authors (paper_id, author_id, position) VALUES ", rowTemplate: "(?, ?, ?)", maxRows: 8)
        insertReject = try BulkStatement(db, sql: "INSERT INTO rejects (file, file_digest, line, field, reason) VALUES (?, ?, ?, ?, ?)")
    }
}
