import CiteGraphCore
import Foundation
import GRDB

extension Store {
    /// Resolves every unresolved reference to a paper: by identifier (DOI, arXiv id, PMID,
    /// OpenAlex id, or a paper's own id such as an edge-list node label), then by normalised
    /// title, then by (first author, year, volume, first page) as Web of Science cited
    /// references give them; a reference that matches nothing becomes a cited-only work (`papers.cited_only =
    /// 1`) so that citation counts and co-citation still see it. Idempotent.
    /// - Returns: how many references were newly resolved to corpus papers.
    /// - Complexity: O(references) indexed lookups, each distinct reference string resolved once.
    @discardableResult
    public func resolveReferences() throws -> Int {
        try bulkWrite { db in
            PhaseClock.mark("resolving references")
            let unresolvedRows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM paper_references WHERE resolved_paper_id IS NULL") ?? 0
            let pendingLists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM reference_lists)") ?? false
            guard unresolvedRows > 0 || pendingLists else { return 0 }
            var resolver = try ReferenceResolver(db: db)
            PhaseClock.mark("resolver tables")
            // Each distinct reference string is resolved once, at its first occurrence (rows
            // left unresolved first, then the pending lists by paper), so cited-only works get
            // the same ids on every run; the lists are read once, as they become rows.
            var resolved: [String: (paper: Int64, inCorpus: Bool)] = [:]
            var resolvedToCorpus = 0
            func paper(for raw: String) throws -> Int64 {
                let found: (paper: Int64, inCorpus: Bool)
                if let known = resolved[raw] {
                    found = known
                } else {
                    found = try resolver.resolve(raw, in: db)
                    resolved[raw] = found
                }
                if found.inCorpus { resolvedToCorpus += 1 }
                return found.paper
            }
            if unresolvedRows > 0 {
                // Rows stored unresolved (by a store before v7, or whose paper was deleted):
                // one UPDATE through a temporary (raw → paper) table.
                try db.execute(sql: "DROP TABLE IF EXISTS temp.reference_resolution")
                try db.execute(sql: "CREATE TEMP TABLE reference_resolution (raw TEXT PRIMARY KEY, paper_id INTEGER NOT NULL) WITHOUT ROWID")
                let insert = try BulkStatement(db, sql: "INSERT OR IGNORE INTO temp.reference_resolution (raw, paper_id) VALUES (?, ?)")
                try RowScanner(db, sql: "SELECT raw FROM paper_references WHERE resolved_paper_id IS NULL").forEach { row in
                    let raw = row.text(0)
                    insert.bind(1, raw); insert.bind(2, try paper(for: raw))
                    try insert.execute()
                }
                try db.execute(sql: """
                    UPDATE paper_references
                    SET resolved_paper_id = (SELECT t.paper_id FROM temp.reference_resolution t WHERE t.raw = paper_references.raw)
                    WHERE resolved_paper_id IS NULL
                    """)
                try db.execute(sql: "DROP TABLE temp.reference_resolution")
            }
            // Pending lists become rows with their papers.
            try ReferenceList.expandPending(db) { raw in try paper(for: raw) }
            PhaseClock.mark("reference rows")
            return resolvedToCorpus
        }
    }

    /// Lookup tables for resolving references: ids, external ids and title keys of all papers.
    struct ReferenceResolver {
        var byColumn: [String: [String: (Int64, Bool)]] = [:]
        var byTitle: [String: (Int64, Bool)] = [:]
        var byBibliographic: [String: (Int64, Bool)] = [:]

        init(db: Database) throws {
            let rows = try Row.fetchCursor(db, sql: "SELECT id, cited_only, ext_id, doi, arxiv, openalex, pmid, title_key FROM papers")
            while let row = try rows.next() {
                let entry: (Int64, Bool) = (row[0], !(row[1] as Bool))
                for (offset, column) in ["ext_id", "doi", "arxiv", "openalex", "pmid"].enumerated() {
                    if let value: String = row[2 + offset], byColumn[column]?[value] == nil { byColumn[column, default: [:]][value] = entry }
                }
                let key: String = row[7]
                if !key.isEmpty && byTitle[key] == nil { byTitle[key] = entry }
            }
            // (first author, year, volume, first page) of the corpus papers that have all four.
            try RowScanner(
                db,
                sql: """
                    SELECT p.id, a.name, p.year, p.volume, p.first_page FROM papers p
                    JOIN paper_authors pa ON pa.paper_id = p.id AND pa.position = 0
                    JOIN authors a ON a.id = pa.author_id
                    WHERE p.cited_only = 0 AND p.year IS NOT NULL AND p.volume IS NOT NULL AND p.first_page IS NOT NULL
                    """
            ).forEach { row in
                let (family, given) = AuthorName.split(row.text(1))
                let key = Store.bibliographicKey(family: family, given: given, year: Int(row.int64(2)), volume: row.text(3), page: row.text(4))
                if byBibliographic[key] == nil { byBibliographic[key] = (row.int64(0), true) }
            }
        }

        /// The paper a reference string names, creating a cited-only work when none does.
        mutating func resolve(_ raw: String, in db: Database) throws -> (Int64, Bool) {
            let trimmed = raw.trimmingWhitespace()
            let doi = Store.doi(in: trimmed)
            var candidates: [(String, String)] = []
            if let doi { candidates.append(("doi", doi)) }
            candidates.append(("ext_id", trimmed))
            if let arxiv = Store.arxivID(in: trimmed) { candidates.append(("arxiv", arxiv)) }
            if trimmed.lowercased().hasPrefix("pmid:") { candidates.append(("pmid", String(trimmed.dropFirst(5)).trimmingWhitespace())) }
            if trimmed.hasPrefix("W") || trimmed.contains("openalex.org/") {
                candidates.append(("openalex", WorkID(kind: .openalex, value: trimmed).value))
            }
            for (column, value) in candidates {
                if let found = byColumn[column]?[value] { return found }
            }
            let key = TitleKey.normalise(trimmed)
            if key.split(separator: " ").count >= 4, let found = byTitle[key] { return found }
            if !byBibliographic.isEmpty, let bib = Store.bibliographicKey(ofCitation: trimmed), let found = byBibliographic[bib] { return found }
            try db.execute(
                sql: "INSERT INTO papers (ext_id, doi, title, title_key, cited_only) VALUES (?, ?, ?, ?, 1)",
                arguments: [doi ?? trimmed, doi, trimmed, key])
            let entry: (Int64, Bool) = (db.lastInsertedRowID, false)
            byColumn["ext_id", default: [:]][doi ?? trimmed] = entry
            if let doi { byColumn["doi", default: [:]][doi] = entry }
            if !key.isEmpty && byTitle[key] == nil { byTitle[key] = entry }
            return entry
        }
    }

    /// The matching key of (first author, year, volume, first page): family name folded, first
    /// initial, year, volume and page without leading zeros or letters' case — the fields a
    /// Web of Science cited reference carries ("Smith J, 2001, NATURE, V410, P123").
    static func bibliographicKey(family: String, given: String, year: Int, volume: String, page: String) -> String {
        let initial = given.first(where: \.isLetter).map { String($0).lowercased() } ?? ""
        func number(_ text: String) -> String {
            let trimmed = text.trimmingWhitespace().lowercased()
            let digits = trimmed.drop { $0 == "0" }
            return digits.isEmpty ? trimmed : String(digits)
        }
        return "\(TitleKey.normalise(family))|\(initial)|\(year)|\(number(volume))|\(number(page))"
    }

    /// The key of a cited reference written as "Family I, YEAR, SOURCE, V<volume>, P<page>[,
    /// DOI …]" (Web of Science `CR`), or nil when it lacks the author, year, volume or page.
    static func bibliographicKey(ofCitation text: String) -> String? {
        let parts = text.split(separator: ",").map { $0.trimmingWhitespace() }
        guard parts.count >= 4, let year = Int(parts[1]), (1000...2999).contains(year) else { return nil }
        let author = parts[0].split(separator: " ")
        guard let family = author.first else { return nil }
        let given = author.dropFirst().joined(separator: " ")
        var volume: String?, page: String?
        for part in parts.dropFirst(2) {
            if volume == nil, part.count > 1, part.hasPrefix("V"), part.dropFirst().allSatisfy({ $0.isNumber || $0.isLetter }) { volume = String(part.dropFirst()) }
            else if page == nil, part.count > 1, part.hasPrefix("P"), part.dropFirst().allSatisfy({ $0.isNumber || $0.isLetter }) { page = String(part.dropFirst()) }
        }
        guard let volume, let page else { return nil }
        return bibliographicKey(family: String(family), given: given, year: year, volume: volume, page: page)
    }

    /// A DOI inside a reference string ("10.xxxx/…"), normalised.
    static func doi(in text: String) -> String? {
        guard let range = text.range(of: "10.") else { return nil }
        let tail = text[range.lowerBound...]
        guard let slash = tail.firstIndex(of: "/"), tail.distance(from: tail.startIndex, to: slash) <= 12 else { return nil }
        let end = tail.firstIndex { $0 == " " || $0 == "," || $0 == ";" } ?? tail.endIndex
        let value = WorkID.normalise(String(tail[..<end]), kind: .doi)
        return value.count > 6 ? value : nil
    }

    /// An arXiv id ("arXiv:2101.00001v2" or a bare new-style id).
    static func arxivID(in text: String) -> String? {
        let lower = text.lowercased()
        guard let range = lower.range(of: "arxiv:") ?? lower.range(of: "arxiv.org/abs/") else { return nil }
        let tail = lower[range.upperBound...]
        let id = tail.prefix { !$0.isWhitespace && $0 != "," && $0 != ";" }
        return id.isEmpty ? nil : WorkID.normalise(String(id), kind: .arxiv)
    }

    /// Each corpus paper's authors, as author row ids in order (papers without authors omitted).
    public func authorGroups() throws -> [[Int64]] {
        try pool.read { db in
            try Self.groupedRows(db, sql: "SELECT paper_id, author_id FROM paper_authors ORDER BY paper_id, position") { $0.int64(1) }
                .map(\.items)
        }
    }

    /// Each citing paper's resolved references (paper row ids, including cited-only works).
    public func referenceLists() throws -> [(paper: Int64, cited: [Int64])] {
        try pool.read { db in
            try Self.groupedRows(
                db, sql: "SELECT paper_id, resolved_paper_id FROM paper_references WHERE resolved_paper_id IS NOT NULL ORDER BY paper_id, position"
            ) { $0.int64(1) }.map { ($0.key, $0.items) }
        }
    }

    /// Each paper's terms with weights, heaviest first (ties: lower term id): (paper row id,
    /// [(term row id, weight)]), papers in id order.
    ///
    /// Read in primary-key order (no SQL sort of every row); each paper's few terms are
    /// sorted here.
    public func paperTermLists() throws -> [(paper: Int64, terms: [(term: Int64, weight: Double)])] {
        try pool.read { db in
            try Self.groupedRows(db, sql: "SELECT paper_id, term_id, weight FROM paper_terms ORDER BY paper_id, term_id") {
                (term: $0.int64(1), weight: $0.double(2))
            }.map { group in
                (group.key, group.items.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term })
            }
        }
    }

    /// Rows ordered by their first column (an id), grouped by it in that order; `item` reads
    /// the rest of a row.
    static func groupedRows<Item>(_ db: Database, sql: String, item: (ScannedRow) -> Item) throws -> [(key: Int64, items: [Item])] {
        var groups: [(key: Int64, items: [Item])] = []
        var current: [Item] = []
        var key: Int64? = nil
        try RowScanner(db, sql: sql).forEach { row in
            let k = row.int64(0)
            if k != key {
                if let key { groups.append((key, current)) }
                key = k
                current = []
            }
            current.append(item(row))
        }
        if let key { groups.append((key, current)) }
        return groups
    }
}
