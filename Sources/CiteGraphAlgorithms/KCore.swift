import CiteGraphCore

/// Core numbers (k-core decomposition) by the bucket algorithm of Batagelj & Zaversnik
/// (2003, "An O(m) algorithm for cores decomposition of networks", arXiv cs/0310049).
///
/// The core number of a node is the largest k such that it belongs to a subgraph in which
/// every node has degree at least k. Weights are ignored. For a directed graph the degree is
/// in-degree plus out-degree (so a reciprocated pair counts twice), as networkx's
/// `core_number` does; self-loops are ignored (networkx refuses graphs that have them).
public enum KCore {
    /// The core number of every node.
    /// - Complexity: O(n + m) time and memory.
    public static func coreNumbers(of graph: Graph) -> [Int] {
        let n = graph.nodeCount
        if n == 0 { return [] }
        // Neighbour multiset without self-loops: out-arcs, plus in-arcs when directed.
        let rows: [Graph] = graph.isDirected ? [graph, graph.transposed()] : [graph]
        var start = [Int](repeating: 0, count: n + 1)
        for g in rows {
            for v in 0..<n {
                for i in g.offsets[v]..<g.offsets[v + 1] where Int(g.targets[i]) != v { start[v + 1] += 1 }
            }
        }
        for v in 0..<n { start[v + 1] += start[v] }
        var nbr = [Int32](repeating: 0, count: start[n])
        var fill = start
        for g in rows {
            for v in 0..<n {
                for i in g.offsets[v]..<g.offsets[v + 1] where Int(g.targets[i]) != v {
                    nbr[fill[v]] = g.targets[i]; fill[v] += 1
                }
            }
        }
        var deg = (0..<n).map { start[$0 + 1] - start[$0] }
        let maxDeg = deg.max() ?? 0
        var bin = [Int](repeating: 0, count: maxDeg + 1)
        for d in deg { bin[d] += 1 }
        var s = 0
        for d in 0...maxDeg { let c = bin[d]; bin[d] = s; s += c }
        var pos = [Int](repeating: 0, count: n)
        var vert = [Int](repeating: 0, count: n)
        for v in 0..<n { pos[v] = bin[deg[v]]; vert[pos[v]] = v; bin[deg[v]] += 1 }
        for d in stride(from: maxDeg, to: 0, by: -1) { bin[d] = bin[d - 1] }
        bin[0] = 0
        nbr.withUnsafeBufferPointer { nb in
            for i in 0..<n {
                let v = vert[i]
                for j in start[v]..<start[v + 1] {
                    let u = Int(nb[j])
                    if deg[u] > deg[v] {
                        let du = deg[u], pu = pos[u], pw = bin[du], w = vert[pw]
                        if u != w { pos[u] = pw; vert[pu] = w; pos[w] = pu; vert[pw] = u }
                        bin[du] += 1
                        deg[u] -= 1
                    }
                }
            }
        }
        return deg
    }
}
