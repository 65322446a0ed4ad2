import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

/// Streamed reading (`Extractor.stream`, chunks of 7 records) against the whole-file readers
/// (`Extractor.read`), on every record file of the shared data and of the extract fixtures,
/// plain and gzip: the same records in order with all their fields, the same rejects with
/// their lines, the same errors, the same digest.
@Suite struct StreamedReadingTests {
    static let chunkSize = 7

    /// Every regular file under the shared data and `Tests/Fixtures/extract`.
    static func recordFiles() -> [String] {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/extract")
        var files: [String] = []
        for root in [SharedData.root, fixtures] {
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                files.append(url.path)
            }
        }
        return files.sorted()
    }

    /// What reading gave: records and rejects, or the error's text.
    struct Outcome: Equatable {
        var records: [PaperRecord] = []
        var rejects: [RejectedRecord] = []
        var error: String? = nil
    }

    static func whole(_ path: String, format: RecordFormat) -> Outcome {
        do {
            let result = try Extractor.read(RecordFile(path: path), format: format)
            return Outcome(records: result.records, rejects: result.rejects)
        } catch {
            return Outcome(error: "\(error)")
        }
    }

    /// The streamed outcome, and the sizes of the chunks it came in.
    static func streamed(_ file: StreamedRecordFile) -> (Outcome, [Int]) {
        var outcome = Outcome()
        var sizes: [Int] = []
        do {
            try Extractor.stream(file, chunkSize: chunkSize) { chunk in
                sizes.append(chunk.records.count + chunk.rejects.count)
                outcome.records += chunk.records
                outcome.rejects += chunk.rejects
            }
        } catch {
            outcome.error = "\(error)"
        }
        return (outcome, sizes)
    }

    /// Compares the two readings of `path` (read as `name`); returns the format streamed, nil
    /// when the file is read whole (or is no record file).
    @discardableResult
    static func compare(_ path: String, name: String) throws -> RecordFormat? {
        guard let file = try? RecordFile(path: path), let format = try? FormatSniffer.detect(file) else { return nil }
        guard let streamedFile = try StreamedRecordFile.open(path: path, displayName: path) else { return nil }
        #expect(streamedFile.format == format, "\(name)")
        #expect(streamedFile.digest == file.digest, "\(name)")
        let reference = whole(path, format: format)
        let (outcome, sizes) = streamed(streamedFile)
        if format == .json, reference.error != nil {
            // Foundation's message for invalid JSON names offsets in what it parsed.
            #expect(outcome.error != nil, "\(name)")
        } else {
            #expect(outcome.error == reference.error, "\(name)")
            #expect(outcome.rejects == reference.rejects, "\(name)")
            #expect(outcome.records.count == reference.records.count, "\(name)")
            for (a, b) in zip(outcome.records, reference.records) where a != b {
                Issue.record("\(name): record \(b.source.position) differs:\n\(a)\n\(b)")
                break
            }
        }
        if reference.error == nil {
            let total = reference.records.count + reference.rejects.count
            #expect(sizes.allSatisfy { $0 <= chunkSize }, "\(name)")
            #expect(sizes.reduce(0, +) == total, "\(name)")
            if total > chunkSize { #expect(sizes.count >= 2, "\(name)") }
        }
        return format
    }

    @Test func everyRecordFileStreamsLikeItReadsWhole() throws {
        var streamed: [RecordFormat: Int] = [:]
        var whole: [String] = []
        for path in Self.recordFiles() {
            if let format = try Self.compare(path, name: path) {
                streamed[format, default: 0] += 1
            } else {
                whole.append(URL(fileURLWithPath: path).lastPathComponent)
            }
        }
        // Every streamed family has real files, several of them.
        for format in StreamedRecordFile.streamableFormats {
            #expect(streamed[format, default: 0] >= 1, "no \(format) file streamed")
        }
        #expect(streamed.values.reduce(0, +) >= 55)
        print("streamed:", streamed.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }, "read whole or no records:", whole)
    }

    /// The same through gzip, for one file of each streamed format.
    @Test func gzipFilesStreamLikeTheyReadWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cg-streamed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var done: Set<RecordFormat> = []
        for path in Self.recordFiles() {
            guard let file = try? RecordFile(path: path), let format = try? FormatSniffer.detect(file),
                StreamedRecordFile.streamableFormats.contains(format), !done.contains(format), file.bytes.count < 4_000_000
            else { continue }
            let gz = dir.appendingPathComponent("\(done.count).gz").path
            try SharedData.gzip(path, to: gz)
            if try Self.compare(gz, name: path + " (gzip)") != nil { done.insert(format) }
        }
        #expect(done.count >= 10)
    }

    /// KRR's two BibTeX files as one database (`krr.bib` cites proceedings in `procs.bib`,
    /// which uses `krr.bib`'s macros), cut in pieces of one entry and of a few kilobytes:
    /// the records and rejects `BibTeXReader.read(_:)` gives for the pair.
    @Test(arguments: [1, 3_000]) func bibTeXDatabaseStreamsLikeItReadsWhole(pieceSize: Int) throws {
        let paths = ["bibtex_krr_potsdam/krr.bib", "bibtex_krr_potsdam/procs.bib"].map(SharedData.path)
        let reference = try BibTeXReader.read(paths.map { try RecordFile(path: $0) })
        let files = try paths.map { try #require(try StreamedRecordFile.open(path: $0)) }
        let database = try BibTeXDatabase(files: files, pieceSize: pieceSize)
        for (index, whole) in reference.enumerated() {
            var outcome = Outcome()
            var chunks = 0
            try database.stream(index, chunkSize: Self.chunkSize) { chunk in
                chunks += 1
                outcome.records += chunk.records
                outcome.rejects += chunk.rejects
            }
            #expect(outcome.rejects == whole.rejects)
            #expect(outcome.records.count == whole.records.count)
            for (a, b) in zip(outcome.records, whole.records) where a != b {
                Issue.record("record \(b.source.position) differs:\n\(a)\n\(b)")
                break
            }
            #expect(chunks > 10)
        }
        // Crossref made a difference: krr.bib's records took booktitles from procs.bib.
        let alone = try BibTeXReader.read(RecordFile(path: paths[0]))
        #expect(alone.records.map(\.venue) != reference[0].records.map(\.venue))
    }
}
