import CiteGraphCore
import Foundation
import GRDB

/// Stores the records of one or more files, chunk by chunk, inside one write transaction
/// (obtained from `Store.withIngestSession`), so that a file of any size is stored with
/// bounded memory and is still stored whole or not at all.
///
/// Matching order: identifiers (DOI, arXiv, PMID, OpenAlex, S2, WoS, local id), then the
/// normalised title (with equal years when both records have one), then near-identical
/// titles (one title equals the other without its "NAME:" prefix). The merged paper keeps
/// the richest fields; every record is kept in `paper_sources` with the rule that placed it.
///
/// Use: `beginFile` (false when the same content was ingested before: store nothing and call
/// `endFile`), then `store(_:)` and `store(rejects:)` as often as needed, then `endFile`.
public final class IngestSession {
    private let db: Database
    private var index: DeduplicationIndex
    private let statements: IngestStatements
    /// `CREATE INDEX` statements of the indexes dropped for a bulk load into an empty store.
    private var droppedIndexes: [String] = []
    private var file: (id: Int64, digest: String, summary: IngestSummary)?
    /// Rows of the current chunk not written yet: written many per SQLite step, before any
    /// statement that could read them and at the end of each `store(_:)`.
    private var pending = PendingIngestRows()
    /// The ids given to the next new paper and author: rows are inserted with their ids so
    /// that they can wait in `pending` (ids are what `INTEGER PRIMARY KEY` would assign).
    private var nextPaperID: Int64
    private var nextAuthorID: Int64
    /// Whether the store held digests of an older version when first asked (`holdsLegacyDigests`).
    private var legacyDigestsStored: Bool?

    /// Indexes that ingest itself never reads; rebuilding them once is cheaper than
    /// maintaining them row by row when the store starts empty. (The partial indexes on
    /// papers' identifiers stay: building each would scan the whole papers table, abstracts
    /// included, while rows without that identifier cost them nothing.)
    private static let bulkIndexes = ["paper_sources_paper"]

