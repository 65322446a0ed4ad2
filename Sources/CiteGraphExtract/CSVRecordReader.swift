import CiteGraphCore

/// Reader for CSV/TSV files with a header row: citegraph's generic table, Scopus exports and
/// similar. Columns are recognised by name (case-insensitive):
///
/// | field | column names |
/// |---|---|
/// | id | `id`, `paper_id`, `eid`, `ut`, `unique-id`, `accession number` |
/// | doi | `doi`, `item doi` |
/// | title | `title`, `article title`, `document title`, `item title` |
/// | abstract | `abstract` |
/// | authors | `authors`, `author`, `author full names` — separated by `;` (or `, ` between "Family I." names as Scopus writes them) |
/// | year | `year`, `publication year`, `py` |
/// | venue | `venue`, `source title`, `journal`, `source` |
/// | keywords | `keywords`, `author keywords` (`;`-separated) |
/// | references | `references`, `cited references` (`;`-separated ids, DOIs or reference text) |
/// | volume | `volume`, `journal volume`, `vl` |
/// | first page | `page start`, `start page`, `first page`, `first_page`, `bp`; else the first page of `pages`, `page`, `page range`, `pp`; else `art. no.`, `article number`, `ar` (as Web of Science's AR) |
///
/// A row without a title or id is rejected with its line.
/// - Complexity: O(file size).
public enum CSVRecordReader {
    static let aliases: [String: [String]] = [
        "id": ["id", "paper_id", "paper id", "eid", "ut", "unique-id", "accession number", "ut (unique wos id)"],
        "doi": ["doi", "item doi"],
        "title": ["title", "article title", "document title", "item title"],
        "abstract": ["abstract"],
        "authors": ["authors", "author", "author full names", "author names"],
        "year": ["year", "publication year", "py"],
        "venue": ["venue", "source title", "journal", "publication title", "source"],
        "keywords": ["keywords", "author keywords"],
        "references": ["references", "cited references"],
        "volume": ["volume", "journal volume", "vl"],
        "firstPage": ["page start", "start page", "first page", "first_page", "bp"],
        "pages": ["pages", "page", "page range", "pp"],
        "articleNumber": ["art. no.", "article number", "ar"],
    ]

    /// Whether `head` starts with a header row naming a title or id column.
    public static func looksLike(_ head: String) -> Bool {
        guard let first = head.split(whereSeparator: \.isNewline).first else { return false }
        let separator: Character = first.contains("\t") ? "\t" : ","
        let names = first.split(separator: separator).map { $0.trimmingCharacters(in: ["\"", " ", "\u{FEFF}"]).lowercased() }
        guard names.count >= 2 else { return false }
        return names.contains { aliases["title"]!.contains($0) } || (names.contains { aliases["id"]!.contains($0) } && names.contains { aliases["references"]!.contains($0) })
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        let text = try file.utf8Text()
        return try RecordSink.collect(format: .csv) { sink in
            try read(name: file.path, firstLine: text.prefix { $0 != "\n" && $0 != "\r\n" }, into: sink) { body in
                try body(Substring(text))
            }
        }
    }

    /// Reads the file at `path` block by block into `sink`, each row as soon as it ends.
    /// - Throws: `ExtractError` naming the file, or what the sink throws.
    static func read(streaming path: String, name: String, into sink: RecordSink) throws {
        var blocks = try UTF8TextBlocks(path: path, name: name)
        guard let first = try blocks.next() else { return }
        let head = String(decoding: first.bytes, as: UTF8.self)
        try read(name: name, firstLine: head.prefix { $0 != "\n" && $0 != "\r\n" }, into: sink) { body in
            try body(Substring(head))
            while let block = try blocks.next() { try body(Substring(String(decoding: block.bytes, as: UTF8.self))) }
        }
    }

    /// The reader proper: `pieces` calls its argument with the text in pieces of whole lines.
    private static func read(
        name: String, firstLine: Substring, into sink: RecordSink, pieces: ((Substring) throws -> Void) throws -> Void
    ) throws {
        let separator: Character = firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : (firstLine.filter { $0 == "\t" }.count > firstLine.filter { $0 == "," }.count ? "\t" : ",")
        var columns: [String: Int] = [:]
        var headerCount = 0
        var position = 0
        var table = DelimitedText(separator: separator)
        func row(_ fields: [String], _ line: Int) throws {
            if columns.isEmpty {
                let names = fields.map { $0.trimmingCharacters(in: ["\"", " ", "\u{FEFF}"]).lowercased() }
                headerCount = names.count
                for (field, list) in aliases {
                    if let i = list.lazy.compactMap({ names.firstIndex(of: $0) }).first { columns[field] = i }
                }
                if columns["title"] == nil && columns["id"] == nil {
                    throw ExtractError.malformed(path: name, line: line, field: "header", reason: "no title or id column among: \(names.prefix(8).joined(separator: ", "))")
                }
                return
            }
            // Scopus rows can be longer than the header (unnamed "Funding Text 2…" columns
            // after "Funding Text 1"): columns in the header's second half count from the row's end.
            let extra = max(0, fields.count - headerCount)
            func value(_ name: String) -> String? {
                guard var i = columns[name] else { return nil }
                if extra > 0 && i >= headerCount / 2 { i += extra }
                guard i < fields.count else { return nil }
                let v = fields[i].trimmingWhitespace()
                return v.isEmpty ? nil : v
            }
            defer { position += 1 }
            let title = value("title") ?? ""
            var ids: [WorkID] = []
            if let id = value("id") { ids.append(WorkID(kind: .local, value: id)) }
            if let doi = value("doi") { ids.append(WorkID(kind: .doi, value: doi)) }
            if title.isEmpty && ids.isEmpty {
                try sink.append(reject: RejectedRecord(file: name, line: line, field: "title", reason: "row has neither a title nor an id"))
                return
            }
            var year: Int? = nil
            if let y = value("year") {
                guard let parsed = Int(y.prefix(4)), (1000...2999).contains(parsed) else {
                    try sink.append(reject: RejectedRecord(file: name, line: line, field: "year", reason: "'\(y)' is not a year"))
                    return
                }
                year = parsed
            }
            var record = PaperRecord(
                source: SourceLocation(file: name, position: position, line: line, format: RecordFormat.csv.rawValue),
                ids: ids, title: title, abstract: value("abstract"), authors: splitAuthors(value("authors") ?? ""), year: year,
                venue: value("venue"), keywords: splitList(value("keywords") ?? ""), references: splitList(value("references") ?? ""))
            record.volume = value("volume")
            record.firstPage = value("firstPage").flatMap(TaggedText.firstPage) ?? value("pages").flatMap(TaggedText.firstPage)
                ?? value("articleNumber")
            try sink.append(record: record)
        }
        try pieces { piece in try table.feed(piece, row) }
        try table.finish(row)
    }

    static func splitList(_ text: String) -> [String] {
        text.split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// "A; B" or Scopus's "Phillips J.C., Braun R." → names.
    static func splitAuthors(_ text: String) -> [String] {
        if text.contains(";") { return splitList(text) }
        let parts = text.components(separatedBy: ", ").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return parts
    }
}
