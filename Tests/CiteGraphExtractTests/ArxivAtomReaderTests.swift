import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct ArxivAtomReaderTests {
    /// Tests/Fixtures/extract/arxiv_atom_sample.xml — hand-written (see its README).
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/extract/arxiv_atom_sample.xml").path

    @Test func entriesOfTheSampleFeed() throws {
        let file = try RecordFile(path: Self.sample)
        #expect(try FormatSniffer.detect(file) == .arxivAtom)
        let result = try Extractor.read(file, strict: true)
        #expect(result.records.count == 3)
        let r = result.records[0]
        #expect(r.ids == [WorkID(kind: .arxiv, value: "1706.03762")])
        #expect(r.title == "Attention Is All You Need")
        #expect(r.authors == ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"])
        #expect(r.year == 2017)
        #expect(r.keywords == ["cs.CL", "cs.LG"])
        #expect(r.abstract?.hasPrefix("The dominant sequence transduction models") == true)
        #expect(r.source.line == 10)
        let m = result.records[1]
        #expect(m.ids == [WorkID(kind: .arxiv, value: "hep-th/9711200"), WorkID(kind: .doi, value: "10.1023/A:1026654312961")])
        #expect(m.venue == "Adv.Theor.Math.Phys.2:231-252,1998")
        #expect(m.year == 1997)
    }

    @Test func apiErrorFeedIsThrown() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query: search_query=&amp;id_list=1234.12345</title>
            <entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id><title>Error</title>
            <summary>incorrect id format for 1234.12345</summary></entry></feed>
            """
        #expect(throws: ExtractError.self) { try ArxivAtomReader.read(RecordFile(path: "e.xml", bytes: Array(text.utf8))) }
    }
}
