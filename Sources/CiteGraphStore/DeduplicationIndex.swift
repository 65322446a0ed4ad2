import CiteGraphCore
import GRDB

/// In-memory lookup tables for de-duplication during one ingest transaction: identifiers,
/// title keys and author keys of everything stored, loaded once, kept current as records
/// are placed. Replaces one indexed query per record and identifier with hash lookups.
///
/// Shaped for the serial writer of a bulk load: no table allocates per paper (a key's
/// first candidate is stored inline, a paper's identifiers are keyed by paper and kind in
/// one table, and which papers have authors is a bit set).
/// - Complexity: O(papers + authors) to load; O(1) expected per lookup.
struct DeduplicationIndex {
    /// A paper that a title (or short title) key names, with its year. A struct, not a tuple:
    /// arrays of tuples look their type metadata up at run time on every append.
    struct Candidate {
        var id: Int64
        var year: Int?
    }

    /// The papers one key names, in the order they were stored: the first inline, since
    /// almost every key names one paper.
    struct Candidates {
        var first: Candidate
        var more: [Candidate] = []

        func first(where accept: (Candidate) -> Bool) -> Candidate? {
            if accept(first) { return first }
            return more.first(where: accept)
        }
    }

    /// One identifier kind of one paper.
    struct PaperIdentifierKind: Hashable {
        var paper: Int64
        var kind: WorkID.Kind
    }

    /// identifier value → paper, one table per kind (in `WorkID.Kind.allCases` order).
    private var byID = [[String: Int64]](repeating: [:], count: WorkID.Kind.allCases.count)
    /// external id (`papers.ext_id`) → paper.
    private var byExternalID = PrehashedTable<Int64>()
    /// title key → papers with that key and their year.
    private var byTitle = PrehashedTable<Candidates>()
    /// short key (title without "NAME:") → papers.
    private var byShortKey = PrehashedTable<Candidates>()
    /// Each paper's identifiers, to refuse title merges between papers whose ids differ.
    private var idsOfPaper: [PaperIdentifierKind: String] = [:]
    /// author key → author.
    private var authorIDs = PrehashedTable<Int64>()
    /// Bit `id` set when paper `id` has its authors linked.
    private var papersWithAuthors: [UInt64] = []

