import CiteGraphCore
import CiteGraphExtract
import CiteGraphStore
import Foundation

/// The citegraph pipeline: ingest → build → rank → cluster → report, over one store.
///
/// The command line and library users call this; each step is idempotent and stores its
/// results with its parameters.
public final class Pipeline: Sendable {
    public let store: Store
    public let progress: ProgressReporter

    /// Opens (or creates) the store at `databasePath`.
    public init(databasePath: String, progress: ProgressReporter = ProgressReporter(mode: .quiet)) throws {
        self.store = try Store(path: databasePath)
        self.progress = progress
    }

    /// Reads every file first and stores them only when all were read, so a bad file leaves
    /// the store as it was. Files already ingested (same content) are skipped.
    ///
    /// - Parameters:
    ///   - paths: record files.
    ///   - displayNames: how each file is named in provenance (defaults to the path).
    ///   - format: the reader to use; sniffed from content when nil.
    ///   - strict: any malformed record fails its file and nothing is stored.
    /// - Throws: `ExtractError` or `StoreError` naming the file.
    public func ingest(paths: [String], displayNames: [String]? = nil, format: RecordFormat? = nil, strict: Bool = false) throws
        -> [IngestSummary]
    {
        progress.begin("reading", total: paths.count)
        var files: [(file: RecordFile, digest: String, format: RecordFormat)] = []
        for (i, path) in paths.enumerated() {
            let name = displayNames?[i] ?? path
            let file = try RecordFile(path: path)
            let named = RecordFile(path: name, bytes: file.bytes)
            files.append((named, file.digest, try format ?? FormatSniffer.detect(named)))
        }
        // BibTeX files given together form one database, so crossref resolves across them.
        let bibtex = files.indices.filter { files[$0].format == .bibtex }
        var results: [Int: ExtractResult] = [:]
        if bibtex.count > 1 {
            for (i, result) in zip(bibtex, try BibTeXReader.read(bibtex.map { files[$0].file })) {
                if strict, let reject = result.rejects.first { throw reject.error }
                results[i] = result
            }
        }
        var batches: [IngestBatch] = []
        for (i, entry) in files.enumerated() {
            let result = try results[i] ?? Extractor.read(entry.file, format: entry.format, strict: strict)
            batches.append(
                IngestBatch(
                    path: entry.file.path, digest: entry.digest, format: result.format.rawValue, records: result.records,
                    rejects: result.rejects))
            progress.update(i + 1)
        }
        progress.finish("read \(batches.count) file(s): \(batches.reduce(0) { $0 + $1.records.count }) records")
        progress.begin("storing", total: batches.count)
        var summaries: [IngestSummary] = []
        for (i, batch) in batches.enumerated() {
            summaries.append(try store.ingest(batch, strict: strict))
            progress.update(i + 1)
        }
        let records = summaries.reduce(0) { $0 + $1.records }
        let newPapers = summaries.reduce(0) { $0 + $1.newPapers }
        let rejects = summaries.reduce(0) { $0 + $1.rejects }
        let skipped = summaries.filter(\.alreadyIngested).count
        progress.finish(
            "ingested \(paths.count) file(s): \(records) records, \(newPapers) new papers, \(rejects) rejected"
                + (skipped > 0 ? ", \(skipped) already ingested" : ""))
        return summaries
    }

    /// Ingests the bundled sample corpus (five daily-papers pages).
    public func ingestSampleCorpus() throws -> [IngestSummary] {
        let files = try BundledSample.files()
        return try ingest(paths: files, displayNames: files.map { "sample/" + URL(fileURLWithPath: $0).lastPathComponent })
    }

    /// Counts of everything stored.
    public func stats() throws -> StoreStats { try store.stats() }
}
