import CiteGraphCore
import Foundation

/// Leiden community detection (Traag, Waltman & van Eck 2019, "From Louvain to Leiden:
/// guaranteeing well-connected communities", Sci. Rep. 9:5233).
///
/// One iteration, starting from the current partition P:
/// 1. fast local moving: a queue of nodes in seeded random order; a node moves to the
///    neighbouring (or an empty) community of largest gain, and its neighbours outside that
///    community are queued again;
/// 2. refinement: within each community of P, nodes start as singletons and well-connected
///    singletons merge into well-connected sub-communities, chosen at random with
///    probability ∝ exp(ΔH / θ) among non-negative gains — so every community stays
///    connected; communities are refined in parallel (`LeidenRefinement`);
/// 3. aggregation based on the refined partition, with P as the initial partition of the
///    aggregate graph; repeat from 1 until no further aggregation is possible.
///
/// Iterations repeat until one improves the quality by less than `stabilityThreshold`
/// (or `maxIterations` are done, or one changes nothing).
/// Runs on the undirected weighted graph: a directed graph is made undirected first with
/// `Graph.undirected()`. ΔH is measured in edge-weight units for both qualities (as igraph
/// and leidenalg do, not divided by m as in the paper's modularity), so with θ = 0.01 the
/// refinement is close to greedy; on Cora, AAN, CiteSeer and generated graphs this gives
/// higher modularity than the normalised form, which merges almost uniformly at random.
///
/// Same seed and graph ⇒ identical result.
/// - Complexity: O(m) per local-moving pass in practice, O(log n) levels, a few iterations;
///   O(n + m) memory.
public struct Leiden: Sendable {
    /// γ ≥ 0 (1 = classic modularity; for CPM, the density threshold).
    public var resolution: Double
    /// The objective.
    public var quality: CommunityQuality
    /// Seed of the node orders and refinement choices.
    public var seed: UInt64
    /// θ > 0, the randomness of the refinement (the paper's default 0.01).
    public var randomness: Double
    /// Number of iterations; `nil` iterates until the partition is stable, that is until an
    /// iteration improves the quality by less than `stabilityThreshold`.
    public var maxIterations: Int?
    /// Smallest quality improvement of an iteration that keeps iterating when
    /// `maxIterations` is `nil` (≥ 0; default 1e-7, networkx's Louvain threshold). With 0,
    /// iterations go on until one changes nothing, which on graphs with weak structure can
    /// take hundreds of iterations for gains in the sixth decimal.
    public var stabilityThreshold: Double = 1e-7

    public init(resolution: Double = 1, quality: CommunityQuality = .modularity, seed: UInt64 = 0,
                randomness: Double = 0.01, maxIterations: Int? = nil) {
        self.resolution = resolution; self.quality = quality; self.seed = seed
        self.randomness = randomness; self.maxIterations = maxIterations
    }

    /// Finds communities of `graph`.
    /// - Returns: labels in `Partition.canonicalMembership` order; `quality` is the modularity
    ///   (or CPM value) at `resolution` on the undirected graph.
    /// - Throws: `AlgorithmError` for a negative or non-finite resolution, θ ≤ 0,
    ///   `maxIterations < 1`, or invalid weights.
    public func run(on graph: Graph) throws -> Partition {
        guard randomness > 0 && randomness.isFinite else {
            throw AlgorithmError.parameterOutOfRange(algorithm: "Leiden", parameter: "randomness", range: "(0, ∞)", value: randomness)
        }
        if let m = maxIterations, m < 1 {
            throw AlgorithmError.parameterOutOfRange(algorithm: "Leiden", parameter: "maxIterations", range: "[1, ∞)", value: Double(m))
        }
        guard stabilityThreshold >= 0 && stabilityThreshold.isFinite else {
            throw AlgorithmError.parameterOutOfRange(algorithm: "Leiden", parameter: "stabilityThreshold", range: "[0, ∞)", value: stabilityThreshold)
        }
        let setup = try CommunitySetup(graph: graph, quality: quality, resolution: resolution, algorithm: "Leiden")
        var rng = SeededGenerator(seed: seed)
        let n = setup.base.nodeCount
        var membership = (0..<n).map { Int32($0) }
        var current = setup.quality(membership, quality, resolution)
        var iteration = 0
        while n > 0 {
            if let m = maxIterations, iteration >= m { break }
            iteration += 1
            let next = iterate(setup: setup, from: membership, rng: &rng)
            let q = setup.quality(next, quality, resolution)
            let gain = q - current
            if q >= current { membership = next; current = q }
            if maxIterations == nil && !(gain > max(stabilityThreshold, 1e-12 * max(1, abs(current)))) { break }
            if maxIterations != nil && !(gain > 1e-12 * max(1, abs(current))) { break }
        }
        let canonical = Partition.canonicalLabels(membership)
        return Partition(membership: canonical, quality: current)
    }

    /// One Leiden iteration from `start` (labels `< n`); returns the flat membership.
    private func iterate(setup: CommunitySetup, from start: [Int32], rng: inout SeededGenerator) -> [Int32] {
        var g = setup.base
        var p = start
        var flat = (0..<g.nodeCount).map { Int32($0) }  // original node → aggregate node
        while true {
            var order = (0..<g.nodeCount).map { Int32($0) }
            rng.shuffle(&order)
            let mover = LocalMover(graph: g, initial: p, gammaPrime: setup.gammaPrime, epsilon: setup.epsilon)
            _ = mover.fastMove(g, order: order)
            p = mover.labels
            let communities = denseLabels(&p, labelBound: g.nodeCount)
            if communities == g.nodeCount { break }
            var visitOrder = (0..<g.nodeCount).map { Int32($0) }
            rng.shuffle(&visitOrder)
            let refinement = LeidenRefinement(gammaPrime: setup.gammaPrime, randomness: randomness)
            var refined = refinement.refine(g, partition: p, communities: communities, order: visitOrder, seed: rng.next())
            let refinedCount = denseLabels(&refined, labelBound: g.nodeCount)
            if refinedCount == g.nodeCount { break }
            // Aggregate on the refined partition; P is the initial partition of the aggregate.
            var aggregateP = [Int32](repeating: 0, count: refinedCount)
            for v in 0..<g.nodeCount { aggregateP[Int(refined[v])] = p[v] }
            for v in flat.indices { flat[v] = refined[Int(flat[v])] }
            g = g.aggregated(by: refined, count: refinedCount)
            p = aggregateP
        }
        return flat.map { p[Int($0)] }
    }
}
