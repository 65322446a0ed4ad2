import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct MedlineReaderTests {
    static let metaknowledge = "metaknowledge_testfiles_wos_scopus_medline/medline_test.medline"
    static let biopython = "biopython_entrez_medline_fixtures/Medline/"

    /// metaknowledge's medline_test.medline: 175 records (README; `grep -c '^PMID-'`),
    /// 1,275 FAU lines each followed by its AU (`grep -c`), 171 records with a `[doi]`
    /// AID/LID and 4 without AB (counted with a Python split on blank lines).
    @Test func countsOfTheMetaknowledgeFile() throws {
        let file = try RecordFile(path: SharedData.path(Self.metaknowledge))
        #expect(try FormatSniffer.detect(file) == .medline)
        let result = try Extractor.read(file)
        #expect(result.records.count == 175)
        #expect(result.rejects.isEmpty)
        #expect(result.records.reduce(0) { $0 + $1.authors.count } == 1275)
        #expect(result.records.filter { $0.ids.contains { $0.kind == .doi } }.count == 171)
        #expect(result.records.filter { $0.abstract == nil }.count == 4)
        #expect(result.records.allSatisfy { $0.year != nil && $0.ids.first?.kind == .pmid })
    }

    @Test func fieldsOfTheFirstRecord() throws {
        let result = try Extractor.read(try RecordFile(path: SharedData.path(Self.metaknowledge)))
        let r = result.records[0]
        #expect(r.source.line == 2)
        #expect(r.title == "Bioinformatic survey of ABC transporters in dermatophytes.")
        #expect(r.authors == ["Gadzalski, Marek", "Ciesielska, Anita", "Staczek, Pawel"])
        #expect(r.year == 2016)
        #expect(r.ids == [WorkID(kind: .pmid, value: "26524502"), WorkID(kind: .doi, value: "10.1016/j.gene.2015.10.064")])
        #expect(r.venue == "Gene")
        #expect(r.keywords == ["ABC transporters", "Dermatophytes", "Drug resistance", "Phylogenetics"])
        // Six-space continuation lines joined with one space.
        #expect(r.abstract?.hasPrefix("ATP binding cassette (ABC) transporters constitute a very large and ubiquitous superfamily") == true)
        #expect(r.abstract?.hasSuffix("could lead to novel substrate specificity.") == true)
        let second = result.records[1]
        #expect(second.title == "Assessment of the ABC/2 Method of Epidural Hematoma Volume Measurement as Compared to Computer-Assisted Planimetric Analysis.")
        #expect(second.source.line == 76)
    }

    /// Biopython's MEDLINE fixtures: 1, 4 and 1 records (`grep -c '^PMID-'`).
    @Test(arguments: [("pubmed_result1.txt", 1), ("pubmed_result2.txt", 4), ("pubmed_result3.txt", 1)])
    func biopythonFixtures(name: String, count: Int) throws {
        let file = try RecordFile(path: SharedData.path(Self.biopython + name))
        #expect(try FormatSniffer.detect(file) == .medline)
        let result = try Extractor.read(file)
        #expect(result.records.count == count)
        #expect(result.rejects.isEmpty)
    }

    @Test func meshHeadingsAndVenue() throws {
        let one = try Extractor.read(try RecordFile(path: SharedData.path(Self.biopython + "pubmed_result1.txt"))).records[0]
        #expect(one.title == "The Bio* toolkits--a brief overview.")
        #expect(one.authors == ["Mangalam, Harry"])
        #expect(one.year == 2002)
        #expect(one.venue == "Briefings in bioinformatics")
        #expect(one.ids == [WorkID(kind: .pmid, value: "12230038")])
        let two = try Extractor.read(try RecordFile(path: SharedData.path(Self.biopython + "pubmed_result2.txt"))).records
        #expect(two[0].authors == ["Casbon, James A", "Crooks, Gavin E", "Saqi, Mansoor A S"])
        #expect(two[0].keywords.prefix(3) == ["Database Management Systems", "Databases, Protein", "Information Storage and Retrieval"])
        #expect(two[1].title == "GenomeDiagram: a python package for the visualization of large-scale genomic data.")
        #expect(two[1].year == 2006)
        #expect(two[1].venue == "Bioinformatics (Oxford, England)")
        #expect(two[1].ids.contains(WorkID(kind: .doi, value: "10.1093/bioinformatics/btk021")))
    }

    /// An AU with no FAU (older records) becomes "Family, Initials"; a DP without a year,
    /// a junk line and a missing title are rejected with their lines.
    @Test func authorsWithoutFullNamesAndMalformedRecords() throws {
        let text = [
            "PMID- 1", "TI  - Old record", "AU  - Smith JA", "FAU - Doe, Jane", "AU  - Doe J", "DP  - 1987 Mar", "TA  - J Test", "",  // 1–8
            "PMID- 2", "TI  - Bad date", "DP  - unknown", "",  // 9–12
            "PMID- 3", "TI  - Junk", "this is not a tag", "",  // 13–16
            "PMID- 4", "AB  - No title", "",  // 17–19
            "PMID- 5", "TI  - Last", "DP  - 2020",  // 20–22
        ].joined(separator: "\n")
        let result = try MedlineReader.read(RecordFile(path: "m.nbib", bytes: Array(text.utf8)))
        #expect(result.records.map(\.title) == ["Old record", "Last"])
        #expect(result.records[0].authors == ["Smith, JA", "Doe, Jane"])
        #expect(result.records[0].venue == "J Test" && result.records[0].year == 1987)
        #expect(result.rejects.map(\.line) == [11, 15, 17])
        #expect(result.rejects.map(\.field) == ["DP", "line", "TI"])
        #expect(result.records.map(\.source.position) == [0, 4])
    }

    @Test func looksLikeOnlyMedline() {
        #expect(MedlineReader.looksLike(FormatHeads.medline))
        #expect(!MedlineReader.looksLike(FormatHeads.ris))
        #expect(!MedlineReader.looksLike(FormatHeads.bibtex))
        #expect(!MedlineReader.looksLike(FormatHeads.webOfScience))
        #expect(!MedlineReader.looksLike(FormatHeads.webOfScienceNoHeader))
    }
}
