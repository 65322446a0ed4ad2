import CiteGraphAlgorithms
import CiteGraphCore

/// A deterministic, citation-like random graph: papers arrive in order `0..<nodes`, each in
/// one of `fields` research fields; each cites about `edges / nodes` distinct earlier
/// papers, 80 % within its own field. Half of the targets are drawn uniformly among the
/// candidates and half by copying the target of an earlier citation (preferential
/// attachment, Price's model), so in-degrees are heavy-tailed, arcs point back in time and
/// fields form communities, as in real citation graphs.
public struct CitationGraphGenerator: Sendable {
    public var nodes: Int
    public var edges: Int
    public var fields: Int
    public var seed: UInt64

    /// - Parameter fields: default `max(10, nodes / 1000)`.
    public init(nodes: Int, edges: Int, fields: Int? = nil, seed: UInt64 = 42) {
        self.nodes = nodes; self.edges = edges; self.seed = seed
        self.fields = fields ?? max(10, nodes / 1000)
    }

    /// The arcs citing → cited, without duplicates or self-loops.
    public func edgeList() -> EdgeList {
        var rng = SeededGenerator(seed: seed)
        var sources: [Int32] = [], targets: [Int32] = []
        sources.reserveCapacity(edges); targets.reserveCapacity(edges)
        var fieldPapers = [[Int32]](repeating: [], count: fields)
        var fieldTargets = [[Int32]](repeating: [], count: fields)
        let mean = Double(edges) / Double(max(nodes - 1, 1))
        var chosen: [Int32] = []
        for v in 0..<nodes {
            let f = rng.nextInt(below: fields)
            defer { fieldPapers[f].append(Int32(v)) }
            guard v > 0 else { continue }
            // Out-degree: mean ± 50 %, at most v.
            let k = min(v, Int((mean * (0.5 + rng.nextDouble())).rounded()))
            chosen.removeAll(keepingCapacity: true)
            var attempts = 0
            while chosen.count < k && attempts < 4 * k + 8 {
                attempts += 1
                let local = rng.nextDouble() < 0.8 && !fieldPapers[f].isEmpty
                let copy = rng.nextDouble() < 0.5
                let t: Int32
                if local {
                    t = copy && !fieldTargets[f].isEmpty
                        ? fieldTargets[f][rng.nextInt(below: fieldTargets[f].count)]
                        : fieldPapers[f][rng.nextInt(below: fieldPapers[f].count)]
                } else {
                    t = copy && !targets.isEmpty ? targets[rng.nextInt(below: targets.count)] : Int32(rng.nextInt(below: v))
                }
                if !chosen.contains(t) { chosen.append(t) }
            }
            for t in chosen { sources.append(Int32(v)); targets.append(t); fieldTargets[f].append(t) }
        }
        return EdgeList(sources: sources, targets: targets)
    }

    /// The directed citation graph.
    public func directed() -> Graph { Graph(nodeCount: nodes, edges: edgeList(), isDirected: true) }

    /// The same graph undirected (arcs never repeat or reciprocate, so this equals
    /// `directed().undirected()`, built without the hash map).
    public func undirected() -> Graph { Graph(nodeCount: nodes, edges: edgeList(), isDirected: false) }
}
