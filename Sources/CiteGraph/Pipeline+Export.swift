import CiteGraphCore
import CiteGraphRender
import CiteGraphStore
import Foundation

/// File formats of `export`.
public enum ExportFormat: String, Sendable, CaseIterable {
    case graphml, gexf, pajek, vosviewer, csv
}

extension Pipeline {
    /// The whole graph of `kind` with node attributes (title, year, PageRank, community),
    /// computing ranks and communities first when missing.
    public func network(graph kind: GraphKind) throws -> Network {
        let (scores, membership, _) = try rankedAndClustered(kind)
        let labels = try nodeLabels(kind)
        let nodes = try store.nodeIDs(for: kind)
        var shown: [Int64: String] = [:]
        let networkNodes = nodes.map { node -> NetworkNode in
            let label = labels[node] ?? NodeLabel(id: String(node), title: "", year: nil)
            shown[node] = label.id
            return NetworkNode(id: label.id, title: label.title.isEmpty ? label.id : label.title, year: label.year,
                score: scores[node] ?? 0, community: membership[node])
        }
        let edges = try store.edges(kind: kind).compactMap { edge -> DiagramEdge? in
            guard let s = shown[edge.source], let t = shown[edge.target] else { return nil }
            return DiagramEdge(source: s, target: t, weight: edge.weight)
        }
        return Network(nodes: networkNodes, edges: edges, directed: kind.isDirected)
    }

    /// Writes the graph of `kind` to `path` in `format` (for VOSviewer: a map file at `path`
    /// and a network file beside it, `…-network.txt`).
    /// - Returns: the files written.
    @discardableResult
    public func export(graph kind: GraphKind, format: ExportFormat, to path: String) throws -> [String] {
        let network = try network(graph: kind)
        progress.begin("exporting \(kind.rawValue) as \(format.rawValue)")
        defer { progress.finish("exported \(network.nodes.count) nodes, \(network.edges.count) edges") }
        switch format {
        case .graphml: try NetworkWriter.write(network, format: .graphml, to: path); return [path]
        case .gexf: try NetworkWriter.write(network, format: .gexf, to: path); return [path]
        case .pajek: try NetworkWriter.write(network, format: .pajek, to: path); return [path]
        case .vosviewer:
            let base = (path as NSString).deletingPathExtension
            let networkPath = base + "-network.txt"
            try VOSviewerWriter.write(network, mapPath: path, networkPath: networkPath)
            return [path, networkPath]
        case .csv:
            let rows = network.edges.map { [$0.source, $0.target, NumberText.shortest($0.weight)] }
            do {
                try CSVWriter.document(header: ["source", "target", "weight"], rows: rows).write(toFile: path, atomically: true, encoding: .utf8)
            } catch let error as RenderError {
                throw error
            } catch {
                throw PipelineError.cannotWrite(path: path, reason: error.localizedDescription)
            }
            return [path]
        }
    }
}
