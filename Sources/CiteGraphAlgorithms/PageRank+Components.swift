import CiteGraphCore

/// PageRank as a linear system solved component by component, the approach of PRPACK
/// (Gleich et al., "PRPACK: PageRank solvers", preprocessing by strongly connected
/// components).
///
/// With teleport vector `p` and dangling mass redistributed by `p`, the PageRank vector is
/// `x = y / Σy` where `y = p + d · Pᵀ y` and `P` is the row-normalised adjacency matrix
/// (dangling rows zero): the dangling term only rescales `p`. Visiting the strongly
/// connected components in topological order, every arc into a component comes from one
/// already solved, so a component of one node is solved exactly in one step and a larger
/// component by Gauss–Seidel sweeps over its own arcs only. On a citation graph, which is
/// nearly acyclic (arcs point back in time), almost every node is solved exactly once.
extension PageRank {
    /// The outcome of `solveByComponents`.
    struct ComponentSolution {
        /// PageRank vector, summing to 1.
        var values: [Double]
        /// Most Gauss–Seidel sweeps any component needed (1 when the graph is acyclic).
        var sweeps: Int
        /// False when some component reached the sweep limit before its tolerance.
        var converged: Bool
    }

    /// - Parameters:
    ///   - teleport: normalised teleport vector `p`.
    ///   - inverseOutWeight: `1 / out-weight` per node, 0 for dangling nodes.
    /// - Complexity: O(n + m) plus O(sweeps × arcs) inside cyclic components; O(n) extra
    ///   memory beyond the largest cyclic component's arcs.
    func solveByComponents(_ graph: Graph, teleport: [Double], inverseOutWeight: [Double]) -> ComponentSolution {
        let n = graph.nodeCount
        let order = CondensationOrder(graph)
        var y = [Double](repeating: 0, count: n)
        var inflow = [Double](repeating: 0, count: n)  // d · Σ P[u][v] y[u] over solved u
        var local = CyclicComponentBuffers()
        var sweeps = 1
        var converged = true
        let d = damping
        graph.offsets.withUnsafeBufferPointer { off in
        graph.targets.withUnsafeBufferPointer { tg in
        graph.weights.withUnsafeBufferPointer { w in
        inverseOutWeight.withUnsafeBufferPointer { inv in
        teleport.withUnsafeBufferPointer { p in
        order.nodes.withUnsafeBufferPointer { nodes in
        order.component.withUnsafeBufferPointer { comp in
        y.withUnsafeMutableBufferPointer { y in
        inflow.withUnsafeMutableBufferPointer { inflow in
            for c in 0..<order.componentCount {
                let lo = Int(order.starts[c]), hi = Int(order.starts[c + 1])
                if hi - lo == 1 {
                    let v = Int(nodes[lo])
                    var selfShare = 0.0
                    for i in off[v]..<off[v + 1] where Int(tg[i]) == v { selfShare += w[i] }
                    let value = (p[v] + inflow[v]) / (1 - d * selfShare * inv[v])
                    y[v] = value
                    let f = d * value * inv[v]
                    if f != 0 {
                        for i in off[v]..<off[v + 1] { inflow[Int(tg[i])] += f * w[i] }  // self-arc: harmless, v is done
                    }
                    continue
                }
                let (used, done) = local.solve(
                    members: UnsafeBufferPointer(rebasing: nodes[lo..<hi]), component: Int32(c), comp: comp,
                    offsets: off, targets: tg, weights: w, inverseOutWeight: inv, teleport: p, inflow: inflow, y: y,
                    damping: d, tolerance: tolerance, maxSweeps: maxIterations)
                sweeps = max(sweeps, used)
                if !done { converged = false }
                for u in nodes[lo..<hi] {
                    let f = d * y[Int(u)] * inv[Int(u)]
                    if f == 0 { continue }
                    for i in off[Int(u)]..<off[Int(u) + 1] where comp[Int(tg[i])] != Int32(c) { inflow[Int(tg[i])] += f * w[i] }
                }
            }
        }}}}}}}}}
        let total = y.reduce(0, +)
        if total > 0 { for v in 0..<n { y[v] /= total } }
        return ComponentSolution(values: y, sweeps: sweeps, converged: converged)
    }
}