    init(db: Database) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, ext_id, doi, arxiv, pmid, openalex, s2, wos, title_key, short_key, year FROM papers")
        let kinds: [WorkID.Kind] = [.doi, .arxiv, .pmid, .openalex, .s2, .wos]
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let externalID: String = row[1]
            setExternalID(externalID, hash: KeyHash.of(externalID), of: id)
            for (offset, kind) in kinds.enumerated() {
                if let value: String = row[2 + offset] {
                    byID[DeduplicationIndex.slot(kind)][value] = id
                    idsOfPaper[PaperIdentifierKind(paper: id, kind: kind)] = value
                }
            }
            let year: Int? = row[10]
            let titleKey: String = row[8]
            if !titleKey.isEmpty { DeduplicationIndex.append(Candidate(id: id, year: year), to: &byTitle, key: titleKey, hash: KeyHash.of(titleKey)) }
            if let short: String = row[9] { DeduplicationIndex.append(Candidate(id: id, year: year), to: &byShortKey, key: short, hash: KeyHash.of(short)) }
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name_key FROM authors") {
            let key: String = row[1], hash = KeyHash.of(key)
            if authorIDs.entry(key, hash: hash) == nil { authorIDs.insert(key, hash: hash, value: row[0]) }
        }
        for id in try Int64.fetchAll(db, sql: "SELECT DISTINCT paper_id FROM paper_authors") { markHasAuthors(id) }
    }

    /// The paper stored with identifier `id` (not for local ids: see `byExternalID`).
    func paper(with id: WorkID) -> Int64? {
        byID[DeduplicationIndex.slot(id.kind)][id.value]
    }

    /// The paper whose external id is `externalID` (`hash` its `KeyHash`).
    func paper(withExternalID externalID: String, hash: UInt64) -> Int64? {
        byExternalID[externalID, hash: hash]
    }

    /// `externalID` when no paper has it, else the first of `externalID-2`, `externalID-3`…
    /// that none has (two papers without identifiers whose titles are equal but whose years
    /// differ would otherwise share "title:…"); with its hash.
    func unusedExternalID(_ externalID: String, hash: UInt64) -> (String, UInt64) {
        guard paper(withExternalID: externalID, hash: hash) != nil else { return (externalID, hash) }
        var suffix = 2
        while true {
            let candidate = "\(externalID)-\(suffix)", candidateHash = KeyHash.of(candidate)
            if paper(withExternalID: candidate, hash: candidateHash) == nil { return (candidate, candidateHash) }
            suffix += 1
        }
    }

    /// The first paper with title key `key` (`hash` its `KeyHash`) whose year agrees and whose
    /// identifiers do not contradict `ids` (see `accepts`).
    func firstWithTitle(_ key: String, hash: UInt64, year: Int?, ids: [WorkID]) -> Int64? {
        byTitle[key, hash: hash]?.first(where: { accepts($0, year: year, ids: ids) })?.id
    }

    /// `firstWithTitle` among the papers whose short key (title without "NAME:") is `key`.
    func firstWithShortKey(_ key: String, hash: UInt64, year: Int?, ids: [WorkID]) -> Int64? {
        byShortKey[key, hash: hash]?.first(where: { accepts($0, year: year, ids: ids) })?.id
    }

    /// The author with name key `key` (`hash` its `KeyHash`).
    func author(_ key: String, hash: UInt64) -> Int64? {
        authorIDs[key, hash: hash]
    }

    /// Records a new author under its name key.
    mutating func addAuthor(_ key: String, hash: UInt64, id: Int64) {
        authorIDs.insert(key, hash: hash, value: id)
    }

    /// True when the candidate's year agrees (equal, or either unknown) and its identifiers
    /// do not contradict `ids` (two different DOIs or WoS ids are two works).
    private func accepts(_ candidate: Candidate, year: Int?, ids: [WorkID]) -> Bool {
        guard candidate.year == nil || year == nil || candidate.year == year else { return false }
        return !ids.contains { id in
            guard id.kind != .local, let known = idsOfPaper[PaperIdentifierKind(paper: candidate.id, kind: id.kind)] else { return false }
            return known != id.value
        }
    }

    /// Records a new paper under its external id (from `unusedExternalID`), identifiers,
    /// title key and short key (`keys`).
    mutating func register(id: Int64, externalID: String, externalHash: UInt64, ids: [WorkID], keys: RecordKeys, year: Int?) {
        setExternalID(externalID, hash: externalHash, of: id)
        for workID in ids where workID.kind != .local { note(workID.kind, workID.value, of: id) }
        if !keys.title.isEmpty { DeduplicationIndex.append(Candidate(id: id, year: year), to: &byTitle, key: keys.title, hash: keys.titleHash) }
        if let short = keys.short { DeduplicationIndex.append(Candidate(id: id, year: year), to: &byShortKey, key: short, hash: keys.shortHash) }
    }

    private mutating func setExternalID(_ externalID: String, hash: UInt64, of paper: Int64) {
        if let entry = byExternalID.entry(externalID, hash: hash) {
            byExternalID[entry: entry] = paper
        } else {
            byExternalID.insert(externalID, hash: hash, value: paper)
        }
    }

    /// Records identifier `value` of kind `kind` for `paper` where neither the identifier nor the paper's
    /// identifier of that kind is known yet (the first one stored stays).
    mutating func note(_ kind: WorkID.Kind, _ value: String, of paper: Int64) {
        let slot = DeduplicationIndex.slot(kind)
        if byID[slot][value] == nil { byID[slot][value] = paper }
        let key = PaperIdentifierKind(paper: paper, kind: kind)
        if idsOfPaper[key] == nil { idsOfPaper[key] = value }
    }

    func hasAuthors(_ paper: Int64) -> Bool {
        let word = Int(paper >> 6)
        return word < papersWithAuthors.count && papersWithAuthors[word] & (1 << UInt64(paper & 63)) != 0
    }

    mutating func markHasAuthors(_ paper: Int64) {
        let word = Int(paper >> 6)
        if word >= papersWithAuthors.count {
            papersWithAuthors.append(contentsOf: repeatElement(0, count: max(word + 1 - papersWithAuthors.count, papersWithAuthors.count)))
        }
        papersWithAuthors[word] |= 1 << UInt64(paper & 63)
    }

    private static func slot(_ kind: WorkID.Kind) -> Int {
        switch kind {
        case .doi: 0
        case .arxiv: 1
        case .pmid: 2
        case .openalex: 3
        case .s2: 4
        case .wos: 5
        case .local: 6
        }
    }

    private static func append(_ candidate: Candidate, to table: inout PrehashedTable<Candidates>, key: String, hash: UInt64) {
        if let entry = table.entry(key, hash: hash) {
            table[entry: entry].more.append(candidate)
        } else {
            table.insert(key, hash: hash, value: Candidates(first: candidate))
        }
    }
}
