import CiteGraphCore

/// The Constant Potts Model quality (Traag, Van Dooren & Nesterov 2011, "Narrow scope for
/// resolution-limit-free community detection", Phys. Rev. E 84, 016114), as used by the
/// Leiden paper: `H = Σ_c [ e_c − γ · n_c (n_c − 1) / 2 ]`, where `e_c` is the weight of the
/// edges inside community `c` (a self-loop once) and `n_c` its number of nodes. γ is a
/// density threshold: communities are denser than γ inside and sparser than γ between.
/// A directed graph is read as undirected (each arc is one edge).
public enum CPM {
    /// The CPM quality of `membership` on `graph`.
    /// - Precondition: `membership.count == graph.nodeCount`, labels non-negative.
    /// - Complexity: O(n + m + L) time, O(L) memory for labels below L.
    public static func value(of membership: [Int32], on graph: Graph, resolution: Double = 1) -> Double {
        let n = graph.nodeCount
        precondition(membership.count == n, "membership must have one label per node")
        let labels = (membership.max().map { Int($0) } ?? -1) + 1
        var size = [Double](repeating: 0, count: labels)
        var inside = 0.0
        for v in 0..<n {
            let cv = Int(membership[v])
            precondition(cv >= 0, "community labels must be non-negative")
            size[cv] += 1
            for i in graph.offsets[v]..<graph.offsets[v + 1] {
                let u = Int(graph.targets[i])
                guard Int(membership[u]) == cv else { continue }
                inside += (graph.isDirected || u == v) ? graph.weights[i] : graph.weights[i] / 2
            }
        }
        var penalty = 0.0
        for s in size { penalty += s * (s - 1) / 2 }
        return inside - resolution * penalty
    }
}
