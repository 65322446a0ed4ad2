@preconcurrency import CGraphviz
import Foundation

/// Output formats `GraphvizRenderer` produces.
public enum RenderFormat: String, Sendable, CaseIterable {
    /// Scalable vector graphics (UTF-8 XML); fastest, with tooltips.
    case svg
    /// Raster image through cairo at `GraphvizRenderer.pngDPI`.
    case png
    /// Vector PDF through cairo.
    case pdf
    /// The DOT text itself, unchanged.
    case dot

    /// The usual file extension.
    public var fileExtension: String { rawValue }
}

/// Renders DOT text in-process with libgvc/cgraph.
///
/// This is the only file of the module that talks to Graphviz. Graphviz keeps global
/// state (parser, error buffer, plugin tables), so every call runs under one process-wide
/// lock: renders from several threads queue up rather than run together. Each acquired
/// resource (`gvContext`, `agmemread`, `gvLayout`, `gvRenderData`) is released by a
/// `defer` right after it.
///
/// Large graphs are reduced, never attempted whole: the renderer refuses graphs above
/// `maxNodes`/`maxEdges` (reduce with `Diagram.reduced(toTop:)`), and the `dot` layout is
/// held to `maxNodesForDot`, because network simplex on a dense graph of a few hundred
/// nodes can run for minutes even with `nslimit`.
public struct GraphvizRenderer: Sendable {
    /// Largest node count rendered.
    public var maxNodes: Int = 3_000
    /// Largest edge count rendered.
    public var maxEdges: Int = 30_000
    /// Largest node count laid out with `dot`.
    public var maxNodesForDot: Int = 300
    /// Resolution of PNG output (pixels per inch).
    public var pngDPI: Int = 96
    /// Upper bound (inches) on the PNG drawing, so the canvas stays at most
    /// `pngMaxInches × pngDPI` pixels a side; smaller drawings are not enlarged. For PNG
    /// this replaces any `size` and `dpi` given in the DOT text.
    public var pngMaxInches: Int = 24

    /// Creates a renderer with the default limits.
    public init() {}

    /// Renders `diagram` (written by `writer`) in `format` with its own layout engine.
    /// - Throws: `RenderError.invalidDiagram`, `.tooLarge`, `.graphvizSyntax`, `.graphvizFailed`.
    /// - Complexity: dominated by the layout: sfdp about O(n log n + m) per iteration.
    public func render(_ diagram: Diagram, format: RenderFormat, writer: DOTWriter = DOTWriter()) throws -> [UInt8] {
        try checkSize(nodes: diagram.nodes.count, edges: diagram.edges.count, layout: diagram.layout)
        return try render(dot: writer.write(diagram), layout: diagram.layout, format: format)
    }

    /// Renders `diagram` in `format` to the file at `path`, replacing it.
    /// - Throws: as `render(_:format:writer:)`, and `RenderError.writeFailed` naming `path`.
    public func render(_ diagram: Diagram, format: RenderFormat, to path: String, writer: DOTWriter = DOTWriter()) throws {
        let bytes = try render(diagram, format: format, writer: writer)
        try OutputFile.write(bytes, to: path)
    }

    /// Renders DOT text with the engine `layout` (overriding any `layout` attribute in the
    /// text). For `.dot` format the text comes back unchanged, as UTF-8.
    /// - Throws: `RenderError.graphvizSyntax` when Graphviz cannot parse `dot` (with its
    ///   message), `.tooLarge` above the limits, `.graphvizFailed` when layout or rendering
    ///   fails.
    public func render(dot: String, layout: Layout, format: RenderFormat) throws -> [UInt8] {
        if format == .dot { return Array(dot.utf8) }
        return try Graphviz.withLock {
            try Graphviz.render(dot: dot, layout: layout, format: format.rawValue, options: self)
        }
    }

    /// `render(dot:layout:format:)` as `Data`.
    public func renderData(dot: String, layout: Layout, format: RenderFormat) throws -> Data {
        Data(try render(dot: dot, layout: layout, format: format))
    }

    /// Renders DOT text to the file at `path`, replacing it.
    /// - Throws: as `render(dot:layout:format:)`, and `RenderError.writeFailed` naming `path`.
    public func render(dot: String, layout: Layout, format: RenderFormat, to path: String) throws {
        try OutputFile.write(try render(dot: dot, layout: layout, format: format), to: path)
    }

