import CiteGraphCore
import CiteGraphExtract
import Foundation
import GRDB
import Testing

@testable import CiteGraphStore

/// References resolved by (first author, year, volume, first page), as Web of Science cited
/// references are written.
@Suite struct BibliographicResolutionTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")

    @Test func keysOfCitationsAndRecordsMeet() {
        let cited = Store.bibliographicKey(ofCitation: "Brevik I, 1979, PHYS REV A, V20, P0012, DOI 10.1103/PhysRevA.20.12")
        let record = Store.bibliographicKey(family: "BREVIK", given: "I.", year: 1979, volume: "20", page: "12")
        #expect(cited != nil && cited == record)
        #expect(Store.bibliographicKey(ofCitation: "Smith J, 2001, NATURE") == nil)  // no volume or page
        #expect(Store.bibliographicKey(ofCitation: "A title, with commas, of no year") == nil)
    }

    /// ManyAuthors.isi: every pair that scripts/eval/wos_bibliographic_matches.py finds
    /// (743, Tests/Fixtures/extract/wos) is a resolved reference in the store.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: BibliographicResolutionTests.data.path), "../shared/data is missing"))
    func manyAuthorsCitationsResolveWithinTheFile() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/extract/wos/manyauthors_bibliographic_pairs.txt")
        func bare(_ ut: Substring) -> String { String(ut.split(separator: ":").last ?? ut).lowercased() }
        let expected = Set(try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").map { line -> String in
            let parts = line.split(separator: " ")
            return bare(parts[0]) + " " + bare(parts[1])
        })
        #expect(expected.count == 743)
        let path = Self.data.appendingPathComponent("metaknowledge_testfiles_wos_scopus_medline/ManyAuthors.isi").path
        let store = try Store(path: FileManager.default.temporaryDirectory.appendingPathComponent("bib-\(UUID().uuidString).sqlite").path)
        defer { try? FileManager.default.removeItem(atPath: store.path) }
        let file = try RecordFile(path: path)
        let result = try Extractor.read(file)
        _ = try store.ingest(IngestBatch(path: path, digest: file.digest, format: result.format.rawValue, records: result.records, rejects: result.rejects))
        try store.resolveReferences()
        let resolved = try store.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.wos, b.wos FROM paper_references r JOIN papers a ON a.id = r.paper_id
                    JOIN papers b ON b.id = r.resolved_paper_id WHERE b.cited_only = 0 AND a.wos IS NOT NULL AND b.wos IS NOT NULL
                    """
            ).map { bare(Substring($0[0] as String)) + " " + bare(Substring($0[1] as String)) }
        }
        let found = Set(resolved)
        let missing = expected.subtracting(found)
        print("ManyAuthors: \(found.count) resolved within-file pairs, \(expected.count - missing.count) of \(expected.count) expected")
        #expect(missing.isEmpty, "missing \(missing.count), e.g. \(missing.prefix(3))")
        // `resolved_references` counts references to papers of the corpus only: at least the
        // 743 pairs found independently, and a small part of the 40,321 references — most
        // cite works outside the file, which become cited-only works.
        let stats = try store.stats()
        #expect(stats.references == 40_321)
        #expect(stats.resolvedReferences >= expected.count && stats.resolvedReferences < 1_000, "\(stats.resolvedReferences)")
        #expect(stats.citedOnly > 0 && stats.citedOnly <= stats.references - stats.resolvedReferences)
    }
}
