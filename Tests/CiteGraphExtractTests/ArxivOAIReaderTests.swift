import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct ArxivOAIReaderTests {
    static let dir = "arxiv_oai_pmh_oai_dc/"

    /// Counts from the dataset README: 1,000 + 1,000 + 265 = 2,265 records, and GetRecord's 1.
    @Test(arguments: [("ListRecords_data_0.xml", 1000), ("ListRecords_data_1.xml", 1000), ("ListRecords_data_2.xml", 265), ("GetRecord_data.xml", 1)])
    func recordCounts(name: String, count: Int) throws {
        let file = try RecordFile(path: SharedData.path(Self.dir + name))
        #expect(try FormatSniffer.detect(file) == .arxivOAI)
        let result = try Extractor.read(file, strict: true)
        #expect(result.records.count == count)
        #expect(result.records.allSatisfy {
            !$0.title.isEmpty && $0.abstract?.isEmpty == false && !$0.authors.isEmpty && $0.year != nil && $0.ids.first?.kind == .arxiv
        })
        #expect(Set(result.records.compactMap { $0.ids.first?.value }).count == count)
    }

    /// ListIdentifiers holds 2,265 headers and no metadata: zero records, zero rejects.
    @Test func listIdentifiersGivesNoRecords() throws {
        let file = try RecordFile(path: SharedData.path(Self.dir + "ListIdentifiers_data.xml"))
        #expect(try FormatSniffer.detect(file) == .arxivOAI)
        let result = try Extractor.read(file, strict: true)
        #expect(result.records.isEmpty && result.rejects.isEmpty)
    }

    /// GetRecord_data.xml (arXiv 2107.10460), checked against the file.
    @Test func fieldsOfGetRecord() throws {
        let r = try #require(try Extractor.read(try RecordFile(path: SharedData.path(Self.dir + "GetRecord_data.xml"))).records.first)
        #expect(r.ids == [WorkID(kind: .arxiv, value: "2107.10460"), WorkID(kind: .doi, value: "10.1038/s41535-022-00470-6")])
        #expect(r.title == "Anomalous High-Field Magnetotransport in CaFeAsF due to the Quantum Hall Effect")
        #expect(r.authors.count == 8 && r.authors.first == "Terashima, Taichi" && r.authors.last == "Mu, Gang")
        #expect(r.abstract?.hasPrefix("CaFeAsF is an iron-based superconductor parent compound") == true)
        #expect(r.abstract?.contains("Comment:") == false)
        #expect(r.year == 2021)
        #expect(r.venue == "npj Quantum Materials 7, 62 (2022)")
        #expect(r.keywords.first == "Condensed Matter - Superconductivity")
        #expect(r.source.line == 8)
    }

    /// The first record of page 0 and an old-style id of page 2.
    @Test func oldAndNewStyleIDs() throws {
        let first = try Extractor.read(try RecordFile(path: SharedData.path(Self.dir + "ListRecords_data_0.xml"))).records[0]
        #expect(first.ids.first == WorkID(kind: .arxiv, value: "0806.4410"))
        #expect(first.title == "Summing the curious series of Kempner and Irwin")
        #expect(first.authors == ["Baillie, Robert"])
        #expect(first.year == 2008)
        let last = try Extractor.read(try RecordFile(path: SharedData.path(Self.dir + "ListRecords_data_2.xml"))).records.last
        #expect(last?.ids.first == WorkID(kind: .arxiv, value: "nlin/0202021"))
        #expect(last?.year == 2002)
    }

    /// The `arXiv` metadata format (no recorded page available: a record written from the
    /// format's schema, http://arxiv.org/OAI/arXiv.xsd), a deleted record, and an OAI error.
    @Test func arXivFormatDeletedRecordAndError() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
            <record><header><identifier>oai:arXiv.org:0704.0001</identifier><datestamp>2008-11-13</datestamp></header>
            <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>0704.0001</id><created>2007-04-02</created>
            <authors><author><keyname>Balázs</keyname><forenames>C.</forenames></author><author><keyname>Berger</keyname><forenames>E. L.</forenames><suffix>Jr</suffix></author></authors>
            <title>Calculation of prompt diphoton production cross sections at Tevatron and
              LHC energies</title><categories>hep-ph</categories><journal-ref>Phys.Rev.D76:013009,2007</journal-ref>
            <doi>10.1103/PhysRevD.76.013009</doi><abstract>  A fully differential calculation in perturbative quantum chromodynamics.
            </abstract></arXiv></metadata></record>
            <record><header status="deleted"><identifier>oai:arXiv.org:0704.0002</identifier></header></record>
            </ListRecords></OAI-PMH>
            """
        let result = try ArxivOAIReader.read(RecordFile(path: "a.xml", bytes: Array(text.utf8)))
        #expect(result.records.count == 1 && result.rejects.isEmpty)
        let r = try #require(result.records.first)
        #expect(r.ids == [WorkID(kind: .arxiv, value: "0704.0001"), WorkID(kind: .doi, value: "10.1103/PhysRevD.76.013009")])
        #expect(r.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies")
        #expect(r.authors == ["Balázs, C.", "Berger, E. L. Jr"])
        #expect(r.year == 2007 && r.venue == "Phys.Rev.D76:013009,2007" && r.keywords == ["hep-ph"])
        let error = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><error code=\"badResumptionToken\">expired</error></OAI-PMH>"
        #expect(throws: ExtractError.self) { try ArxivOAIReader.read(RecordFile(path: "e.xml", bytes: Array(error.utf8))) }
        let none = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><error code=\"noRecordsMatch\"/></OAI-PMH>"
        #expect(try ArxivOAIReader.read(RecordFile(path: "n.xml", bytes: Array(none.utf8))).records.isEmpty)
    }
}
