import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

/// A document declared ISO-8859-1 is converted to UTF-8 by `XMLInput` (its ASCII pieces passed
/// as they are) instead of by libxml2: the records must be those of the same document in
/// UTF-8, and those of libxml2's own decoding.
@Suite struct Latin1InputTests {
    static func declares(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { XMLInput.declaresLatin1($0) }
    }

    @Test func declarationIsRecognisedAsLibXML2ReadsIt() {
        #expect(Self.declares(#"<?xml version="1.0" encoding="ISO-8859-1"?><dblp/>"#))
        #expect(Self.declares(#"<?xml version='1.0' encoding='iso-8859-1' standalone="no"?>"#))
        #expect(Self.declares("<?xml\n version = \"1.0\"\tencoding\r\n=\n'Iso-8859-1' ?>"))
        // Other encodings, other spellings (left to libxml2), no declaration, malformed ones.
        #expect(!Self.declares(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(!Self.declares(#"<?xml version="1.0" encoding="latin1"?>"#))
        #expect(!Self.declares(#"<?xml version="1.0" encoding="ISO-8859-15"?>"#))
        #expect(!Self.declares(#"<?xml version="1.0" encoding="ISO-8859-1'?>"#))
        #expect(!Self.declares(#"<?xml version="1.0"encoding="ISO-8859-1"?>"#))
        #expect(!Self.declares(#"<?xml encoding="ISO-8859-1" version="1.0"?>"#))
        #expect(!Self.declares(#" <?xml version="1.0" encoding="ISO-8859-1"?>"#))
        #expect(!Self.declares("\u{FEFF}<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"))
        #expect(!Self.declares("<dblp/>"))
        #expect(!Self.declares(#"<?xml version="1.0" encoding="ISO-8859-1"#))
    }

    @Test func asciiCheck() {
        for count in 0..<40 {
            var bytes = [UInt8](repeating: 0x41, count: count)
            #expect(bytes.withUnsafeBufferPointer { XMLInput.isASCII($0) })
            for position in 0..<count {
                bytes[position] = 0x80
                #expect(!bytes.withUnsafeBufferPointer { XMLInput.isASCII($0) })
                bytes[position] = 0x7F
            }
        }
    }

    /// A dblp document of `count` records with Latin-1 letters (and a no-break space, which
    /// is white space) in keys, names, titles and venues, declared `encoding`.
    static func document(encoding: String, count: Int) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<dblp>\n"
        for i in 0..<count {
            text += """
                <article mdate="2020-01-01" key="journals/é/Müller\(i)">
                <author>José Müller 000\(i % 10)</author><author>Ærøskøbing Ñandú\u{A0}</author>
                <title>Über Straßen und Flüsse \(i).</title>
                <journal>Revue française ÿ \(i % 7)</journal><year>20\(i % 100 < 10 ? "0" : "")\(i % 100)</year>
                <ee>https://doi.org/10.1/ÄB\(i)</ee><cite>conf/ß/X\(i)</cite>
                </article>

                """
        }
        return text + "</dblp>\n"
    }

    /// `text` as ISO-8859-1 bytes (every scalar of it is below U+0100).
    static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8($0.value) }
    }

    @Test func latin1DocumentReadsAsItsUTF8Twin() throws {
        let count = 2_000  // several 64 KB chunks, so that converted pieces meet chunk ends
        let latin1 = try DBLPReader.read(RecordFile(path: "d.xml", bytes: Self.latin1(Self.document(encoding: "ISO-8859-1", count: count))))
        let utf8 = try DBLPReader.read(RecordFile(path: "d.xml", bytes: Array(Self.document(encoding: "UTF-8", count: count).utf8)))
        // A spelling of the encoding that this check leaves to libxml2's decoder.
        let decoded = try DBLPReader.read(RecordFile(path: "d.xml", bytes: Self.latin1(Self.document(encoding: "ISO_8859-1", count: count))))
        #expect(latin1.records.count == count)
        #expect(latin1.records == utf8.records)
        #expect(latin1.records == decoded.records)
        #expect(latin1.rejects == utf8.rejects && latin1.rejects == decoded.rejects)
        let first = try #require(latin1.records.first)
        #expect(first.authors == ["José Müller", "Ærøskøbing Ñandú"])
        #expect(first.title == "Über Straßen und Flüsse 0")
        #expect(first.ids.first?.value == "dblp:journals/é/Müller0")

        // Streamed from disk, in blocks, as ingest reads it.
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("d.xml").path
        try Data(Self.latin1(Self.document(encoding: "ISO-8859-1", count: count))).write(to: URL(fileURLWithPath: path))
        let file = try #require(try StreamedRecordFile.open(path: path, displayName: "d.xml"))
        var streamed: [PaperRecord] = []
        try Extractor.stream(file, chunkSize: 333) { streamed += $0.records }
        #expect(streamed == latin1.records)
    }
}
