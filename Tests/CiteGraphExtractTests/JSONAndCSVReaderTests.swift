import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct JSONAndCSVReaderTests {
    /// OpenAlex export: 410 works, 2,478 referenced_works, 119 with abstract_inverted_index (README).
    @Test func openAlexArray() throws {
        let dir = SharedData.path("openalex_works_tu9_2022")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasSuffix(".json") })
        let file = try RecordFile(path: dir + "/" + name)
        #expect(try FormatSniffer.detect(file) == .json)
        let result = try Extractor.read(file)
        #expect(result.records.count == 410)
        #expect(result.records.reduce(0) { $0 + $1.references.count } == 2478)
        #expect(result.records.filter { $0.abstract != nil }.count == 119)
        #expect(result.records.allSatisfy { $0.ids.contains { $0.kind == .openalex } })
    }

    /// AMiner DBLP V12: 276 records (README).
    @Test func aminerArray() throws {
        let result = try Extractor.read(try RecordFile(path: SharedData.path("dblp_aminer_v12_sample/dblp_subset.v12.json")))
        #expect(result.records.count == 276)
        #expect(result.records.contains { !$0.authors.isEmpty && $0.year != nil })
    }

    /// arXiv metadata snapshot sample: 200 JSON lines (README).
    @Test func arxivSnapshotLines() throws {
        let file = try RecordFile(path: SharedData.path("arxiv_kaggle_metadata_sample/arxiv-metadata-oai-snapshot.sample.json"))
        #expect(try FormatSniffer.detect(file) == .jsonl)
        let result = try Extractor.read(file)
        #expect(result.records.count == 200)
        #expect(result.records[0].ids.contains(WorkID(kind: .arxiv, value: "0704.0001")))
        #expect(result.records[0].authors.count == 4)
    }

    /// Semantic Scholar paper with references; Crossref work with `reference[]`.
    @Test func semanticScholarAndCrossref() throws {
        let dir = "semantic_scholar_crossref_api_responses/"
        let s2Object = try SharedData.json(dir + "s2_paper__arXiv_1705.10311.json")
        let s2 = try Extractor.read(try RecordFile(path: SharedData.path(dir + "s2_paper__arXiv_1705.10311.json")))
        #expect(s2.records.count == 1)
        #expect(s2.records[0].references.count == (s2Object["references"] as? [Any])?.count)
        #expect(s2.records[0].ids.contains { $0.kind == .s2 })
        let crossrefObject = try SharedData.json(dir + "crossref_work__10.1016_j.softx.2022.101207.json")
        let crossref = try Extractor.read(try RecordFile(path: SharedData.path(dir + "crossref_work__10.1016_j.softx.2022.101207.json")))
        #expect(crossref.records.count == 1)
        #expect(crossref.records[0].title == "litstudy: A Python package for literature reviews")
        #expect(crossref.records[0].references.count == ((crossrefObject["message"] as? [String: Any])?["reference"] as? [Any])?.count)
        #expect(crossref.records[0].ids.contains(WorkID(kind: .doi, value: "10.1016/j.softx.2022.101207")))
    }

    /// litstudy's Scopus export: 58 rows (README), BOM, quoted multi-line fields.
    @Test func scopusCSV() throws {
        let file = try RecordFile(path: SharedData.path("litstudy_testfiles_ris_scopus_ieee_springer/scopus.csv"))
        #expect(try FormatSniffer.detect(file) == .csv)
        let result = try Extractor.read(file)
        #expect(result.records.count == 58)
        #expect(result.rejects.isEmpty)
        #expect(result.records[0].title == "Scalable molecular dynamics with NAMD")
        #expect(result.records[0].year == 2005)
        #expect(result.records[0].authors.first == "Phillips J.C.")
        #expect(result.records[0].ids.contains(WorkID(kind: .doi, value: "10.1002/jcc.20289")))
    }

    @Test func ownJSONLinesFormatAndRejects() throws {
        let text = """
            {"id": "p1", "title": "First", "authors": ["Doe, Jane"], "year": 2020, "references": ["p2", "10.1/x"]}
            not json
            {"id": "p2", "title": "Second", "abstract": "Text.", "keywords": ["graphs"]}

            """
        let result = try Extractor.read(RecordFile(path: "r.jsonl", bytes: Array(text.utf8)))
        #expect(result.format == .jsonl)
        #expect(result.records.count == 2)
        #expect(result.records[0].references == ["p2", "10.1/x"])
        #expect(result.rejects == [RejectedRecord(file: "r.jsonl", line: 2, field: "json", reason: "not a JSON object")])
    }

    @Test func genericCSVWithQuotedNewlines() throws {
        let text = "id,title,year,references\nA,\"Graphs, and\nmore\",2001,B;C\nB,Second,19x9,\n"
        let result = try Extractor.read(RecordFile(path: "t.csv", bytes: Array(text.utf8)))
        #expect(result.records.count == 1)
        #expect(result.records[0].title == "Graphs, and\nmore")
        #expect(result.records[0].references == ["B", "C"])
        #expect(result.rejects == [RejectedRecord(file: "t.csv", line: 4, field: "year", reason: "'19x9' is not a year")])
    }
}

@Suite struct SpreadsheetExportTests {
    /// litstudy's Springer export: 18 rows with "Item Title" / "Item DOI" headers (README).
    @Test func springerCSV() throws {
        let result = try Extractor.read(try RecordFile(path: SharedData.path("litstudy_testfiles_ris_scopus_ieee_springer/springer.csv")))
        #expect(result.records.count == 18)
        #expect(result.records.allSatisfy { !$0.title.isEmpty })
        #expect(result.records.filter { $0.ids.contains { $0.kind == .doi } }.count > 0)
    }

    /// Scopus rows longer than the header (an unnamed "Funding Text 2" column): the EID and
    /// References columns after it are still found (every EID is distinct in the file).
    @Test func scopusRowsWithExtraColumns() throws {
        let result = try Extractor.read(try RecordFile(path: SharedData.path("litstudy_testfiles_ris_scopus_ieee_springer/scopus.csv")))
        let eids = result.records.compactMap { $0.ids.first { $0.kind == .local }?.value }
        #expect(eids.count == 58)
        #expect(Set(eids).count == 58)
        #expect(eids.allSatisfy { $0.hasPrefix("2-s2.0-") })
    }
}
