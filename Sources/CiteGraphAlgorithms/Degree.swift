import CiteGraphCore

/// Degree and citation counts read off the CSR arrays.
///
/// For a citation graph (citing → cited) the in-degree of a paper is its citation count and
/// the out-degree its number of (resolved) references. An undirected graph stores each edge
/// in both rows, so its in- and out-degrees agree; a self-loop is stored, and counted, once.
public enum Degree {
    /// Number of arcs leaving each node.
    /// - Complexity: O(n).
    public static func outDegrees(of graph: Graph) -> [Int] {
        (0..<graph.nodeCount).map { graph.offsets[$0 + 1] - graph.offsets[$0] }
    }

    /// Number of arcs entering each node (citations received).
    /// - Complexity: O(n + m).
    public static func inDegrees(of graph: Graph) -> [Int] {
        var d = [Int](repeating: 0, count: graph.nodeCount)
        graph.targets.withUnsafeBufferPointer { t in
            for x in t { d[Int(x)] += 1 }
        }
        return d
    }

    /// Sum of the weights of the arcs leaving each node.
    /// - Complexity: O(n + m).
    public static func outWeights(of graph: Graph) -> [Double] {
        (0..<graph.nodeCount).map { graph.weightedDegree($0) }
    }

    /// Sum of the weights of the arcs entering each node.
    /// - Complexity: O(n + m).
    public static func inWeights(of graph: Graph) -> [Double] {
        var d = [Double](repeating: 0, count: graph.nodeCount)
        graph.targets.withUnsafeBufferPointer { t in
            graph.weights.withUnsafeBufferPointer { w in
                for i in 0..<t.count { d[Int(t[i])] += w[i] }
            }
        }
        return d
    }

    /// Citation counts as `Scores` (in-degree, or in-weight when `weighted`), so that they
    /// rank like PageRank.
    /// - Complexity: O(n + m).
    public static func citationScores(of graph: Graph, weighted: Bool = false) -> Scores {
        Scores(values: weighted ? inWeights(of: graph) : inDegrees(of: graph).map(Double.init))
    }
}
