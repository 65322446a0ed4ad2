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
    /// already stored (see `IngestSession` for the matching rules).
    ///
    /// - Parameter strict: when true, any reject fails the whole file and nothing is stored.
    /// - Complexity: O(records) hash lookups and inserts.
    public func ingest(_ batch: IngestBatch, strict: Bool = false) throws -> IngestSummary {
        if strict, let reject = batch.rejects.first {
            throw StoreError.rejectedInStrictMode(file: reject.file, line: reject.line, field: reject.field, reason: reject.reason)
        }
        return try withIngestSession { session in
            guard try session.beginFile(path: batch.path, digest: batch.digest, format: batch.format) else {
                return try session.endFile()
            }
            try session.store(PreparedRecords(batch.records))
            try session.store(rejects: batch.rejects)
            return try session.endFile()
        }
    }

    /// Runs `body` with an `IngestSession` inside one write transaction: everything the body
    /// stores is committed together when it returns, and nothing is when it throws.
    ///
    /// Into an empty store, the load writes each page once (`bulkLoad`), and the secondary
    /// indexes that ingest does not read are dropped first and built once at the end, in the
    /// same transaction. Foreign keys are not checked row by row during the session: every
    /// row it inserts points at a paper, author or file that it has just inserted or read.
    public func withIngestSession<T>(_ body: (IngestSession) throws -> T) throws -> T {
        let result = try bulkLoad { db in
            let session = try IngestSession(db: db)
            let result = try body(session)
            try session.finish()
            return result
        }
        PhaseClock.mark("committed")
        return result
    }
}

extension Store {
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
