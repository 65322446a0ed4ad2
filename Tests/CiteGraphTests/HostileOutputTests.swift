import Foundation
import FoundationXML
import Testing

/// A corpus whose titles and ids are markup, quotes, line breaks, control characters and
/// spreadsheet formulas, through `citegraph run` and `export`: every output parses, and the
/// hostile strings come back as text, never as elements or formulas.
@Suite(.serialized) struct HostileOutputTests {
    static let hostileTitles = [
        "<script>alert('title')</script> graph neural networks for citation analysis",
        "\"Quoted\" & 'apostrophes' with <b>bold</b> graph neural networks",
        "=HYPERLINK(\"http://evil.example\",\"click\") citation analysis with graph neural networks",
        "+cmd|' /C calc'!A0 graph neural networks and citation analysis",
        "-2+3 citation analysis of graph neural networks",
        "@SUM(A1:A9) graph neural networks citation analysis",
        "Line one of citation analysis\nLine two <i>graph neural networks</i>\r\nthree",
        "Control \u{01}\u{07}bell\u{1B}[31m characters \u{7F}\u{85} in graph neural networks citation analysis",
        "Backslash \\N \\\\ and ]]> and --> in graph neural networks citation analysis",
        "\tTab-led =1+1 graph neural networks citation analysis",
    ]
    static let hostileIDs = [
        "<img src=x onerror=alert(1)>", "=1+1", "\"quoted,id\"", "../../etc/passwd", "+ID", "@id", "-id", "id\nbreak", "id;drop", "a&b",
    ]

