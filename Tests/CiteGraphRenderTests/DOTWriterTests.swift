import Foundation
import Testing
@testable import CiteGraphRender

@Suite struct DOTWriterTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "say \"hi\"",
        "line one\nline two\r\nline three",
        #"back\slash \N \G and trailing\"#,
        "tab\there, bell\u{07}, nul\u{0}, del\u{7F}",
        "ampersand & <b>bold</b> ' apostrophe",
    ]

    func hostileDiagram() -> Diagram {
        let nodes = Self.hostile.enumerated().map { i, text in
            DiagramNode(id: text, label: text, size: Double(i + 1), community: i, tooltip: text)
        }
        let edges = (1..<nodes.count).map { DiagramEdge(source: nodes[0].id, target: nodes[$0].id, weight: Double($0)) }
        return Diagram(
            title: "Title <script>x</script> \"q\" \\ & end", nodes: nodes, edges: edges,
            legend: [LegendEntry(community: 0, label: "<i>terms</i> & \"more\"\nnext")])
    }

    @Test func quotedStringsAreClosedAndEscaped() throws {
        let dot = try DOTWriter().write(hostileDiagram())
        // Every statement is on one line: no raw line break or control character survives.
        for line in dot.split(separator: "\n") {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F })
        }
        #expect(dot.contains(#"label="say \"hi\"""#))
        #expect(dot.contains(#"back\\slash \\N \\G and trailing\\""#))
        #expect(dot.contains(#"tooltip="line one\nline two\nline three""#))
        // Caller ids never appear as node names.
        #expect(!dot.contains("\"<script>alert(1)</script>\" --"))
        #expect(dot.contains("n0 -- n1 ["))
        // The HTML-like graph label is escaped markup.
        #expect(dot.contains("Title &lt;script&gt;x&lt;/script&gt; &quot;q&quot; \\ &amp; end"))
        #expect(dot.contains("&lt;i&gt;terms&lt;/i&gt; &amp; &quot;more&quot; next"))
    }

    @Test func graphvizReadsHostileLabelsBackVerbatim() throws {
        let diagram = hostileDiagram()
        var writer = DOTWriter()
        writer.labelWidth = 40  // keep each hostile label on one line
        let svg = try GraphvizRenderer().render(diagram, format: .svg, writer: writer)
        let summary = XMLSummary(Data(svg))
        #expect(summary.parsed, "SVG does not parse: \(summary.error ?? "")")
        #expect(!summary.elementNames.contains("script"))
        #expect(!summary.elementNames.contains("b") && !summary.elementNames.contains("i"))
        #expect(!String(decoding: svg, as: UTF8.self).contains("<script"))
        // Label text comes back as written (lines may break at spaces, so compare words).
        let words = Set(summary.text.split(whereSeparator: \.isWhitespace).map(String.init))
        for expected in ["<script>alert(1)</script>", "\"hi\"", #"back\slash"#, #"\N"#, #"trailing\"#, "&", "<b>bold</b>", "'"] {
            #expect(words.contains(expected), "missing \(expected) in SVG text")
        }
        #expect(summary.text.contains("Title <script>x</script> \"q\" \\ & end"))
        #expect(summary.count(groupClass: "node") == diagram.nodes.count)
        #expect(summary.count(groupClass: "edge") == diagram.edges.count)
    }

    @Test func directedAndLayoutAttributes() throws {
        var d = Diagram(
            title: "t", nodes: [DiagramNode(id: "a", label: "A"), DiagramNode(id: "b", label: "B")],
            edges: [DiagramEdge(source: "a", target: "b")], directed: true)
        #expect(d.layout == .neato)
        var dot = try DOTWriter().write(d)
        #expect(dot.hasPrefix("digraph "))
        #expect(dot.contains("n0 -> n1"))
        #expect(dot.contains("overlap=prism") && dot.contains("outputorder=edgesfirst") && dot.contains("layout=neato"))
        d.layout = .dot
        dot = try DOTWriter().write(d)
        #expect(dot.contains("nslimit=") && dot.contains("mclimit=") && !dot.contains("overlap="))
    }

    @Test func sizesWidthsAndColours() throws {
        let d = Diagram(
            title: "t",
            nodes: [
                DiagramNode(id: "a", label: "A", size: 4, community: 0),
                DiagramNode(id: "b", label: "B", size: 1, community: 9),
                DiagramNode(id: "c", label: "C", size: 0, community: nil),
                DiagramNode(id: "d", label: "D", size: 1, community: -1),
            ], edges: [])
        let dot = try DOTWriter().write(d)
        // Area ∝ size: size 4 → 1.6 in, size 1 → 0.8 in; size 0 is clamped to the minimum.
        #expect(dot.contains("n0 [label=\"A\", tooltip=\"A\", width=1.6, fillcolor=\"\(DOTWriter.palette[0])\"]"))
        #expect(dot.contains("width=0.8, fillcolor=\"\(DOTWriter.palette[1])\""))
        #expect(dot.contains("width=0.2, fillcolor=\"\(DOTWriter.noCommunityColor)\""))
        #expect(DOTWriter.color(forCommunity: DOTWriter.palette.count) == DOTWriter.palette[0])
        #expect(DOTWriter.color(forCommunity: -1) == DOTWriter.palette.last)
    }

    @Test func invalidDiagramsAreRejected() {
        let a = DiagramNode(id: "a", label: "A")
        #expect(throws: RenderError.self) {
            try DOTWriter().write(Diagram(title: "", nodes: [a, a], edges: []))
        }
        #expect(throws: RenderError.self) {
            try DOTWriter().write(Diagram(title: "", nodes: [a], edges: [DiagramEdge(source: "a", target: "zz")]))
        }
        #expect(throws: RenderError.self) {
            try DOTWriter().write(Diagram(title: "", nodes: [DiagramNode(id: "x", label: "", size: .nan)], edges: []))
        }
    }

    @Test func labelWrapping() {
        #expect(TextEscaping.wrap("short", width: 22, maxLines: 3) == ["short"])
        #expect(
            TextEscaping.wrap("Attention is all you need in citation graph analysis", width: 22, maxLines: 3)
                == ["Attention is all you", "need in citation graph", "analysis"])
        let long = TextEscaping.wrap(String(repeating: "word ", count: 40), width: 22, maxLines: 3)
        #expect(long.count == 3 && long[2].hasSuffix("…") && long.allSatisfy { $0.count <= 22 })
        let unbroken = TextEscaping.wrap(String(repeating: "x", count: 30), width: 22, maxLines: 3)
        #expect(unbroken == [String(repeating: "x", count: 22), String(repeating: "x", count: 8)])
        let huge = TextEscaping.wrap(String(repeating: "y", count: 100), width: 22, maxLines: 3)
        #expect(huge.count == 3 && huge[2] == String(repeating: "y", count: 21) + "…")
        #expect(TextEscaping.wrap("  ", width: 22, maxLines: 3) == [])
    }

    @Test func reducedKeepsTopNodesAndTheirEdges() {
        let d = randomDiagram(nodes: 200, edges: 600, communities: 5, seed: 7)
        let r = d.reduced(toTop: 50)
        #expect(r.nodes.count == 50)
        #expect(r.layout == .neato)
        let minKept = r.nodes.map(\.size).min()!
        let kept = Set(r.nodes.map(\.id))
        #expect(d.nodes.filter { !kept.contains($0.id) }.allSatisfy { $0.size <= minKept })
        let expectedEdges = d.edges.filter { kept.contains($0.source) && kept.contains($0.target) }
        #expect(r.edges == expectedEdges)
        let sparse = d.reduced(toTop: 50, strongestEdgesPerNode: 1)
        #expect(sparse.edges.count <= 50 && sparse.edges.count > 0)
        #expect(Set(sparse.edges.map { "\($0.source)|\($0.target)" }).isSubset(of: Set(r.edges.map { "\($0.source)|\($0.target)" })))
        #expect(d.reduced(toTop: 1000).nodes.count == 200)
        #expect(Layout.recommended(nodeCount: 101) == .sfdp && Layout.recommended(nodeCount: 100) == .neato)
    }
}
