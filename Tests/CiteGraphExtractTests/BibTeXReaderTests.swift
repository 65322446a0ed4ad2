import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct BibTeXReaderTests {
    static let krr = "bibtex_krr_potsdam/krr.bib"
    static let procs = "bibtex_krr_potsdam/procs.bib"

    /// Tests/Fixtures/extract/bibtex/bibtex_reference.json, written by bibtex_reference.py with
    /// bibtexparser 2.1.0 (see the README there).
    static func reference(_ name: String) throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/extract/bibtex/bibtex_reference.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return (json?["files"] as? [String: Any])?[name] as? [String: Any] ?? [:]
    }

    /// Entry counts and keys (in file order) equal bibtexparser's: krr.bib 3,195 entries
    /// (3,309 `@` lines less 114 `@string`), procs.bib 544; no failed blocks.
    @Test(arguments: ["krr.bib", "procs.bib"])
    func entriesAndKeysMatchBibtexparser(name: String) throws {
        let reference = try Self.reference(name)
        let file = try RecordFile(path: SharedData.path("bibtex_krr_potsdam/" + name))
        #expect(try FormatSniffer.detect(file) == .bibtex)
        let result = try Extractor.read(file)
        #expect(result.rejects.isEmpty)
        #expect(result.records.count == reference["entries"] as? Int)
        #expect(result.records.map { $0.ids[0].value } == reference["keys"] as? [String])
        #expect(result.records.filter { $0.ids.contains { $0.kind == .doi } }.count == reference["with_doi"] as? Int)
        #expect(result.records.map(\.source.position) == Array(0..<result.records.count))
    }

    /// krr.bib's `abdsch99a` has `crossref = {aaai99}`, an @proceedings in procs.bib whose
    /// publisher is krr.bib's macro `aaaimit`. Read together, the paper takes the year and
    /// booktitle of the proceedings; read alone, the crossref is unresolved and the paper
    /// keeps only its own fields.
    @Test func crossrefAcrossFiles() throws {
        let files = [try RecordFile(path: SharedData.path(Self.krr)), try RecordFile(path: SharedData.path(Self.procs))]
        let results = try BibTeXReader.read(files)
        #expect(results.map(\.records.count) == [3195, 544])
        #expect(results.allSatisfy { $0.rejects.isEmpty })
        let paper = try #require(results[0].records.first { $0.ids.first?.value == "abdsch99a" })
        #expect(paper.title == "Nurse Scheduling using Constraint Logic Programming")
        #expect(paper.authors == ["S. Abdennadher", "H. Schlenker"])
        #expect(paper.year == 1999)
        #expect(paper.venue == "Proceedings of the Sixteenth National Conference on Artificial Intelligence (AAAI'99)")
        #expect(paper.ids == [WorkID(kind: .local, value: "abdsch99a")])  // the proceedings' ids are not inherited
        // Entries without a year of their own or of their crossref parent: 8, the same keys as
        // a bibtexparser 2.1.0 check (fields_dict 'year', crossref looked up case-insensitively).
        #expect(
            results[0].records.filter { $0.year == nil }.map { $0.ids[0].value }
                == ["asparagus", "badamo07a", "dlvManual", "fansch19a", "geffner90", "lifschitz:xx", "potassco", "potasscoManual"])
        let alone = try BibTeXReader.read(files[0]).records.first { $0.ids.first?.value == "abdsch99a" }
        #expect(alone?.year == nil && alone?.venue == nil)
    }

    @Test func crossrefWithinOneFile() throws {
        let text = """
            @inproceedings{child, title = {Paper}, author = {A. One}, crossref = {conf01}, pages = {1--2}}
            @proceedings{conf01, title = {Proc. of Conf 2001}, editor = {E. Ditor}, year = 2001,
              publisher = {P}, doi = {10.1/proc}, note = {Not inherited}}
            @inproceedings{own, title = {Own booktitle}, booktitle = {Kept}, crossref = {CONF01}}
            """
        let result = try BibTeXReader.read(RecordFile(path: "c.bib", bytes: Array(text.utf8)))
        #expect(result.rejects.isEmpty)
        let child = result.records[0]
        #expect(child.year == 2001)
        #expect(child.venue == "Proc. of Conf 2001")  // the parent's title as booktitle
        #expect(child.ids == [WorkID(kind: .local, value: "child")])
        #expect(result.records[2].venue == "Kept" && result.records[2].year == 2001)  // keys match in any case
    }

    /// Real names from krr.bib with their TeX escapes.
    @Test func realAccentedNames() throws {
        let records = try Extractor.read(try RecordFile(path: SharedData.path(Self.krr))).records
        func authors(_ key: String) -> [String] { records.first { $0.ids.first?.value == key }?.authors ?? [] }
        #expect(authors("abcacechcolesttazd03a")[2] == "U. Çetintemel")
        let names = Set(records.flatMap(\.authors))
        for name in ["I. Abío", "H. Aït-Kaci", "E. Ábrahám", "M. Fränzle", "C. Alchourrón", "M. Truszczyński", "W. Dvořák", "A. Erdős", "W. Łukaszewicz", "M. Glaß", "N. Bjørner", "M. D'Agostino"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(!records.contains { ($0.title + $0.authors.joined() + ($0.venue ?? "")).contains("\\") })
    }

    @Test(arguments: [
        (#"M{\"u}ller"#, "Müller"), (#"M\"uller"#, "Müller"), (#"Caf\'e"#, "Café"), (#"{\'E}cole"#, "École"), (#"Stra{\ss}e"#, "Straße"),
        (#"Gro\ss e"#, "Große"), (#"Ab{\'\i}o"#, "Abío"), (#"A{\"\i}t"#, "Aït"), (#"{\c{C}}etintemel"#, "Çetintemel"), (#"Fran\c cois"#, "François"),
        (#"Dvo{\v{r}}{\'a}k"#, "Dvořák"), (#"Erd{\H{o}}s"#, "Erdős"), (#"{\L}ukasz {\o} {\aa} {\ae}"#, "Łukasz ø å æ"), (#"Espa\~{n}a"#, "España"),
        (#"\^{o}\`{a}\={a}\.{z}\u{a}\k{e}\r{u}"#, "ôàāżăęů"), (##"Tom \& Jerry, 50\%, \#SAT, \$5, a\_b"##, "Tom & Jerry, 50%, #SAT, $5, a_b"),
        ("pages 1--2 --- done", "pages 1–2 — done"), (#"{\em Emphasis} and \emph{this} \textbf{bold} \texttt{tt}"#, "Emphasis and this bold tt"),
        (#"``quoted''"#, "“quoted”"), ("a~b", "a b"), (#"{D}'\relax Agostino"#, "D'Agostino"), (#"Action Language $\mathcal{C}$"#, "Action Language C"),
        (#"$\alpha$-$\beta$ and $O(n^2)$"#, "α-β and O(n2)"), (#"{{Double}} {B}races"#, "Double Braces"), (#"ASP\{f\}"#, "ASP{f}"),
        (#"extended version of \cite{nicsch98}."#, "extended version of ."), ("line\n   break", "line break"), (#"\~{}"#, "~"),
    ])
    func latexToUnicode(input: String, expected: String) {
        #expect(LaTeXText.toUnicode(input) == expected)
    }

    @Test func authorListsAreSplitOnAndOutsideBraces() {
        #expect(BibTeXReader.authors("A. One and B. Two AND C. Three\nand {Barnes and Noble}") == ["A. One", "B. Two", "C. Three", "Barnes and Noble"])
        #expect(BibTeXReader.authors("Doe, John and M{\\\"u}ller, J. and others") == ["Doe, John", "Müller, J."])
        #expect(BibTeXReader.authors("Alexander Anderson and Sandy Andrews") == ["Alexander Anderson", "Sandy Andrews"])
    }

    /// @string macros and `#`, numbers, quoted values, parentheses, @preamble/@comment and
    /// text between entries, identifiers and keywords.
    @Test func valuesMacrosAndIds() throws {
        let text = #"""
            % a comment line
            @preamble{ "\newcommand{\noopsort}[1]{}" }
            @comment{ anything {nested} here }
            @STRING{ jai = "Journal of " }
            @string(ai = jai # {Artificial} # " Intelligence")
            Free text between entries is ignored.
            @Article(key:1,
              Title = "A {"}quoted{"} {T}itle",
              AUTHOR = {Doe, Jane and Roe, R.},
              journal = ai,
              year = 2020,
              month = jan,
              doi = {https://doi.org/10.1000/ABC\_1},
              eprint = {2101.00001v3}, archivePrefix = {arXiv},
              pmid = {123},
              keywords = {logic; answer set programming, {SAT}},
              abstract = {An {\em abstract}.},
            )
            @misc{key2, title = {No arXiv}, eprint = {hep-th/9901001}, eprinttype = {other}, year = {in press}}
            """#
        let result = try BibTeXReader.read(RecordFile(path: "v.bib", bytes: Array(text.utf8)))
        #expect(result.rejects.isEmpty)
        #expect(result.records.count == 2)
        let r = result.records[0]
        #expect(r.title == "A \"quoted\" Title")
        #expect(r.authors == ["Doe, Jane", "Roe, R."])
        #expect(r.venue == "Journal of Artificial Intelligence")
        #expect(r.year == 2020)
        #expect(r.ids == [WorkID(kind: .local, value: "key:1"), WorkID(kind: .doi, value: "10.1000/abc_1"), WorkID(kind: .arxiv, value: "2101.00001"), WorkID(kind: .pmid, value: "123")])
        #expect(r.keywords == ["logic", "answer set programming", "SAT"])
        #expect(r.abstract == "An abstract.")
        #expect(r.source.line == 7)
        #expect(result.records[1].ids == [WorkID(kind: .local, value: "key2")])
        #expect(result.records[1].year == nil)
    }

    /// An entry whose braces never close is rejected with its line and reading resumes at
    /// the next `@` at the start of a line; so are a missing `=`, a missing title and
    /// junk after a value.
    @Test func malformedEntriesAreRejectedAndTheRestRead() throws {
        let text = """
            @article{good1, title = {One}, year = {2001}}

            @article{open, title = {Never {closed}, year = {2002},
              journal = {J}
            }

            @article{noeq, title {Two}}
            @article{notitle, author = {A. B.}}
            @article{junk, title = {Three} extra, year = 2003}
            @article{good2, title = "Four", year = 2004}
            @article{eof, title = {Five
            """
        let result = try BibTeXReader.read(RecordFile(path: "m.bib", bytes: Array(text.utf8)))
        #expect(result.records.map(\.title) == ["One", "Four"])
        #expect(result.records.map(\.source.position) == [0, 5])
        #expect(result.rejects.map(\.line) == [3, 7, 8, 9, 11])
        #expect(result.rejects[0].reason.contains("unbalanced braces"))
        #expect(result.rejects[0].reason.contains("line 7"))
        #expect(result.rejects.map(\.field) == ["article", "article", "title", "article", "article"])
    }

    /// krr.bib with one closing brace deleted (`abcacechcolesttazd03a`, line 256): that entry
    /// alone is rejected, with its line, and the other 3,194 are read.
    @Test func brokenEntryInTheRealFile() throws {
        let text = try String(contentsOfFile: SharedData.path(Self.krr), encoding: .utf8)
        let field = try #require(text.range(of: "journal = {Journal on Very Large Data Bases},"))
        var broken = text
        broken.replaceSubrange(field, with: "journal = {Journal on Very Large Data Bases,")
        let result = try BibTeXReader.read(RecordFile(path: "krr-broken.bib", bytes: Array(broken.utf8)))
        #expect(result.records.count == 3194)
        #expect(result.rejects.map(\.line) == [256])
        #expect(!result.records.contains { $0.ids.first?.value == "abcacechcolesttazd03a" })
        #expect(result.records.contains { $0.ids.first?.value == "abditrza12a" })
    }

    @Test func looksLikeOnlyBibTeX() {
        #expect(BibTeXReader.looksLike(FormatHeads.bibtex))
        #expect(BibTeXReader.looksLike("@Article(key,\n title = {x})"))
        #expect(!BibTeXReader.looksLike(FormatHeads.ris))
        #expect(!BibTeXReader.looksLike(FormatHeads.medline))
        #expect(!BibTeXReader.looksLike(FormatHeads.webOfScience))
        #expect(!BibTeXReader.looksLike("{\"title\": \"@article{x,\"}"))
        #expect(!BibTeXReader.looksLike("id,title\n1,\"@article{x}\"\n"))
    }
}
