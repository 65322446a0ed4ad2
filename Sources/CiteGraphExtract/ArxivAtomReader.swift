import CiteGraphCore

/// Reader for arXiv API responses (`http://export.arxiv.org/api/query`), an Atom feed,
/// streamed. One record per `feed/entry`.
///
/// Fields used: `id` (`http://arxiv.org/abs/ID` → arXiv id, version dropped), `title`,
/// `summary` (abstract), `author/name`, `published` (year: the v1 date), `arxiv:doi`
/// (space-separated DOIs) or a `link` titled "doi", `arxiv:journal_ref` (venue),
/// `arxiv:primary_category` and `category/@term` (keywords, primary first, no repeats).
/// The API's error feed (an entry whose id is `…/api/errors#…`) is thrown with its summary.
/// An entry without a title is rejected with its line.
/// - Complexity: O(file size) time; memory O(one entry).
public enum ArxivAtomReader {
    public static func looksLike(_ head: String) -> Bool {
        head.contains("<feed") && head.contains("http://www.w3.org/2005/Atom") && head.lowercased().contains("arxiv")
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        try XMLRecordReading.readWhole(file, format: .arxivAtom, read)
    }

    /// Reads the records of `source` into `sink`, each as soon as its end tag is read.
    /// - Throws: `ExtractError` naming the file and line, or what the sink throws.
    static func read(_ source: XMLRecordReading.Source, into sink: RecordSink) throws {
        try XMLRecordReading.run(source, into: sink, attributesOf: ["link", "primary_category", "category"]) { reader in
            var position = 0
            while let event = try reader.next() {
                guard case .start(let start) = event, start.localName == "entry" else { continue }
                try sink.append(entry(reader, start: start, file: source.name, position: position))
                position += 1
            }
        }
    }

    static func entry(_ reader: XMLStreamReader, start: XMLStart, file: String, position: Int) throws -> Result<PaperRecord, RejectedRecord> {
        var ids: [WorkID] = []
        var rawID = ""
        var title = "", summary = ""
        var authors: [String] = []
        var year: Int? = nil
        var venue: String? = nil
        var keywords: [String] = []
        func keyword(_ term: String?) { if let term, !term.isEmpty, !keywords.contains(term) { keywords.append(term) } }
        try reader.readChildren { s in
            switch s.localName {
            case "id":
                rawID = try reader.readText()
                if rawID.contains("arxiv.org/abs/") { XMLRecordReading.add(WorkID(kind: .arxiv, value: rawID), to: &ids) }
            case "title": title = try reader.readText()
            case "summary": summary = try reader.readText()
            case "author":
                try reader.readChildren { part in
                    if part.localName == "name" {
                        let name = try reader.readText()
                        if !name.isEmpty { authors.append(name) }
                    } else {
                        try reader.skipElement()
                    }
                }
            case "published":
                year = XMLRecordReading.year(in: try reader.readText())
            case "doi":
                for doi in try reader.readText().split(separator: " ") { XMLRecordReading.add(WorkID(kind: .doi, value: String(doi)), to: &ids) }
            case "link":
                if s.attributes["title"] == "doi", let doi = s.attributes["href"].flatMap(XMLRecordReading.doiID(in:)) {
                    XMLRecordReading.add(doi, to: &ids)
                }
                try reader.skipElement()
            case "journal_ref":
                venue = try reader.readText()
            case "primary_category":
                keywords.insert(contentsOf: [s.attributes["term"]].compactMap { $0 }.filter { !keywords.contains($0) }, at: 0)
                try reader.skipElement()
            case "category":
                keyword(s.attributes["term"])
                try reader.skipElement()
            default:
                try reader.skipElement()
            }
        }
        if rawID.contains("/api/errors") {
            throw ExtractError.malformed(path: file, line: start.line, field: "entry", reason: "the arXiv API answered with an error: \(summary)")
        }
        guard !title.isEmpty else {
            return .failure(RejectedRecord(file: file, line: start.line, field: "title", reason: "entry has no title"))
        }
        return .success(
            PaperRecord(
                source: SourceLocation(file: file, position: position, line: start.line, format: RecordFormat.arxivAtom.rawValue),
                ids: ids, title: title, abstract: summary.isEmpty ? nil : summary, authors: authors, year: year, venue: venue,
                keywords: keywords))
    }
}
