import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

/// Authors' ORCID iDs from Web of Science (OI), PubMed XML (Author/Identifier) and JATS
/// (contrib-id). The numbers for the shared files were computed by
/// scripts/eval/author_orcid_counts.py (plain Python parsing and ElementTree, independent of
/// citegraph); the shared JATS files have no ORCIDs, so JATS is tested on a hand-written
/// fixture (Tests/Fixtures/extract/jats_orcid_sample.nxml, see its README).
@Suite struct AuthorORCIDTests {
    /// (file, records, records with an ORCID, authors with an ORCID), from the script. The
    /// script also counts the OI entries with an iD (648, 1, 37, 2): 52 of pices' 648 stay
    /// unmatched, mostly names spelt otherwise than in AF ("XIN, YANG" for "Yang, Xin").
    static let webOfScience: [(String, Int, Int, Int)] = [
        ("wos_pices_wg49_savedrecs/savedrecs.txt", 500, 294, 596),
        ("metaknowledge_testfiles_wos_scopus_medline/savedrecs.txt", 32, 1, 1),
        ("metaknowledge_testfiles_wos_scopus_medline/ManyAuthors.isi", 500, 34, 37),
        ("metaknowledge_testfiles_wos_scopus_medline/testFile.isi", 34, 2, 2),
    ]

    @Test func webOfScienceOI() throws {
        for (path, records, withORCID, authors) in Self.webOfScience {
            let result = try Extractor.read(try RecordFile(path: SharedData.path(path)))
            #expect(result.records.count == records, "\(path)")
            let tagged = result.records.filter { !$0.authorORCIDs.isEmpty }
            #expect(tagged.allSatisfy { $0.authorORCIDs.count == $0.authors.count }, "\(path)")
            #expect(tagged.count == withORCID, "\(path): records")
            #expect(tagged.reduce(0) { $0 + $1.authorORCIDs.compactMap { $0 }.count } == authors, "\(path): authors")
        }
    }

    /// The first record of pices' savedrecs.txt: "OI Devaux, Jules/0000-0002-5280-3871;
    /// Bowering, Lyvia/0009-0008-5649-5678", matched through AF to AU "Devaux, J", "Bowering, L".
    @Test func webOfScienceNames() {
        let oi = "Devaux, Jules/0000-0002-5280-3871; Bowering, Lyvia/0009-0008-5649-5678; Nobody, N/0000-0001-5109-3700"
        let names = ["Bowering, L", "Smith, A", "Devaux, J"]
        #expect(WebOfScienceORCIDs.match(oi: oi, names: names, fullNames: ["Bowering, Lyvia", "Smith, Ann", "Devaux, Jules"])
            == ["0009-0008-5649-5678", nil, "0000-0002-5280-3871"])
        // Without AF: family name and first initial against AU; two "Devaux, J" are ambiguous.
        #expect(WebOfScienceORCIDs.match(oi: oi, names: names, fullNames: []) == ["0009-0008-5649-5678", nil, "0000-0002-5280-3871"])
        #expect(WebOfScienceORCIDs.match(oi: oi, names: ["Devaux, J", "Devaux, JP"], fullNames: []).isEmpty)
        #expect(WebOfScienceORCIDs.match(oi: "Devaux, Jules/none", names: names, fullNames: []).isEmpty)
    }

    /// pubmed7.xml: 9 authors, ORCIDs of the 2nd and 7th (script: "- 0000-0002-4590-7461 - -
    /// - - 0000-0003-3525-2788 - -").
    @Test func pubMedIdentifier() throws {
        let result = try Extractor.read(try RecordFile(path: SharedData.path("biopython_entrez_medline_fixtures/Entrez/pubmed7.xml")))
        #expect(result.records.count == 1)
        #expect(result.records[0].authorORCIDs == [nil, "0000-0002-4590-7461", nil, nil, nil, nil, "0000-0003-3525-2788", nil, nil])
        let other = try Extractor.read(try RecordFile(path: SharedData.path("biopython_entrez_medline_fixtures/Entrez/pubmed1.xml")))
        #expect(other.records.allSatisfy { $0.authorORCIDs.isEmpty })
    }

    /// The hand-written JATS fixture: ORCIDs of the 1st and 3rd of four authors (URL and bare
    /// form); the Scopus id and the editor's ORCID are not taken.
    @Test func jatsContribID() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/extract/jats_orcid_sample.nxml").path
        let result = try Extractor.read(try RecordFile(path: path), strict: true)
        #expect(result.format == .jats)
        let record = try #require(result.records.first)
        #expect(record.authors == ["Carberry, Josiah", "Doe, Jane", "Roe, Richard", "Poe, Pat"])
        #expect(record.authorORCIDs == ["0000-0002-1825-0097", nil, "0000-0001-5109-3700", nil])
        #expect(record.volume == "3" && record.firstPage == "e101")
    }
}
