import CiteGraphCore

/// Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast
/// unfolding of communities in large networks", J. Stat. Mech. P10008).
///
/// Each level moves single nodes to the neighbouring community of largest quality gain,
/// sweeping the nodes in a seeded random order until a sweep moves nothing, then
/// aggregates every community into one node; levels repeat until a level moves nothing (or
/// `maxLevels` is reached). Runs on the undirected weighted graph: a directed graph is first
/// made undirected with `Graph.undirected()` (reciprocal arcs become one edge of the larger
/// weight). Communities may come out internally disconnected — Leiden fixes that.
///
/// Same seed and graph ⇒ identical result.
/// - Complexity: O(m) per sweep, typically a few sweeps per level and O(log n) levels;
///   O(n + m) memory.
public struct Louvain: Sendable {
    /// γ ≥ 0 (1 = classic modularity; for CPM, the density threshold).
    public var resolution: Double
    /// The objective.
    public var quality: CommunityQuality
    /// Seed of the node-order generator.
    public var seed: UInt64
    /// Maximum number of levels (aggregations); `nil` runs until a level changes nothing.
    public var maxLevels: Int?

    public init(resolution: Double = 1, quality: CommunityQuality = .modularity, seed: UInt64 = 0,
                maxLevels: Int? = nil) {
        self.resolution = resolution; self.quality = quality; self.seed = seed; self.maxLevels = maxLevels
    }

    /// The final partition: labels in `Partition.canonicalMembership` order, `quality` the
    /// modularity (or CPM value) at `resolution` on the undirected graph.
    /// - Throws: `AlgorithmError` for a negative or non-finite resolution, `maxLevels < 1`,
    ///   or invalid weights.
    public func run(on graph: Graph) throws -> Partition {
        let levels = try partitions(on: graph)
        if let last = levels.last { return last }
        let singletons = (0..<graph.nodeCount).map { Int32($0) }
        let setup = try CommunitySetup(graph: graph, quality: quality, resolution: resolution, algorithm: "Louvain")
        return Partition(membership: singletons, quality: setup.quality(singletons, quality, resolution))
    }

    /// The partition after each level (like networkx's `louvain_partitions`); empty when the
    /// first level moves nothing. Quality never decreases from one level to the next.
    public func partitions(on graph: Graph) throws -> [Partition] {
        if let m = maxLevels, m < 1 {
            throw AlgorithmError.parameterOutOfRange(algorithm: "Louvain", parameter: "maxLevels", range: "[1, ∞)", value: Double(m))
        }
        let setup = try CommunitySetup(graph: graph, quality: quality, resolution: resolution, algorithm: "Louvain")
        var rng = SeededGenerator(seed: seed)
        var g = setup.base
        var flat = (0..<g.nodeCount).map { Int32($0) }
        var result: [Partition] = []
        while g.nodeCount > 0 {
            if let m = maxLevels, result.count >= m { break }
            var order = (0..<g.nodeCount).map { Int32($0) }
            rng.shuffle(&order)
            let mover = LocalMover(graph: g, initial: order.indices.map { Int32($0) },
                                   gammaPrime: setup.gammaPrime, epsilon: setup.epsilon)
            guard mover.sweep(g, order: order) else { break }
            var labels = mover.labels
            let k = denseLabels(&labels, labelBound: g.nodeCount)
            for v in flat.indices { flat[v] = labels[Int(flat[v])] }
            let canonical = Partition.canonicalLabels(flat)
            result.append(Partition(membership: canonical, quality: setup.quality(canonical, quality, resolution)))
            if k == g.nodeCount { break }
            g = g.aggregated(by: labels, count: k)
        }
        return result
    }
}
