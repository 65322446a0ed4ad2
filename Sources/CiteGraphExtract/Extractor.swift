import CiteGraphCore

/// Reads record files of any supported format.
public enum Extractor {
    /// Reads every record of `file` with the reader for `format` (sniffed when nil).
    ///
    /// Malformed records are returned in `rejects` (or thrown as the first error when
    /// `strict`), the rest are read.
    /// - Throws: `ExtractError` naming the file (and line).
    public static func read(_ file: RecordFile, format: RecordFormat? = nil, strict: Bool = false) throws -> ExtractResult {
        let chosen = try format ?? FormatSniffer.detect(file)
        let result: ExtractResult
        switch chosen {
        case .dailyPapers:
            result = try DailyPapersReader.read(file)
        case .edgeList:
            result = try EdgeListReader.read(file)
        case .edgeListCitedFirst:
            result = try EdgeListReader.read(file, citedFirst: true)
        case .csv:
            result = try CSVRecordReader.read(file)
        case .jsonl:
            result = try JSONLinesReader.read(file)
        case .webOfScience:
            result = try WebOfScienceReader.read(file)
        case .pubmedXML:
            result = try PubMedXMLReader.read(file)
        case .jats:
            result = try JATSReader.read(file)
        case .arxivOAI:
            result = try ArxivOAIReader.read(file)
        case .arxivAtom:
            result = try ArxivAtomReader.read(file)
        case .dblpXML:
            result = try DBLPReader.read(file)
        case .ris:
            result = try RISReader.read(file)
        case .bibtex:
            result = try BibTeXReader.read(file)
        case .medline:
            result = try MedlineReader.read(file)
        case .keyValue:
            result = try KeyValueRecordReader.read(file)
        case .json:
            result = try JSONDocumentReader.read(file)
        }
        if strict, let first = result.rejects.first { throw first.error }
        return result
    }
}
