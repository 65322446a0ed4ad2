import Foundation
import GRDB

/// A record's references as stored at ingest: one text per paper in `reference_lists`, the
/// references as found joined by U+001F (a control character no reference means; one inside a
/// reference is stored as a space). Lists become `paper_references` rows — each distinct
/// reference of a paper once, in first-seen order — when references are resolved.
///
/// Ingest writes one row per record instead of one per reference (~15 with generated
/// corpora), which is most of what bulk ingest cost in SQLite.
enum ReferenceList {
    static let separator: UInt8 = 0x1F

    /// The list text of `references`, or nil when there are none. Joined as bytes (the
    /// separator is ASCII, so every piece stays valid UTF-8).
    static func joined(_ references: [String]) -> String? {
        guard !references.isEmpty else { return nil }
        let capacity = references.reduce(references.count) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: capacity) { out in
            var written = 0
            for (i, reference) in references.enumerated() {
                if i > 0 {
                    out[written] = separator
                    written += 1
                }
                let start = out.baseAddress! + written
                var copy = reference
                copy.withUTF8 { raw in
                    guard let source = raw.baseAddress, !raw.isEmpty else { return }
                    start.update(from: source, count: raw.count)
                    written += raw.count
                }
                let count = out.baseAddress! + written - start
                if count > 0, memchr(start, Int32(separator), count) != nil {
                    for b in 0..<count where start[b] == separator { start[b] = 0x20 }
                }
            }
            return written
        }
    }

    /// The references of a list text, in order, repeats included.
    static func split(_ list: String) -> [String] {
        list.utf8.split(separator: separator, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with each paper's pending list as the rows it becomes, papers in id order:
    /// its distinct references that are not already among its `paper_references` rows, and
    /// the position of the first of them.
    static func forEachPending(_ db: Database, _ body: (_ paper: Int64, _ firstPosition: Int, _ fresh: [String]) throws -> Void) throws {
        let hasRows = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM paper_references)") ?? false
        let existing = try db.makeStatement(sql: "SELECT raw, position FROM paper_references WHERE paper_id = ?")
        try RowScanner(db, sql: "SELECT paper_id, raws FROM reference_lists ORDER BY paper_id").forEach { row in
            let paper = row.int64(0)
            let raws = split(row.text(1))
            var fresh: [String] = []
            fresh.reserveCapacity(raws.count)
            var position = 0
            if !hasRows && raws.count <= 32 {
                // Short lists: a linear scan finds repeats without hashing every reference.
                for raw in raws where !fresh.contains(raw) { fresh.append(raw) }
            } else {
                var seen = Set<String>(minimumCapacity: raws.count)
                if hasRows {
                    for stored in try Row.fetchAll(existing, arguments: [paper]) {
                        seen.insert(stored[0])
                        position = max(position, (stored[1] as Int) + 1)
                    }
                }
                for raw in raws where seen.insert(raw).inserted { fresh.append(raw) }
            }
            try body(paper, position, fresh)
        }
    }

    /// Turns every pending list into `paper_references` rows, each with the paper
    /// `resolvedID` gives for its text (NULL when nil), and empties `reference_lists`.
    /// `resolvedID` is called once per row, in row order.
    /// - Complexity: O(pending references); rows are inserted in key order (appends).
    static func expandPending(_ db: Database, resolvedID: (String) throws -> Int64?) throws {
        let insert = MultiRowInsert(
            db, prefix: "INSERT INTO paper_references (paper_id, position, raw, resolved_paper_id) VALUES ", rowTemplate: "(?, ?, ?, ?)")
        try forEachPending(db) { paper, firstPosition, fresh in
            try insert.insertAll(fresh.count) { statement, row, p in
                let raw = fresh[row]
                statement.bind(p, paper)
                statement.bind(p + 1, firstPosition + row)
                statement.bind(p + 2, raw)
                statement.bind(p + 3, try resolvedID(raw).map(Int.init))
            }
        }
        try db.execute(sql: "DELETE FROM reference_lists")
    }
}
