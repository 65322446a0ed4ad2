import CiteGraphCore
import Foundation
import GRDB

/// The records of one file, ready to store.
public struct IngestBatch: Sendable {
    public var path: String
    /// Content digest; a file whose digest is already stored is skipped.
    public var digest: String
    public var format: String
    public var records: [PaperRecord]
    public var rejects: [RejectedRecord]

    public init(path: String, digest: String, format: String, records: [PaperRecord], rejects: [RejectedRecord]) {
        self.path = path; self.digest = digest; self.format = format; self.records = records; self.rejects = rejects
    }
}

/// What one ingest did.
public struct IngestSummary: Sendable, Equatable {
    public var path: String
    public var format: String
    /// True when the same content had been ingested before; nothing changed.
    public var alreadyIngested: Bool
    public var records: Int
    public var newPapers: Int
    /// How many records merged into an existing paper, by rule ("doi", "title", "near-title"…).
    public var mergedByRule: [String: Int]
    public var rejects: Int
}

/// How a record was matched to an existing paper.
enum MergeRule: String {
    case new, doi, arxiv, pmid, openalex, s2, wos, local
    case title
    case nearTitle = "near-title"
}

extension Store {
    /// Stores one file's records in a single transaction, de-duplicating against the papers
    /// already stored.
    ///
    /// Matching order: identifiers (DOI, arXiv, PMID, OpenAlex, S2, WoS, local id), then the
    /// normalised title (with equal years when both records have one), then near-identical
    /// titles (one title equals the other without its "NAME:" prefix). The merged paper keeps
    /// the richest fields; every record is kept in `paper_sources` with the rule that placed it.
    ///
    /// - Parameter strict: when true, any reject fails the whole file and nothing is stored.
    /// - Complexity: O(records) indexed lookups.
    public func ingest(_ batch: IngestBatch, strict: Bool = false) throws -> IngestSummary {
        var summary = IngestSummary(
            path: batch.path, format: batch.format, alreadyIngested: false, records: batch.records.count,
            newPapers: 0, mergedByRule: [:], rejects: batch.rejects.count)
        if strict, let reject = batch.rejects.first {
            throw StoreError.rejectedInStrictMode(file: reject.file, line: reject.line, field: reject.field, reason: reject.reason)
        }
        try pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM source_files WHERE digest = ?", arguments: [batch.digest]) == true {
                summary.alreadyIngested = true
                return
            }
            try db.execute(
                sql: "INSERT INTO source_files (path, digest, format, records, rejects) VALUES (?, ?, ?, ?, ?)",
                arguments: [batch.path, batch.digest, batch.format, batch.records.count, batch.rejects.count])
            let fileID = db.lastInsertedRowID
            var index = try DeduplicationIndex(db: db)
            let keys = RecordKeys.compute(batch.records)
            let insertSource = try db.cachedStatement(
                sql: "INSERT INTO paper_sources (paper_id, file_id, file, format, position, line, rule) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for (i, record) in batch.records.enumerated() {
                let (paperID, rule) = try place(record, keys: keys[i], index: &index, in: db)
                if rule == .new { summary.newPapers += 1 } else { summary.mergedByRule[rule.rawValue, default: 0] += 1 }
                try insertSource.execute(arguments: [
                    paperID, fileID, record.source.file, record.source.format, record.source.position, record.source.line, rule.rawValue,
                ])
                try storeAuthors(record.authors, keys: keys[i].authors, paperID: paperID, index: &index, in: db)
                try storeReferences(record.references, paperID: paperID, isNewPaper: rule == .new, in: db)
            }
            let insertReject = try db.cachedStatement(sql: "INSERT INTO rejects (file, file_digest, line, field, reason) VALUES (?, ?, ?, ?, ?)")
            for reject in batch.rejects {
                try insertReject.execute(arguments: [reject.file, batch.digest, reject.line, reject.field, reject.reason])
            }
        }
        return summary
    }

    /// Finds the paper `record` belongs to (merging fields into it) or inserts a new one.
    private func place(_ record: PaperRecord, keys: RecordKeys, index: inout DeduplicationIndex, in db: Database) throws -> (Int64, MergeRule) {
        let titleKey = keys.title
        let shortKey = keys.short
        var match: (Int64, MergeRule)?
        for id in record.ids.sorted() where id.kind != .local {
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
            try merge(record, into: paperID, in: db)
            for id in record.ids where id.kind != .local {
                if index.byID[id.kind]?[id.value] == nil { index.byID[id.kind, default: [:]][id.value] = paperID }
                if index.idsOfPaper[paperID]?[id.kind] == nil { index.idsOfPaper[paperID, default: [:]][id.kind] = id.value }
            }
            return (paperID, rule)
        }
        let extID = Store.externalID(for: record, titleKey: titleKey)
        let idValues = Dictionary(record.ids.map { ($0.kind, $0.value) }, uniquingKeysWith: { a, _ in a })
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO papers (ext_id, title, title_key, short_key, abstract, year, venue, keywords, doi, arxiv, pmid, openalex, s2, wos)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try insert.execute(arguments: [
            extID, record.title, titleKey, shortKey, record.abstract, record.year, record.venue,
            record.keywords.isEmpty ? nil : record.keywords.joined(separator: "; "),
            idValues[.doi], idValues[.arxiv], idValues[.pmid], idValues[.openalex], idValues[.s2], idValues[.wos],
        ])
        let id = db.lastInsertedRowID
        index.register(id: id, externalID: extID, ids: record.ids, titleKey: titleKey, shortKey: shortKey, year: record.year)
        return (id, .new)
    }

    /// Fills fields the stored paper lacks (or has poorer) from `record`.
    private func merge(_ record: PaperRecord, into paperID: Int64, in db: Database) throws {
        try db.execute(
            sql: """
                UPDATE papers SET
                  abstract = CASE WHEN abstract IS NULL OR length(abstract) < length(?1) THEN ?1 ELSE abstract END,
                  year = COALESCE(year, ?2),
                  venue = COALESCE(venue, ?3),
                  keywords = COALESCE(keywords, ?4),
                  cited_only = 0
                WHERE id = ?5
                """,
            arguments: [record.abstract, record.year, record.venue, record.keywords.isEmpty ? nil : record.keywords.joined(separator: "; "), paperID])
        for id in record.ids where id.kind != .local {
            try db.execute(
                sql: "UPDATE papers SET \(id.kind.rawValue) = COALESCE(\(id.kind.rawValue), ?) WHERE id = ?",
                arguments: [id.value, paperID])
        }
    }

    private func storeAuthors(_ names: [String], keys: [String], paperID: Int64, index: inout DeduplicationIndex, in db: Database) throws {
        guard !names.isEmpty, !index.papersWithAuthors.contains(paperID) else { return }  // the first source with authors wins
        index.papersWithAuthors.insert(paperID)
        let insertAuthor = try db.cachedStatement(sql: "INSERT INTO authors (name, name_key) VALUES (?, ?)")
        let insertLink = try db.cachedStatement(sql: "INSERT OR IGNORE INTO paper_authors (paper_id, author_id, position) VALUES (?, ?, ?)")
        for (position, name) in names.enumerated() {
            let key = keys[position]
            let authorID: Int64
            if let known = index.authorIDs[key] {
                authorID = known
            } else {
                try insertAuthor.execute(arguments: [name, key])
                authorID = db.lastInsertedRowID
                index.authorIDs[key] = authorID
            }
            try insertLink.execute(arguments: [paperID, authorID, position])
        }
    }

    /// Stores a record's references, without the ones its paper already has (a paper merged
    /// from several sources lists each reference once).
    private func storeReferences(_ references: [String], paperID: Int64, isNewPaper: Bool, in db: Database) throws {
        guard !references.isEmpty else { return }
        var seen = Set<String>()
        var position = 0
        if !isNewPaper {
            for raw in try String.fetchAll(db, sql: "SELECT raw FROM paper_references WHERE paper_id = ?", arguments: [paperID]) {
                seen.insert(raw)
            }
            position = seen.count
        }
        let insert = try db.cachedStatement(sql: "INSERT INTO paper_references (paper_id, position, raw) VALUES (?, ?, ?)")
        for raw in references where seen.insert(raw).inserted {
            try insert.execute(arguments: [paperID, position, raw])
            position += 1
        }
    }

    /// The id shown for a paper: its first identifier as the source gave it, else a stable
    /// hash of its normalised title ("title:…").
    static func externalID(for record: PaperRecord, titleKey: String) -> String {
        if let local = record.ids.first(where: { $0.kind == .local }) { return local.value }
        if let first = record.ids.sorted().first { return first.kind == .doi ? first.value : "\(first.kind.rawValue):\(first.value)" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in titleKey.utf8 { hash ^= UInt64(b); hash = hash &* 0x0000_0100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return "title:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The normalised keys of a record, computed for all records in parallel before the
/// (serial) write transaction: Unicode folding is the costly part of placing a record.
struct RecordKeys: Sendable {
    var title: String
    var short: String?
    var authors: [String]

    static func compute(_ records: [PaperRecord]) -> [RecordKeys] {
        let parts = records.count < 2_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
        let slots = KeySlots(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lo = records.count * part / parts, hi = records.count * (part + 1) / parts
            var out: [RecordKeys] = []
            out.reserveCapacity(hi - lo)
            for record in records[lo..<hi] {
                out.append(RecordKeys(
                    title: TitleKey.normalise(record.title), short: TitleKey.withoutShortName(record.title),
                    authors: record.authors.map(AuthorName.key)))
            }
            slots.set(part, out)
        }
        return slots.joined()
    }
}

/// Per-part results of `RecordKeys.compute`, each slot written by one worker.
private final class KeySlots: @unchecked Sendable {
    private var slots: [[RecordKeys]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [RecordKeys]) { lock.lock(); slots[i] = value; lock.unlock() }
    func joined() -> [RecordKeys] { lock.lock(); defer { lock.unlock() }; return slots.flatMap { $0 } }
}
