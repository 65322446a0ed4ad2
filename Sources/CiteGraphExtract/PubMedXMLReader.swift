import CiteGraphCore

/// Reader for PubMed XML as NCBI efetch and the PubMed baseline files write it
/// (`<PubmedArticleSet>` of `<PubmedArticle>`, and `<PubmedBookArticle>`), streamed.
///
/// Fields used: `MedlineCitation/PMID` (id), `ArticleTitle` (`VernacularTitle` when it is
/// empty; `BookTitle` for books), every `Abstract/AbstractText` part, joined with its
/// `Label` ("BACKGROUND: …"), `AuthorList/Author` (`LastName, ForeName` — `Initials` when
/// there is no fore name — or `CollectiveName`; authors marked `ValidYN="N"` skipped; an
/// author's `Identifier Source="ORCID"` as ORCID iD),
/// `Journal/Title` (venue), `JournalIssue/Volume` (volume), `Pagination/StartPage`, else the
/// first page of `Pagination/MedlinePgn` (first page), `PubDate/Year` or the first year in `PubDate/MedlineDate`, the
/// DOI from `ELocationID[@EIdType=doi]` or `PubmedData/ArticleIdList`, MeSH
/// `DescriptorName`s and `KeywordList/Keyword`s (keywords), and each
/// `ReferenceList/Reference` as its DOI, else `pmid:N`, else its `Citation` text.
/// An article without any title is rejected with its line; an XML error stops the reading
/// and is reported with libxml2's message and line (see `XMLRecordReading.run`).
/// - Complexity: O(file size) time; memory O(one article).
public enum PubMedXMLReader {
    public static func looksLike(_ head: String) -> Bool {
        head.contains("<PubmedArticleSet") || head.contains("<PubmedArticle>") || head.contains("<PubmedBookArticle>")
    }

