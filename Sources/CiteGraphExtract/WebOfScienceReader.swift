import CiteGraphCore

/// Reader for Web of Science plain-text exports ("FN … / VR 1.0", then records of two-letter
/// tags, three-space continuation lines, each record ended by "ER", the file by "EF").
///
/// Fields used: UT (id), DI (DOI), PM (PMID), TI, AB, AU (authors as written, one per line),
/// VL and BP (or AR) for volume and first page, OI (authors' ORCID iDs, matched to AU/AF by
/// name: see `WebOfScienceORCIDs`),
/// PY, SO, DE/ID (keywords), CR (cited references, one per line; kept as found, their DOI
/// used for resolution). A line that is neither a tag, a continuation nor a marker, or a
/// record without a title, is rejected with its line; a file that ends inside a record is
/// reported as truncated.
/// - Complexity: O(file size).
public enum WebOfScienceReader {
    /// Field tags of WoS exports.
    static let knownTags: Set<String> = [
        "PT", "AU", "AF", "BA", "BF", "CA", "GP", "BE", "TI", "SO", "SE", "BS", "LA", "DT", "CT", "CY", "CL", "SP", "HO", "DE",
        "ID", "AB", "C1", "RP", "EM", "RI", "OI", "FU", "FX", "CR", "NR", "TC", "Z9", "U1", "U2", "PU", "PI", "PA", "SN", "EI",
        "BN", "J9", "JI", "PD", "PY", "VL", "IS", "PN", "SU", "SI", "MA", "BP", "EP", "AR", "DI", "D2", "EA", "PG", "WC", "SC",
        "GA", "UT", "PM", "OA", "HC", "HP", "DA",
    ]

    public static func looksLike(_ head: String) -> Bool {
        let lines = head.split(whereSeparator: \.isNewline).prefix(3).map { $0.trimmingPrefix("\u{FEFF}") }
        return lines.first?.hasPrefix("FN ") == true || (lines.contains { $0.hasPrefix("PT ") } && lines.contains { $0.hasPrefix("VR ") || $0.hasPrefix("AU ") })
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        let text = try file.utf8Text()
        var result = ExtractResult(format: .webOfScience)
        var record: TaggedRecordScanner.Record? = nil
        var broken: (line: Int, reason: String)? = nil
        var lineNumber = 0
        var position = 0
        var sawEF = false
        func finish() {
            guard let r = record else { return }
            defer { record = nil; broken = nil; position += 1 }
            if let broken {
                result.rejects.append(RejectedRecord(file: file.path, line: broken.line, field: "line", reason: broken.reason))
                return
            }
            result.append(makeRecord(r, file: file.path, position: position))
        }
        var utf8 = text
        utf8.withUTF8 { bytes in
            for var range in UTF8Lines(bytes) {
                lineNumber += 1
                if !range.isEmpty, bytes[range.upperBound - 1] == 0x0D { range = range.dropLast() }
                let canContinue = record.map { !$0.fields.isEmpty } ?? false
                switch WebOfScienceLine(bytes, range, canContinue: canContinue) {
                case .blank, .header:
                    continue
                case .continuation(let value):
                    record!.fields[record!.fields.count - 1].values.append(value)
                case .endOfRecord:
                    finish()
                case .endOfFile:
                    finish()
                    sawEF = true
                case .field(let tag, let value):
                    if tag == "PT" { finish() }
                    if record == nil { record = TaggedRecordScanner.Record(line: lineNumber) }
                    record!.fields.append(.init(tag: tag, values: [value], line: lineNumber))
                case .gluedField(let tag, let value):
                    if record == nil { record = TaggedRecordScanner.Record(line: lineNumber) }
                    record!.fields.append(.init(tag: tag, values: [value], line: lineNumber))
                case .stray(let reason):
                    if record == nil { record = TaggedRecordScanner.Record(line: lineNumber) }
                    if broken == nil { broken = (lineNumber, reason) }
                }
            }
        }
        if record != nil {
            let start = record!.line
            record = nil
            result.rejects.append(RejectedRecord(file: file.path, line: start, field: "ER", reason: "record not ended by ER: the file is truncated"))
        } else if !sawEF && !result.records.isEmpty {
            result.rejects.append(RejectedRecord(file: file.path, line: lineNumber, field: "EF", reason: "file does not end with EF: the export may be truncated"))
        }
        return result
    }

    static func makeRecord(_ r: TaggedRecordScanner.Record, file: String, position: Int) -> Result<PaperRecord, RejectedRecord> {
        guard let title = r.joined("TI"), !title.isEmpty else {
            return .failure(RejectedRecord(file: file, line: r.line, field: "TI", reason: "record has no title"))
        }
        var ids: [WorkID] = []
        if let ut = r.first("UT") { ids.append(WorkID(kind: .wos, value: ut)) }
        if let doi = r.first("DI") { ids.append(WorkID(kind: .doi, value: doi)) }
        if let pmid = r.first("PM") { ids.append(WorkID(kind: .pmid, value: pmid)) }
        var year: Int? = nil
        if let py = r.first("PY") {
            guard let y = Int(py), (1000...2999).contains(y) else {
                return .failure(RejectedRecord(file: file, line: r.fields.first { $0.tag == "PY" }!.line, field: "PY", reason: "'\(py)' is not a year"))
            }
            year = y
        }
        let keywords = (r.joined("DE").map { [$0] } ?? []) + (r.joined("ID").map { [$0] } ?? [])
        var record = PaperRecord(
            source: SourceLocation(file: file, position: position, line: r.line, format: RecordFormat.webOfScience.rawValue),
            ids: ids, title: title, abstract: r.joined("AB"), authors: r.values("AU"), year: year, venue: r.joined("SO"),
            keywords: keywords.flatMap { $0.split(separator: ";").map { String($0).trimmingWhitespace() } }.filter { !$0.isEmpty },
            references: r.values("CR"))
        record.volume = r.first("VL")
        record.firstPage = r.first("BP") ?? r.first("AR")
        if let oi = r.joined("OI") {
            record.authorORCIDs = WebOfScienceORCIDs.match(oi: oi, names: record.authors, fullNames: r.values("AF"))
        }
        return .success(record)
    }
}