    static func corpus() throws -> String {
        var lines: [String] = []
        for (i, title) in hostileTitles.enumerated() {
            let record: [String: Any] = [
                "id": hostileIDs[i], "title": title,
                "abstract": "We study graph neural networks for citation analysis and community detection, item \(i). <script>x</script>",
                "authors": ["<b>Evil</b>, Author", "=Formula, F."], "year": 2020,
                "references": [hostileIDs[(i + 1) % hostileIDs.count], hostileIDs[(i + 3) % hostileIDs.count]],
            ]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses XML, collecting element names and all text (content and attribute values).
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var text = ""
        var scriptText = ""
        private var inScript = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            elements.append(name.lowercased())
            if name.lowercased() == "script" { inScript = true }
            for (key, value) in attributes {
                #expect(!key.lowercased().hasPrefix("on"), "event-handler attribute \(key)")
                text += "\u{1}" + value
            }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name.lowercased() == "script" { inScript = false }
            text += "\u{1}"
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
            if inScript { scriptText += string }
        }
        func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }
    }

    static func parseXML(_ data: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> Collector {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        #expect(ok, "\(name) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") line \(parser.lineNumber)", sourceLocation: sourceLocation)
        return collector
    }

    /// The text a writer may keep of `title`: control characters dropped, whitespace collapsed.
    static func visible(_ s: String) -> String {
        s.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) || $0 == "\n" || $0 == "\t" || $0 == "\r" }
            .map(String.init).joined().split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    @Test func hostileTitlesAndIDsStayText() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        try Self.corpus().write(toFile: cli.path("hostile.jsonl"), atomically: true, encoding: .utf8)
        let run = try cli.run(["run", "--quiet", "hostile.jsonl", "--db", "h.sqlite", "--out", "out"])
        #expect(run.status == 0, "\(run.stderr)")
        for (graph, format) in [("citation", "graphml"), ("citation", "gexf"), ("cotopic", "graphml"), ("cotopic", "gexf")] {
            let export = try cli.run(["export", "--quiet", "--db", "h.sqlite", "--graph", graph, "--format", format, "--out", "\(graph).\(format)"])
            #expect(export.status == 0, "\(graph) \(format): \(export.stderr)")
        }
        let forbidden: Set<String> = ["script", "img", "b", "i", "iframe", "object", "embed"]

        // Exports: well-formed, no injected elements, every hostile title and id present as text.
        for name in ["citation.graphml", "citation.gexf", "cotopic.graphml", "cotopic.gexf"] {
            let data = try #require(cli.contents(name), "\(name) missing")
            let xml = Self.parseXML(data, name)
            #expect(Set(xml.elements).isDisjoint(with: forbidden), "\(name) has injected elements")
            let flat = Self.visible(xml.text.replacingOccurrences(of: "\u{1}", with: " "))
            if name.hasPrefix("citation") {
                for title in Self.hostileTitles { #expect(flat.contains(Self.visible(title)), "\(name) lost title \(title.debugDescription)") }
                for id in Self.hostileIDs { #expect(flat.contains(Self.visible(id)), "\(name) lost id \(id.debugDescription)") }
            }
        }

        // SVG diagrams and the XHTML report: well-formed, only the report's own script.
        let svgs = try FileManager.default.contentsOfDirectory(atPath: cli.path("out/graphs")).filter { $0.hasSuffix(".svg") }
        #expect(!svgs.isEmpty)
        for svg in svgs {
            let xml = Self.parseXML(try #require(cli.contents("out/graphs/\(svg)")), svg)
            #expect(Set(xml.elements).isDisjoint(with: forbidden), "\(svg) has injected elements")
        }
        let html = Self.parseXML(try #require(cli.contents("out/reports/index.html")), "index.html")
        #expect(html.elements.filter { $0 == "script" }.count <= 1, "index.html has more than its own script")
        #expect(!html.scriptText.contains("alert"))
        #expect(html.elements.filter { ["img", "b", "i", "iframe"].contains($0) }.allSatisfy { $0 == "img" } )
        #expect(!html.text.isEmpty)
        let htmlText = Self.visible(html.text.replacingOccurrences(of: "\u{1}", with: " "))
        #expect(htmlText.contains(Self.visible(Self.hostileTitles[0])), "index.html lost the <script> title as text")
        // Raw markup never appears unescaped anywhere.
        for file in ["out/reports/index.html"] + svgs.map({ "out/graphs/\($0)" }) {
            let raw = String(decoding: try #require(cli.contents(file)), as: UTF8.self)
            #expect(!raw.contains("<script>alert"), "\(file) has raw <script>alert")
            #expect(!raw.contains("<img src=x"), "\(file) has raw <img")
            #expect(!raw.contains("<b>Evil"), "\(file) has raw <b>")
        }

        // DOT files: Graphviz reads them back (when the dot tool is installed).
        let dots = try FileManager.default.contentsOfDirectory(atPath: cli.path("out/graphs")).filter { $0.hasSuffix(".dot") }
        #expect(!dots.isEmpty)
        if let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile(atPath:)) {
            for file in dots {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: dot)
                process.arguments = ["-Tsvg", "-o", cli.path("out/graphs/\(file).check.svg"), cli.path("out/graphs/\(file)")]
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "dot rejects \(file)")
                let xml = Self.parseXML(try #require(cli.contents("out/graphs/\(file).check.svg")), "\(file) re-rendered")
                #expect(Set(xml.elements).isDisjoint(with: forbidden), "\(file) injects elements through dot")
            }
        }

        // CSV: parses to rectangular rows, no cell a spreadsheet would run as a formula,
        // and the hostile titles survive (behind the neutralising apostrophe where needed).
        let csvs = try FileManager.default.contentsOfDirectory(atPath: cli.path("out/reports")).filter { $0.hasSuffix(".csv") }
        #expect(csvs.contains("papers.csv"))
        for file in csvs {
            let rows = CSV.parse(String(decoding: try #require(cli.contents("out/reports/\(file)")), as: UTF8.self))
            #expect(rows.count > 1, "\(file) is empty")
            #expect(rows.allSatisfy { $0.count == rows[0].count }, "\(file) is not rectangular (a line break or quote escaped the cell)")
            for cell in rows.joined() {
                guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { continue }
                #expect(Double(cell) != nil, "\(file): formula cell \(cell.debugDescription)")
            }
        }
        let papers = CSV.parse(String(decoding: try #require(cli.contents("out/reports/papers.csv")), as: UTF8.self))
        let titleColumn = try #require(papers.first?.firstIndex(of: "title"))
        let idColumn = try #require(papers.first?.firstIndex(of: "id"))
        let titles = Set(papers.dropFirst().map { Self.visible($0[titleColumn].hasPrefix("'") ? String($0[titleColumn].dropFirst()) : $0[titleColumn]) })
        let ids = Set(papers.dropFirst().map { $0[idColumn].hasPrefix("'") ? String($0[idColumn].dropFirst()) : $0[idColumn] })
        for title in Self.hostileTitles { #expect(titles.contains(Self.visible(title)), "papers.csv lost \(title.debugDescription)") }
        for id in Self.hostileIDs { #expect(ids.contains(id) || ids.contains(Self.visible(id)), "papers.csv lost id \(id.debugDescription)") }

        // Output file names come from graph kinds, never from data.
        let written = try FileManager.default.subpathsOfDirectory(atPath: cli.path("out"))
        #expect(written.allSatisfy { !$0.contains("..") && !$0.contains("<") && !$0.contains("=") }, "\(written)")
    }
}
