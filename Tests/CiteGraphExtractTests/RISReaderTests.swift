import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct RISReaderTests {
    static let example = "litstudy_testfiles_ris_scopus_ieee_springer/example.ris"

    /// litstudy's example.ris: 25 records (README; `grep -c 'ER  -'`), 163 AU lines and 264
    /// KW lines (`grep -c`), lines ending in CR LF, blank separators a bare LF, so records
    /// 2–25 start with "\rTY  - ".
    @Test func readsAllRecordsOfTheMixedLineEndingFile() throws {
        let file = try RecordFile(path: SharedData.path(Self.example))
        #expect(try FormatSniffer.detect(file) == .ris)
        let result = try Extractor.read(file)
        #expect(result.records.count == 25)
        #expect(result.rejects.isEmpty)
        #expect(result.records.reduce(0) { $0 + $1.authors.count } == 163)
        #expect(result.records.reduce(0) { $0 + $1.keywords.count } == 264)
        #expect(result.records.allSatisfy { $0.year != nil && $0.abstract != nil })
        // Record 16 ("The role of photonics in future exascale data systems") has an empty DO.
        #expect(result.records.filter { $0.ids.contains { $0.kind == .doi } }.count == 24)
        #expect(result.records[15].ids.isEmpty && result.records[15].authors == ["Yoo, S. J. Ben"])
        #expect(result.records.map(\.source.position) == Array(0..<25))
    }

    /// Record 1 as litstudy's own test describes it (2 authors, 6 keywords, 990-character
    /// abstract) and as the file has it; record 2 starts on line 26.
    @Test func fieldsOfTheFirstRecords() throws {
        let result = try Extractor.read(try RecordFile(path: SharedData.path(Self.example)))
        let first = result.records[0]
        #expect(first.title == "The European Approach to the Exascale Challenge")
        #expect(first.year == 2019)
        #expect(first.authors == ["Kalbe, G.", "Kalbe, G."])
        #expect(first.keywords.count == 6 && first.keywords.first == "Exascale computing")
        #expect(first.abstract?.count == 990)
        #expect(first.ids == [WorkID(kind: .doi, value: "10.1109/MCSE.2018.2884139")])
        #expect(first.venue == "Computing in Science & Engineering")
        #expect(first.source.line == 1 && first.source.format == "ris")
        let second = result.records[1]
        #expect(second.title == "Reference Exascale Architecture")
        #expect(second.source.line == 26)
        #expect(second.authors.first == "Bobák, M.")
        #expect(second.authors.contains("Belloum, A. S. Z."))
        #expect(second.ids.first?.value == "10.1109/escience.2019.00063")
        #expect(second.venue == "2019 15th International Conference on eScience (eScience)")
    }

    @Test func continuationLinesAlternativeTagsAndIds() throws {
        let text = """
            TY  - JOUR
            T1  - A title that is
            wrapped over two lines
            A1  - Doe, Jane
            AU  - Ludwig van Beethoven
            Y1  - 1999/05/01/
            JF  - Journal of Tests
            N2  - Abstract here.
            KW  - alpha; beta
            KW  - gamma
            UR  - https://arxiv.org/abs/2101.00001v2
            ID  - ref-7
            ER  -
            """
        let result = try RISReader.read(RecordFile(path: "t.ris", bytes: Array(text.utf8)))
        #expect(result.rejects.isEmpty)
        let r = try #require(result.records.first)
        #expect(r.title == "A title that is wrapped over two lines")
        #expect(r.authors == ["van Beethoven, Ludwig", "Doe, Jane"])
        #expect(r.year == 1999)
        #expect(r.venue == "Journal of Tests")
        #expect(r.abstract == "Abstract here.")
        #expect(r.keywords == ["alpha", "beta", "gamma"])
        #expect(r.ids == [WorkID(kind: .arxiv, value: "2101.00001"), WorkID(kind: .local, value: "ref-7")])
    }

    /// A record without a title, a year field without a year, stray tagged lines and a
    /// truncated last record are rejected with their lines; the good records are read.
    @Test func malformedRecordsAreRejectedWithTheirLines() throws {
        let text = [
            "TY  - JOUR", "TI  - Good one", "PY  - 2001", "ER  - ", "",  // 1–5
            "TY  - JOUR", "AU  - Doe, J", "ER  - ", "",  // 6–9: no title
            "TY  - JOUR", "TI  - Bad year", "PY  - n.d.", "ER  - ", "",  // 10–14
            "TI  - Outside", "ER  - ", "",  // 15–17: no TY
            "TY  - JOUR", "TI  - Good two", "ER  - ", "",  // 18–21
            "TY  - JOUR", "TI  - Cut",  // 22–23
        ].joined(separator: "\r\n")
        let result = try RISReader.read(RecordFile(path: "bad.ris", bytes: Array(text.utf8)))
        #expect(result.records.map(\.title) == ["Good one", "Good two"])
        #expect(result.rejects.map(\.line) == [6, 12, 15, 22])
        #expect(result.rejects.map(\.field) == ["TI", "PY", "TY", "ER"])
        #expect(throws: ExtractError.self) { try Extractor.read(RecordFile(path: "bad.ris", bytes: Array(text.utf8)), format: .ris, strict: true) }
    }

    @Test func looksLikeOnlyRIS() {
        #expect(RISReader.looksLike("TY  - JOUR\r\nTI  - x\r\n"))
        #expect(RISReader.looksLike("\u{FEFF}\n\nTY  - CONF\n"))
        #expect(!RISReader.looksLike(FormatHeads.medline))
        #expect(!RISReader.looksLike(FormatHeads.bibtex))
        #expect(!RISReader.looksLike(FormatHeads.webOfScience))
        #expect(!RISReader.looksLike(FormatHeads.webOfScienceNoHeader))
    }
}

/// The first lines of each tagged text format, for the `looksLike` tests.
enum FormatHeads {
    static let ris = "TY  - JOUR\r\nTI  - The European Approach\r\nAU  - G. Kalbe\r\nER  - \r\n"
    static let medline = "\nPMID- 26524502\nOWN - NLM\nSTAT- In-Data-Review\nTI  - Bioinformatic survey.\nFAU - Gadzalski, Marek\n"
    static let bibtex = "% KRR bibliography\n@string{aaai = {Proceedings of AAAI}}\n\n@article{key1,\n  title = {T},\n}\n"
    static let webOfScience = "FN Thomson Reuters Web of Science\nVR 1.0\nPT J\nAU Doe, J\nTI A title\nER\n"
    /// A WoS record without the FN/VR header: two-letter tags without " - ".
    static let webOfScienceNoHeader = "PT J\nAU Doe, J\nTI A title\nPY 2001\nER\n"
}
