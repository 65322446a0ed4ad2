import CiteGraphCore
import Dispatch
import Foundation

/// PageRank (Brin & Page 1998, "The anatomy of a large-scale hypertextual Web search
/// engine"; Page, Brin, Motwani & Winograd 1999) by power iteration, with the same
/// definition as networkx's `pagerank`.
///
/// Arcs point from the citing paper to the cited one, so rank flows to cited papers. Each
/// node's out-weights are normalised to sum to 1. The mass of dangling nodes (no out-arcs,
/// or out-weight 0) is redistributed by the personalization vector — uniformly when there is
/// none — exactly as networkx does. An undirected graph works too: each edge is followed in
/// both directions.
///
/// Two solvers (`method`):
/// - **Components** (default for directed graphs): the linear system `y = p + d · Pᵀ y`,
///   solved strongly connected component by component in topological order (exact in one
///   step for a node on no cycle, Gauss–Seidel inside cyclic components) — PRPACK's
///   approach; see `PageRank+Components.swift`. The result is then checked with one power
///   iteration step, whose L1 change is the reported residual; if it is not below
///   `nodeCount × tolerance`, power iteration continues from it.
/// - **Power iteration** (undirected graphs, or on request): each iteration computes
///   `x' = d · (Aᵀ_norm · x + (Σ_dangling x) · p) + (1 − d) · p` as a pull over the in-arcs
///   (the transpose is built once) on both cores, in two preallocated buffers that are
///   swapped, until the L1 change `Σ |x' − x|` is below `nodeCount × tolerance`
///   (networkx's criterion) or after `maxIterations`.
/// The returned `Scores` tells the iterations (sweeps) run, the final L1 residual and
/// whether it converged.
///
/// ```swift
/// let scores = try PageRank(damping: 0.85).run(on: citations)
/// let top = scores.ranking().prefix(20)
/// ```
///
/// - Complexity: components: O(n + m) for an acyclic graph, plus O(m_c) per sweep inside each
///   cyclic component of m_c arcs, O(n) extra memory (about 44 bytes per node); power
///   iteration: O(n + m) per iteration on both cores when the graph has at least
///   `parallelThreshold` arcs, O(n + m) memory for the transpose plus three `n`-vectors.
public struct PageRank: Sendable {
    /// Probability of following an arc rather than teleporting; in `[0, 1)`.
    public var damping: Double
    /// Per-node tolerance: iteration stops when the L1 change is below `nodeCount × tolerance`.
    /// Must be positive.
    public var tolerance: Double
    /// Iteration limit (≥ 1). When reached, the scores are returned with `converged == false`.
    public var maxIterations: Int
    /// Teleport (and dangling-redistribution) weights, one per node, non-negative with a
    /// positive sum; normalised internally. `nil` means uniform.
    public var personalization: [Double]?
    /// Graphs with at least this many arcs are iterated on all cores (power iteration).
    public var parallelThreshold: Int = 200_000
    /// How the scores are computed.
    public var method: Method = .automatic

    /// PageRank solvers; all give the same vector within the tolerance.
    public enum Method: String, Sendable, CaseIterable {
        /// Components for directed graphs, power iteration for undirected ones.
        case automatic
        /// Strongly connected components in topological order (PRPACK's approach).
        case components
        /// Power iteration from the uniform vector (networkx's method).
        case powerIteration = "power-iteration"
    }

    /// - Parameters:
    ///   - damping: in `[0, 1)`, default 0.85.
    ///   - tolerance: default 1e-10 (networkx uses 1e-6 by default; this is stricter).
    ///   - maxIterations: default 1000.
    ///   - personalization: optional per-node teleport weights.
    public init(damping: Double = 0.85, tolerance: Double = 1e-10, maxIterations: Int = 1000,
                personalization: [Double]? = nil) {
        self.damping = damping
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.personalization = personalization
    }

