import CiteGraphAlgorithms
import CiteGraphCore

/// A deterministic, citation-like random graph: papers arrive in order `0..<nodes`; each
/// cites about `edges / nodes` distinct earlier papers, half chosen uniformly among earlier
/// papers and half by copying the target of an earlier citation (preferential attachment,
/// Price's model), so in-degrees are heavy-tailed and arcs point back in time.
public struct CitationGraphGenerator: Sendable {
    public var nodes: Int
    public var edges: Int
    public var seed: UInt64

    public init(nodes: Int, edges: Int, seed: UInt64 = 42) {
        self.nodes = nodes; self.edges = edges; self.seed = seed
    }

    /// The arcs citing → cited, without duplicates or self-loops.
    public func edgeList() -> EdgeList {
        var rng = SeededGenerator(seed: seed)
        var sources: [Int32] = [], targets: [Int32] = []
        sources.reserveCapacity(edges); targets.reserveCapacity(edges)
        let mean = Double(edges) / Double(max(nodes - 1, 1))
        var chosen: [Int32] = []
        for v in 1..<max(nodes, 1) {
            // Out-degree: mean ± 50 %, at most v.
            let k = min(v, Int((mean * (0.5 + rng.nextDouble())).rounded()))
            chosen.removeAll(keepingCapacity: true)
            var attempts = 0
            while chosen.count < k && attempts < 4 * k + 8 {
                attempts += 1
                let t: Int32
                if targets.isEmpty || rng.nextDouble() < 0.5 {
                    t = Int32(rng.nextInt(below: v))
                } else {
                    t = targets[rng.nextInt(below: targets.count)]
                }
                if !chosen.contains(t) { chosen.append(t) }
            }
            for t in chosen { sources.append(Int32(v)); targets.append(t) }
        }
        return EdgeList(sources: sources, targets: targets)
    }

    /// The directed citation graph.
    public func directed() -> Graph { Graph(nodeCount: nodes, edges: edgeList(), isDirected: true) }

    /// The same graph undirected (arcs never repeat or reciprocate, so this equals
    /// `directed().undirected()`, built without the hash map).
    public func undirected() -> Graph { Graph(nodeCount: nodes, edges: edgeList(), isDirected: false) }
}
