import Foundation
import Testing
@testable import CiteGraphRender

@Suite struct GraphvizRendererTests {
    @Test func svgOfFiftyNodesParsesAndMatchesTheInput() throws {
        let seed: UInt64 = 50
        print("seed \(seed)")
        let diagram = randomDiagram(nodes: 50, edges: 120, communities: 4, seed: seed)
        #expect(diagram.layout == .neato)
        let svg = try GraphvizRenderer().render(diagram, format: .svg)
        let summary = XMLSummary(Data(svg))
        #expect(summary.parsed, "SVG does not parse: \(summary.error ?? "")")
        #expect(summary.elementNames.first == "svg")
        #expect(summary.count(groupClass: "node") == diagram.nodes.count)
        #expect(summary.count(groupClass: "edge") == diagram.edges.count)
        #expect(summary.count(groupClass: "graph") == 1)
        #expect(summary.text.contains(diagram.title))
        #expect(summary.text.contains("Community 3: term, term"))
        #expect(!summary.elementNames.contains("script"))
        // Fill colours come from the palette.
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("fill=\"\(DOTWriter.palette[0].lowercased())\"") || text.contains("fill=\"\(DOTWriter.palette[0])\""))
    }

    @Test(arguments: [Layout.neato, .sfdp, .dot])
    func everyLayoutRenders(layout: Layout) throws {
        var diagram = randomDiagram(nodes: 40, edges: 60, communities: 3, seed: 11)
        diagram.layout = layout
        diagram.directed = layout == .dot
        let svg = try GraphvizRenderer().render(diagram, format: .svg)
        let summary = XMLSummary(Data(svg))
        #expect(summary.parsed)
        #expect(summary.count(groupClass: "node") == 40)
        #expect(summary.count(groupClass: "edge") == 60)
    }

    @Test func pngAndPDFSignatures() throws {
        let diagram = randomDiagram(nodes: 30, edges: 50, communities: 3, seed: 3)
        let renderer = GraphvizRenderer()
        let png = try renderer.render(diagram, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR width and height (big-endian at bytes 16..<24) stay within the size limit.
        let w = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, h = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(w > 0 && h > 0 && w <= renderer.pngMaxInches * renderer.pngDPI + 64 && h <= renderer.pngMaxInches * renderer.pngDPI + 64)
        let pdf = try renderer.render(diagram, format: .pdf)
        #expect(Array(pdf.prefix(4)) == Array("%PDF".utf8))
        let dot = try renderer.render(diagram, format: .dot)
        #expect(String(decoding: dot, as: UTF8.self) == (try DOTWriter().write(diagram)))
    }

    @Test func sfdpHandlesThreeHundredNodesAndAThousandEdges() throws {
        let seed: UInt64 = 300
        let diagram = randomDiagram(nodes: 300, edges: 1000, communities: 8, seed: seed)
        #expect(diagram.layout == .sfdp)
        let clock = ContinuousClock()
        var svg: [UInt8] = []
        let elapsed = try clock.measure { svg = try GraphvizRenderer().render(diagram, format: .svg) }
        print("seed \(seed): sfdp 300 nodes / 1000 edges to SVG in \(elapsed)")
        let summary = XMLSummary(Data(svg))
        #expect(summary.parsed)
        #expect(summary.count(groupClass: "node") == 300)
        #expect(summary.count(groupClass: "edge") == 1000)
    }

    @Test func syntaxErrorsCarryGraphvizMessage() {
        do {
            _ = try GraphvizRenderer().render(dot: "graph { a -- ; }", layout: .neato, format: .svg)
            Issue.record("expected a syntax error")
        } catch let error as RenderError {
            guard case .graphvizSyntax(let message) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            print("Graphviz said: \(message)")
            #expect(message.contains("syntax error"))
            #expect(error.errorDescription?.contains("syntax error") == true)
        } catch {
            Issue.record("unexpected \(error)")
        }
        // The renderer still works afterwards.
        #expect((try? GraphvizRenderer().render(dot: "graph { a -- b }", layout: .neato, format: .svg)) != nil)
    }

    @Test func largeGraphsAreRefused() throws {
        var renderer = GraphvizRenderer()
        renderer.maxNodes = 100
        let big = randomDiagram(nodes: 150, edges: 200, communities: 3, seed: 5)
        #expect(throws: RenderError.tooLarge(nodes: 150, edges: 200, maxNodes: 100, maxEdges: renderer.maxEdges)) {
            _ = try renderer.render(big, format: .svg)
        }
        // The same check applies to raw DOT text.
        let dot = try DOTWriter().write(big)
        #expect(throws: RenderError.self) { _ = try renderer.render(dot: dot, layout: .sfdp, format: .svg) }
        // Reduced, it renders.
        let svg = try renderer.render(big.reduced(toTop: 100), format: .svg)
        #expect(XMLSummary(Data(svg)).count(groupClass: "node") == 100)
        // `dot` has its own, lower limit.
        var dotDiagram = big
        dotDiagram.layout = .dot
        var dotRenderer = GraphvizRenderer()
        dotRenderer.maxNodesForDot = 120
        #expect(throws: RenderError.tooLarge(nodes: 150, edges: 200, maxNodes: 120, maxEdges: renderer.maxEdges)) {
            _ = try dotRenderer.render(dotDiagram, format: .svg)
        }
        #expect(XMLSummary(Data(try dotRenderer.render(dotDiagram.reduced(toTop: 120), format: .svg))).parsed)
    }

    @Test func writesFilesAndNamesThePathOnFailure() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("render-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let diagram = randomDiagram(nodes: 10, edges: 12, communities: 2, seed: 1)
        let path = dir.appendingPathComponent("g.svg").path
        try GraphvizRenderer().render(diagram, format: .svg, to: path)
        #expect(XMLSummary(try Data(contentsOf: URL(fileURLWithPath: path))).parsed)
        let bad = dir.appendingPathComponent("missing/dir/g.svg").path
        do {
            try GraphvizRenderer().render(diagram, format: .svg, to: bad)
            Issue.record("expected a write failure")
        } catch let error as RenderError {
            #expect(error.errorDescription?.contains(bad) == true)
        }
    }

    @Test func concurrentRendersAreSerialisedSafely() async throws {
        let diagrams = (0..<6).map { randomDiagram(nodes: 25, edges: 40, communities: 3, seed: UInt64($0)) }
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for d in diagrams {
                group.addTask { XMLSummary(Data(try GraphvizRenderer().render(d, format: .svg))).count(groupClass: "node") }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == [25, 25, 25, 25, 25, 25])
    }

    @Test func positionsFollowNodeOrder() throws {
        let diagram = randomDiagram(nodes: 30, edges: 45, communities: 3, seed: 30)
        let points = try GraphvizRenderer().positions(of: diagram)
        #expect(points.count == 30)
        #expect(Set(points.map { "\($0.x),\($0.y)" }).count == 30, "every node has its own place")
        // Same places as the SVG draws: the first node's ellipse centre (SVG y is negated).
        let svg = String(decoding: try GraphvizRenderer().render(diagram, format: .svg), as: UTF8.self)
        #expect(svg.contains("cx=\"\(Self.svgNumber(points[0].x))\" cy=\"\(Self.svgNumber(-points[0].y))\""))
    }

    /// Graphviz prints SVG coordinates with up to 2 decimals, trailing zeros dropped.
    static func svgNumber(_ v: Double) -> String {
        var s = String(format: "%.2f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
