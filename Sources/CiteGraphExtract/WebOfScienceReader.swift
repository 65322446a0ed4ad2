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
        var text = try file.utf8Text()
        return try RecordSink.collect(format: .webOfScience) { sink in
            try text.withUTF8 { bytes in
                try read(name: file.path, into: sink) { body in
                    for range in UTF8Lines(bytes) { try body(UnsafeBufferPointer(rebasing: bytes[range])) }
                }
            }
        }
    }

    /// Reads the file at `path` block by block into `sink`, each record as soon as it ends.
    /// - Throws: `ExtractError` naming the file, or what the sink throws.
    static func read(streaming path: String, name: String, into sink: RecordSink) throws {
        var blocks = try UTF8TextBlocks(path: path, name: name)
        try read(name: name, into: sink) { body in try blocks.forEachByteLine(body) }
    }

    /// The reader proper: `lines` calls its argument with the bytes of each line in turn.
    private static func read(
        name: String, into sink: RecordSink, lines: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void
    ) throws {
        var record: TaggedRecordScanner.Record? = nil
        var broken: (line: Int, reason: String)? = nil
        var lineNumber = 0
        var position = 0
        var sawEF = false
        func finish() throws {
            guard let r = record else { return }
            defer { record = nil; broken = nil; position += 1 }
            if let broken {
                try sink.append(reject: RejectedRecord(file: name, line: broken.line, field: "line", reason: broken.reason))
                return
            }
            try sink.append(makeRecord(r, file: name, position: position))
        }
        try lines { bytes in
            lineNumber += 1
            var range = 0..<bytes.count
            if !range.isEmpty, bytes[range.upperBound - 1] == 0x0D { range = range.dropLast() }
            let canContinue = record.map { !$0.fields.isEmpty } ?? false
            switch WebOfScienceLine(bytes, range, canContinue: canContinue) {
            case .blank, .header:
                return
            case .continuation(let value):
                record!.fields[record!.fields.count - 1].values.append(value)
            case .endOfRecord:
                try finish()
            case .endOfFile:
                try finish()
                sawEF = true
            case .field(let tag, let value):
                if tag == "PT" { try finish() }
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
        if let open = record {
            record = nil
            try sink.append(reject: RejectedRecord(file: name, line: open.line, field: "ER", reason: "record not ended by ER: the file is truncated"))
        } else if !sawEF && sink.hasRecords {
            try sink.append(reject: RejectedRecord(file: name, line: lineNumber, field: "EF", reason: "file does not end with EF: the export may be truncated"))
        }
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
