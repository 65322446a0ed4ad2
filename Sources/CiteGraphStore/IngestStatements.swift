import GRDB

/// The prepared insert statements of an ingest session.
final class IngestStatements {
    let db: Database
    let insertPaper: BulkStatement
    let insertSource: BulkStatement
    let insertAuthor: BulkStatement
    /// Adds an ORCID / service id to an author stored without one.
    let completeAuthor: BulkStatement
    let insertLink: BulkStatement
    let insertReject: BulkStatement
    /// `INSERT INTO paper_references` statements by number of rows (1…`maxRowsPerInsert`).
    private var referenceInserts: [Int: BulkStatement] = [:]
    static let maxRowsPerInsert = 16

    /// The statement inserting `rows` references (paper_id, position, raw for each row).
    func insertReferences(_ rows: Int) throws -> BulkStatement {
        if let statement = referenceInserts[rows] { return statement }
        let values = Array(repeating: "(?, ?, ?)", count: rows).joined(separator: ", ")
        let statement = try BulkStatement(db, sql: "INSERT INTO paper_references (paper_id, position, raw) VALUES \(values)")
        referenceInserts[rows] = statement
        return statement
    }

    init(db: Database) throws {
        self.db = db
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
        insertLink = try BulkStatement(db, sql: "INSERT OR IGNORE INTO paper_authors (paper_id, author_id, position) VALUES (?, ?, ?)")
        insertReject = try BulkStatement(db, sql: "INSERT INTO rejects (file, file_digest, line, field, reason) VALUES (?, ?, ?, ?, ?)")
    }
}