    /// Checks the parameters against a graph of `nodeCount` nodes.
    /// - Throws: `AlgorithmError` naming the first invalid parameter.
    public func validate(nodeCount: Int) throws {
        guard damping >= 0 && damping < 1 else {
            throw AlgorithmError.parameterOutOfRange(algorithm: "PageRank", parameter: "damping", range: "[0, 1)", value: damping)
        }
        guard tolerance > 0 && tolerance.isFinite else {
            throw AlgorithmError.parameterOutOfRange(algorithm: "PageRank", parameter: "tolerance", range: "(0, ∞)", value: tolerance)
        }
        guard maxIterations >= 1 else {
            throw AlgorithmError.parameterOutOfRange(algorithm: "PageRank", parameter: "maxIterations", range: "[1, ∞)", value: Double(maxIterations))
        }
        if let p = personalization {
            guard p.count == nodeCount else {
                throw AlgorithmError.vectorLengthMismatch(algorithm: "PageRank", parameter: "personalization", expected: nodeCount, actual: p.count)
            }
            for (i, x) in p.enumerated() where !(x >= 0 && x.isFinite) {
                throw AlgorithmError.invalidVectorEntry(algorithm: "PageRank", parameter: "personalization", index: i, value: x)
            }
            if nodeCount > 0 && p.reduce(0, +) <= 0 {
                throw AlgorithmError.zeroSum(algorithm: "PageRank", parameter: "personalization")
            }
        }
    }

    /// Computes PageRank of every node of `graph`.
    /// - Parameter graph: directed (citing → cited) or undirected; weights must be finite and
    ///   non-negative.
    /// - Returns: scores summing to 1, with iterations, residual and convergence.
    /// - Throws: `AlgorithmError` for invalid parameters or weights.
    /// - Complexity: O(iterations × (n + m)) time, O(n + m) memory.
    public func run(on graph: Graph) throws -> Scores {
        let n = graph.nodeCount
        try validate(nodeCount: n)
        try graph.validateWeights(for: "PageRank")
        if n == 0 { return Scores(values: [], iterations: 0, residual: 0, converged: true) }

        // Teleport vector p (normalised) and out-weight reciprocals.
        var p: [Double]
        if let given = personalization {
            let s = given.reduce(0, +)
            p = given.map { $0 / s }
        } else {
            p = [Double](repeating: 1 / Double(n), count: n)
        }
        var invOut = [Double](repeating: 0, count: n)
        graph.weights.withUnsafeBufferPointer { w in
            for v in 0..<n {
                var s = 0.0
                for i in graph.offsets[v]..<graph.offsets[v + 1] { s += w[i] }
                invOut[v] = s > 0 ? 1 / s : 0
            }
        }
        if graph.isDirected && method != .powerIteration {
            let solved = solveByComponents(graph, teleport: p, inverseOutWeight: invOut)
            let (next, residual) = powerStep(graph, from: solved.values, teleport: p, inverseOutWeight: invOut)
            if residual < Double(n) * tolerance {
                return Scores(values: next, iterations: solved.sweeps, residual: residual, converged: true)
            }
            guard solved.sweeps < maxIterations else {
                return Scores(values: next, iterations: solved.sweeps, residual: residual, converged: false)
            }
            return powerIterate(graph, from: next, iterationsUsed: solved.sweeps, teleport: p, inverseOutWeight: invOut)
        }
        return powerIterate(graph, from: [Double](repeating: 1 / Double(n), count: n), iterationsUsed: 0,
                            teleport: p, inverseOutWeight: invOut)
    }

