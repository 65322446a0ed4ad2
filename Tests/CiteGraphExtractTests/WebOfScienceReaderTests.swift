import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct WebOfScienceReaderTests {
    static let dir = "metaknowledge_testfiles_wos_scopus_medline/"

    /// Counts from peer_metrics_*.json (records, cited_reference_entries) and the README.
    @Test(arguments: ["testFile.isi", "savedrecs.txt", "ManyAuthors.isi"])
    func recordAndReferenceCounts(name: String) throws {
        let peer = try SharedData.json(Self.dir + "peer_metrics_\(name).json")
        let file = try RecordFile(path: SharedData.path(Self.dir + name))
        #expect(try FormatSniffer.detect(file) == .webOfScience)
        let result = try Extractor.read(file)
        #expect(result.records.count == peer["records"] as? Int)
        #expect(result.records.reduce(0) { $0 + $1.references.count } == peer["cited_reference_entries"] as? Int)
        #expect(result.rejects.isEmpty)
    }

    @Test func fieldsOfOnePaper() throws {
        let result = try Extractor.read(try RecordFile(path: SharedData.path(Self.dir + "OnePaper.isi")))
        #expect(result.records.count == 1)
        let r = result.records[0]
        #expect(!r.title.isEmpty && !r.title.contains("   "))
        #expect(r.ids.contains { $0.kind == .wos })
        #expect(!r.authors.isEmpty)
        #expect(r.year != nil)
    }

    /// metaknowledge's deliberately broken file: records were cut out and the EF marker is
    /// missing; the complete records are read and the truncation is reported (strict fails).
    @Test func badFileIsReportedNotSwallowed() throws {
        let file = try RecordFile(path: SharedData.path(Self.dir + "badFile.isi"))
        let result = try Extractor.read(file)
        #expect(result.records.count == 32)
        #expect(result.rejects.count == 1)
        #expect(result.rejects.first?.field == "EF")
        #expect(throws: ExtractError.self) { try Extractor.read(file, strict: true) }
    }

    @Test func truncatedRecordAndBadLine() throws {
        let text = "FN Web of Science\nVR 1.0\nPT J\nAU Doe, J\nTI Good\nPY 2001\nER\nPT J\nTI Broken\nthis line is junk\nER\nPT J\nTI Cut"
        let result = try Extractor.read(RecordFile(path: "w.txt", bytes: Array(text.utf8)))
        #expect(result.records.map(\.title) == ["Good"])
        #expect(result.rejects.map(\.line) == [10, 12])
    }
}
