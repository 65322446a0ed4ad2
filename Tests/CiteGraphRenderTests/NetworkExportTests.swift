import Foundation
import Testing
@testable import CiteGraphRender

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects elements with their attributes and the text inside each `data` element.
private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var dataTexts: [String: [String]] = [:]
    private var currentKey: String?
    private var buffer = ""
    var parsed = false

    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        parsed = parser.parse()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((elementName, attributes))
        if elementName == "data" { currentKey = attributes["key"]; buffer = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "data", let key = currentKey { dataTexts[key, default: []].append(buffer); currentKey = nil }
    }

    func all(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
}

@Suite struct NetworkExportTests {
    static let hostileTitle = "A <b>\"quoted\"</b> & 'title'\nwith\tcontrol\u{1} chars"

    static let network = Network(
        nodes: [
            NetworkNode(id: "10.1000/a&b", title: hostileTitle, year: 2020, score: 0.5, community: 0, x: 1.5, y: -2),
            NetworkNode(id: "W2", title: "Second", year: nil, score: 1e-20, community: nil, x: 0, y: 3),
            NetworkNode(id: "id \"3\"", title: "", year: 1999, score: 0.25, community: 2, x: -1, y: 0.125),
        ],
        edges: [
            DiagramEdge(source: "10.1000/a&b", target: "W2", weight: 2),
            DiagramEdge(source: "W2", target: "id \"3\"", weight: 0.5),
            DiagramEdge(source: "id \"3\"", target: "10.1000/a&b", weight: 1),
        ],
        directed: true)

    @Test func graphMLParsesAndKeepsAttributes() throws {
        let text = try NetworkWriter.write(Self.network, format: .graphml)
        let c = ElementCollector(text)
        #expect(c.parsed)
        #expect(c.all("node").map { $0["id"] } == ["10.1000/a&b", "W2", "id \"3\""])
        #expect(c.all("edge").count == 3)
        #expect(c.all("graph").first?["edgedefault"] == "directed")
        // The title keeps quotes, markup and line break, loses only the control character.
        #expect(c.dataTexts["title"]?.first == "A <b>\"quoted\"</b> & 'title'\nwith\tcontrol chars")
        #expect(c.dataTexts["year"] == ["2020", "1999"])
        #expect(c.dataTexts["community"] == ["0", "2"])
        #expect(c.dataTexts["score"]?.compactMap(Double.init) == [0.5, 1e-20, 0.25])
        #expect(c.dataTexts["weight"] == ["2", "0.5", "1"])
    }

    @Test func gexfParsesAndKeepsAttributes() throws {
        let text = try NetworkWriter.write(Self.network, format: .gexf)
        let c = ElementCollector(text)
        #expect(c.parsed)
        let nodes = c.all("node")
        #expect(nodes.count == 3 && c.all("edge").count == 3)
        #expect(nodes[0]["label"] == "A <b>\"quoted\"</b> & 'title'\nwith\tcontrol chars")
        #expect(c.all("edge").map { $0["weight"] } == ["2", "0.5", "1"])
        #expect(c.all("attvalue").count == 2 + 3 + 2)
    }

    @Test func pajek() throws {
        let text = try NetworkWriter.write(Self.network, format: .pajek)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines == ["*Vertices 3", "1 \"10.1000/a&b\"", "2 \"W2\"", "3 \"id '3'\"", "*Arcs", "1 2 2", "2 3 0.5", "3 1 1", ""])
        var undirected = Self.network
        undirected.directed = false
        #expect(try NetworkWriter.write(undirected, format: .pajek).contains("*Edges\r\n"))
    }

    @Test func vosviewer() throws {
        let map = try VOSviewerWriter.mapFile(Self.network).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(map[0] == "id\tlabel\tx\ty\tcluster\tweight<Links>\tweight<Total link strength>\tscore<Score>")
        #expect(map[1] == "1\tA <b>\"quoted\"</b> & 'title' with control chars\t1.5\t-2\t1\t2\t3\t0.5")
        #expect(map[2] == "2\tSecond\t0\t3\t4\t2\t2.5\t1e-20")
        #expect(map[3] == "3\tid \"3\"\t-1\t0.125\t3\t2\t1.5\t0.25")
        #expect(map.count == 5 && map[4].isEmpty)
        #expect(map.dropFirst().allSatisfy { $0.isEmpty || $0.split(separator: "\t", omittingEmptySubsequences: false).count == 8 })
        let net = try VOSviewerWriter.networkFile(Self.network)
        #expect(net == "1\t2\t2\n2\t3\t0.5\n3\t1\t1\n")
        var noXY = Self.network
        noXY.nodes[1].x = nil
        #expect(try VOSviewerWriter.mapFile(noXY).hasPrefix("id\tlabel\tcluster\t"))
    }

    @Test func invalidNetworksAreRejected() {
        var bad = Self.network
        bad.edges.append(DiagramEdge(source: "W2", target: "missing"))
        #expect(throws: RenderError.self) { _ = try NetworkWriter.write(bad, format: .graphml) }
        #expect(throws: RenderError.self) { _ = try VOSviewerWriter.mapFile(bad) }
    }

    @Test func numbersArePlainDecimals() {
        #expect(NetworkWriter.number(3) == "3")
        #expect(NetworkWriter.number(-0.0) == "0")
        #expect(NetworkWriter.number(0.1) == "0.1")
        #expect(Double(NetworkWriter.number(1e-7)) == 1e-7)
        #expect(Double(NetworkWriter.number(1e20)) == 1e20)
        #expect(Double(NetworkWriter.number(0.1 + 0.2)) == 0.1 + 0.2)
    }
}
