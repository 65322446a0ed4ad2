/// A render-neutral description of a node-link diagram: what to draw, not how.
///
/// `DOTWriter` turns it into Graphviz DOT text and `GraphvizRenderer` into SVG, PNG or PDF.
/// Node ids are the caller's ids (paper ids, author keys…); they never reach Graphviz, so
/// any string is allowed, but they must be unique within one diagram and every edge must
/// name two of them (`validate()` checks this).
public struct Diagram: Sendable, Equatable {
    /// Caption drawn above the diagram.
    public var title: String
    /// Nodes, in drawing order.
    public var nodes: [DiagramNode]
    /// Edges between nodes of `nodes`.
    public var edges: [DiagramEdge]
    /// Graphviz layout engine to place the nodes with.
    public var layout: Layout
    /// Whether edges are drawn as arrows (`source → target`).
    public var directed: Bool
    /// Legend rows: one colour swatch per community with its label (e.g. its top terms).
    /// Empty means no legend.
    public var legend: [LegendEntry]

    /// Creates a diagram. `layout` defaults to `Layout.recommended(nodeCount:)`.
    public init(
        title: String, nodes: [DiagramNode], edges: [DiagramEdge], layout: Layout? = nil,
        directed: Bool = false, legend: [LegendEntry] = []
    ) {
        self.title = title
        self.nodes = nodes
        self.edges = edges
        self.layout = layout ?? .recommended(nodeCount: nodes.count)
        self.directed = directed
        self.legend = legend
    }

    /// Checks that node ids are unique, every edge names two known nodes, and sizes and
    /// weights are finite and not negative.
    /// - Throws: `RenderError.invalidDiagram` naming the first offending node or edge.
    /// - Complexity: O(n + m) time and O(n) memory.
    public func validate() throws {
        var seen = Set<String>()
        seen.reserveCapacity(nodes.count)
        for (i, node) in nodes.enumerated() {
            if !seen.insert(node.id).inserted {
                throw RenderError.invalidDiagram(reason: "node \(i) repeats the id \"\(node.id)\"")
            }
            if !node.size.isFinite || node.size < 0 {
                throw RenderError.invalidDiagram(reason: "node \"\(node.id)\" has size \(node.size); sizes must be finite and ≥ 0")
            }
        }
        for (i, edge) in edges.enumerated() {
            for end in [edge.source, edge.target] where !seen.contains(end) {
                throw RenderError.invalidDiagram(reason: "edge \(i) (\(edge.source) → \(edge.target)) names the unknown node \"\(end)\"")
            }
            if !edge.weight.isFinite || edge.weight < 0 {
                throw RenderError.invalidDiagram(reason: "edge \(i) (\(edge.source) → \(edge.target)) has weight \(edge.weight); weights must be finite and ≥ 0")
            }
        }
    }

    /// The diagram cut down to its `n` largest nodes (by `size`, ties by position) and the
    /// edges among them, so that large graphs are reduced, never rendered whole.
    ///
    /// - Parameters:
    ///   - n: Number of nodes to keep (at least 0). A diagram with at most `n` nodes keeps
    ///     all of them.
    ///   - k: When given, an edge survives only if it is among the `k` heaviest edges of
    ///     its source or of its target (ties by position), which keeps hubs from drowning
    ///     the picture in lines. `nil` keeps every edge among the kept nodes.
    /// - Returns: A diagram with the same title, direction and legend; the layout is the
    ///   recommended one for the new node count unless it was `.dot`. Node and edge order
    ///   follow the original.
    /// - Complexity: O(n log n + m log m) time, O(n + m) memory.
    public func reduced(toTop n: Int, strongestEdgesPerNode k: Int? = nil) -> Diagram {
        precondition(n >= 0, "reduced(toTop:) needs n ≥ 0")
        precondition(k.map { $0 >= 0 } ?? true, "strongestEdgesPerNode needs k ≥ 0")
        var keep = Set<String>()
        if nodes.count <= n {
            keep = Set(nodes.map(\.id))
        } else {
            let order = nodes.indices.sorted {
                nodes[$0].size != nodes[$1].size ? nodes[$0].size > nodes[$1].size : $0 < $1
            }
            for i in order.prefix(n) { keep.insert(nodes[i].id) }
        }
        let keptNodes = nodes.filter { keep.contains($0.id) }
        var keptEdges = edges.indices.filter { keep.contains(edges[$0].source) && keep.contains(edges[$0].target) }
        if let k {
            // Rank each node's incident edges by weight; keep an edge when it ranks < k at either end.
            var incident: [String: [Int]] = [:]
            for e in keptEdges {
                incident[edges[e].source, default: []].append(e)
                if edges[e].target != edges[e].source { incident[edges[e].target, default: []].append(e) }
            }
            var strong = Set<Int>()
            for (_, list) in incident {
                let best = list.sorted { edges[$0].weight != edges[$1].weight ? edges[$0].weight > edges[$1].weight : $0 < $1 }
                strong.formUnion(best.prefix(k))
            }
            keptEdges = keptEdges.filter { strong.contains($0) }
        }
        return Diagram(
            title: title, nodes: keptNodes, edges: keptEdges.map { edges[$0] },
            layout: layout == .dot ? .dot : .recommended(nodeCount: keptNodes.count),
            directed: directed, legend: legend)
    }
}

/// One node of a `Diagram`.
public struct DiagramNode: Sendable, Equatable {
    /// The caller's id; unique within the diagram.
    public var id: String
    /// Text drawn by the node; long labels are wrapped to three lines of about 22
    /// characters, the rest elided with "…".
    public var label: String
    /// Score that sets the node's area (area ∝ size). Finite, ≥ 0.
    public var size: Double
    /// Community (cluster) number that picks the fill colour; `nil` draws grey.
    public var community: Int?
    /// Text shown on hover in SVG output (e.g. full title, year, score).
    public var tooltip: String

    public init(id: String, label: String, size: Double = 1, community: Int? = nil, tooltip: String = "") {
        self.id = id; self.label = label; self.size = size; self.community = community; self.tooltip = tooltip
    }
}

/// One edge of a `Diagram`.
public struct DiagramEdge: Sendable, Equatable {
    /// Id of the source node.
    public var source: String
    /// Id of the target node.
    public var target: String
    /// Weight that sets the line width. Finite, ≥ 0.
    public var weight: Double

    public init(source: String, target: String, weight: Double = 1) {
        self.source = source; self.target = target; self.weight = weight
    }
}

/// One legend row: a community's colour and what to call it.
public struct LegendEntry: Sendable, Equatable {
    /// Community number, as in `DiagramNode.community`.
    public var community: Int
    /// Description shown beside the colour swatch.
    public var label: String

    public init(community: Int, label: String) {
        self.community = community; self.label = label
    }
}

/// The Graphviz layout engine that places a diagram's nodes.
public enum Layout: String, Sendable, CaseIterable {
    /// Multiscale force-directed placement: fast on hundreds to thousands of nodes.
    case sfdp
    /// Stress majorisation: the best-looking result on small graphs.
    case neato
    /// Hierarchical layers: for small directed graphs (citation chains). Bounded with
    /// `nslimit`/`mclimit`, but still slow on dense graphs: reduce them first.
    case dot

    /// Node count above which `recommended(nodeCount:)` picks `sfdp`.
    public static let sfdpThreshold = 100

    /// `sfdp` beyond `sfdpThreshold` nodes, `neato` otherwise.
    public static func recommended(nodeCount: Int) -> Layout {
        nodeCount > sfdpThreshold ? .sfdp : .neato
    }
}
