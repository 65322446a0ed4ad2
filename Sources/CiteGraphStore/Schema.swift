import CiteGraphCore
import GRDB

/// The store's schema as append-only GRDB migrations. Never edit a shipped migration; add a
/// new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-paper-authors-pk-first") { db in
            try db.execute(sql: v2PaperAuthorsPKFirst)
        }
        migrator.registerMigration("v3-references-bulk") { db in
            try db.execute(sql: v3ReferencesBulk)
        }
        migrator.registerMigration("v4-author-parts") { db in
            try db.execute(sql: v4AuthorParts)
            // Fill the name parts of authors stored before this version.
            let update = try BulkStatement(db, sql: "UPDATE authors SET family = ?, given = ?, initials = ? WHERE id = ?")
            var rows: [(Int64, String)] = []
            try RowScanner(db, sql: "SELECT id, name FROM authors").forEach { rows.append(($0.int64(0), $0.text(1))) }
            for (id, name) in rows {
                let (family, given) = AuthorName.split(name)
                update.bind(1, family); update.bind(2, given); update.bind(3, AuthorName.initials(given)); update.bind(4, id)
                try update.execute()
            }
        }
        migrator.registerMigration("v5-volume-page") { db in
            try db.execute(sql: "ALTER TABLE papers ADD COLUMN volume TEXT; ALTER TABLE papers ADD COLUMN first_page TEXT;")
        }
        // Version 6: no index on `paper_references.resolved_paper_id`. Only reference
        // resolution looked rows up by it (the unresolved ones, which it now finds by one scan
        // in row order); keeping it cost a rebuild of millions of entries after every ingest
        // and every resolution.
        migrator.registerMigration("v6-no-resolved-index") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS paper_references_resolved")
        }
        migrator.registerMigration("v7-reference-lists") { db in
            try db.execute(sql: v7ReferenceLists)
        }
        return migrator
    }

    /// Version 7: a record's references are stored at ingest as one row of `reference_lists`
    /// (the references as found, joined by U+001F; a paper merged from several sources gets
    /// each source's list appended), and become `paper_references` rows — one per distinct
    /// reference of a paper, with its resolved paper — when references are resolved (or
    /// counted). `paper_references` is keyed by (paper_id, position), without a row id and
    /// its separate paper index: one B-tree instead of two. Bulk ingest wrote ~15 rows per
    /// record into two B-trees; it now writes one. The index on `papers.title_key` goes too:
    /// nothing looks papers up by it in SQL (de-duplication and resolution hold title keys in
    /// memory), and rebuilding it after a bulk load read every paper row, abstracts included.
    /// So does the index on `paper_authors.author_id`: citegraph reads authors by paper only,
    /// and re-sorting ~3.5 links per paper after every bulk load cost a fifth of an ingest.
    /// (People querying papers by author can `CREATE INDEX` it in their copy.)
    static let v7ReferenceLists = """
        CREATE TABLE paper_references_v7 (
            paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            raw TEXT NOT NULL,
            resolved_paper_id INTEGER REFERENCES papers(id) ON DELETE SET NULL,
            PRIMARY KEY (paper_id, position)
        ) WITHOUT ROWID;
        INSERT INTO paper_references_v7 (paper_id, position, raw, resolved_paper_id)
            SELECT paper_id, position, raw, resolved_paper_id FROM paper_references ORDER BY paper_id, position;
        DROP TABLE paper_references;
        ALTER TABLE paper_references_v7 RENAME TO paper_references;
        CREATE TABLE reference_lists (
            paper_id INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
            raws TEXT NOT NULL
        );
        DROP INDEX IF EXISTS papers_title_key;
        DROP INDEX IF EXISTS paper_authors_author;
        """

    /// `paper_authors` with its primary-key columns first (`paper_id, position, author_id`).
    /// Same columns and content; in v1 `PRAGMA integrity_check` of SQLite 3.40 (Debian 12)
    /// falsely reports "NULL value in paper_authors.author_id" for every row, because of a bug
    /// with WITHOUT ROWID tables whose primary key is not the leading columns.
    static let v2PaperAuthorsPKFirst = """
        CREATE TABLE paper_authors_v2 (
            paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
            PRIMARY KEY (paper_id, position)
        ) WITHOUT ROWID;
        INSERT INTO paper_authors_v2 (paper_id, position, author_id) SELECT paper_id, position, author_id FROM paper_authors;
        DROP TABLE paper_authors;
        ALTER TABLE paper_authors_v2 RENAME TO paper_authors;
        CREATE INDEX paper_authors_author ON paper_authors(author_id);
        """

    /// Version 4: authors' family name, given names and initials (from the name as written),
    /// ORCID iD and the source service's author id (OpenAlex, Semantic Scholar).
    static let v4AuthorParts = """
        ALTER TABLE authors ADD COLUMN family TEXT;
        ALTER TABLE authors ADD COLUMN given TEXT;
        ALTER TABLE authors ADD COLUMN initials TEXT;
        ALTER TABLE authors ADD COLUMN orcid TEXT;
        ALTER TABLE authors ADD COLUMN service_id TEXT;
        """

    /// Version 3: `paper_references` without the UNIQUE(paper_id, raw) text index, which made
    /// bulk ingest slow; duplicates are now removed before insertion.
    static let v3ReferencesBulk = """
        CREATE TABLE paper_references_v2 (
            id INTEGER PRIMARY KEY,
            paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            raw TEXT NOT NULL,
            resolved_paper_id INTEGER REFERENCES papers(id) ON DELETE SET NULL
        );
        INSERT INTO paper_references_v2 (id, paper_id, position, raw, resolved_paper_id)
            SELECT id, paper_id, position, raw, resolved_paper_id FROM paper_references;
        DROP TABLE paper_references;
        ALTER TABLE paper_references_v2 RENAME TO paper_references;
        CREATE INDEX paper_references_paper ON paper_references(paper_id);
        CREATE INDEX paper_references_resolved ON paper_references(resolved_paper_id);
        """

    /// Schema version 1. Documented table by table in the README.
    static let v1 = """
        CREATE TABLE source_files (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            digest TEXT NOT NULL UNIQUE,
            format TEXT NOT NULL,
            records INTEGER NOT NULL,
            rejects INTEGER NOT NULL
        );
        CREATE TABLE papers (
            id INTEGER PRIMARY KEY,
            ext_id TEXT NOT NULL UNIQUE,
            doi TEXT, arxiv TEXT, pmid TEXT, openalex TEXT, s2 TEXT, wos TEXT,
            title TEXT NOT NULL,
            title_key TEXT NOT NULL,
            short_key TEXT,
            abstract TEXT,
            year INTEGER,
            venue TEXT,
            keywords TEXT,
            cited_only INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX papers_doi ON papers(doi) WHERE doi IS NOT NULL;
        CREATE INDEX papers_arxiv ON papers(arxiv) WHERE arxiv IS NOT NULL;
        CREATE INDEX papers_pmid ON papers(pmid) WHERE pmid IS NOT NULL;
        CREATE INDEX papers_openalex ON papers(openalex) WHERE openalex IS NOT NULL;
        CREATE INDEX papers_s2 ON papers(s2) WHERE s2 IS NOT NULL;
        CREATE INDEX papers_wos ON papers(wos) WHERE wos IS NOT NULL;
        CREATE INDEX papers_title_key ON papers(title_key);
        CREATE INDEX papers_short_key ON papers(short_key) WHERE short_key IS NOT NULL;
        CREATE TABLE paper_sources (
            id INTEGER PRIMARY KEY,
            paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
            file_id INTEGER NOT NULL REFERENCES source_files(id) ON DELETE CASCADE,
            file TEXT NOT NULL,
            format TEXT NOT NULL,
            position INTEGER NOT NULL,
            line INTEGER NOT NULL,
            rule TEXT NOT NULL,
            UNIQUE(file_id, position)
        );
        CREATE INDEX paper_sources_paper ON paper_sources(paper_id);
        CREATE TABLE authors (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE
        );
        CREATE TABLE paper_authors (
            paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
            author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            PRIMARY KEY (paper_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX paper_authors_author ON paper_authors(author_id);
        CREATE TABLE paper_references (
            id INTEGER PRIMARY KEY,
            paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            raw TEXT NOT NULL,
            resolved_paper_id INTEGER REFERENCES papers(id) ON DELETE SET NULL,
            UNIQUE(paper_id, raw)
        );
        CREATE INDEX paper_references_resolved ON paper_references(resolved_paper_id);
        CREATE TABLE terms (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            df INTEGER NOT NULL
        );
        CREATE TABLE paper_terms (
            paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
            term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
            weight REAL NOT NULL,
            PRIMARY KEY (paper_id, term_id)
        ) WITHOUT ROWID;
        CREATE INDEX paper_terms_term ON paper_terms(term_id);
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            step TEXT NOT NULL,
            graph TEXT NOT NULL,
            parameters TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE edges (
            kind TEXT NOT NULL,
            source INTEGER NOT NULL,
            target INTEGER NOT NULL,
            weight REAL NOT NULL,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            PRIMARY KEY (kind, source, target)
        ) WITHOUT ROWID;
        CREATE TABLE scores (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            measure TEXT NOT NULL,
            node INTEGER NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (run_id, measure, node)
        ) WITHOUT ROWID;
        CREATE TABLE communities (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            node INTEGER NOT NULL,
            community INTEGER NOT NULL,
            PRIMARY KEY (run_id, node)
        ) WITHOUT ROWID;
        CREATE TABLE community_labels (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            community INTEGER NOT NULL,
            size INTEGER NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (run_id, community)
        ) WITHOUT ROWID;
        CREATE TABLE rejects (
            id INTEGER PRIMARY KEY,
            file TEXT NOT NULL,
            file_digest TEXT NOT NULL,
            line INTEGER NOT NULL,
            field TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        """
}
