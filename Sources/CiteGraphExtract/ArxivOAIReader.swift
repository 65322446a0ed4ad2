import CiteGraphCore

/// Reader for OAI-PMH responses of arXiv (`http://export.arxiv.org/oai2`), streamed:
/// `ListRecords` and `GetRecord` pages in the `oai_dc`, `arXiv` and `arXivRaw` metadata
/// formats. One record per `<record>`.
///
/// Fields used. oai_dc: the header `identifier` `oai:arXiv.org:ID` (arXiv id; another
/// repository's identifier becomes a local id), `dc:title`, `dc:creator` (one per author,
/// "Last, First"), the first `dc:description` that is not a "Comment: …" (abstract),
/// the first `dc:date` (year: the v1 date), `dc:identifier` (`http://arxiv.org/abs/ID`,
/// `doi:…`, and a journal reference, used as venue), `dc:subject` (keywords).
/// arXiv: `id`, `title`, `abstract`, `authors/author` (`keyname, forenames suffix`),
/// `categories` (keywords), `doi` (space-separated DOIs), `journal-ref` (venue), `created`
/// (year). arXivRaw: the same with `authors` as one text ("A, B and C") and the year of the
/// first `version/date`.
///
/// Decisions: a `ListIdentifiers` page holds headers only and no metadata — it is read as
/// zero records and zero rejects (a valid harvest step, not an error; the ids alone make
/// no paper). A record whose header has `status="deleted"` is skipped the same way. An
/// OAI-PMH `<error>` other than `noRecordsMatch` is thrown with its code and text. A
/// record without a title is rejected with its line.
/// - Complexity: O(file size) time; memory O(one record).
public enum ArxivOAIReader {
    public static func looksLike(_ head: String) -> Bool {
        head.contains("<OAI-PMH") && (head.contains("<ListRecords") || head.contains("<GetRecord") || head.contains("<ListIdentifiers")
            || head.contains("<error") || head.contains("openarchives.org/OAI/2.0"))
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        try XMLRecordReading.readWhole(file, format: .arxivOAI, read)
    }

    /// Reads the records of `source` into `sink`, each as soon as its end tag is read.
    /// - Throws: `ExtractError` naming the file and line, or what the sink throws.
    static func read(_ source: XMLRecordReading.Source, into sink: RecordSink) throws {
        try XMLRecordReading.run(source, into: sink, attributesOf: ["error", "header"]) { reader in
            var position = 0
            while let event = try reader.nextTag() {
                guard case .start(let start) = event else { continue }
                switch start.localName {
                case "record":
                    switch try record(reader, start: start, file: source.name, position: position) {
                    case .success(let record?): try sink.append(record: record)
                    case .success(nil): break
                    case .failure(let reject): try sink.append(reject: reject)
                    }
                    position += 1
                case "error":
                    let code = start.attributes["code"] ?? "error"
                    let text = try reader.readText()
                    if code != "noRecordsMatch" {
                        throw ExtractError.malformed(path: source.name, line: start.line, field: "OAI-PMH", reason: "the server answered \(code): \(text)")
                    }
                case "header", "resumptionToken":
                    try reader.skipElement()  // ListIdentifiers headers: no metadata, no record.
                default:
                    continue
                }
            }
        }
    }

