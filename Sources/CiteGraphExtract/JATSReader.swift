import CiteGraphCore

/// Reader for JATS / NLM article XML (PMC `.nxml` files, PMC efetch `<pmc-articleset>`),
/// streamed. One record per `<article>`.
///
/// Fields used, from `front/article-meta` unless said: `article-id` with `pub-id-type`
/// doi / pmid / arxiv (ids), `title-group/article-title`, the first `abstract` without an
/// `abstract-type` (else the first one; section titles kept as text), authors from
/// `contrib-group/contrib` with `contrib-type="author"` (or none) as `surname, given-names`,
/// `string-name` or `collab` (with the ORCID iD of a `contrib-id contrib-id-type="orcid"`),
/// the year of the `pub-date` in the order ppub, epub,
/// collection, any other, `journal-meta` `journal-title` (venue), `volume`, `fpage` (else
/// `elocation-id`, the article number of online-only journals) as first page, `kwd-group/kwd`
/// (keywords), and every `ref` in the article (`ref-list`, `back`): its `pub-id` DOI (or a
/// doi.org `ext-link`), else `pmid:N`, else `arXiv:ID`, else the citation's text without
/// its label. The DOCTYPE's external DTD is never loaded: HTML character entities are
/// resolved from a built-in table and other undefined entities are dropped.
/// An article without a title is rejected with its line.
/// - Complexity: O(file size) time; memory O(one article's metadata).
public enum JATSReader {
    public static func looksLike(_ head: String) -> Bool {
        if head.contains("<pmc-articleset") { return true }
        guard head.contains("<article ") || head.contains("<article>") else { return false }
        return head.contains("<front>") || head.contains("article-meta") || head.contains("journal-meta")
            || head.contains("JATS") || head.contains("Journal Archiving") || head.contains("Journal Publishing")
    }