    init(db: Database) throws {
        self.db = db
        index = try DeduplicationIndex(db: db)
        if try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM papers)") == true {
            for name in IngestSession.bulkIndexes {
                guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name])
                else { continue }
                droppedIndexes.append(sql)
                try db.execute(sql: "DROP INDEX \(name)")
            }
        }
        statements = try IngestStatements(db: db)
        nextPaperID = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM papers") ?? 1
        nextAuthorID = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM authors") ?? 1
    }

    /// Rebuilds the indexes dropped for the bulk load.
    func finish() throws {
        PhaseClock.mark("stored records")
        for sql in droppedIndexes { try db.execute(sql: sql) }
        PhaseClock.mark("rebuilt indexes")
        droppedIndexes = []
    }

    /// True when no file is stored yet (none before this session, none earlier in it): then no
    /// stored digest can equal the next file's, so `beginFile` may be given no digest and the
    /// digest computed while the file is stored (`endFile(digest:)`), instead of in a pass
    /// over the whole file before storing.
    public func mayDeferDigest() throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM source_files)") == true
    }

    /// Stands in for a deferred digest in `source_files` and `rejects` until `endFile(digest:)`.
    private static let pendingDigest = "pending"

    /// True when some stored file has a digest of an older citegraph version (16 hex digits of
    /// FNV-1a, without the "xxh64:" of today's digests).
    private func holdsLegacyDigests() throws -> Bool {
        if let known = legacyDigestsStored { return known }
        let holds = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM source_files WHERE instr(digest, ':') = 0 AND digest != ?)",
            arguments: [IngestSession.pendingDigest]) == true
        legacyDigestsStored = holds
        return holds
    }

    /// Starts a file. Returns false when a file with the same content digest is already
    /// stored: then nothing of it must be stored, and `endFile` reports it as already ingested.
    /// - Parameters:
    ///   - digest: the file's content digest, or nil when `mayDeferDigest()` is true and the
    ///     digest will be given to `endFile(digest:)`.
    ///   - legacyDigest: the file's digest as older citegraph versions computed it (digests
    ///     without a "kind:" prefix), asked for only when the store holds such digests.
    public func beginFile(path: String, digest: String?, format: String, legacyDigest: (() throws -> String)? = nil) throws -> Bool {
        var summary = IngestSummary(
            path: path, format: format, alreadyIngested: false, records: 0, newPapers: 0, mergedByRule: [:], rejects: 0)
        func isStored(_ digest: String) throws -> Bool {
            try Bool.fetchOne(db, sql: "SELECT 1 FROM source_files WHERE digest = ?", arguments: [digest]) == true
        }
        if let digest, try isStored(digest) || (legacyDigest != nil && holdsLegacyDigests() && isStored(legacyDigest!())) {
            summary.alreadyIngested = true
            file = (0, digest, summary)
            return false
        }
        if digest == nil, try !mayDeferDigest() { preconditionFailure("a digest may be deferred only while no file is stored") }
        let stored = digest ?? IngestSession.pendingDigest
        try db.execute(
            sql: "INSERT INTO source_files (path, digest, format, records, rejects) VALUES (?, ?, ?, 0, 0)",
            arguments: [path, stored, format])
        file = (db.lastInsertedRowID, stored, summary)
        return true
    }

    /// Stores the next records of the current file.
    public func store(_ prepared: PreparedRecords) throws {
        guard var current = file, !current.summary.alreadyIngested else { return }
        try prepared.withRows { rows in
            for row in rows.records.indices {
                let (paperID, rule) = try place(row, of: rows)
                if rule == .new { current.summary.newPapers += 1 } else { current.summary.mergedByRule[rule.rawValue, default: 0] += 1 }
                pending.sources.append(.init(paperID: paperID, row: row, rule: rule))
                try storeAuthors(row, of: rows, paperID: paperID)
                if rows.keys[row].referenceList != nil { pending.referenceLists.append(.init(paperID: paperID, row: row)) }
            }
            try flush(rows)
        }
        current.summary.records += prepared.records.count
        file = current
    }

    /// Writes the pending rows of the chunk's records, many rows per step.
    private func flush(_ rows: PreparedRows) throws {
        let records = rows.records, keys = rows.keys, fileID = file?.id ?? 0
        try statements.insertPapers.insertAll(pending.papers.count) { statement, i, p in
            let paper = pending.papers[i]
            let row = paper.row
            // The first value of each identifier kind, bound to columns doi … wos; the others NULL.
            var boundColumns = 0
            for id in records[row].ids {
                guard let column = IngestSession.idColumns.firstIndex(of: id.kind), boundColumns & (1 << column) == 0 else { continue }
                boundColumns |= 1 << column
                statement.bind(p + 9 + Int32(column), id.value)
            }
            for column in IngestSession.idColumns.indices where boundColumns & (1 << column) == 0 {
                statement.bind(p + 9 + Int32(column), nil as String?)
            }
            statement.bind(p, paper.id)
            statement.bind(p + 1, paper.externalID)
            statement.bind(p + 2, records[row].title)
            statement.bind(p + 3, keys[row].title)
            statement.bind(p + 4, keys[row].short)
            statement.bind(p + 5, records[row].abstract)
            statement.bind(p + 6, records[row].year)
            statement.bind(p + 7, records[row].venue)
            statement.bind(p + 8, records[row].keywords.isEmpty ? nil : records[row].keywords.joined(separator: "; "))
            statement.bind(p + 15, records[row].volume)
            statement.bind(p + 16, records[row].firstPage)
        }
        try statements.insertAuthors.insertAll(pending.authors.count) { statement, i, p in
            let author = pending.authors[i]
            let name = records[author.row].authors[author.position]
            let (family, given, initials) = AuthorName.parts(name)
            statement.bind(p, author.id)
            statement.bind(p + 1, name)
            statement.bind(p + 2, keys[author.row].authors[author.position].key)
            statement.bind(p + 3, family)
            statement.bind(p + 4, given)
            statement.bind(p + 5, initials)
            statement.bind(p + 6, author.orcid)
            statement.bind(p + 7, author.serviceID)
        }
        try statements.insertSources.insertAll(pending.sources.count) { statement, i, p in
            let source = pending.sources[i]
            let row = source.row
            statement.bind(p, source.paperID)
            statement.bind(p + 1, fileID)
            statement.bind(p + 2, records[row].source.file)
            statement.bind(p + 3, records[row].source.format)
            statement.bind(p + 4, records[row].source.position)
            statement.bind(p + 5, records[row].source.line)
            statement.bind(p + 6, source.rule.rawValue)
        }
        try statements.insertLinks.insertAll(pending.links.count) { statement, i, p in
            let link = pending.links[i]
            statement.bind(p, link.paperID)
            statement.bind(p + 1, link.authorID)
            statement.bind(p + 2, link.position)
        }
        try statements.appendReferences.insertAll(pending.referenceLists.count) { statement, i, p in
            let list = pending.referenceLists[i]
            statement.bind(p, list.paperID)
            statement.bind(p + 1, keys[list.row].referenceList)
        }
        pending.removeAll()
    }

    /// Stores records of the current file that could not be read.
    public func store(rejects: [RejectedRecord]) throws {
        guard var current = file, !current.summary.alreadyIngested else { return }
        let insert = statements.insertReject
        for reject in rejects {
            insert.bind(1, reject.file)
            insert.bind(2, current.digest)
            insert.bind(3, reject.line)
            insert.bind(4, reject.field)
            insert.bind(5, reject.reason)
            try insert.execute()
        }
        current.summary.rejects += rejects.count
        file = current
    }

    /// Ends the current file, recording its counts (and its digest when `beginFile` was given
    /// none), and returns what was done.
    public func endFile(digest: String? = nil) throws -> IngestSummary {
        guard let current = file else { preconditionFailure("endFile without beginFile") }
        file = nil
        if !current.summary.alreadyIngested {
            try db.execute(
                sql: "UPDATE source_files SET records = ?, rejects = ? WHERE id = ?",
                arguments: [current.summary.records, current.summary.rejects, current.id])
        }
        if current.digest == IngestSession.pendingDigest {
            guard let digest else { preconditionFailure("a file begun without a digest must end with one") }
            try db.execute(sql: "UPDATE source_files SET digest = ? WHERE id = ?", arguments: [digest, current.id])
            try db.execute(
                sql: "UPDATE rejects SET file_digest = ? WHERE file_digest = ?", arguments: [digest, IngestSession.pendingDigest])
        }
        return current.summary
    }

    /// Finds the paper that record `row` belongs to (merging fields into it) or inserts a new one.
    private func place(_ row: Int, of rows: PreparedRows) throws -> (Int64, MergeRule) {
        let keys = rows.keys[row]
        let titleKey = keys.title
        let ids = rows.records[row].ids, year = rows.records[row].year
        var match: (Int64, MergeRule)?
        for id in (ids.count > 1 ? ids.sorted() : ids) where id.kind != .local {
            if let found = index.paper(with: id) {
                match = (found, MergeRule(rawValue: id.kind.rawValue)!)
                break
            }
        }
        // A record's external id is its local id when it has one (`Store.externalID`).
        if match == nil, ids.contains(where: { $0.kind == .local }),
            let found = index.paper(withExternalID: keys.externalID, hash: keys.externalHash)
        {
            match = (found, .local)
        }
        if match == nil, !titleKey.isEmpty {
            if let found = index.firstWithTitle(titleKey, hash: keys.titleHash, year: year, ids: ids) {
                match = (found, .title)
            } else if let found = index.firstWithShortKey(titleKey, hash: keys.titleHash, year: year, ids: ids)
                ?? keys.short.flatMap({ index.firstWithTitle($0, hash: keys.shortHash, year: year, ids: ids) })
            {
                match = (found, .nearTitle)
            }
        }
        if let (paperID, rule) = match {
            // The UPDATE must see the paper's row: write the pending rows if it is one of them.
            if let first = pending.papers.first?.id, paperID >= first { try flush(rows) }
            try merge(rows.records[row], into: paperID)
            for id in ids where id.kind != .local { index.note(id.kind, id.value, of: paperID) }
            return (paperID, rule)
        }
        let (extID, extHash) = index.unusedExternalID(keys.externalID, hash: keys.externalHash)
        let id = nextPaperID
        nextPaperID += 1
        pending.papers.append(.init(id: id, row: row, externalID: extID))
        index.register(id: id, externalID: extID, externalHash: extHash, ids: ids, keys: keys, year: year)
        return (id, .new)
    }

    private static let idColumns: [WorkID.Kind] = [.doi, .arxiv, .pmid, .openalex, .s2, .wos]

    /// Fills fields the stored paper lacks (or has poorer) from `record`.
    private func merge(_ record: PaperRecord, into paperID: Int64) throws {
        try db.execute(
            sql: """
                UPDATE papers SET
                  abstract = CASE WHEN abstract IS NULL OR length(abstract) < length(?1) THEN ?1 ELSE abstract END,
                  year = COALESCE(year, ?2),
                  venue = COALESCE(venue, ?3),
                  keywords = COALESCE(keywords, ?4),
                  volume = COALESCE(volume, ?6),
                  first_page = COALESCE(first_page, ?7),
                  cited_only = 0
                WHERE id = ?5
                """,
            arguments: [record.abstract, record.year, record.venue, record.keywords.isEmpty ? nil : record.keywords.joined(separator: "; "), paperID,
                        record.volume, record.firstPage])
        for id in record.ids where id.kind != .local {
            try db.execute(
                sql: "UPDATE papers SET \(id.kind.rawValue) = COALESCE(\(id.kind.rawValue), ?) WHERE id = ?",
                arguments: [id.value, paperID])
        }
    }

    /// Links the record's authors to its paper (the first source with authors wins), creating
    /// authors by name key with their name parts, ORCID and service id; an ORCID or service id
    /// from any source completes an author stored without one.
    private func storeAuthors(_ row: Int, of rows: PreparedRows, paperID: Int64) throws {
        let keys = rows.keys[row].authors
        let count = rows.records[row].authors.count
        guard count > 0 else { return }
        let orcids = rows.records[row].authorORCIDs.count == count ? rows.records[row].authorORCIDs : []
        let serviceIDs = rows.records[row].authorServiceIDs.count == count ? rows.records[row].authorServiceIDs : []
        if index.hasAuthors(paperID) {
            guard !orcids.isEmpty || !serviceIDs.isEmpty else { return }
            for (position, key) in keys.enumerated() {
                guard let known = index.author(key.key, hash: key.hash) else { continue }
                try complete(known, orcid: orcids.isEmpty ? nil : orcids[position], serviceID: serviceIDs.isEmpty ? nil : serviceIDs[position], rows)
            }
            return
        }
        index.markHasAuthors(paperID)
        for (position, key) in keys.enumerated() {
            let orcid = orcids.isEmpty ? nil : orcids[position]
            let serviceID = serviceIDs.isEmpty ? nil : serviceIDs[position]
            let authorID: Int64
            if let known = index.author(key.key, hash: key.hash) {
                authorID = known
                try complete(known, orcid: orcid, serviceID: serviceID, rows)
            } else {
                authorID = nextAuthorID
                nextAuthorID += 1
                pending.authors.append(.init(id: authorID, row: row, position: position, orcid: orcid, serviceID: serviceID))
                index.addAuthor(key.key, hash: key.hash, id: authorID)
            }
            pending.links.append(.init(paperID: paperID, authorID: authorID, position: position))
        }
    }

    /// Sets an author's ORCID / service id where it has none (writing the pending rows first
    /// when the author is one of them).
    private func complete(_ authorID: Int64, orcid: String?, serviceID: String?, _ rows: PreparedRows) throws {
        guard orcid != nil || serviceID != nil else { return }
        if let first = pending.authors.first?.id, authorID >= first { try flush(rows) }
        statements.completeAuthor.bind(1, orcid)
        statements.completeAuthor.bind(2, serviceID)
        statements.completeAuthor.bind(3, authorID)
        try statements.completeAuthor.execute()
    }
}