    /// One `<record>`; nil for a deleted record.
    static func record(_ reader: XMLStreamReader, start: XMLStart, file: String, position: Int) throws -> Result<PaperRecord?, RejectedRecord> {
        var path = [start.localName]
        var deleted = false
        var ids: [WorkID] = []
        var title = ""
        var abstract: String? = nil
        var authors: [String] = []
        var year: Int? = nil
        var venue: String? = nil
        var keywords: [String] = []
        func addArxiv(_ value: String) { XMLRecordReading.add(WorkID(kind: .arxiv, value: value), to: &ids) }
        while !path.isEmpty, let event = try reader.nextTag() {
            switch event {
            case .text: continue
            case .end: path.removeLast()
            case .start(let s):
                let parent = path.last!
                switch (s.localName, parent) {
                case ("header", "record"):
                    deleted = s.attributes["status"] == "deleted"
                    path.append(s.localName)
                case ("identifier", "header"):
                    let value = try reader.readText()
                    if value.hasPrefix("oai:arXiv.org:") { addArxiv(String(value.dropFirst("oai:arXiv.org:".count))) }
                    else if !value.isEmpty { XMLRecordReading.add(WorkID(kind: .local, value: value), to: &ids) }
                // oai_dc
                case ("title", "dc"), ("title", "arXiv"), ("title", "arXivRaw"):
                    title = try reader.readText()
                case ("creator", "dc"):
                    let name = try reader.readText()
                    if !name.isEmpty { authors.append(name) }
                case ("description", "dc"):
                    let text = try reader.readText()
                    if abstract == nil, !text.hasPrefix("Comment:"), !text.isEmpty { abstract = text }
                case ("date", "dc"):
                    let text = try reader.readText()
                    if year == nil { year = XMLRecordReading.year(in: text) }
                case ("identifier", "dc"):
                    let text = try reader.readText()
                    let lower = text.lowercased()
                    if lower.hasPrefix("http://arxiv.org/abs/") || lower.hasPrefix("https://arxiv.org/abs/") { addArxiv(text) }
                    else if lower.hasPrefix("doi:") || XMLRecordReading.range(of: "doi.org/", in: lower) != nil {
                        if let doi = XMLRecordReading.doiID(in: text) { XMLRecordReading.add(doi, to: &ids) }
                    } else if !lower.hasPrefix("http"), !text.isEmpty, venue == nil { venue = text }
                case ("subject", "dc"):
                    keywords.append(try reader.readText())
                // arXiv and arXivRaw
                case ("id", "arXiv"), ("id", "arXivRaw"):
                    addArxiv(try reader.readText())
                case ("abstract", "arXiv"), ("abstract", "arXivRaw"):
                    let text = try reader.readText()
                    if !text.isEmpty { abstract = text }
                case ("author", "authors"):
                    var keyname = "", forenames = "", suffix = ""
                    try reader.readChildren { part in
                        switch part.localName {
                        case "keyname": keyname = try reader.readText()
                        case "forenames": forenames = try reader.readText()
                        case "suffix": suffix = try reader.readText()
                        default: try reader.skipElement()
                        }
                    }
                    let given = [forenames, suffix].filter { !$0.isEmpty }.joined(separator: " ")
                    if !keyname.isEmpty { authors.append(given.isEmpty ? keyname : "\(keyname), \(given)") }
                case ("authors", "arXivRaw"):
                    authors = try reader.readText().replacingOccurrences(" and ", with: ", ").split(separator: ",")
                        .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
                case ("categories", "arXiv"), ("categories", "arXivRaw"):
                    keywords += try reader.readText().split(separator: " ").map(String.init)
                case ("doi", "arXiv"), ("doi", "arXivRaw"):
                    for doi in try reader.readText().split(separator: " ") { XMLRecordReading.add(WorkID(kind: .doi, value: String(doi)), to: &ids) }
                case ("journal-ref", "arXiv"), ("journal-ref", "arXivRaw"):
                    venue = try reader.readText()
                case ("created", "arXiv"), ("date", "version"):
                    let text = try reader.readText()
                    if year == nil { year = XMLRecordReading.year(in: text) }
                default:
                    path.append(s.localName)
                }
            }
        }
        if deleted { return .success(nil) }
        guard !title.isEmpty else {
            return .failure(RejectedRecord(file: file, line: start.line, field: "title", reason: "record has no title"))
        }
        return .success(
            PaperRecord(
                source: SourceLocation(file: file, position: position, line: start.line, format: RecordFormat.arxivOAI.rawValue),
                ids: ids, title: title, abstract: abstract, authors: authors, year: year, venue: venue,
                keywords: keywords.filter { !$0.isEmpty }))
    }
}

extension String {
    /// The string with every `target` replaced by `replacement` (no Foundation needed).
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
