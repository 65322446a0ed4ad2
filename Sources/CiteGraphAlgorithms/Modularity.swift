import CiteGraphCore

/// Newman–Girvan modularity (Newman & Girvan 2004, "Finding and evaluating community
/// structure in networks", Phys. Rev. E 69, 026113) with the resolution parameter γ of
/// Reichardt & Bornholdt (2006), computed exactly as networkx's `community.modularity`.
///
/// Undirected: `Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]`, where `m` is the total edge weight,
/// `L_c` the weight of edges inside community `c` and `d_c` the sum of its members'
/// weighted degrees. A self-loop counts once in `m` and `L_c` and twice in a degree.
/// Directed: `Q = Σ_c [ L_c / m − γ d⁺_c d⁻_c / m² ]` with out- and in-weights.
/// A graph without edges (m = 0) has modularity 0 (networkx raises, igraph gives NaN).
public enum Modularity {
    /// The modularity of `membership` on `graph`.
    /// - Parameters:
    ///   - membership: a community label ≥ 0 per node (any numbering).
    ///   - graph: weighted, directed or undirected.
    ///   - resolution: γ; 1 is classic modularity, larger values favour smaller communities.
    /// - Precondition: `membership.count == graph.nodeCount`, labels non-negative.
    /// - Complexity: O(n + m + L) time and O(L) memory for labels below L.
    public static func value(of membership: [Int32], on graph: Graph, resolution: Double = 1) -> Double {
        let n = graph.nodeCount
        precondition(membership.count == n, "membership must have one label per node")
        let labels = (membership.max().map { Int($0) } ?? -1) + 1
        var internalWeight = [Double](repeating: 0, count: labels)
        var outSum = [Double](repeating: 0, count: labels)
        var inSum = [Double](repeating: 0, count: labels)
        var total = 0.0
        membership.withUnsafeBufferPointer { mem in
        graph.offsets.withUnsafeBufferPointer { off in
        graph.targets.withUnsafeBufferPointer { tg in
        graph.weights.withUnsafeBufferPointer { w in
            for v in 0..<n {
                let cv = Int(mem[v])
                precondition(cv >= 0, "community labels must be non-negative")
                for i in off[v]..<off[v + 1] {
                    let u = Int(tg[i]), wt = w[i]
                    let cu = Int(mem[u])
                    if graph.isDirected {
                        total += wt
                        outSum[cv] += wt
                        inSum[cu] += wt
                        if cu == cv { internalWeight[cv] += wt }
                    } else {
                        // Undirected: a non-loop edge appears in both rows, a loop once.
                        let loop = u == v
                        total += loop ? wt : wt / 2
                        outSum[cv] += loop ? 2 * wt : wt
                        if cu == cv { internalWeight[cv] += loop ? wt : wt / 2 }
                    }
                }
            }
        }}}}
        guard total > 0 else { return 0 }
        var q = 0.0
        if graph.isDirected {
            for c in 0..<labels {
                q += internalWeight[c] / total - resolution * outSum[c] * inSum[c] / (total * total)
            }
        } else {
            let twoM = 2 * total
            for c in 0..<labels {
                let share = outSum[c] / twoM
                q += internalWeight[c] / total - resolution * share * share
            }
        }
        return q
    }

    /// The modularity of `partition`'s membership.
    public static func value(of partition: Partition, on graph: Graph, resolution: Double = 1) -> Double {
        value(of: partition.membership, on: graph, resolution: resolution)
    }
}