    /// One power-iteration step by pushing along the out-arcs (no transpose needed).
    /// - Returns: the next vector and its L1 distance from `x`.
    /// - Complexity: O(n + m).
    func powerStep(_ graph: Graph, from x: [Double], teleport: [Double], inverseOutWeight: [Double]) -> ([Double], Double) {
        let n = graph.nodeCount
        var next = [Double](repeating: 0, count: n)
        var dangling = 0.0
        graph.offsets.withUnsafeBufferPointer { off in
        graph.targets.withUnsafeBufferPointer { tg in
        graph.weights.withUnsafeBufferPointer { w in
        inverseOutWeight.withUnsafeBufferPointer { inv in
        next.withUnsafeMutableBufferPointer { next in
            for u in 0..<n {
                if inv[u] == 0 { dangling += x[u]; continue }
                let f = damping * x[u] * inv[u]
                for i in off[u]..<off[u + 1] { next[Int(tg[i])] += f * w[i] }
            }
        }}}}}
        let scale = damping * dangling + (1 - damping)
        var residual = 0.0
        for v in 0..<n {
            next[v] += scale * teleport[v]
            residual += abs(next[v] - x[v])
        }
        return (next, residual)
    }

    /// Power iteration from `start` until the tolerance or `maxIterations` in all.
    func powerIterate(_ graph: Graph, from start: [Double], iterationsUsed: Int, teleport p: [Double],
                      inverseOutWeight invOut: [Double]) -> Scores {
        let n = graph.nodeCount
        let incoming = graph.transposed()
        let unitWeights = incoming.weights.allSatisfy { $0 == 1 }

        var x = start
        var next = [Double](repeating: 0, count: n)
        var contrib = [Double](repeating: 0, count: n)
        let d = damping
        let parts = incoming.arcCount >= parallelThreshold ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        let ranges = balancedRanges(offsets: incoming.offsets, parts: parts)
        var partial = [Double](repeating: 0, count: ranges.count)
        var iterations = iterationsUsed
        var residual = Double.infinity
        var converged = false

        incoming.offsets.withUnsafeBufferPointer { off in
        incoming.targets.withUnsafeBufferPointer { src in
        incoming.weights.withUnsafeBufferPointer { wts in
        invOut.withUnsafeBufferPointer { inv in
        p.withUnsafeBufferPointer { tele in
            while iterations < maxIterations {
                iterations += 1
                // Contributions and dangling mass of the current vector.
                var dangling = 0.0
                x.withUnsafeBufferPointer { xs in
                    contrib.withUnsafeMutableBufferPointer { c in
                        for u in 0..<n {
                            let f = inv[u]
                            if f == 0 { dangling += xs[u] }
                            c[u] = xs[u] * f
                        }
                    }
                }
                let base = d * dangling
                let xsP = x.withUnsafeBufferPointer { SendableBuffer($0) }
                let cP = contrib.withUnsafeBufferPointer { SendableBuffer($0) }
                let nextP = next.withUnsafeMutableBufferPointer { SendableBuffer($0) }
                let partP = partial.withUnsafeMutableBufferPointer { SendableBuffer($0) }
                let offP = SendableBuffer(off), srcP = SendableBuffer(src), wP = SendableBuffer(wts)
                let teleP = SendableBuffer(tele)
                let work: @Sendable (Int) -> Void = { part in
                    var err = 0.0
                    for v in ranges[part] {
                        var s = 0.0
                        let lo = offP[v], hi = offP[v + 1]
                        if unitWeights {
                            for i in lo..<hi { s += cP[Int(srcP[i])] }
                        } else {
                            for i in lo..<hi { s += wP[i] * cP[Int(srcP[i])] }
                        }
                        let t = teleP[v]
                        let value = d * s + base * t + (1 - d) * t
                        nextP[v] = value
                        err += abs(value - xsP[v])
                    }
                    partP[part] = err
                }
                if ranges.count > 1 {
                    DispatchQueue.concurrentPerform(iterations: ranges.count, execute: work)
                } else {
                    work(0)
                }
                residual = partial.reduce(0, +)
                swap(&x, &next)
                if residual < Double(n) * tolerance { converged = true; break }
            }
        }}}}}
        return Scores(values: x, iterations: iterations, residual: residual, converged: converged)
    }
}
