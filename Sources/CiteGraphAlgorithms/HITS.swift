import CiteGraphCore

/// Hubs and authorities (Kleinberg 1999, "Authoritative sources in a hyperlinked
/// environment", J. ACM 46(5)) by power iteration.
///
/// A good authority is cited by good hubs; a good hub cites good authorities:
/// `a = Aᵀ h`, `h = A a`, each normalised to sum 1 after every step, starting from uniform
/// vectors. The limits are the principal right and left singular vectors of the weighted
/// adjacency matrix — what networkx's `hits` computes with a sparse SVD — whenever the
/// largest singular value is simple. Iteration stops when the L1 change of the authority
/// vector is below `nodeCount × tolerance`.
///
/// - Complexity: O(iterations × (n + m)) time; O(n + m) memory for the transpose.
public struct HITS: Sendable {
    /// Per-node tolerance (positive); stop when the L1 change is below `nodeCount × tolerance`.
    public var tolerance: Double
    /// Iteration limit (≥ 1); when reached the result reports `converged == false`.
    public var maxIterations: Int

    /// Hub and authority scores, each summing to 1 (all zero for a graph without arcs).
    public struct Result: Sendable, Equatable {
        public var hubs: Scores
        public var authorities: Scores
    }

    /// - Parameters:
    ///   - tolerance: default 1e-12.
    ///   - maxIterations: default 1000.
    public init(tolerance: Double = 1e-12, maxIterations: Int = 1000) {
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// Computes hub and authority scores of every node.
    /// - Throws: `AlgorithmError` for a non-positive tolerance, an iteration limit below 1,
    ///   or negative / non-finite weights.
    /// - Complexity: O(iterations × (n + m)) time, O(n + m) memory.
    public func run(on graph: Graph) throws -> Result {
        guard tolerance > 0 && tolerance.isFinite else {
            throw AlgorithmError.parameterOutOfRange(algorithm: "HITS", parameter: "tolerance", range: "(0, ∞)", value: tolerance)
        }
        guard maxIterations >= 1 else {
            throw AlgorithmError.parameterOutOfRange(algorithm: "HITS", parameter: "maxIterations", range: "[1, ∞)", value: Double(maxIterations))
        }
        try graph.validateWeights(for: "HITS")
        let n = graph.nodeCount
        let incoming = graph.transposed()
        var hubs = [Double](repeating: n > 0 ? 1 / Double(n) : 0, count: n)
        var auth = [Double](repeating: 0, count: n)
        var previous = [Double](repeating: n > 0 ? 1 / Double(n) : 0, count: n)
        var iterations = 0
        var residual = Double.infinity
        var converged = false

        /// y[v] = Σ over the arcs of row v of w × x[target]; then normalise y to sum 1.
        func multiply(_ g: Graph, _ x: [Double], into y: inout [Double]) -> Bool {
            var total = 0.0
            g.offsets.withUnsafeBufferPointer { off in
            g.targets.withUnsafeBufferPointer { t in
            g.weights.withUnsafeBufferPointer { w in
            x.withUnsafeBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                for v in 0..<n {
                    var s = 0.0
                    for i in off[v]..<off[v + 1] { s += w[i] * xs[Int(t[i])] }
                    ys[v] = s
                    total += s
                }
                if total > 0 { for v in 0..<n { ys[v] /= total } }
            }}}}}
            return total > 0
        }

        if graph.arcCount == 0 || n == 0 {
            let zeros = [Double](repeating: 0, count: n)
            return Result(hubs: Scores(values: zeros), authorities: Scores(values: zeros))
        }
        // Authorities start as Aᵀ·uniform so that `previous` holds a comparable vector.
        _ = multiply(incoming, hubs, into: &previous)
        while iterations < maxIterations {
            iterations += 1
            guard multiply(graph, previous, into: &hubs), multiply(incoming, hubs, into: &auth) else { break }
            var err = 0.0
            for v in 0..<n { err += abs(auth[v] - previous[v]) }
            residual = err
            swap(&auth, &previous)
            if err < Double(n) * tolerance { converged = true; break }
        }
        // `previous` holds the latest authorities; hubs from them.
        _ = multiply(graph, previous, into: &hubs)
        return Result(
            hubs: Scores(values: hubs, iterations: iterations, residual: residual, converged: converged),
            authorities: Scores(values: previous, iterations: iterations, residual: residual, converged: converged))
    }
}
