import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct DBLPReaderTests {
    static let dir = "dblp_xml_sample/"

    /// 131 records (README); titles, years, keys and DOIs agree with the project's own parse,
    /// dblp_parsed_final.csv (its titles keep dblp's closing period, ours drop it; its
    /// authors keep the homonym number "0001", ours drop it).
    @Test func recordsAgreeWithTheProjectsOwnParse() throws {
        let file = try RecordFile(path: SharedData.path(Self.dir + "dblp.xml"))
        #expect(try FormatSniffer.detect(file) == .dblpXML)
        let result = try Extractor.read(file, strict: true)
        #expect(result.records.count == 131)
        var rows: [[String: String]] = []
        var header: [String] = []
        let csv = try String(contentsOfFile: SharedData.path(Self.dir + "dblp_parsed_final.csv"), encoding: .utf8)
        DelimitedText(separator: ",").rows(csv) { fields, _ in
            if header.isEmpty { header = fields } else { rows.append(Dictionary(uniqueKeysWithValues: zip(header, fields))) }
        }
        #expect(rows.count == 131)
        for (record, row) in zip(result.records, rows) {
            let title = row["title"] ?? ""
            #expect(record.ids.first?.value == "dblp:" + (row["key"] ?? ""))
            #expect(record.title == (title.hasSuffix(".") ? String(title.dropLast()) : title), "\(row["key"] ?? "")")
            #expect(record.year == Int(row["year"] ?? ""))
            #expect(record.venue == row["booktitle"])
            // The first doi.org link of `ee` ("; "-separated when there are several).
            if let doi = (row["ee"] ?? "").components(separatedBy: "; ").first(where: { $0.contains("doi.org/") }) {
                #expect(record.ids.contains(WorkID(kind: .doi, value: doi)))
            }
            let csvAuthors = (row["author"] ?? "").components(separatedBy: "; ").filter { !$0.isEmpty }
            #expect(record.authors == csvAuthors.map(DBLPReader.withoutHomonymNumber), "\(row["key"] ?? "")")
        }
    }

    /// Entities from dblp.dtd (`&uuml;`, `&auml;`, `&ccedil;`) resolve without loading the DTD.
    @Test func entitiesResolveWithoutTheDTD() throws {
        let result = try Extractor.read(try RecordFile(path: SharedData.path(Self.dir + "dblp.xml")))
        let text = result.records.map { ($0.authors + [$0.title]).joined(separator: " ") }.joined(separator: " ")
        #expect(text.contains("ü") && text.contains("ä") && text.contains("ç"))
        #expect(!text.contains("&"))
        let singh = try #require(result.records.first { $0.ids.first?.value == "dblp:reference/vision/Singh14" })
        #expect(singh.authors == ["Manish Singh"])
        #expect(singh.title == "Transparency and Translucency")
        #expect(singh.ids.contains(WorkID(kind: .doi, value: "10.1007/978-0-387-31439-6_559")))
    }

    @Test func wwwRecordsSkippedCitesKeptTitlelessRejected() throws {
        let text = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE dblp SYSTEM "dblp.dtd">
            <dblp>
            <www key="homepages/x/Doe"><author>J. Doe</author><title>Home Page</title></www>
            <article key="journals/x/Doe01"><author>J. Doe</author><title>On Things.</title><journal>X</journal><year>2001</year>
            <cite>journals/cacm/Codd70</cite><cite>...</cite><ee>https://arxiv.org/abs/2101.00001</ee></article>
            <inproceedings key="conf/y/Doe02"><author>J. Doe</author><year>2002</year><crossref>conf/y/2002</crossref></inproceedings>
            </dblp>
            """
        let result = try DBLPReader.read(RecordFile(path: "d.xml", bytes: Array(text.utf8)))
        #expect(result.records.count == 1)
        let r = result.records[0]
        #expect(r.title == "On Things" && r.venue == "X" && r.references == ["dblp:journals/cacm/Codd70"])
        #expect(r.ids.contains(WorkID(kind: .arxiv, value: "2101.00001")))
        #expect(result.rejects.map(\.line) == [7])
        #expect(result.rejects.map(\.field) == ["title"])
    }

    /// dblp.xml writes accented letters as character entities (its DTD, not read, declares
    /// them): the full file holds millions. Before they were declared to libxml2, it refused a
    /// document after 10,000 undeclared references as an "entity reference loop" (a generated
    /// 1.2M-record file stopped at record 10,000), and the reader's own bomb limit counted
    /// them too. 2,100 records × 500 `&uuml;` = 1,050,000 references, all read as text.
    @Test func millionsOfCharacterEntitiesAreText() throws {
        var text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<dblp>\n"
        let umlauts = String(repeating: "&uuml;", count: 500)
        for i in 0..<2_100 {
            text += "<article key=\"journals/x/M\(i)\"><author>J. M&uuml;ller</author><title>T\(i) \(umlauts).</title><year>2001</year></article>\n"
        }
        text += "</dblp>\n"
        let result = try DBLPReader.read(RecordFile(path: "d.xml", bytes: Array(text.utf8)))
        #expect(result.records.count == 2_100)
        #expect(result.rejects.isEmpty)
        #expect(result.records.last?.title == "T2099 " + String(repeating: "ü", count: 500))
        #expect(result.records.first?.authors == ["J. Müller"])
    }
}
