import CiteGraphCore

/// Reader for PubMed MEDLINE text exports (`.nbib`, "Send to: File, Format: MEDLINE"):
/// records of `TAG - value` lines (tag left-aligned in four columns, `-` in the fifth),
/// continuation lines indented by six spaces, records separated by blank lines.
///
/// Fields used: PMID (id), TI (title; TT or BTI when TI is missing), AB, FAU (full author
/// names, "Family, Given"; an AU with no FAU before it is used as "Family, Initials"), DP
/// (year), JT/TA (venue: the full journal title first), MH (MeSH headings as keywords,
/// without qualifiers and `*`), OT (other terms), AID/LID values ending in `[doi]`.
///
/// Rejected with their line: a record without a title, a DP without a year, and a record
/// holding a line that is neither a tag line nor a continuation.
/// - Complexity: O(file size).
public enum MedlineReader {
    /// True when one of the first non-blank lines starts with `PMID- `.
    public static func looksLike(_ head: String) -> Bool {
        var checked = 0
        for raw in head.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingPrefix("\u{FEFF}")
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if line.hasPrefix("PMID- ") { return true }
            checked += 1
            if checked == 5 { break }
        }
        return false
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        try LineReading.whole(file, text: file.utf8Text(), format: .medline, read(name:into:lines:))
    }

    /// Reads the file at `path` block by block into `sink`, each record as soon as it ends.
    /// - Throws: `ExtractError` naming the file, or what the sink throws.
    static func read(streaming path: String, name: String, into sink: RecordSink) throws {
        try LineReading.streamed(path: path, name: name, into: sink, read(name:into:lines:))
    }

    /// The reader proper: `lines` calls its argument with each line in turn.
    private static func read(name: String, into sink: RecordSink, lines: LineReading.Lines) throws {
        var record: TaggedRecordScanner.Record? = nil
        var broken: (line: Int, reason: String)? = nil
        var position = 0
        var lineNumber = 0
        func finish() throws {
            guard let r = record else { return }
            defer { record = nil; broken = nil; position += 1 }
            if let broken {
                try sink.append(reject: RejectedRecord(file: name, line: broken.line, field: "line", reason: broken.reason))
                return
            }
            try sink.append(makeRecord(r, file: name, position: position))
        }
        try lines { raw in
            lineNumber += 1
            let line = raw.trimmingSuffix(while: { $0 == "\r" })
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                try finish()
                return
            }
            if line.hasPrefix("      "), record != nil, !record!.fields.isEmpty {
                let last = record!.fields.count - 1
                let v = record!.fields[last].values.removeLast()
                record!.fields[last].values.append(v + " " + String(line).trimmingWhitespace())
                return
            }
            guard let (tag, value) = tagged(line) else {
                if record == nil { record = TaggedRecordScanner.Record(line: lineNumber) }
                if broken == nil { broken = (lineNumber, "'\(line.prefix(20))' is neither a field tag nor a continuation line") }
                return
            }
            // PMID starts a record even without a blank line before it.
            if tag == "PMID", record?.fields.isEmpty == false { try finish() }
            if record == nil { record = TaggedRecordScanner.Record(line: lineNumber) }
            record!.fields.append(.init(tag: tag, values: [value], line: lineNumber))
        }
        try finish()
    }

    /// Splits `TAG - value` (tag of 1–4 upper-case letters or digits padded to four columns,
    /// then `-`) into tag and value; nil for any other line.
    static func tagged(_ line: Substring) -> (String, String)? {
        let chars = Array(line.prefix(6))
        guard chars.count >= 5, chars[4] == "-", chars.count == 5 || chars[5] == " " else { return nil }
        let tag = Substring(String(chars[0..<4])).trimmingSuffix(while: { $0 == " " })
        guard !tag.isEmpty, tag.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else { return nil }
        return (String(tag), String(line.dropFirst(5)).trimmingWhitespace())
    }

    static func makeRecord(_ r: TaggedRecordScanner.Record, file: String, position: Int) -> Result<PaperRecord, RejectedRecord> {
        func first(_ tags: [String]) -> String? {
            for t in tags { if let v = r.values(t).first(where: { !$0.isEmpty }) { return v } }
            return nil
        }
        guard let title = first(["TI", "TT", "BTI"]) else {
            return .failure(RejectedRecord(file: file, line: r.line, field: "TI", reason: "record has no title (TI)"))
        }
        var year: Int? = nil
        if let dp = r.fields.first(where: { $0.tag == "DP" }) {
            guard let y = TaggedText.year(in: dp.values[0]) else {
                return .failure(RejectedRecord(file: file, line: dp.line, field: "DP", reason: "'\(dp.values[0])' holds no year"))
            }
            year = y
        }
        var ids: [WorkID] = []
        if let pmid = first(["PMID"]) { ids.append(WorkID(kind: .pmid, value: pmid)) }
        for value in r.values("AID") + r.values("LID") where value.hasSuffix("[doi]") {
            let id = WorkID(kind: .doi, value: String(value.dropLast(5)))
            if !id.value.isEmpty, !ids.contains(id) { ids.append(id) }
        }
        // FAU is followed by its AU; an AU without a FAU (older records) stands alone.
        var authors: [String] = []
        var fullNamePending = false
        for field in r.fields {
            switch field.tag {
            case "FAU":
                authors.append(field.values[0])
                fullNamePending = true
            case "AU":
                if !fullNamePending { authors.append(initialsLast(field.values[0])) }
                fullNamePending = false
            default:
                break
            }
        }
        var keywords: [String] = []
        for heading in r.values("MH") {
            let descriptor = heading.split(separator: "/").first.map { String($0).replacingAll("*", with: "").trimmingWhitespace() } ?? ""
            if !descriptor.isEmpty, !keywords.contains(descriptor) { keywords.append(descriptor) }
        }
        for term in r.values("OT") where !term.isEmpty && !keywords.contains(term) { keywords.append(term) }
        var record = PaperRecord(
            source: SourceLocation(file: file, position: position, line: r.line, format: RecordFormat.medline.rawValue),
            ids: ids, title: title, abstract: first(["AB"]), authors: authors.filter { !$0.isEmpty }, year: year,
            venue: first(["JT", "TA"]), keywords: keywords)
        record.volume = first(["VI"])
        record.firstPage = first(["PG"]).flatMap(TaggedText.firstPage)
        return .success(record)
    }

    /// "Mangalam H" → "Mangalam, H"; a name without initials is kept.
    static func initialsLast(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard words.count > 1, let last = words.last, last.allSatisfy({ $0.isUppercase }) else { return name }
        return words.dropLast().joined(separator: " ") + ", " + last
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
