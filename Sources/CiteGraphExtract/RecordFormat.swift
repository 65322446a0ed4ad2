import CiteGraphCore

/// The record formats citegraph reads. The raw value is the `--format` name.
public enum RecordFormat: String, Sendable, CaseIterable {
    /// Daily-papers page dumps: a short page header, then title and abstract lines.
    case dailyPapers = "daily-papers"
    /// Citation edge list (`citing cited` per line) or adjacency list (`node nbr nbr …`).
    case edgeList = "edge-list"
    /// As `edgeList`, with the cited paper first on each line (LINQS Cora's `cora.cites`).
    case edgeListCitedFirst = "edge-list-cited-first"
    /// CSV/TSV with a header row (generic table, Scopus export).
    case csv
    /// citegraph's JSON Lines record format.
    case jsonl
    /// Web of Science plain text.
    case webOfScience = "wos"
    /// A JSON document of works (OpenAlex, Semantic Scholar, Crossref, AMiner DBLP).
    case json
    /// PubMed XML (efetch, baseline files).
    case pubmedXML = "pubmed-xml"
    /// JATS / NLM article XML (PMC).
    case jats
    /// arXiv OAI-PMH responses (oai_dc, arXiv, arXivRaw).
    case arxivOAI = "arxiv-oai"
    /// arXiv API Atom feed.
    case arxivAtom = "arxiv-atom"
    /// dblp XML.
    case dblpXML = "dblp-xml"
    /// RIS tagged records (`TY  - ` … `ER  - `).
    case ris
    /// BibTeX database (`@article{key, …}`).
    case bibtex
    /// PubMed MEDLINE text (`.nbib`).
    case medline
    /// `key = {value}` records (ACL Anthology Network metadata).
    case keyValue = "key-value"

    /// A one-line description for `--help`.
    public var summary: String {
        switch self {
        case .dailyPapers: return "daily-papers page text (header, then title / abstract lines)"
        case .edgeList: return "edge list `citing cited` or adjacency list `node nbr…` (tabs, spaces, commas or ==>; # comments; optional header)"
        case .csv: return "CSV/TSV with a header row: id, doi, title, abstract, authors, year, venue, keywords, references, volume, first page (Scopus exports too)"
        case .jsonl: return "JSON Lines, one object per line: id, doi, title, abstract, authors [names], year, venue, keywords, references [ids or DOIs]"
        case .webOfScience: return "Web of Science plain text (FN/VR header, tagged fields, CR cited references, ER/EF)"
        case .pubmedXML: return "PubMed XML (PubmedArticleSet from efetch or the baseline): PMID, title, abstract, authors, journal, MeSH, references"
        case .jats: return "JATS/NLM article XML (PMC .nxml, pmc-articleset): article-meta ids, title, abstract, authors, ref-list references"
        case .arxivOAI: return "arXiv OAI-PMH XML (ListRecords/GetRecord in oai_dc, arXiv or arXivRaw; ListIdentifiers pages give no records)"
        case .arxivAtom: return "arXiv API Atom feed (feed/entry: id, title, summary, authors, published, arxiv:doi, categories)"
        case .dblpXML: return "dblp XML (article, inproceedings, … records; www person pages skipped; entities resolved without the DTD)"
        case .ris: return "RIS tagged records (`TY  - ` … `ER  - `; EndNote, Zotero, IEEE Xplore, Scopus, Springer exports)"
        case .bibtex: return "BibTeX (@article{key, …}; @string macros, # concatenation, crossref, LaTeX accents to Unicode)"
        case .medline: return "PubMed MEDLINE text / .nbib (`PMID- `, `TI  - `, `FAU - `, six-space continuation lines)"
        case .keyValue: return "`key = {value}` records separated by blank lines (ACL Anthology Network acl-metadata.txt)"
        case .json: return "JSON works: OpenAlex (object, array, API page), Semantic Scholar, Crossref (work or items list), AMiner DBLP V12 array"
        case .edgeListCitedFirst: return "edge list with the cited paper first (`cited citing`, as LINQS cora.cites)"
        }
    }
}

/// A result of reading one file: the records read, and the records that could not be read.
public struct ExtractResult: Sendable {
    public var format: RecordFormat
    public var records: [PaperRecord]
    public var rejects: [RejectedRecord]

    public init(format: RecordFormat, records: [PaperRecord] = [], rejects: [RejectedRecord] = []) {
        self.format = format; self.records = records; self.rejects = rejects
    }
}

extension ExtractResult {
    /// Adds a record that was read, or a reject.
    public mutating func append(_ outcome: Result<PaperRecord, RejectedRecord>) {
        switch outcome {
        case .success(let record): records.append(record)
        case .failure(let reject): rejects.append(reject)
        }
    }
}

extension RejectedRecord: Error {
    /// The equivalent error, used in strict mode.
    public var error: ExtractError { .malformed(path: file, line: line, field: field, reason: reason) }
}
