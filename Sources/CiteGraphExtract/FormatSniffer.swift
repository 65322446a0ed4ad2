/// Recognises a record format from a file's content (not its extension).
public enum FormatSniffer {
    /// The format of `file`, judged from its first few kilobytes.
    /// - Throws: `ExtractError.unknownFormat` naming the file when nothing matches.
    public static func detect(_ file: RecordFile) throws -> RecordFormat {
        let head = String(decoding: file.bytes.prefix(4096), as: UTF8.self)
        if PubMedXMLReader.looksLike(head) { return .pubmedXML }
        if JATSReader.looksLike(head) { return .jats }
        if ArxivOAIReader.looksLike(head) { return .arxivOAI }
        if ArxivAtomReader.looksLike(head) { return .arxivAtom }
        if DBLPReader.looksLike(head) { return .dblpXML }
        if DailyPapersReader.looksLike(head) { return .dailyPapers }
        if WebOfScienceReader.looksLike(head) { return .webOfScience }
        if RISReader.looksLike(head) { return .ris }
        if MedlineReader.looksLike(head) { return .medline }
        if JSONLinesReader.looksLike(head) { return .jsonl }
        if JSONDocumentReader.looksLike(head) { return .json }
        if KeyValueRecordReader.looksLike(head) { return .keyValue }
        if BibTeXReader.looksLike(head) { return .bibtex }
        if CSVRecordReader.looksLike(head) { return .csv }
        if EdgeListReader.looksLike(head) { return .edgeList }
        let printable = head.unicodeScalars.prefix(512).allSatisfy { $0.value >= 0x20 || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        throw ExtractError.unknownFormat(
            path: file.path, hint: printable ? "first line: \(firstLine(head))" : "binary content")
    }

    private static func firstLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 60 ? String(line.prefix(60)) + "…" : line
    }
}
