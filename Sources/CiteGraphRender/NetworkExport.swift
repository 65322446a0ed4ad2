import Foundation

/// A graph with per-node bibliographic attributes, for the interchange formats that other
/// network tools read: GraphML (yEd, Gephi, igraph, networkx), GEXF (Gephi), Pajek `.net`
/// and VOSviewer map/network files.
public struct Network: Sendable, Equatable {
    /// Nodes; `id`s unique.
    public var nodes: [NetworkNode]
    /// Edges between node ids; weights finite and ≥ 0.
    public var edges: [DiagramEdge]
    /// Whether edges run `source → target`.
    public var directed: Bool

    public init(nodes: [NetworkNode], edges: [DiagramEdge], directed: Bool) {
        self.nodes = nodes; self.edges = edges; self.directed = directed
    }

    /// Checks unique ids, known edge ends, finite scores, weights and coordinates.
    /// - Throws: `RenderError.invalidDiagram` naming the first offending node or edge.
    /// - Complexity: O(n + m).
    public func validate() throws {
        var seen = Set<String>()
        for (i, node) in nodes.enumerated() {
            if !seen.insert(node.id).inserted {
                throw RenderError.invalidDiagram(reason: "node \(i) repeats the id \"\(node.id)\"")
            }
            if !node.score.isFinite || !(node.x?.isFinite ?? true) || !(node.y?.isFinite ?? true) {
                throw RenderError.invalidDiagram(reason: "node \"\(node.id)\" has a non-finite score or coordinate")
            }
        }
        for (i, edge) in edges.enumerated() {
            for end in [edge.source, edge.target] where !seen.contains(end) {
                throw RenderError.invalidDiagram(reason: "edge \(i) (\(edge.source) → \(edge.target)) names the unknown node \"\(end)\"")
            }
            if !edge.weight.isFinite || edge.weight < 0 {
                throw RenderError.invalidDiagram(reason: "edge \(i) (\(edge.source) → \(edge.target)) has weight \(edge.weight)")
            }
        }
    }

    /// Position of each node id in `nodes`.
    func indexByID() -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(nodes.count)
        for (i, n) in nodes.enumerated() { index[n.id] = i }
        return index
    }
}

/// One node of a `Network`.
public struct NetworkNode: Sendable, Equatable {
    /// The paper's id as its source gave it.
    public var id: String
    public var title: String
    public var year: Int?
    /// Ranking score (PageRank…).
    public var score: Double
    public var community: Int?
    /// Layout coordinates, when known (VOSviewer maps use them).
    public var x: Double?
    public var y: Double?

    public init(
        id: String, title: String, year: Int? = nil, score: Double = 0, community: Int? = nil, x: Double? = nil,
        y: Double? = nil
    ) {
        self.id = id; self.title = title; self.year = year; self.score = score; self.community = community
        self.x = x; self.y = y
    }
}

/// Interchange file formats for `Network`.
public enum NetworkFormat: String, Sendable, CaseIterable {
    case graphml, gexf, pajek
}

/// Writers for GraphML, GEXF and Pajek text. All texts are escaped for their format (XML
/// escaping for GraphML/GEXF with characters XML forbids dropped; quotes and line breaks
/// replaced in Pajek labels); numbers read back exactly (see `number(_:)`).
public enum NetworkWriter {
    /// The text of `network` in `format`.
    /// - Throws: `RenderError.invalidDiagram` when `network.validate()` fails.
    /// - Complexity: O(n + m + total text length).
    public static func write(_ network: Network, format: NetworkFormat) throws -> String {
        try network.validate()
        switch format {
        case .graphml: return graphML(network)
        case .gexf: return gexf(network)
        case .pajek: return pajek(network)
        }
    }

    /// Writes `network` in `format` to `path`, replacing the file.
    /// - Throws: `RenderError.invalidDiagram`, or `.writeFailed` naming `path`.
    public static func write(_ network: Network, format: NetworkFormat, to path: String) throws {
        try OutputFile.write(Array(try write(network, format: format).utf8), to: path)
    }

    static func xml(_ s: String) -> String { TextEscaping.markup(s, inAttribute: true) }

    /// A finite double as the shortest text that reads back exactly: integral values
    /// below 10¹⁵ without a fraction ("3", "0" for -0), others as Swift prints them
    /// ("0.25", "1e-20"), which every reader of these formats accepts.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    // MARK: GraphML

    /// GraphML 1.0 (http://graphml.graphdrawing.org/) with node keys `title` (string),
    /// `year` (int), `score` (double), `community` (int) and edge key `weight` (double).
    /// Missing year or community leaves the `data` element out.
    static func graphML(_ network: Network) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="title" for="node" attr.name="title" attr.type="string"/>
              <key id="year" for="node" attr.name="year" attr.type="int"/>
              <key id="score" for="node" attr.name="score" attr.type="double"/>
              <key id="community" for="node" attr.name="community" attr.type="int"/>
              <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
              <graph id="G" edgedefault="\(network.directed ? "directed" : "undirected")">

