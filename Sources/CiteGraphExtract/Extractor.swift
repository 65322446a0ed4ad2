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

    /// Reads the records of `file` in chunks of at most `chunkSize` records and rejects (fewer
    /// when their text passes about 4 MB; JSON Lines: `chunkSize` lines), handing each chunk
    /// to `deliver` as soon as it is complete, so that memory is bounded by the chunk (and the
    /// largest record) whatever the file size. The chunks together
    /// hold what `read(_:format:strict:)` returns for the whole file, in the same order.
    ///
    /// Errors that `read` throws before returning anything (a file that is not UTF-8, an XML
    /// error before the first record) are thrown here after the chunks before them.
    /// - Throws: `ExtractError` naming the file (and line), or what `deliver` throws.
    public static func stream(
        _ file: StreamedRecordFile, chunkSize: Int = 10_000, _ deliver: @escaping (ExtractResult) throws -> Void
    ) throws {
        let sink = RecordSink(format: file.format, chunkSize: chunkSize, deliver: deliver)
        let path = file.path, name = file.displayName
        switch file.format {
        case .jsonl:
            let stream = try JSONLinesStream(file, chunkSize: chunkSize)
            while let result = try stream.next() { try deliver(result) }
        case .pubmedXML: try PubMedXMLReader.read(.streamed(path: path, displayName: name), into: sink)
        case .jats: try JATSReader.read(.streamed(path: path, displayName: name), into: sink)
        case .arxivOAI: try ArxivOAIReader.read(.streamed(path: path, displayName: name), into: sink)
        case .arxivAtom: try ArxivAtomReader.read(.streamed(path: path, displayName: name), into: sink)
        case .dblpXML: try DBLPReader.read(.streamed(path: path, displayName: name), into: sink)
        case .webOfScience: try WebOfScienceReader.read(streaming: path, name: name, into: sink)
        case .ris: try RISReader.read(streaming: path, name: name, into: sink)
        case .medline: try MedlineReader.read(streaming: path, name: name, into: sink)
        case .keyValue: try KeyValueRecordReader.read(streaming: path, name: name, into: sink)
        case .csv: try CSVRecordReader.read(streaming: path, name: name, into: sink)
        case .json: try JSONDocumentReader.read(streaming: path, name: name, into: sink)
        case .bibtex: try BibTeXDatabase(files: [file]).stream(0, into: sink)
        case .dailyPapers, .edgeList, .edgeListCitedFirst:
            preconditionFailure("\(file.format) files are read whole (StreamedRecordFile.streamableFormats)")
        }
        try sink.finish()
    }
}
