import CiteGraphCore
import GRDB

/// In-memory lookup tables for de-duplication during one ingest transaction: identifiers,
/// title keys and author keys of everything stored, loaded once, kept current as records
/// are placed. Replaces one indexed query per record and identifier with hash lookups.
/// - Complexity: O(papers + authors) to load; O(1) expected per lookup.
struct DeduplicationIndex {
    /// A paper that a title (or short title) key names, with its year. A struct, not a tuple:
    /// arrays of tuples look their type metadata up at run time on every append.
    struct Candidate {
        var id: Int64
        var year: Int?
    }

    var byID: [WorkID.Kind: [String: Int64]] = [:]
    var byExternalID: [String: Int64] = [:]
    /// title key → papers with that key and their year.
    var byTitle: [String: [Candidate]] = [:]
    /// short key (title without "NAME:") → papers.
    var byShortKey: [String: [Candidate]] = [:]
    /// Each paper's identifiers, to refuse title merges between papers whose ids differ.
    var idsOfPaper: [Int64: [WorkID.Kind: String]] = [:]
    var authorIDs: [String: Int64] = [:]
    var papersWithAuthors = Set<Int64>()

    init(db: Database) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, ext_id, doi, arxiv, pmid, openalex, s2, wos, title_key, short_key, year FROM papers")
        let kinds: [WorkID.Kind] = [.doi, .arxiv, .pmid, .openalex, .s2, .wos]
        while let row = try rows.next() {
            let id: Int64 = row[0]
            byExternalID[row[1]] = id
            for (offset, kind) in kinds.enumerated() {
                if let value: String = row[2 + offset] {
                    byID[kind, default: [:]][value] = id
                    idsOfPaper[id, default: [:]][kind] = value
                }
            }
            let year: Int? = row[10]
            let titleKey: String = row[8]
            if !titleKey.isEmpty { byTitle[titleKey, default: []].append(Candidate(id: id, year: year)) }
            if let short: String = row[9] { byShortKey[short, default: []].append(Candidate(id: id, year: year)) }
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name_key FROM authors") { authorIDs[row[1]] = row[0] }
        for id in try Int64.fetchAll(db, sql: "SELECT DISTINCT paper_id FROM paper_authors") { papersWithAuthors.insert(id) }
    }

    /// The first candidate whose year agrees (equal, or either unknown) and whose
    /// identifiers do not contradict `ids` (two different DOIs or WoS ids are two works).
    func firstMatching(_ candidates: [Candidate]?, year: Int?, ids: [WorkID]) -> Int64? {
        candidates?.first { candidate in
            guard candidate.year == nil || year == nil || candidate.year == year else { return false }
            guard let known = idsOfPaper[candidate.id] else { return true }
            return !ids.contains { $0.kind != .local && known[$0.kind] != nil && known[$0.kind] != $0.value }
        }?.id
    }

    mutating func register(id: Int64, externalID: String, ids: [WorkID], titleKey: String, shortKey: String?, year: Int?) {
        byExternalID[externalID] = id
        for workID in ids where workID.kind != .local {
            if byID[workID.kind]?[workID.value] == nil { byID[workID.kind, default: [:]][workID.value] = id }
            if idsOfPaper[id]?[workID.kind] == nil { idsOfPaper[id, default: [:]][workID.kind] = workID.value }
        }
        if !titleKey.isEmpty { byTitle[titleKey, default: []].append(Candidate(id: id, year: year)) }
        if let shortKey { byShortKey[shortKey, default: []].append(Candidate(id: id, year: year)) }
    }
}
