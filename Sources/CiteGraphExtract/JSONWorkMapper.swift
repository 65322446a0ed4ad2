import CiteGraphCore
import Foundation

/// Maps one JSON object describing a work to a `PaperRecord`, whichever service wrote it:
/// citegraph's own record format, OpenAlex works, Semantic Scholar papers, Crossref works,
/// the arXiv metadata snapshot and AMiner's DBLP dump. Fields are recognised by name.
enum JSONWorkMapper {
    /// The record, or a reason it cannot be one.
    static func record(from object: [String: Any], location: SourceLocation) -> Result<PaperRecord, RejectedRecord> {
        var ids: [WorkID] = []
        func reject(_ field: String, _ reason: String) -> Result<PaperRecord, RejectedRecord> {
            .failure(RejectedRecord(file: location.file, line: location.line, field: field, reason: reason))
        }
        // Identifiers.
        let rawID = stringValue(object["id"]) ?? stringValue(object["paperId"])
        if let id = rawID {
            if id.contains("openalex.org/") { ids.append(WorkID(kind: .openalex, value: id)) }
            else if object["paperId"] != nil && stringValue(object["paperId"]) == id { ids.append(WorkID(kind: .s2, value: id)) }
            else if object["submitter"] != nil || object["versions"] != nil { ids.append(WorkID(kind: .arxiv, value: id)) }
            else { ids.append(WorkID(kind: .local, value: id)) }
        }
        if let doi = stringValue(object["doi"]) ?? stringValue(object["DOI"]) { ids.append(WorkID(kind: .doi, value: doi)) }
        if let arxiv = stringValue(object["arxivId"]) { ids.append(WorkID(kind: .arxiv, value: arxiv)) }
        if let external = object["externalIds"] as? [String: Any] {
            if let d = stringValue(external["DOI"]) { ids.append(WorkID(kind: .doi, value: d)) }
            if let a = stringValue(external["ArXiv"]) { ids.append(WorkID(kind: .arxiv, value: a)) }
            if let p = stringValue(external["PubMed"]) { ids.append(WorkID(kind: .pmid, value: p)) }
        }
        if let other = object["ids"] as? [String: Any] {
            if let p = stringValue(other["pmid"]) { ids.append(WorkID(kind: .pmid, value: p.components(separatedBy: "/").last ?? p)) }
        }
        // Title: a string, or Crossref's list.
        var title = stringValue(object["title"]) ?? stringValue(object["display_name"]) ?? ""
        if title.isEmpty, let list = object["title"] as? [Any], let first = list.first.flatMap(stringValue) { title = first }
        title = cleanTitle(title)
        if title.isEmpty && ids.isEmpty { return reject("title", "object has neither a title nor an id") }
        // Abstract: text, or an inverted index (OpenAlex, AMiner).
        var abstract = stringValue(object["abstract"]).map(cleanAbstract)
        if abstract == nil, let inverted = object["abstract_inverted_index"] as? [String: Any] { abstract = invert(inverted).map(withoutJATS) }
        if abstract == nil, let indexed = object["indexed_abstract"] as? [String: Any],
            let inverted = indexed["InvertedIndex"] as? [String: Any]
        {
            abstract = invert(inverted).map(withoutJATS)
        }
        // Authors.
        var authors: [String] = []
        var orcids: [String?] = [], serviceIDs: [String?] = []
        if let list = object["authors"] as? [Any] {
            for item in list {
                if let name = stringValue(item) {
                    authors.append(name); orcids.append(nil); serviceIDs.append(nil)
                } else if let a = item as? [String: Any], let name = stringValue(a["name"]) ?? stringValue(a["display_name"]) {
                    authors.append(name)
                    orcids.append(stringValue(a["orcid"]).flatMap(AuthorName.orcid))
                    serviceIDs.append(stringValue(a["authorId"]).map { "s2:" + $0 })  // Semantic Scholar
                }
            }
        } else if let text = stringValue(object["authors"]) {
            authors = text.replacingOccurrences(of: " and ", with: ", ").components(separatedBy: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            orcids = []; serviceIDs = []
        }
        if let list = object["authorships"] as? [[String: Any]] {  // OpenAlex
            authors = []; orcids = []; serviceIDs = []
            for author in list.compactMap({ $0["author"] as? [String: Any] }) {
                guard let name = stringValue(author["display_name"]) else { continue }
                authors.append(name)
                orcids.append(stringValue(author["orcid"]).flatMap(AuthorName.orcid))
                serviceIDs.append(stringValue(author["id"]).map { "openalex:" + ($0.split(separator: "/").last.map(String.init) ?? $0) })
            }
        }
        if let list = object["author"] as? [[String: Any]] {  // Crossref
            authors = []; orcids = []; serviceIDs = []
            for a in list {
                let name: String?
                if let family = stringValue(a["family"]) { name = stringValue(a["given"]).map { "\(family), \($0)" } ?? family } else { name = stringValue(a["name"]) }
                guard let name else { continue }
                authors.append(name)
                orcids.append(stringValue(a["ORCID"]).flatMap(AuthorName.orcid))
                serviceIDs.append(nil)
            }
        }
        // Year.
        var year = intValue(object["year"]) ?? intValue(object["publication_year"])
        if year == nil, let issued = (object["issued"] ?? object["published"]) as? [String: Any],
            let parts = issued["date-parts"] as? [[Any]], let first = parts.first?.first
        {
            year = intValue(first)
        }
        if year == nil, let date = stringValue(object["update_date"]) ?? stringValue(object["publication_date"]) { year = Int(date.prefix(4)) }
        if let y = year, !(1000...2999).contains(y) { return reject("year", "\(y) is not a year") }
        // Venue.
        var venue = stringValue(object["venue"]) ?? stringValue(object["journal-ref"])
        if venue == nil, let v = object["venue"] as? [String: Any] { venue = stringValue(v["raw"]) ?? stringValue(v["name"]) }
        if venue == nil, let v = object["host_venue"] as? [String: Any] { venue = stringValue(v["display_name"]) }
        if venue == nil, let list = object["container-title"] as? [Any] { venue = list.first.flatMap(stringValue) }
        // Keywords and topics.
        var keywords: [String] = []
        if let list = object["keywords"] as? [Any] {
            keywords += list.compactMap { stringValue($0) ?? ($0 as? [String: Any]).flatMap { stringValue($0["display_name"]) ?? stringValue($0["keyword"]) } }
        }
        for key in ["concepts", "topics", "fos"] {
            if let list = object[key] as? [[String: Any]] {
                keywords += list.compactMap { stringValue($0["display_name"]) ?? stringValue($0["name"]) ?? stringValue($0["topic"]) }
            }
        }
        if let categories = stringValue(object["categories"]) { keywords += categories.split(separator: " ").map(String.init) }
        if let subjects = object["subject"] as? [Any] { keywords += subjects.compactMap(stringValue) }
        // References.
        var references: [String] = []
        for key in ["references", "referenced_works"] {
            guard let list = object[key] as? [Any] else { continue }
            for item in list {
                if let s = stringValue(item) { references.append(s) }
                else if let r = item as? [String: Any] {
                    if let d = stringValue(r["doi"]) ?? stringValue(r["DOI"]) { references.append(d) }
                    else if let p = stringValue(r["paperId"]) { references.append(p) }
                    else if let t = stringValue(r["title"]) { references.append(t) }
                }
            }
        }
        if let list = object["reference"] as? [[String: Any]] {  // Crossref
            for r in list {
                if let d = stringValue(r["DOI"]) { references.append(d) }
                else if let u = stringValue(r["unstructured"]) { references.append(u) }
                else {
                    let parts = [r["author"], r["year"], r["article-title"] ?? r["series-title"], r["journal-title"], r["volume"], r["first-page"]]
                        .compactMap { $0.flatMap(stringValue) }
                    if !parts.isEmpty { references.append(parts.joined(separator: ", ")) }
                }
            }
        }
        var record = PaperRecord(
            source: location, ids: ids, title: title, abstract: abstract?.isEmpty == true ? nil : abstract, authors: authors,
            year: year, venue: venue, keywords: keywords, references: references)
        // Volume and first page: OpenAlex `biblio`, Crossref `volume`/`page`, Semantic Scholar
        // `journal`.
        let biblio = (object["biblio"] as? [String: Any]) ?? (object["journal"] as? [String: Any]) ?? object
        record.volume = stringValue(biblio["volume"])
        record.firstPage = (stringValue(biblio["first_page"]) ?? stringValue(biblio["page"]) ?? stringValue(biblio["pages"]))
            .flatMap(TaggedText.firstPage)
        if orcids.count == authors.count, orcids.contains(where: { $0 != nil }) { record.authorORCIDs = orcids }
        if serviceIDs.count == authors.count, serviceIDs.contains(where: { $0 != nil }) { record.authorServiceIDs = serviceIDs }
        return .success(record)
    }

    /// A title on one line: newlines as spaces, double spaces single, trimmed.
    static func cleanTitle(_ title: String) -> String {
        func needsReplacing(_ bytes: some Sequence<UInt8>) -> Bool {
            var previous: UInt8 = 0
            for b in bytes {
                if b == 0x0A || (b == 0x20 && previous == 0x20) { return true }
                previous = b
            }
            return false
        }
        let needsReplacing = title.utf8.withContiguousStorageIfAvailable(needsReplacing) ?? needsReplacing(title.utf8)
        let oneLine = needsReplacing ? title.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ") : title
        return oneLine.trimmingWhitespace()
    }

    /// An abstract trimmed, with JATS markup (Crossref) removed.
    static func cleanAbstract(_ abstract: String) -> String {
        withoutJATS(abstract.trimmingWhitespace())
    }

    /// The text without its tags when it holds JATS markup (`<jats:p>`…).
    static func withoutJATS(_ text: String) -> String {
        // No "<": no markup.
        guard text.containsASCII(UInt8(ascii: "<")) else { return text }
        return text.hasPrefix("<jats:") || text.contains("<jats:p>") ? stripTags(text) : text
    }

    /// The works inside a JSON document: one object, an array, or a page wrapping a list
    /// (`results`, `data`, `items`, `message.items`, `message`).
    static func works(in json: Any) -> [Any] {
        if let array = json as? [Any] { return array }
        guard let object = json as? [String: Any] else { return [] }
        for key in ["results", "data", "items", "works", "papers"] {
            if let list = object[key] as? [Any] { return list }
        }
        if let message = object["message"] { return works(in: message).isEmpty ? [message] : works(in: message) }
        return [object]
    }

    static func stringValue(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s.isEmpty ? nil : s
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
    }

    static func intValue(_ value: Any?) -> Int? {
        switch value {
        case let n as NSNumber: return n.intValue
        case let s as String: return Int(s.prefix(4))
        default: return nil
        }
    }

    /// Text from an inverted index `{word: [positions]}`.
    static func invert(_ index: [String: Any]) -> String? {
        var slots: [(Int, String)] = []
        for (word, positions) in index {
            for p in (positions as? [Any]) ?? [] { if let i = intValue(p) { slots.append((i, word)) } }
        }
        guard !slots.isEmpty else { return nil }
        return slots.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: " ")
    }

    static func stripTags(_ text: String) -> String {
        var out = ""
        var inTag = false
        for c in text {
            if c == "<" { inTag = true } else if c == ">" { inTag = false; out.append(" ") } else if !inTag { out.append(c) }
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
