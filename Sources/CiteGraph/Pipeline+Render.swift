import CiteGraphCore
import CiteGraphRender
import CiteGraphStore
import Foundation

/// Parameters of a diagram.
public struct RenderOptions: Sendable {
    /// Nodes kept, by PageRank.
    public var top = 200
    /// Layout engine; nil picks sfdp beyond ~100 nodes, neato below.
    public var layout: Layout?
    /// Edges drawn per node (its strongest); the rest are left out of the picture.
    public var edgesPerNode = 6
    /// Draw only this community (a per-community view); nil draws all.
    public var community: Int? = nil
    public init(top: Int = 200, layout: Layout? = nil, edgesPerNode: Int = 6) {
        self.top = top; self.layout = layout; self.edgesPerNode = edgesPerNode
    }
}

extension Pipeline {
    /// The diagram of the graph of `kind`: the `top` nodes by PageRank (node area), coloured by
    /// community with a legend, edges among them (width by weight), labels that fit.
    /// Ranks and communities are computed first when the store has none.
    public func diagram(graph kind: GraphKind, options: RenderOptions = RenderOptions()) throws -> Diagram {
        let (scores, membership, communityLabels) = try rankedAndClustered(kind)
        var candidates: [(node: Int64, score: Double)] = []
        candidates.reserveCapacity(scores.count)
        for (node, score) in scores where options.community == nil || membership[node] == options.community { candidates.append((node, score)) }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
        let chosen = candidates.prefix(options.top).map(\.node)
        let chosenSet = Set(chosen)
        let labels = try nodeLabels(kind, ids: chosen)
        var nodes: [DiagramNode] = []
        for node in chosen {
            let label = labels[node] ?? NodeLabel(id: String(node), title: String(node), year: nil)
            nodes.append(
                DiagramNode(
                    id: String(node), label: Pipeline.shortLabel(label), size: scores[node]!, community: membership[node],
                    tooltip: label.title + (label.year.map { " (\($0))" } ?? "")))
        }
        var edges: [DiagramEdge] = []
        for edge in try store.edges(kind: kind, fromSources: chosen) where chosenSet.contains(edge.target) {
            if !kind.isDirected && edge.source > edge.target { continue }
            edges.append(DiagramEdge(source: String(edge.source), target: String(edge.target), weight: edge.weight))
        }
        let shownCommunities = Set(nodes.compactMap(\.community))
        let legend = communityLabels.filter { shownCommunities.contains($0.community) }.prefix(12)
            .map { LegendEntry(community: $0.community, label: "\($0.label) (\($0.size))") }
        let what = kind.nodeType == .paper ? "papers" : kind.nodeType == .term ? "topics" : "authors"
        var title = "\(kind.rawValue) graph: top \(nodes.count) of \(candidates.count) \(what) by PageRank, coloured by community"
        if let c = options.community {
            title = "\(kind.rawValue) graph, community \(c) (\(communityLabels.first { $0.community == c }?.label ?? "")): top \(nodes.count) of \(candidates.count) \(what) by PageRank"
        }
        let diagram = Diagram(title: title, nodes: nodes, edges: edges, layout: options.layout, directed: kind.isDirected, legend: Array(legend))
        // Keep each node's strongest edges so the picture stays readable.
        return diagram.reduced(toTop: nodes.count, strongestEdgesPerNode: options.edgesPerNode)
    }

    /// Renders the diagram of `kind` to `path` in `format`.
    public func render(graph kind: GraphKind, options: RenderOptions = RenderOptions(), format: RenderFormat, to path: String) throws {
        let diagram = try diagram(graph: kind, options: options)
        progress.begin("rendering \(kind.rawValue) \(format.rawValue)")
        try GraphvizRenderer().render(diagram, format: format, to: path)
        progress.finish("wrote \(path)")
    }

    /// A label that fits: the short name of a "NAME: …" title or its first words, plus the year.
    static func shortLabel(_ label: NodeLabel) -> String {
        var text: String
        if let name = TitleKey.shortName(of: label.title) {
            text = name
        } else {
            let words = label.title.split(separator: " ")
            text = words.prefix(5).joined(separator: " ") + (words.count > 5 ? "…" : "")
        }
        if let year = label.year { text += " (\(year))" }
        return text
    }
}
