import Foundation
import FoundationXML
import Testing

/// `citegraph export` files parsed back and counted against the store (`stats --json`).
@Suite(.serialized) struct ExportTests {
    final class ElementCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            counts[name, default: 0] += 1
        }
    }

    func countElements(_ data: Data) -> [String: Int]? {
        let parser = XMLParser(data: data)
        let counter = ElementCounter()
        parser.delegate = counter
        return parser.parse() ? counter.counts : nil
    }

    @Test func everyFormatHasTheStoreCounts() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        #expect(try cli.run(["ingest", "--quiet", "--db", "e.sqlite"] + CLIHarness.sampleFiles).status == 0)
        #expect(try cli.run(["build", "--quiet", "--db", "e.sqlite", "--graph", "cotopic"]).status == 0)
        let stats = try JSONSerialization.jsonObject(with: Data(try cli.run(["stats", "--json", "--db", "e.sqlite"]).stdout.utf8)) as? [String: Any]
        let papers = try #require(stats?["papers"] as? Int)
        let edges = try #require((stats?["edges"] as? [String: Int])?["cotopic"])

        for format in ["graphml", "gexf", "pajek", "vosviewer", "csv"] {
            let result = try cli.run(["export", "--quiet", "--db", "e.sqlite", "--graph", "cotopic", "--format", format, "--out", "g.\(format)"])
            #expect(result.status == 0, "\(format): \(result.stderr)")
        }
        let graphmlData = try #require(cli.contents("g.graphml"))
        let graphml = try #require(countElements(graphmlData), "GraphML parses")
        #expect(graphml["node"] == papers)
        #expect(graphml["edge"] == edges)
        let gexfData = try #require(cli.contents("g.gexf"))
        let gexf = try #require(countElements(gexfData), "GEXF parses")
        #expect(gexf["node"] == papers)
        #expect(gexf["edge"] == edges)

        // Pajek: "*Vertices n", n vertex lines, "*Edges", one line per edge.
        let pajek = String(decoding: try #require(cli.contents("g.pajek")), as: UTF8.self).split(whereSeparator: \.isNewline)
        #expect(pajek.first?.lowercased() == "*vertices \(papers)")
        let edgeHeader = try #require(pajek.firstIndex { $0.lowercased().hasPrefix("*edges") || $0.lowercased().hasPrefix("*arcs") })
        #expect(edgeHeader == papers + 1)
        #expect(pajek.count - edgeHeader - 1 == edges)

        // VOSviewer: map file (header + one line per item) and network file (one line per link).
        let map = String(decoding: try #require(cli.contents("g.vosviewer")), as: UTF8.self).split(whereSeparator: \.isNewline)
        #expect(map.count == papers + 1)
        let network = String(decoding: try #require(cli.contents("g-network.txt")), as: UTF8.self).split(whereSeparator: \.isNewline)
        #expect(network.count == edges)

        let csv = CSV.parse(String(decoding: try #require(cli.contents("g.csv")), as: UTF8.self))
        #expect(csv.first == ["source", "target", "weight"])
        #expect(csv.count == edges + 1)
    }
}
