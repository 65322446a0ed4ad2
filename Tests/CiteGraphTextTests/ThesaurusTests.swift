import Foundation
import Testing
@testable import CiteGraphText

@Suite("VOSviewer thesaurus")
struct ThesaurusTests {
    @Test func parsesVOSviewerFormat() throws {
        let text = "\u{FEFF}label\treplace by\r\nconvnet\tconvolutional network\r\n\nkernel\t\r\nneural nets\tneural networks\n"
        let t = try Thesaurus(parsing: text, fileName: "thesaurus.txt")
        #expect(t.entries == [
            .init(label: "convnet", replacement: "convolutional network"),
            .init(label: "kernel", replacement: nil),
            .init(label: "neural nets", replacement: "neural networks"),
        ])
    }

    @Test func malformedLinesNameFileAndLine() {
        #expect(throws: TextError.malformedThesaurus(file: "t.txt", line: 3, reason: "expected \"label<TAB>replacement\" (no tab in \"convnet convolutional network\")")) {
            try Thesaurus(parsing: "label\treplace by\na\tb\nconvnet convolutional network\n", fileName: "t.txt")
        }
        do {
            _ = try Thesaurus(parsing: "term\treplacement\n", fileName: "t.txt")
            Issue.record("missing header accepted")
        } catch {
            #expect(error.errorDescription?.hasPrefix("t.txt:1: malformed thesaurus line") == true)
        }
        #expect(throws: TextError.self) { try Thesaurus(parsing: "label\treplace by\n\tb\n") }
        #expect(throws: TextError.self) { try Thesaurus(parsing: "") }
    }

    @Test func readsFileAndReportsMissingFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citegraph-thesaurus-\(UUID().uuidString).txt")
        try "label\treplace by\ngnn\tgraph neural network\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try Thesaurus(contentsOf: url).entries.count == 1)
        #expect(throws: TextError.self) { try Thesaurus(contentsOf: url.appendingPathExtension("missing")) }
    }

    @Test func mergesAndDropsTermsBeforeWeighting() throws {
        let docs = ["convolutional networks, kernel", "convnet, kernel", "convnets, tensor", "lattice, tensor"]
        var o = KeyPhraseExtractor.Options()
        o.minDocumentFrequency = 1; o.maxDocumentFrequencyRatio = 1
        o.thesaurus = try Thesaurus(parsing: "label\treplace by\nconvnet\tconvolutional network\nkernel\t\n")
        let model = try KeyPhraseExtractor(o).extract(documents: docs)
        let merged = try #require(model.term(matching: "convolutional networks"))
        #expect(merged.label == "convolutional network")  // the thesaurus spelling
        #expect(merged.df == 3)
        #expect(merged.frequency == 3)
        #expect(model.term(matching: "kernel") == nil)
        #expect(model.term(matching: "convnet") == nil)
        // Weighting uses the merged df: idf = ln(5/4) + 1 for df 3 of N 4.
        let row = model.vector(ofDocument: 1)
        #expect(row.indices == [merged.id])
        #expect(abs(row.values[0] - 1) < 1e-12)
    }
}