            """
        for n in network.nodes {
            out += "    <node id=\"\(xml(n.id))\">\n      <data key=\"title\">\(xml(n.title))</data>\n"
            if let year = n.year { out += "      <data key=\"year\">\(year)</data>\n" }
            out += "      <data key=\"score\">\(number(n.score))</data>\n"
            if let c = n.community { out += "      <data key=\"community\">\(c)</data>\n" }
            out += "    </node>\n"
        }
        for (i, e) in network.edges.enumerated() {
            out += "    <edge id=\"e\(i)\" source=\"\(xml(e.source))\" target=\"\(xml(e.target))\">"
                + "<data key=\"weight\">\(number(e.weight))</data></edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    // MARK: GEXF

    /// GEXF 1.3 (https://gexf.net/) with node attributes 0 `year` (integer), 1 `score`
    /// (double), 2 `community` (integer); the title is the node label.
    static func gexf(_ network: Network) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" version="1.3">
              <meta><creator>citegraph</creator></meta>
              <graph mode="static" defaultedgetype="\(network.directed ? "directed" : "undirected")">
                <attributes class="node">
                  <attribute id="0" title="year" type="integer"/>
                  <attribute id="1" title="score" type="double"/>
                  <attribute id="2" title="community" type="integer"/>
                </attributes>
                <nodes>

            """
        for n in network.nodes {
            out += "      <node id=\"\(xml(n.id))\" label=\"\(xml(n.title))\"><attvalues>"
            if let year = n.year { out += "<attvalue for=\"0\" value=\"\(year)\"/>" }
            out += "<attvalue for=\"1\" value=\"\(number(n.score))\"/>"
            if let c = n.community { out += "<attvalue for=\"2\" value=\"\(c)\"/>" }
            out += "</attvalues></node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (i, e) in network.edges.enumerated() {
            out += "      <edge id=\"\(i)\" source=\"\(xml(e.source))\" target=\"\(xml(e.target))\" weight=\"\(number(e.weight))\"/>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    // MARK: Pajek

    /// Pajek `.net`: `*Vertices n`, one `k "id"` line per node (1-based), then `*Arcs`
    /// (directed) or `*Edges` with `source target weight`. Pajek has no escape for `"`, so
    /// double quotes in ids become `'`, and line breaks become spaces. Lines end in CRLF,
    /// as Pajek itself writes them.
    static func pajek(_ network: Network) -> String {
        let index = network.indexByID()
        var out = "*Vertices \(network.nodes.count)\r\n"
        for (i, n) in network.nodes.enumerated() {
            let label = TextEscaping.collapseWhitespace(n.id).replacingOccurrences(of: "\"", with: "'")
            out += "\(i + 1) \"\(String(label.unicodeScalars.filter(TextEscaping.isPrintable)))\"\r\n"
        }
        out += network.directed ? "*Arcs\r\n" : "*Edges\r\n"
        for e in network.edges {
            out += "\(index[e.source]! + 1) \(index[e.target]! + 1) \(number(e.weight))\r\n"
        }
        return out
    }
}

/// VOSviewer map and network files (tab-separated text, as VOSviewer's "Create a map
/// based on network data" reads them; see the VOSviewer manual, "Map and network files").
public enum VOSviewerWriter {
    /// The map file: header `id, label, [x, y,] cluster, weight<Links>,
    /// weight<Total link strength>, score<Score>`, one row per node with 1-based integer
    /// ids in node order. `x`/`y` columns appear only when every node has coordinates.
    /// Clusters are community + 1 (VOSviewer numbers clusters from 1); nodes without a
    /// community share the cluster after the last one. Tabs and line breaks in labels
    /// become spaces.
    /// - Throws: `RenderError.invalidDiagram` when `network.validate()` fails.
    public static func mapFile(_ network: Network) throws -> String {
        try network.validate()
        let index = network.indexByID()
        var links = [Int](repeating: 0, count: network.nodes.count)
        var strength = [Double](repeating: 0, count: network.nodes.count)
        for e in network.edges {
            let s = index[e.source]!, t = index[e.target]!
            links[s] += 1; strength[s] += e.weight
            if s != t { links[t] += 1; strength[t] += e.weight }
        }
        let withXY = !network.nodes.isEmpty && network.nodes.allSatisfy { $0.x != nil && $0.y != nil }
        let noCluster = (network.nodes.compactMap(\.community).max() ?? -1) + 2
        var out = "id\tlabel" + (withXY ? "\tx\ty" : "")
            + "\tcluster\tweight<Links>\tweight<Total link strength>\tscore<Score>\n"
        for (i, n) in network.nodes.enumerated() {
            let label = cell(n.title.isEmpty ? n.id : n.title)
            out += "\(i + 1)\t\(label)"
            if withXY { out += "\t\(NetworkWriter.number(n.x!))\t\(NetworkWriter.number(n.y!))" }
            out += "\t\(n.community.map { $0 + 1 } ?? noCluster)\t\(links[i])\t\(NetworkWriter.number(strength[i]))"
                + "\t\(NetworkWriter.number(n.score))\n"
        }
        return out
    }

    /// The network file: one `id1<TAB>id2<TAB>strength` line per edge, ids as in
    /// `mapFile(_:)`. VOSviewer treats links as undirected.
    /// - Throws: `RenderError.invalidDiagram` when `network.validate()` fails.
    public static func networkFile(_ network: Network) throws -> String {
        try network.validate()
        let index = network.indexByID()
        var out = ""
        for e in network.edges {
            out += "\(index[e.source]! + 1)\t\(index[e.target]! + 1)\t\(NetworkWriter.number(e.weight))\n"
        }
        return out
    }

    /// Writes the map file to `mapPath` and the network file to `networkPath`.
    /// - Throws: `RenderError.invalidDiagram`, or `.writeFailed` naming the path.
    public static func write(_ network: Network, mapPath: String, networkPath: String) throws {
        try OutputFile.write(Array(try mapFile(network).utf8), to: mapPath)
        try OutputFile.write(Array(try networkFile(network).utf8), to: networkPath)
    }

    private static func cell(_ text: String) -> String {
        String(TextEscaping.collapseWhitespace(text).unicodeScalars.filter(TextEscaping.isPrintable))
    }
}
