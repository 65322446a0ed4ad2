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

    /// A pipeline on an open store (a second one works on the same store from another thread).
    init(store: Store, progress: ProgressReporter) {
        self.store = store
        self.progress = progress
    }

    /// Opens (or creates) the store at `databasePath`.
    public init(databasePath: String, progress: ProgressReporter = ProgressReporter(mode: .quiet)) throws {
        self.store = try Store(path: databasePath)
        self.progress = progress
    }

    /// Stores record files in one transaction, so a bad file leaves the store as it was.
    /// Files already ingested (same content) are skipped.
    ///
    /// Files are read in chunks of records while the previous chunk is stored (see
    /// `StreamedIngest`), so their size does not bound memory: JSON Lines, the XML formats,
    /// Web of Science, RIS, MEDLINE, key-value, CSV/TSV, JSON arrays and BibTeX (the BibTeX
    /// files given together form one database, `BibTeXDatabase`, which keeps their macros
    /// and the entries named by `crossref`). Read whole before anything is stored: edge
    /// lists (a node's record gathers its links from the whole file), daily-papers pages, a
    /// JSON document that is one object (an API page), and UTF-16 text (transcoded whole;
    /// with a UTF-16 BibTeX file, all the BibTeX files are read whole together).
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
        var inputs: [IngestInput] = []
        var wholeFiles: [(index: Int, file: RecordFile, digest: String, format: RecordFormat)] = []
        var legacyDigests: [Int: @Sendable () throws -> String] = [:]
        for (i, path) in paths.enumerated() {
            let name = displayNames?[i] ?? path
            if let streamed = try StreamedRecordFile.open(path: path, displayName: name, format: format, digest: false) {
                inputs.append(.streamed(streamed))
                continue
            }
            let file = try RecordFile(path: path)
            let named = RecordFile(path: name, bytes: file.bytes)
            wholeFiles.append((inputs.count, named, file.digest, try format ?? FormatSniffer.detect(named)))
            legacyDigests[inputs.count] = { file.legacyDigest }
            inputs.append(.pending)
        }
        // BibTeX files given together form one database, so crossref resolves across them:
        // streamed together, or read whole together when one of them must be read whole.
        var bibTeXMembers: [Int: Int] = [:]
        var bibTeXDatabase: BibTeXDatabase? = nil
        let streamedBibTeX = inputs.indices.filter { if case .streamed(let f) = inputs[$0] { f.format == .bibtex } else { false } }
        if wholeFiles.contains(where: { $0.format == .bibtex }) {
            for index in streamedBibTeX {
                guard case .streamed(let f) = inputs[index] else { continue }
                let file = try RecordFile(path: f.path)
                wholeFiles.append((index, RecordFile(path: f.displayName, bytes: file.bytes), file.digest, .bibtex))
                legacyDigests[index] = { file.legacyDigest }
                inputs[index] = .pending
            }
            wholeFiles.sort { $0.index < $1.index }
        } else if !streamedBibTeX.isEmpty {
            var files: [StreamedRecordFile] = []
            for index in streamedBibTeX {
                guard case .streamed(let f) = inputs[index] else { continue }
                bibTeXMembers[index] = files.count
                files.append(f)
            }
            bibTeXDatabase = try BibTeXDatabase(files: files)
        }
        let bibtex = wholeFiles.filter { $0.format == .bibtex }
        var results: [Int: ExtractResult] = [:]
        if bibtex.count > 1 {
            for (entry, result) in zip(bibtex, try BibTeXReader.read(bibtex.map(\.file))) {
                if strict, let reject = result.rejects.first { throw reject.error }
                results[entry.index] = result
            }
        }
        for (done, entry) in wholeFiles.enumerated() {
            let result = try results[entry.index] ?? Extractor.read(entry.file, format: entry.format, strict: strict)
            inputs[entry.index] = .whole(
                IngestBatch(
                    path: entry.file.path, digest: entry.digest, format: result.format.rawValue, records: result.records,
                    rejects: result.rejects))
            progress.update(done + 1)
        }
        progress.finish("read \(wholeFiles.count) file(s) whole, \(inputs.count - wholeFiles.count) to stream")
        progress.begin("storing", total: inputs.count)
        let summaries = try store.withIngestSession { session in
            var summaries: [IngestSummary] = []
            for (i, input) in inputs.enumerated() {
                var background: BackgroundDigest?
                switch input {
                case .whole(let batch):
                    if try session.beginFile(path: batch.path, digest: batch.digest, format: batch.format, legacyDigest: legacyDigests[i]) {
                        try session.store(PreparedRecords(batch.records))
                        try session.store(rejects: batch.rejects)
                    }
                case .streamed(let file):
                    // Into a store without files the digest cannot match a stored one: it is
                    // computed on another thread while the file is stored, not in a pass before.
                    let deferred = try session.mayDeferDigest()
                    let digest = deferred ? nil : try StreamedRecordFile.contentDigest(path: file.path)
                    let legacy = { try StreamedRecordFile.legacyContentDigest(path: file.path) }
                    if try session.beginFile(path: file.displayName, digest: digest, format: file.format.rawValue, legacyDigest: legacy) {
                        if deferred { background = BackgroundDigest(path: file.path) }
                        if let bibTeXDatabase, let member = bibTeXMembers[i] {
                            try StreamedIngest.store(member, of: bibTeXDatabase, into: session, strict: strict)
                        } else {
                            try StreamedIngest.store(file, into: session, strict: strict)
                        }
                    }
                case .pending:
                    preconditionFailure("every whole file is read before storing")
                }
                summaries.append(try session.endFile(digest: background?.wait()))
                progress.update(i + 1)
            }
            return summaries
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