    /// The elements whose attributes the reader reads.
    static let attributeElements: Set<String> = ["AbstractText", "Author", "ELocationID", "ArticleId", "Identifier"]

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        try XMLRecordReading.readWhole(file, format: .pubmedXML, read)
    }

    /// Reads the records of `source` into `sink`, each as soon as its end tag is read.
    /// - Throws: `ExtractError` naming the file and line, or what the sink throws.
    static func read(_ source: XMLRecordReading.Source, into sink: RecordSink) throws {
        try XMLRecordReading.run(source, into: sink, attributesOf: attributeElements) { reader in
            var position = 0
            while let event = try reader.nextTag() {
                guard case .start(let start) = event, start.localName == "PubmedArticle" || start.localName == "PubmedBookArticle"
                else { continue }
                try sink.append(article(reader, start: start, file: source.name, position: position))
                position += 1
            }
        }
    }

    /// Reads one article, from after its start tag to its end tag.
    static func article(_ reader: XMLStreamReader, start: XMLStart, file: String, position: Int) throws -> Result<PaperRecord, RejectedRecord> {
        var path = [start.localName]
        var ids: [WorkID] = []
        var title = ""
        var vernacularTitle = ""
        var abstract: [String] = []
        var authors: [String] = []
        var orcids: [String?] = []
        var year: Int? = nil
        var venue: String? = nil
        var volume: String? = nil
        var startPage: String? = nil
        var medlinePages: String? = nil
        var mesh: [String] = []
        var keywords: [String] = []
        var references: [String] = []
        while !path.isEmpty, let event = try reader.nextTag() {
            switch event {
            case .text: continue
            case .end: path.removeLast()
            case .start(let s):
                let parent = path.last!
                switch (s.localName, parent) {
                case ("PMID", "MedlineCitation"), ("PMID", "BookDocument"):
                    XMLRecordReading.add(WorkID(kind: .pmid, value: try reader.readText()), to: &ids)
                case ("ArticleTitle", "Article"), ("ArticleTitle", "BookDocument"):
                    title = try reader.readText()
                case ("VernacularTitle", "Article"):
                    vernacularTitle = try reader.readText()
                case ("BookTitle", "Book"):
                    let bookTitle = try reader.readText()
                    if venue == nil { venue = bookTitle }
                case ("AbstractText", "Abstract"):
                    let text = try reader.readText()
                    if let label = s.attributes["Label"], !label.isEmpty { abstract.append("\(label): \(text)") } else { abstract.append(text) }
                case ("Author", "AuthorList"):
                    let (name, orcid) = try author(reader)
                    if s.attributes["ValidYN"] != "N", !name.isEmpty { authors.append(name); orcids.append(orcid) }
                case ("Title", "Journal"):
                    venue = try reader.readText()
                case ("Volume", "JournalIssue"):
                    let text = try reader.readText()
                    if volume == nil, !text.isEmpty { volume = text }
                case ("StartPage", "Pagination"):
                    let text = try reader.readText()
                    if startPage == nil, !text.isEmpty { startPage = text }
                case ("MedlinePgn", "Pagination"):
                    let text = try reader.readText()
                    if medlinePages == nil, !text.isEmpty { medlinePages = text }
                case ("Year", "PubDate"), ("MedlineDate", "PubDate"):
                    let text = try reader.readText()
                    if year == nil { year = XMLRecordReading.year(in: text) }
                case ("ELocationID", _):
                    let text = try reader.readText()
                    if s.attributes["EIdType"] == "doi", s.attributes["ValidYN"] != "N" { XMLRecordReading.add(WorkID(kind: .doi, value: text), to: &ids) }
                case ("ArticleId", "ArticleIdList") where path.dropLast().last?.hasPrefix("Pubmed") == true:
                    let text = try reader.readText()
                    switch s.attributes["IdType"] {
                    case "doi": XMLRecordReading.add(WorkID(kind: .doi, value: text), to: &ids)
                    case "pubmed": XMLRecordReading.add(WorkID(kind: .pmid, value: text), to: &ids)
                    default: break
                    }
                case ("DescriptorName", "MeshHeading"):
                    mesh.append(try reader.readText())
                case ("Keyword", "KeywordList"):
                    keywords.append(try reader.readText())
                case ("Reference", "ReferenceList"):
                    if let reference = try reference(reader) { references.append(reference) }
                default:
                    path.append(s.localName)
                }
            }
        }
        if title.isEmpty || title == "[]" || title == "[Not Available]." { title = vernacularTitle.trimmingBrackets() }
        guard !title.isEmpty else {
            return .failure(RejectedRecord(file: file, line: start.line, field: "ArticleTitle", reason: "article has no title"))
        }
        let abstractText = abstract.filter { !$0.isEmpty }.joined(separator: " ")
        var record = PaperRecord(
            source: SourceLocation(file: file, position: position, line: start.line, format: RecordFormat.pubmedXML.rawValue),
            ids: ids, title: title, abstract: abstractText.isEmpty ? nil : abstractText, authors: authors, year: year,
            venue: venue, keywords: (mesh + keywords).filter { !$0.isEmpty }, references: references)
        if orcids.contains(where: { $0 != nil }) { record.authorORCIDs = orcids }
        record.volume = volume
        record.firstPage = startPage.flatMap(TaggedText.firstPage) ?? medlinePages.flatMap(TaggedText.firstPage)
        return .success(record)
    }

    /// "LastName, ForeName" (or initials), or the collective name, of one `Author`, and its
    /// ORCID iD when an `Identifier Source="ORCID"` gives one.
    static func author(_ reader: XMLStreamReader) throws -> (name: String, orcid: String?) {
        var last = "", fore = "", initials = "", collective = ""
        var orcid: String? = nil
        try reader.readChildren { s in
            switch s.localName {
            case "LastName": last = try reader.readText()
            case "ForeName": fore = try reader.readText()
            case "Initials": initials = try reader.readText()
            case "CollectiveName": collective = try reader.readText()
            case "Identifier" where s.attributes["Source"] == "ORCID":
                let value = try reader.readText()
                if orcid == nil { orcid = AuthorName.orcid(value) }
            default: try reader.skipElement()
            }
        }
        if last.isEmpty { return (collective, orcid) }
        let given = fore.isEmpty ? initials : fore
        return (given.isEmpty ? last : "\(last), \(given)", orcid)
    }

    /// One `Reference`: its DOI, else `pmid:N`, else its citation text (nil when empty).
    static func reference(_ reader: XMLStreamReader) throws -> String? {
        var citation = "", doi: String? = nil, pmid: String? = nil
        _ = try reader.readText { s in
            switch s.localName {
            case "Citation": citation = try reader.readText()
            case "ArticleId":
                let value = try reader.readText()
                if s.attributes["IdType"] == "doi", doi == nil { doi = WorkID(kind: .doi, value: value).value }
                if s.attributes["IdType"] == "pubmed", pmid == nil { pmid = value }
            default: return false
            }
            return true
        }
        if let doi, !doi.isEmpty { return doi }
        if let pmid, !pmid.isEmpty { return "pmid:\(pmid)" }
        return citation.isEmpty ? nil : citation
    }
}

extension String {
    /// The string without whitespace and square brackets at its ends (PubMed brackets
    /// translated titles: "[Title in English].").
    fileprivate func trimmingBrackets() -> String {
        var s = Substring(self.trimmingWhitespace())
        while let f = s.first, f == "[" { s.removeFirst() }
        if s.hasSuffix("].") { s.removeLast(2) }
        while let l = s.last, l == "]" { s.removeLast() }
        return String(s)
    }
}
