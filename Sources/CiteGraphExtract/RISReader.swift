import CiteGraphCore

/// Reader for RIS exports (EndNote, Zotero, IEEE Xplore, Scopus, Springer): records of
/// `XX  - value` lines from `TY  - ` to `ER  - `.
///
/// Fields used: TI/T1 (title), AU/A1 (authors, written as "Family, Given"), PY/Y1/DA
/// (year: the first four-digit number), JF/JO/T2/JA/J2/BT (venue, first present),
/// AB/N2 (abstract), KW (keywords, one per line or `;`-separated), DO (DOI), ID (`.local`
/// id), UR (a DOI or arXiv URL becomes an id). Lines without a tag continue the previous
/// value (wrapped abstracts). Line endings may be mixed: a bare `\r` at either end of a
/// line is ignored, so a file whose records start with `\rTY  - ` (litstudy's
/// `example.ris`) reads like a clean one.
///
/// Rejected with their line: a record without a title, a year field without a year, tagged
/// lines outside a `TY`…`ER` record, and a record the file ends inside.
/// - Complexity: O(file size).
public enum RISReader {
    /// True when one of the first lines is a `TY  - ` record start.
    public static func looksLike(_ head: String) -> Bool {
        var checked = 0
        for raw in head.split(separator: "\n") {
            let line = raw.trimmingPrefix("\u{FEFF}").trimmingPrefix(while: { $0 == "\r" || $0 == " " })
            if line.allSatisfy({ $0 == "\r" || $0 == " " || $0 == "\t" }) { continue }
            if line.hasPrefix("TY  -") { return true }
            checked += 1
            if checked == 10 { break }
        }
        return false
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        try LineReading.whole(file, text: file.utf8Text(), format: .ris, read(name:into:lines:))
    }

    /// Reads the file at `path` block by block into `sink`, each record as soon as it ends.
    /// - Throws: `ExtractError` naming the file, or what the sink throws.
    static func read(streaming path: String, name: String, into sink: RecordSink) throws {
        try LineReading.streamed(path: path, name: name, into: sink, read(name:into:lines:))
    }

    /// The reader proper: `lines` calls its argument with each line in turn.
    private static func read(name: String, into sink: RecordSink, lines: LineReading.Lines) throws {
        var record: TaggedRecordScanner.Record? = nil
        var stray: Int? = nil  // first line of tagged lines seen outside a record
        var position = 0
        var lineNumber = 0
        try lines { raw in
            lineNumber += 1
            let line = raw.trimmingPrefix(while: { $0 == "\r" }).trimmingSuffix(while: { $0 == "\r" })
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { return }
            guard let (tag, value) = tagged(line) else {
                // A line without a tag continues the last value of the record.
                if record != nil, !record!.fields.isEmpty {
                    let last = record!.fields.count - 1
                    let v = record!.fields[last].values.removeLast()
                    record!.fields[last].values.append(v.isEmpty ? String(line).trimmingWhitespace() : v + " " + String(line).trimmingWhitespace())
                } else if stray == nil {
                    stray = lineNumber
                }
                return
            }
            if tag == "TY" {
                if let open = record {
                    try sink.append(reject: RejectedRecord(file: name, line: open.line, field: "ER", reason: "record not ended by 'ER  - ' before the next 'TY  - ' on line \(lineNumber)"))
                    position += 1
                }
                try flushStray(&stray, &position, into: sink, file: name)
                record = TaggedRecordScanner.Record(fields: [.init(tag: tag, values: [value], line: lineNumber)], line: lineNumber)
                return
            }
            guard record != nil else {
                if tag == "ER" { try flushStray(&stray, &position, into: sink, file: name) } else if stray == nil { stray = lineNumber }
                return
            }
            if tag == "ER" {
                try sink.append(makeRecord(record!, file: name, position: position))
                record = nil
                position += 1
                return
            }
            record!.fields.append(.init(tag: tag, values: [value], line: lineNumber))
        }
        try flushStray(&stray, &position, into: sink, file: name)
        if let open = record {
            try sink.append(reject: RejectedRecord(file: name, line: open.line, field: "ER", reason: "record not ended by 'ER  - ': the file is truncated"))
        }
    }

    /// Splits `XX  - value` (two-character tag, two spaces, hyphen, optional space) into tag
    /// and value; nil for any other line.
    static func tagged(_ line: Substring) -> (String, String)? {
        let chars = Array(line.prefix(6))
        guard chars.count >= 5, chars[0].isASCII, chars[0].isUppercase, chars[1].isASCII,
            chars[1].isUppercase || chars[1].isNumber, chars[2] == " ", chars[3] == " ", chars[4] == "-",
            chars.count == 5 || chars[5] == " "
        else { return nil }
        return (String(chars[0...1]), String(line.dropFirst(5)).trimmingWhitespace())
    }

    private static func flushStray(_ stray: inout Int?, _ position: inout Int, into sink: RecordSink, file: String) throws {
        guard let line = stray else { return }
        try sink.append(reject: RejectedRecord(file: file, line: line, field: "TY", reason: "lines outside a record: a record must start with 'TY  - '"))
        stray = nil
        position += 1
    }

    static func makeRecord(_ r: TaggedRecordScanner.Record, file: String, position: Int) -> Result<PaperRecord, RejectedRecord> {
        func first(_ tags: [String]) -> String? {
            for t in tags { if let v = r.values(t).first(where: { !$0.isEmpty }) { return v } }
            return nil
        }
        guard let title = first(["TI", "T1"]) else {
            return .failure(RejectedRecord(file: file, line: r.line, field: "TI", reason: "record has no title (TI or T1)"))
        }
        var year: Int? = nil
        for tag in ["PY", "Y1", "DA"] {
            guard let field = r.fields.first(where: { $0.tag == tag && !($0.values.first ?? "").isEmpty }) else { continue }
            guard let y = TaggedText.year(in: field.values[0]) else {
                return .failure(RejectedRecord(file: file, line: field.line, field: tag, reason: "'\(field.values[0])' holds no year"))
            }
            year = y
            break
        }
        var ids: [WorkID] = []
        if let doi = first(["DO"]) { ids.append(WorkID(kind: .doi, value: doi)) }
        for url in r.values("UR") {
            if let id = TaggedText.workID(fromURL: url), !ids.contains(id) { ids.append(id) }
        }
        if let local = first(["ID"]) { ids.append(WorkID(kind: .local, value: local)) }
        let authors = (r.values("AU") + r.values("A1")).filter { !$0.isEmpty }.map(TaggedText.familyFirst)
        let keywords = r.values("KW").flatMap { $0.split(separator: ";") }.map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        var record = PaperRecord(
            source: SourceLocation(file: file, position: position, line: r.line, format: RecordFormat.ris.rawValue),
            ids: ids, title: title, abstract: first(["AB", "N2"]), authors: authors, year: year,
            venue: first(["JF", "JO", "T2", "JA", "J2", "BT"]), keywords: keywords)
        record.volume = first(["VL"])
        record.firstPage = first(["SP"]).flatMap(TaggedText.firstPage)
        return .success(record)
    }
}
