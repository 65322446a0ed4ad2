import CiteGraphCore
import Foundation

/// Betweenness centrality: the share of shortest paths between other pairs of nodes that
/// pass through each node.
///
/// Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25 (2001):
/// one breadth-first search per source with dependency accumulation, on the unweighted graph
/// (edge weights here are similarities or counts, not lengths). Normalised as networkx's
/// `betweenness_centrality(normalized=True)`: divided by (n−1)(n−2).
///
/// For large graphs, `samples` sources are drawn uniformly (Brandes & Pich 2007) and the
/// sum scaled by n / samples. Error bound (Hoeffding; each source contributes a value in
/// [0, 1] to a normalised score): with probability ≥ 1 − δ every node's estimate is within
/// ε = sqrt(ln(2n/δ) / (2·samples)) of its exact value; `errorBound(nodeCount:delta:)` gives it.
///
/// - Complexity: O(s·(n + m)) time for s sources (s = n when exact), O(n + m) memory per
///   thread; sources are split across cores.
public struct Betweenness: Sendable {
    /// Number of sampled sources; nil for the exact value.
    public var samples: Int?
    /// Seed of the source sample.
    public var seed: UInt64

    public init(samples: Int? = nil, seed: UInt64 = 0) {
        self.samples = samples
        self.seed = seed
    }

    /// ε such that every estimate is within ε of the exact normalised value with probability
    /// ≥ 1 − `delta` (0 when exact).
    public func errorBound(nodeCount: Int, delta: Double = 0.05) -> Double {
        guard let samples, samples < nodeCount else { return 0 }
        return (log(2 * Double(nodeCount) / delta) / (2 * Double(samples))).squareRoot()
    }

    /// The betweenness of every node.
    /// - Throws: `AlgorithmError.parameterOutOfRange` for a non-positive sample count.
    public func run(on graph: Graph) throws -> Scores {
        let n = graph.nodeCount
        if let samples, samples < 1 {
            throw AlgorithmError.parameterOutOfRange(algorithm: "Betweenness", parameter: "samples", range: "≥ 1", value: Double(samples))
        }
        guard n > 2 else { return Scores(values: [Double](repeating: 0, count: n)) }
        var sources = Array(0..<n)
        if let samples, samples < n {
            var generator = SeededGenerator(seed: seed)
            generator.shuffle(&sources)
            sources = Array(sources.prefix(samples))
        }
        let parts = min(sources.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let partial = ParallelSlots(count: parts, initial: [Double]())
        let sourceList = sources
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lo = sourceList.count * part / parts, hi = sourceList.count * (part + 1) / parts
            var totals = [Double](repeating: 0, count: n)
            var sigma = [Double](repeating: 0, count: n)
            var distance = [Int32](repeating: -1, count: n)
            var delta = [Double](repeating: 0, count: n)
            var order = [Int32](repeating: 0, count: n)
            var queueHead = 0
            graph.offsets.withUnsafeBufferPointer { offsets in
                graph.targets.withUnsafeBufferPointer { targets in
                    for s in sourceList[lo..<hi] {
                        // BFS from s, recording visit order.
                        var count = 0
                        queueHead = 0
                        sigma[s] = 1
                        distance[s] = 0
                        order[count] = Int32(s); count += 1
                        while queueHead < count {
                            let v = Int(order[queueHead]); queueHead += 1
                            let dv = distance[v]
                            for i in offsets[v]..<offsets[v + 1] {
                                let w = Int(targets[i])
                                if distance[w] < 0 {
                                    distance[w] = dv + 1
                                    order[count] = Int32(w); count += 1
                                }
                                if distance[w] == dv + 1 { sigma[w] += sigma[v] }
                            }
                        }
                        // Dependencies in reverse BFS order: predecessors are found again
                        // from the distances, so no predecessor lists are stored.
                        var k = count - 1
                        while k >= 0 {
                            let w = Int(order[k])
                            let dw = distance[w]
                            for i in offsets[w]..<offsets[w + 1] {
                                let x = Int(targets[i])
                                if distance[x] == dw + 1 { delta[w] += sigma[w] / sigma[x] * (1 + delta[x]) }
                            }
                            if w != s { totals[w] += delta[w] }
                            k -= 1
                        }
                        for k in 0..<count {
                            let v = Int(order[k])
                            sigma[v] = 0; distance[v] = -1; delta[v] = 0
                        }
                    }
                }
            }
            partial.set(part, totals)
        }
        var values = [Double](repeating: 0, count: n)
        for totals in partial.all where !totals.isEmpty { for v in 0..<n { values[v] += totals[v] } }
        // networkx: normalised by 1/((n−1)(n−2)) for directed and undirected graphs alike
        // (undirected paths are counted from both ends, which the halving would undo).
        var scale = 1 / Double((n - 1) * (n - 2))
        scale *= Double(n) / Double(sources.count)
        return Scores(values: values.map { $0 * scale })
    }
}