    /// The elements whose attributes the reader reads.
    static let attributeElements: Set<String> = ["article-id", "abstract", "contrib", "pub-date", "contrib-id", "pub-id", "ext-link"]

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        try XMLRecordReading.readWhole(file, format: .jats, read)
    }

    /// Reads the records of `source` into `sink`, each as soon as its end tag is read.
    /// - Throws: `ExtractError` naming the file and line, or what the sink throws.
    static func read(_ source: XMLRecordReading.Source, into sink: RecordSink) throws {
        try XMLRecordReading.run(source, into: sink, attributesOf: attributeElements) { reader in
            var position = 0
            while let event = try reader.nextTag() {
                guard case .start(let start) = event, start.localName == "article" else { continue }
                try sink.append(article(reader, start: start, file: source.name, position: position))
                position += 1
            }
        }
    }

    /// Preference of `pub-date` types for the year.
    static let pubDateOrder = ["ppub", "epub", "collection", "epub-ppub", "pub"]

    static func article(_ reader: XMLStreamReader, start: XMLStart, file: String, position: Int) throws -> Result<PaperRecord, RejectedRecord> {
        var path = [start.localName]
        var ids: [WorkID] = []
        var title = ""
        var abstract: String? = nil
        var typedAbstract: String? = nil
        var authors: [String] = []
        var orcids: [String?] = []
        var years: [(type: String, year: Int)] = []
        var venue: String? = nil
        var volume: String? = nil
        var firstPage: String? = nil
        var elocation: String? = nil
        var keywords: [String] = []
        var references: [String] = []
        while !path.isEmpty, let event = try reader.nextTag() {
            switch event {
            case .text: continue
            case .end: path.removeLast()
            case .start(let s):
                let parent = path.last!
                let inMeta = path.contains("article-meta") && !path.contains("sub-article")
                switch s.localName {
                case "article-id" where parent == "article-meta" && inMeta:
                    let value = try reader.readText()
                    switch s.attributes["pub-id-type"] {
                    case "doi": XMLRecordReading.add(WorkID(kind: .doi, value: value), to: &ids)
                    case "pmid": XMLRecordReading.add(WorkID(kind: .pmid, value: value), to: &ids)
                    case "arxiv": XMLRecordReading.add(WorkID(kind: .arxiv, value: value), to: &ids)
                    default: break
                    }
                case "article-title" where parent == "title-group" && inMeta && title.isEmpty:
                    title = try reader.readText()
                case "abstract" where parent == "article-meta" && inMeta:
                    let text = try reader.readText(spacing: true, skipping: ["label", "object-id"])
                    if s.attributes["abstract-type"] == nil {
                        if abstract == nil { abstract = text }
                    } else if typedAbstract == nil {
                        typedAbstract = text
                    }
                case "contrib" where parent == "contrib-group" && inMeta:
                    let type = s.attributes["contrib-type"]
                    let (name, orcid) = try contributor(reader)
                    if type == nil || type == "author", !name.isEmpty { authors.append(name); orcids.append(orcid) }
                case "pub-date" where parent == "article-meta" && inMeta:
                    let type = s.attributes["pub-type"] ?? s.attributes["date-type"] ?? ""
                    var yearText = ""
                    try reader.readChildren { child in
                        if child.localName == "year" { yearText = try reader.readText() } else { try reader.skipElement() }
                    }
                    if let y = XMLRecordReading.year(in: yearText) { years.append((type, y)) }
                case "journal-title" where path.contains("journal-meta") && venue == nil:
                    venue = try reader.readText()
                case "volume" where parent == "article-meta" && inMeta && volume == nil:
                    let text = try reader.readText()
                    if !text.isEmpty { volume = text }
                case "fpage" where parent == "article-meta" && inMeta && firstPage == nil:
                    let text = try reader.readText()
                    if !text.isEmpty { firstPage = text }
                case "elocation-id" where parent == "article-meta" && inMeta && elocation == nil:
                    let text = try reader.readText()
                    if !text.isEmpty { elocation = text }
                case "kwd" where parent == "kwd-group" && inMeta:
                    keywords.append(try reader.readText())
                case "ref":
                    if let reference = try reference(reader) { references.append(reference) }
                default:
                    path.append(s.localName)
                }
            }
        }
        guard !title.isEmpty else {
            return .failure(RejectedRecord(file: file, line: start.line, field: "article-title", reason: "article has no title in article-meta"))
        }
        let year = pubDateOrder.lazy.compactMap { type in years.first { $0.type == type }?.year }.first ?? years.first?.year
        let text = abstract ?? typedAbstract
        var record = PaperRecord(
            source: SourceLocation(file: file, position: position, line: start.line, format: RecordFormat.jats.rawValue),
            ids: ids, title: title, abstract: text?.isEmpty == false ? text : nil, authors: authors, year: year,
            venue: venue, keywords: keywords.filter { !$0.isEmpty }, references: references)
        if orcids.contains(where: { $0 != nil }) { record.authorORCIDs = orcids }
        record.volume = volume
        record.firstPage = firstPage ?? elocation
        return .success(record)
    }

    /// One `contrib`'s name: "surname, given-names", a `string-name`, or a `collab`; and its
    /// ORCID iD when a `contrib-id contrib-id-type="orcid"` gives one.
    static func contributor(_ reader: XMLStreamReader) throws -> (name: String, orcid: String?) {
        var surname = "", given = "", other = ""
        var orcid: String? = nil
        try reader.readChildren { s in
            switch s.localName {
            case "name" where surname.isEmpty && other.isEmpty:
                try reader.readChildren { part in
                    switch part.localName {
                    case "surname": surname = try reader.readText()
                    case "given-names": given = try reader.readText()
                    default: try reader.skipElement()
                    }
                }
            case "string-name" where surname.isEmpty && other.isEmpty, "collab" where surname.isEmpty && other.isEmpty:
                other = try reader.readText(spacing: true, skipping: ["contrib-group", "xref"])
            case "contrib-id" where s.attributes["contrib-id-type"] == "orcid":
                let value = try reader.readText()
                if orcid == nil { orcid = AuthorName.orcid(value) }
            default:
                try reader.skipElement()
            }
        }
        if surname.isEmpty { return (other, orcid) }
        return (given.isEmpty ? surname : "\(surname), \(given)", orcid)
    }

    /// One `ref`: its DOI, else `pmid:N`, else `arXiv:ID`, else its text (nil when empty).
    static func reference(_ reader: XMLStreamReader) throws -> String? {
        var doi: String? = nil, pmid: String? = nil, arxiv: String? = nil
        let text = try reader.readText(spacing: true, skipping: ["label", "object-id"]) { s in
            switch s.localName {
            case "pub-id":
                let value = try reader.readText()
                switch s.attributes["pub-id-type"] {
                case "doi": if doi == nil { doi = WorkID(kind: .doi, value: value).value }
                case "pmid": if pmid == nil { pmid = value }
                case "arxiv": if arxiv == nil { arxiv = value }
                default: break
                }
                return true
            case "ext-link":
                if let href = s.attributes["xlink:href"], href.contains("doi.org/10."), doi == nil {
                    doi = XMLRecordReading.doi(in: href)
                }
                return false
            default:
                return false
            }
        }
        if let doi, !doi.isEmpty { return doi }
        if let pmid, !pmid.isEmpty { return "pmid:\(pmid)" }
        if let arxiv, !arxiv.isEmpty { return "arXiv:\(arxiv)" }
        return text.isEmpty ? nil : text
    }
}
