import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct DailyPapersReaderTests {
    /// Counts per page, read off the files by hand: compact pages have 2 header lines then
    /// title/abstract pairs; the spaced page (003) has a 6-line header and blank separators.
    @Test func readsEveryRecordOfTheFiveRealPages() throws {
        let expected = ["000": 146, "001": 230, "002": 119, "003": 57, "004": 119]
        var total = 0
        for path in SampleCorpus.files {
            let file = try RecordFile(path: path)
            #expect(try FormatSniffer.detect(file) == .dailyPapers)
            let result = try Extractor.read(file)
            let name = String(URL(fileURLWithPath: path).lastPathComponent.prefix(3))
            #expect(result.records.count == expected[name], "\(name)")
            #expect(result.rejects.isEmpty)
            total += result.records.count
        }
        #expect(total == 671)
    }

    @Test func compactLayoutUnglues() throws {
        let file = try RecordFile(path: SampleCorpus.files[0])
        let records = try Extractor.read(file).records
        #expect(records[0].title == "Understanding Transformer Reasoning Capabilities via Graph Algorithms")
        #expect(records[0].abstract?.hasPrefix("Which transformer scaling regimes") == true)
        #expect(records[0].source.line == 3)
        #expect(records[1].title == "Positional Attention: Expressivity and Learnability of Algorithmic Computation")
        #expect(records[1].source.line == 5)
    }

    @Test func spacedLayoutSkipsHeaderAndDate() throws {
        let path = SampleCorpus.files.first { $0.contains("003_") }!
        let records = try Extractor.read(try RecordFile(path: path)).records
        #expect(records[0].title == "Probabilistic Programming with Programmable Variational Inference")
        #expect(records[0].source.line == 13)
        #expect(records[1].title == "PowerNorm: Rethinking Batch Normalization in Transformers")
        #expect(records.last?.title == "Model Sparsity Can Simplify Machine Unlearning")
    }

    @Test func titleWithoutAbstractIsRejectedWithItsLine() throws {
        let text = "Get trending papers in your email inbox!\nSubscribeA Title\nAn abstract.\nOrphan Title\n"
        let file = RecordFile(path: "page.txt", bytes: Array(text.utf8))
        let result = try Extractor.read(file)
        #expect(result.records.count == 1)
        #expect(result.rejects == [RejectedRecord(file: "page.txt", line: 4, field: "abstract", reason: "title has no abstract line after it")])
        #expect(throws: ExtractError.malformed(path: "page.txt", line: 4, field: "abstract", reason: "title has no abstract line after it")) {
            try Extractor.read(file, strict: true)
        }
    }

    @Test func badInputsNameTheFile() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing.txt").path
        #expect(throws: ExtractError.fileNotFound(path: missing)) { try RecordFile(path: missing) }
        #expect(throws: ExtractError.isDirectory(path: dir.path)) { try RecordFile(path: dir.path) }
        let empty = dir.appendingPathComponent("empty.txt").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: ExtractError.emptyFile(path: empty)) { try RecordFile(path: empty) }
        let other = dir.appendingPathComponent("notes.txt").path
        _ = FileManager.default.createFile(atPath: other, contents: Data("Shopping list\nmilk\n".utf8))
        let error = #expect(throws: ExtractError.self) { try Extractor.read(try RecordFile(path: other)) }
        #expect(error?.errorDescription?.contains(other) == true)
        #expect(throws: ExtractError.self) { try Extractor.read(try RecordFile(path: other), format: .dailyPapers) }
    }

    @Test func invalidUTF8NamesTheLine() throws {
        var bytes = Array("Get trending papers in your email inbox!\nSubscribeTitle\n".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        let file = RecordFile(path: "latin.txt", bytes: bytes)
        let error = #expect(throws: ExtractError.self) { try Extractor.read(file) }
        guard case .encoding(let path, let line, _) = error else {
            Issue.record("expected an encoding error, got \(String(describing: error))")
            return
        }
        #expect(path == "latin.txt" && line == 3)
    }
}
