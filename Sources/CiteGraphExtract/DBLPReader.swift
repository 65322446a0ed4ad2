import CiteGraphCore

/// Reader for dblp XML (`dblp.xml` and excerpts: a `<dblp>` root of publication records),
/// streamed; ISO-8859-1 and UTF-8 files alike.
///
/// Records: `article`, `inproceedings`, `proceedings`, `incollection`, `book`, `phdthesis`,
/// `mastersthesis` and `data`, each one paper. `www` records are dblp's person and homepage
/// entries, not publications: they are skipped (neither records nor rejects), as are
/// elements of unknown type.
///
/// Fields used: `@key` (local id `dblp:KEY`), `author` (in order; dblp's homonym number
/// such as "Manish Singh 0001" dropped), `title` (dblp's closing period dropped), `year`,
/// `journal`, else `booktitle`, else `school` (venue), `ee` links to doi.org (DOI) or
/// arxiv.org (arXiv id), and `cite` (dblp keys of cited works, as `dblp:KEY`, "..."
/// skipped). `crossref` names the proceedings volume a paper is part of, which is not a
/// citation: it is used as the venue only when there is none.
/// dblp's character entities (`&uuml;`, …, declared in `dblp.dtd`) are resolved from a
/// built-in table: the DTD is never loaded, from the disk or the network.
/// A record without a title is rejected with its line.
/// - Complexity: O(file size) time; memory O(one record).
public enum DBLPReader {
    /// The publication record types of dblp.dtd (without `www`).
    static let recordTypes: Set<String> = [
        "article", "inproceedings", "proceedings", "incollection", "book", "phdthesis", "mastersthesis", "data",
    ]

    public static func looksLike(_ head: String) -> Bool {
        head.contains("<dblp>") || head.contains("<!DOCTYPE dblp") || head.contains("dblp.dtd")
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        try XMLRecordReading.readWhole(file, format: .dblpXML, read)
    }

    /// Reads the records of `source` into `sink`, each as soon as its end tag is read.
    /// - Throws: `ExtractError` naming the file and line, or what the sink throws.
    static func read(_ source: XMLRecordReading.Source, into sink: RecordSink) throws {
        try XMLRecordReading.run(source, into: sink, attributesOf: recordTypes) { reader in
            var position = 0
            var depth = 0
            while let event = try reader.nextTag() {
                switch event {
                case .text: continue
                case .end: depth -= 1
                case .start(let start):
                    guard depth == 1 else { depth += 1; continue }
                    if recordTypes.contains(start.localName) {
                        try sink.append(record(reader, start: start, file: source.name, position: position))
                        position += 1
                    } else {
                        try reader.skipElement()  // www (person pages) and unknown types
                    }
                }
            }
        }
    }

    static func record(_ reader: XMLStreamReader, start: XMLStart, file: String, position: Int) throws -> Result<PaperRecord, RejectedRecord> {
        var ids: [WorkID] = []
        if let key = start.attributes["key"], !key.isEmpty { ids.append(WorkID(kind: .local, value: "dblp:\(key)")) }
        var title = ""
        var authors: [String] = []
        var year: Int? = nil
        var journal: String? = nil, booktitle: String? = nil, school: String? = nil, crossref: String? = nil
        var references: [String] = []
        try reader.readChildren { s in
            switch s.localName {
            case "author": authors.append(withoutHomonymNumber(try reader.readText()))
            case "title": title = try reader.readText()
            case "year": year = XMLRecordReading.year(in: try reader.readText())
            case "journal": journal = try reader.readText()
            case "booktitle": booktitle = try reader.readText()
            case "school": school = try reader.readText()
            case "crossref": crossref = try reader.readText()
            case "ee":
                let link = try reader.readText()
                if XMLRecordReading.range(of: "doi.org/10.", in: link) != nil, let doi = XMLRecordReading.doiID(in: link) {
                    XMLRecordReading.add(doi, to: &ids)
                } else if let range = XMLRecordReading.range(of: "arxiv.org/abs/", in: link) {
                    XMLRecordReading.add(WorkID(kind: .arxiv, value: String(link[range.upperBound...])), to: &ids)
                }
            case "cite":
                let key = try reader.readText()
                if !key.isEmpty, key != "..." { references.append("dblp:\(key)") }
            default:
                try reader.skipElement()
            }
        }
        if title.hasSuffix("."), !title.hasSuffix("..") { title.removeLast() }
        guard !title.isEmpty else {
            return .failure(RejectedRecord(file: file, line: start.line, field: "title", reason: "\(start.localName) has no title"))
        }
        // The first non-empty of the four, without building an array of optionals per record.
        func nonEmpty(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }
        let venue = nonEmpty(journal) ?? nonEmpty(booktitle) ?? nonEmpty(school) ?? nonEmpty(crossref)
        return .success(
            PaperRecord(
                source: SourceLocation(file: file, position: position, line: start.line, format: RecordFormat.dblpXML.rawValue),
                ids: ids, title: title, authors: authors.contains(where: \.isEmpty) ? authors.filter { !$0.isEmpty } : authors, year: year, venue: venue, references: references))
    }

    /// "Manish Singh 0001" → "Manish Singh" (dblp numbers people who share a name).
    static func withoutHomonymNumber(_ name: String) -> String {
        guard let space = name.lastIndex(of: " ") else { return name }
        // Four characters that are ASCII digits are four bytes that are.
        let tail = name.utf8[name.utf8.index(after: space)...]
        return tail.count == 4 && tail.allSatisfy({ (0x30...0x39).contains($0) }) ? String(name[..<space]) : name
    }
}