/// Reusable arrays for the Gauss–Seidel solve of one cyclic component: its arcs, restricted
/// to the component and transposed, as a local CSR.
private struct CyclicComponentBuffers {
    var position: [Int32] = []  // node → index within its component (valid for the current one)
    var offsets: [Int] = []
    var sources: [Int32] = []
    var coefficients: [Double] = []
    var base: [Double] = []

    /// Solves `y[v] = p[v] + inflow[v] + d · Σ_{u→v in component} P[u][v] y[u]` for the members
    /// by Gauss–Seidel until the L1 change of a sweep is below `tolerance × size / 100` (a
    /// hundredth of power iteration's criterion, so that results do not depend on node order).
    /// - Returns: sweeps used and whether the tolerance was met.
    mutating func solve(
        members: UnsafeBufferPointer<Int32>, component c: Int32, comp: UnsafeBufferPointer<Int32>,
        offsets off: UnsafeBufferPointer<Int>, targets tg: UnsafeBufferPointer<Int32>, weights w: UnsafeBufferPointer<Double>,
        inverseOutWeight inv: UnsafeBufferPointer<Double>, teleport p: UnsafeBufferPointer<Double>,
        inflow: UnsafeMutableBufferPointer<Double>, y: UnsafeMutableBufferPointer<Double>,
        damping d: Double, tolerance: Double, maxSweeps: Int
    ) -> (sweeps: Int, converged: Bool) {
        let size = members.count
        if position.count < comp.count { position = [Int32](repeating: 0, count: comp.count) }
        for (a, v) in members.enumerated() { position[Int(v)] = Int32(a) }
        offsets.removeAll(keepingCapacity: true)
        offsets.append(contentsOf: repeatElement(0, count: size + 1))
        for u in members {
            for i in off[Int(u)]..<off[Int(u) + 1] where comp[Int(tg[i])] == c { offsets[Int(position[Int(tg[i])]) + 1] += 1 }
        }
        for a in 0..<size { offsets[a + 1] += offsets[a] }
        let arcs = offsets[size]
        sources.removeAll(keepingCapacity: true)
        sources.append(contentsOf: repeatElement(0, count: arcs))
        coefficients.removeAll(keepingCapacity: true)
        coefficients.append(contentsOf: repeatElement(0, count: arcs))
        var cursor = Array(offsets[0..<size])
        for (a, u) in members.enumerated() {
            for i in off[Int(u)]..<off[Int(u) + 1] where comp[Int(tg[i])] == c {
                let b = Int(position[Int(tg[i])])
                sources[cursor[b]] = Int32(a)
                coefficients[cursor[b]] = d * w[i] * inv[Int(u)]
                cursor[b] += 1
            }
        }
        base.removeAll(keepingCapacity: true)
        var values = [Double](repeating: 0, count: size)
        for (a, v) in members.enumerated() {
            base.append(p[Int(v)] + inflow[Int(v)])
            values[a] = base[a]
        }
        var sweeps = 0
        var converged = false
        offsets.withUnsafeBufferPointer { lo in
        sources.withUnsafeBufferPointer { src in
        coefficients.withUnsafeBufferPointer { coef in
        base.withUnsafeBufferPointer { base in
        values.withUnsafeMutableBufferPointer { x in
            while sweeps < maxSweeps {
                sweeps += 1
                var change = 0.0
                for b in 0..<size {
                    var s = base[b]
                    for i in lo[b]..<lo[b + 1] { s += coef[i] * x[Int(src[i])] }
                    change += abs(s - x[b])
                    x[b] = s
                }
                if change < tolerance * Double(size) * 0.01 { converged = true; break }
            }
        }}}}}
        for (a, v) in members.enumerated() { y[Int(v)] = values[a] }
        return (sweeps, converged)
    }
}
