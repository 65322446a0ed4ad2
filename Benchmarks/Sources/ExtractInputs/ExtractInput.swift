import CiteGraphExtract
import Foundation

/// One reader measured by the extraction benchmarks, with the real file(s) from
/// `shared/data` its large input is replicated from.
public enum ExtractInput: String, CaseIterable, Sendable {
    case wos, ris, medline, bibtex, csv, pubmed, jats, arxivOAI, dblp

    /// The name of the prepared input file (`wos.txt`, `pubmed.xml`, …).
    public var fileName: String {
        switch self {
        case .wos: return "wos.txt"
        case .ris: return "ris.ris"
        case .medline: return "medline.txt"
        case .bibtex: return "bibtex.bib"
        case .csv: return "scopus.csv"
        case .pubmed: return "pubmed.xml"
        case .jats: return "jats.xml"
        case .arxivOAI: return "arxiv-oai.xml"
        case .dblp: return "dblp.xml"
        }
    }

    /// The reader's name as printed in reports.
    public var readerName: String {
        switch self {
        case .wos: return "WebOfScienceReader"
        case .ris: return "RISReader"
        case .medline: return "MedlineReader"
        case .bibtex: return "BibTeXReader"
        case .csv: return "CSVRecordReader"
        case .pubmed: return "PubMedXMLReader"
        case .jats: return "JATSReader"
        case .arxivOAI: return "ArxivOAIReader"
        case .dblp: return "DBLPReader"
        }
    }

    /// The throughput bar in MB/s (issue #3), nil when there is none.
    public var barMBPerSecond: Double? {
        switch self {
        case .wos: return 20
        case .pubmed, .jats, .arxivOAI, .dblp: return 60
        case .ris, .medline, .bibtex, .csv: return nil
        }
    }

    /// Reads `file` with this input's reader.
    /// - Throws: what the reader throws.
    public func read(_ file: RecordFile) throws -> ExtractResult {
        switch self {
        case .wos: return try WebOfScienceReader.read(file)
        case .ris: return try RISReader.read(file)
        case .medline: return try MedlineReader.read(file)
        case .bibtex: return try BibTeXReader.read(file)
        case .csv: return try CSVRecordReader.read(file)
        case .pubmed: return try PubMedXMLReader.read(file)
        case .jats: return try JATSReader.read(file)
        case .arxivOAI: return try ArxivOAIReader.read(file)
        case .dblp: return try DBLPReader.read(file)
        }
    }

    /// The shared real data: `$CITEGRAPH_SHARED_DATA`, else `shared/data` beside the
    /// repository (as the tests find it).
    public static var dataRoot: URL {
        if let path = ProcessInfo.processInfo.environment["CITEGRAPH_SHARED_DATA"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }  // file, ExtractInputs, Sources, Benchmarks, repository
        return url.appendingPathComponent("shared/data")
    }
}
