import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct XMLStreamReaderTests {
    static func file(_ text: String, _ name: String = "t.xml") -> RecordFile { RecordFile(path: name, bytes: Array(text.utf8)) }

    static func events(_ text: String) throws -> [XMLEvent] {
        try XMLStreamReader.read(file(text)) { reader in
            var events: [XMLEvent] = []
            while let e = try reader.next() { events.append(e) }
            return events
        }
    }

    @Test func startTextEndWithAttributesAndLines() throws {
        let events = try Self.events("<?xml version=\"1.0\"?>\n<a x=\"1\" p:y=\"2\" xmlns:p=\"urn:p\">\n<p:b>hi &amp; <![CDATA[<raw>]]></p:b><c/></a>")
        guard case .start(let a) = events[0], case .start(let b) = events[2] else { Issue.record("no start: \(events)"); return }
        #expect(a.localName == "a" && a.line == 2)
        #expect(a.attributes["x"] == "1" && a.attributes["p:y"] == "2")
        #expect(b.name == "p:b" && b.localName == "b" && b.line == 3)
        let text = events.compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined()
        #expect(text == "\nhi & <raw>")
        // The empty element gives a start and an end.
        #expect(events.suffix(3).map { if case .end(let n) = $0 { return n } else if case .start(let s) = $0 { return "+" + s.localName } else { return "?" } } == ["+c", "c", "a"])
    }

    @Test func readTextSpacingAndSkipping() throws {
        let text = try XMLStreamReader.read(Self.file("<r><label>1</label><name><surname>Doe</surname><given-names>J</given-names></name> <i>in</i>line<sup>2</sup></r>")) { reader -> String in
            _ = try reader.next()
            return try reader.readText(spacing: true, skipping: ["label"])
        }
        #expect(text == "Doe J inline2")
    }

    /// A file cut in the middle: the error names the file, the line and libxml2's reason.
    @Test func truncatedDocumentNamesTheLine() throws {
        let text = "<?xml version=\"1.0\"?>\n<a>\n<b>one</b>\n<b>two\n"
        #expect {
            _ = try Self.events(text)
        } throws: { error in
            guard case ExtractError.malformed(let path, let line, _, let reason) = error else { return false }
            print("truncated:", (error as? ExtractError)?.errorDescription ?? "")
            return path == "t.xml" && (4...5).contains(line) && !reason.isEmpty
        }
        #expect {
            _ = try Self.events("<a>\n<b>\n</c>\n</a>")
        } throws: { error in
            guard case ExtractError.malformed(_, let line, _, let reason) = error else { return false }
            print("mismatch:", reason)
            return line == 3 && reason.contains("mismatch")
        }
    }

    /// "Billion laughs": 10^9 "lol"s from nine nested entities; refused, quickly.
    @Test func entityExpansionBombIsRefused() throws {
        var dtd = "<!ENTITY lol0 \"lol\">\n"
        for i in 1...9 { dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">\n" }
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [\n\(dtd)]>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&lol9;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n"
        let started = Date()
        #expect(throws: ExtractError.self) { try PubMedXMLReader.read(Self.file(bomb, "bomb.xml")) }
        #expect(throws: ExtractError.self) { _ = try Self.events(bomb) }
        do { _ = try Self.events(bomb) } catch { print("billion laughs:", (error as? ExtractError)?.errorDescription ?? "\(error)") }
        print("billion laughs refused after \(Date().timeIntervalSince(started)) s")
    }

    /// External entities and DTDs are never fetched: a SYSTEM entity pointing at a local
    /// file is not substituted.
    @Test func externalEntitiesAreNotLoaded() throws {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<a>&xxe;</a>"
        let events = (try? Self.events(text)) ?? []
        let joined = events.compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined()
        #expect(!joined.contains("root:"))
    }

    /// HTML entities undeclared in the document (its DTD is not read) are resolved from the
    /// built-in table; unknown ones are dropped and listed.
    @Test func undeclaredEntities() throws {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<dblp><t>M&uuml;ller &amp; &eacute;t&eacute; &bogus;&szlig;</t></dblp>"
        let (joined, undefined) = try XMLStreamReader.read(Self.file(text)) { reader in
            var s = ""
            while let e = try reader.next() { if case .text(let t) = e { s += t } }
            return (s, reader.undefinedEntities)
        }
        #expect(joined == "Müller & été ß")
        #expect(undefined == ["bogus"])
    }

    /// The built-in table holds every character entity dblp.dtd declares, with the same
    /// code point (the DTD is the outside reference).
    @Test func entityTableAgreesWithDBLPDTD() throws {
        let dtd = try String(contentsOfFile: SharedData.path("dblp_xml_sample/dblp.dtd"), encoding: .isoLatin1)
        var checked = 0
        for raw in dtd.split(separator: "\n") {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            guard line.hasPrefix("<!ENTITY "), line.contains("\"&#") else { continue }
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            let name = String(parts[1])
            guard let start = line.range(of: "&#"), let end = line[start.upperBound...].firstIndex(of: ";"),
                let code = UInt32(line[start.upperBound..<end])
            else { continue }
            #expect(HTMLEntities.table[name]?.value == code, "\(name)")
            checked += 1
        }
        #expect(checked >= 60)
        #expect(HTMLEntities.latin1Names.count == 96)
        #expect(HTMLEntities.table.count == 253)
    }
}