    /// Lays `diagram` out with its engine and returns each node's centre, in points (1/72
    /// inch, y growing upwards), in node order — e.g. for VOSviewer map coordinates.
    /// - Throws: as `render(_:format:writer:)`.
    /// - Complexity: the layout's.
    public func positions(of diagram: Diagram, writer: DOTWriter = DOTWriter()) throws -> [(x: Double, y: Double)] {
        try checkSize(nodes: diagram.nodes.count, edges: diagram.edges.count, layout: diagram.layout)
        let dot = try writer.write(diagram)
        let plain = try Graphviz.withLock {
            try Graphviz.render(dot: dot, layout: diagram.layout, format: "plain", options: self)
        }
        // `plain` lines: "node <name> <x> <y> …" in inches; names are n0, n1… (DOTWriter).
        var result = [(x: Double, y: Double)](repeating: (0, 0), count: diagram.nodes.count)
        for line in String(decoding: plain, as: UTF8.self).split(separator: "\n") where line.hasPrefix("node ") {
            let fields = line.split(separator: " ", maxSplits: 4)
            guard fields.count >= 4, fields[1].hasPrefix("n"), let i = Int(fields[1].dropFirst()), i < result.count,
                let x = Double(fields[2]), let y = Double(fields[3])
            else { continue }
            result[i] = (x * 72, y * 72)
        }
        return result
    }

    private func checkSize(nodes: Int, edges: Int, layout: Layout) throws {
        let limit = layout == .dot ? min(maxNodes, maxNodesForDot) : maxNodes
        if nodes > limit || edges > maxEdges {
            throw RenderError.tooLarge(nodes: nodes, edges: edges, maxNodes: limit, maxEdges: maxEdges)
        }
    }

    // MARK: - Graphviz calls (all under Graphviz.lock)

    private enum Graphviz {
        static let lock = NSLock()
        /// Messages Graphviz reported during the current render. Only touched while
        /// `lock` is held (the error callback runs inside a locked Graphviz call).
        nonisolated(unsafe) static var messages: [String] = []

        static func withLock<T>(_ body: () throws -> T) rethrows -> T {
            lock.lock()
            defer { lock.unlock() }
            return try body()
        }

        /// Collects Graphviz errors and warnings instead of letting them go to stderr.
        static let errorSink: agusererrf = { message in
            if let message { Graphviz.messages.append(String(cString: message)) }
            return 0
        }

        static func takeMessages() -> String {
            defer { messages.removeAll() }
            return messages.joined().trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Sets a graph attribute on the root graph (cgraph wants mutable C strings).
        static func set(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
            let n = strdup(name), v = strdup(value), d = strdup("")
            defer { free(n); free(v); free(d) }
            agsafeset(graph, n, v, d)
        }

        static func render(dot: String, layout: Layout, format: String, options: GraphvizRenderer) throws -> [UInt8] {
            let previousSink = agseterrf(errorSink)
            defer { agseterrf(previousSink) }
            _ = agseterr(AGWARN)
            messages.removeAll()
            _ = agreseterrors()

            guard let gvc = gvContext() else {
                throw RenderError.graphvizFailed(stage: "gvContext", message: takeMessages())
            }
            defer { gvFreeContext(gvc) }

            guard let graph = dot.withCString({ agmemread($0) }) else {
                throw RenderError.graphvizSyntax(message: takeMessages())
            }
            defer { agclose(graph) }

            let nodes = Int(agnnodes(graph)), edges = Int(agnedges(graph))
            let limit = layout == .dot ? min(options.maxNodes, options.maxNodesForDot) : options.maxNodes
            if nodes > limit || edges > options.maxEdges {
                throw RenderError.tooLarge(nodes: nodes, edges: edges, maxNodes: limit, maxEdges: options.maxEdges)
            }
            if format == "png" {
                set(graph, "dpi", String(options.pngDPI))
                set(graph, "size", "\(options.pngMaxInches),\(options.pngMaxInches)")
            }

            guard gvLayout(gvc, graph, layout.rawValue) == 0 else {
                throw RenderError.graphvizFailed(stage: "layout \(layout.rawValue)", message: takeMessages())
            }
            defer { gvFreeLayout(gvc, graph) }

            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let status = gvRenderData(gvc, graph, format, &data, &length)
            defer { if let data { gvFreeRenderData(data) } }
            guard status == 0, let data else {
                throw RenderError.graphvizFailed(stage: "render \(format)", message: takeMessages())
            }
            messages.removeAll()
            return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                Array(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
        }
    }
}
