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
    }

    /// Rebuilds the indexes dropped for the bulk load.
    func finish() throws {
        PhaseClock.mark("stored records")
        for sql in droppedIndexes { try db.execute(sql: sql) }
        PhaseClock.mark("rebuilt indexes")
        droppedIndexes = []
    }

    /// Starts a file. Returns false when a file with the same content digest is already
    /// stored: then nothing of it must be stored, and `endFile` reports it as already ingested.
    public func beginFile(path: String, digest: String, format: String) throws -> Bool {
        var summary = IngestSummary(
            path: path, format: format, alreadyIngested: false, records: 0, newPapers: 0, mergedByRule: [:], rejects: 0)
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM source_files WHERE digest = ?", arguments: [digest]) == true {
            summary.alreadyIngested = true
            file = (0, digest, summary)
            return false
        }
        try db.execute(
            sql: "INSERT INTO source_files (path, digest, format, records, rejects) VALUES (?, ?, ?, 0, 0)",
            arguments: [path, digest, format])
        file = (db.lastInsertedRowID, digest, summary)
        return true
    }

    /// Stores the next records of the current file.
    public func store(_ prepared: PreparedRecords) throws {
        guard var current = file, !current.summary.alreadyIngested else { return }
        for (i, record) in prepared.records.enumerated() {
            let keys = prepared.keys[i]
            let (paperID, rule) = try place(record, keys: keys)
            if rule == .new { current.summary.newPapers += 1 } else { current.summary.mergedByRule[rule.rawValue, default: 0] += 1 }
            let source = statements.insertSource
            source.bind(1, paperID)
            source.bind(2, current.id)
            source.bind(3, record.source.file)
            source.bind(4, record.source.format)
            source.bind(5, record.source.position)
            source.bind(6, record.source.line)
            source.bind(7, rule.rawValue)
            try source.execute()
            try storeAuthors(record, keys: keys.authors, paperID: paperID)
            try storeReferences(keys.referenceList, paperID: paperID)
        }
        current.summary.records += prepared.records.count
        file = current
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

    /// Ends the current file, recording its counts, and returns what was done.
    public func endFile() throws -> IngestSummary {
        guard let current = file else { preconditionFailure("endFile without beginFile") }
        file = nil
        if !current.summary.alreadyIngested {
            try db.execute(
                sql: "UPDATE source_files SET records = ?, rejects = ? WHERE id = ?",
                arguments: [current.summary.records, current.summary.rejects, current.id])
        }
        return current.summary
    }

    /// Finds the paper `record` belongs to (merging fields into it) or inserts a new one.
    private func place(_ record: PaperRecord, keys: RecordKeys) throws -> (Int64, MergeRule) {
        let titleKey = keys.title
        let shortKey = keys.short
        var match: (Int64, MergeRule)?
        for id in (record.ids.count > 1 ? record.ids.sorted() : record.ids) where id.kind != .local {
            if let found = index.byID[id.kind]?[id.value] {
                match = (found, MergeRule(rawValue: id.kind.rawValue)!)
                break
            }
        }
        if match == nil, let local = record.ids.first(where: { $0.kind == .local }), let found = index.byExternalID[local.value] {
            match = (found, .local)
        }
        if match == nil, !titleKey.isEmpty {
            if let found = index.firstMatching(index.byTitle[titleKey], year: record.year, ids: record.ids) {
                match = (found, .title)
            } else if let found = index.firstMatching(index.byShortKey[titleKey], year: record.year, ids: record.ids)
                ?? shortKey.flatMap({ index.firstMatching(index.byTitle[$0], year: record.year, ids: record.ids) })
            {
                match = (found, .nearTitle)
            }
        }
        if let (paperID, rule) = match {
            try merge(record, into: paperID)
            for id in record.ids where id.kind != .local {
                if index.byID[id.kind]?[id.value] == nil { index.byID[id.kind, default: [:]][id.value] = paperID }
                if index.idsOfPaper[paperID]?[id.kind] == nil { index.idsOfPaper[paperID, default: [:]][id.kind] = id.value }
            }
            return (paperID, rule)
        }
        let extID = Store.externalID(for: record, titleKey: titleKey)
        let insert = statements.insertPaper
        // The first value of each identifier kind, bound to columns 9…14 (doi … wos); the
        // others NULL.
        var boundColumns = 0
        for id in record.ids {
            guard let column = IngestSession.idColumns.firstIndex(of: id.kind), boundColumns & (1 << column) == 0 else { continue }
            boundColumns |= 1 << column
            insert.bind(Int32(9 + column), id.value)
        }
        for column in IngestSession.idColumns.indices where boundColumns & (1 << column) == 0 {
            insert.bind(Int32(9 + column), nil as String?)
        }
        insert.bind(1, extID)
        insert.bind(2, record.title)
        insert.bind(3, titleKey)
        insert.bind(4, shortKey)
        insert.bind(5, record.abstract)
        insert.bind(6, record.year)
        insert.bind(7, record.venue)
        insert.bind(8, record.keywords.isEmpty ? nil : record.keywords.joined(separator: "; "))
        insert.bind(15, record.volume)
        insert.bind(16, record.firstPage)
        try insert.execute()
        let id = db.lastInsertedRowID
        index.register(id: id, externalID: extID, ids: record.ids, titleKey: titleKey, shortKey: shortKey, year: record.year)
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
    private func storeAuthors(_ record: PaperRecord, keys: [String], paperID: Int64) throws {
        let names = record.authors
        guard !names.isEmpty else { return }
        let orcids = record.authorORCIDs.count == names.count ? record.authorORCIDs : []
        let serviceIDs = record.authorServiceIDs.count == names.count ? record.authorServiceIDs : []
        let insertAuthor = statements.insertAuthor
        if index.papersWithAuthors.contains(paperID) {
            guard !orcids.isEmpty || !serviceIDs.isEmpty else { return }
            for (position, key) in keys.enumerated() {
                guard let known = index.authorIDs[key] else { continue }
                try complete(known, orcid: orcids.isEmpty ? nil : orcids[position], serviceID: serviceIDs.isEmpty ? nil : serviceIDs[position])
            }
            return
        }
        index.papersWithAuthors.insert(paperID)
        var authorIDs: [Int64] = []
        authorIDs.reserveCapacity(names.count)
        for (position, name) in names.enumerated() {
            let key = keys[position]
            let orcid = orcids.isEmpty ? nil : orcids[position]
            let serviceID = serviceIDs.isEmpty ? nil : serviceIDs[position]
            if let known = index.authorIDs[key] {
                authorIDs.append(known)
                try complete(known, orcid: orcid, serviceID: serviceID)
            } else {
                let (family, given) = AuthorName.split(name)
                insertAuthor.bind(1, name)
                insertAuthor.bind(2, key)
                insertAuthor.bind(3, family)
                insertAuthor.bind(4, given)
                insertAuthor.bind(5, AuthorName.initials(given))
                insertAuthor.bind(6, orcid)
                insertAuthor.bind(7, serviceID)
                try insertAuthor.execute()
                let authorID = db.lastInsertedRowID
                index.authorIDs[key] = authorID
                authorIDs.append(authorID)
            }
        }
        // All links of the paper in as few steps as possible.
        try statements.insertLinks.insertAll(authorIDs.count) { statement, row, p in
            statement.bind(p, paperID)
            statement.bind(p + 1, authorIDs[row])
            statement.bind(p + 2, row)
        }
    }

    /// Sets an author's ORCID / service id where it has none.
    private func complete(_ authorID: Int64, orcid: String?, serviceID: String?) throws {
        guard orcid != nil || serviceID != nil else { return }
        statements.completeAuthor.bind(1, orcid)
        statements.completeAuthor.bind(2, serviceID)
        statements.completeAuthor.bind(3, authorID)
        try statements.completeAuthor.execute()
    }

    /// Appends a record's references, as found, to its paper's list; repeats are dropped when
    /// the list becomes rows (`ReferenceList`).
    private func storeReferences(_ list: String?, paperID: Int64) throws {
        guard let list else { return }
        let insert = statements.appendReferences
        insert.bind(1, paperID)
        insert.bind(2, list)
        try insert.execute()
    }
}
