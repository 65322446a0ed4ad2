import CiteGraphCore

/// Web of Science's `OI` field ("Devaux, Jules/0000-0002-5280-3871; Ward, Melissa/0000-…")
/// matched to a record's authors by name.
enum WebOfScienceORCIDs {
    /// Per author (parallel to `names`, the record's AU), the ORCID iD that `oi` gives for
    /// that author; empty when no entry matches. `fullNames` is the record's AF (ignored
    /// unless parallel to `names`). An entry matches the author whose full name (else
    /// abbreviated name) has the same `AuthorName.key`; failing that, the only author left
    /// with the same family name and first initial. Entries without an ORCID iD, and names
    /// matching no author or several, are skipped; an author gets at most one iD.
    /// - Complexity: O(entries × authors).
    static func match(oi: String, names: [String], fullNames: [String]) -> [String?] {
        let candidates = fullNames.count == names.count ? fullNames : names
        var orcids = [String?](repeating: nil, count: names.count)
        var pending: [(name: String, orcid: String)] = []
        for entry in oi.split(separator: ";") {
            guard let slash = entry.lastIndex(of: "/"), let orcid = AuthorName.orcid(String(entry[entry.index(after: slash)...])) else { continue }
            let name = String(entry[..<slash]).trimmingWhitespace()
            let key = AuthorName.key(name)
            let exact = candidates.indices.filter { orcids[$0] == nil && AuthorName.key(candidates[$0]) == key }
            if exact.count == 1 { orcids[exact[0]] = orcid } else if exact.isEmpty { pending.append((name, orcid)) }
        }
        for (name, orcid) in pending {
            let key = shortKey(name)
            let loose = candidates.indices.filter { orcids[$0] == nil && shortKey(candidates[$0]) == key }
            if loose.count == 1 { orcids[loose[0]] = orcid }
        }
        return orcids.contains { $0 != nil } ? orcids : []
    }

    /// Family name and first initial, folded: "Ricart, Aurora M" and "Ricart, AM" → "ricart,a".
    static func shortKey(_ name: String) -> String {
        let (family, given) = AuthorName.split(name)
        let initial = TitleKey.normalise(given).first.map(String.init) ?? ""
        return TitleKey.normalise(family) + "," + initial
    }
}
