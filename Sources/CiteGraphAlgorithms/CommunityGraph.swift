import CiteGraphCore
import Dispatch
import Foundation

/// The quality function a community detection optimises.
public enum CommunityQuality: Sendable, Equatable {
    /// Newman–Girvan modularity with resolution γ (see `Modularity`).
    case modularity
    /// The Constant Potts Model with resolution γ (see `CPM`).
    case cpm
}

/// The working graph of Louvain and Leiden: undirected, symmetric CSR without self-loops,
/// with a weight per node (weighted degree for modularity, node count for CPM). Self-loops
/// are not needed for the moves: they only shift a community's internal weight, which the
/// node weights already account for.
struct CommunityGraph {
    var nodeCount: Int
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
    /// Modularity: weighted degree (a self-loop twice). CPM: number of original nodes.
    var nodeWeight: [Double]

    /// Builds the working graph of an undirected `graph`.
    init(_ graph: Graph, quality: CommunityQuality) {
        precondition(!graph.isDirected)
        let n = graph.nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Int32] = []; targets.reserveCapacity(graph.arcCount)
        var weights: [Double] = []; weights.reserveCapacity(graph.arcCount)
        var nodeWeight = [Double](repeating: quality == .cpm ? 1 : 0, count: n)
        graph.offsets.withUnsafeBufferPointer { off in
        graph.targets.withUnsafeBufferPointer { tg in
        graph.weights.withUnsafeBufferPointer { w in
            for v in 0..<n {
                var degree = 0.0
                for i in off[v]..<off[v + 1] {
                    if Int(tg[i]) == v { degree += 2 * w[i]; continue }
                    degree += w[i]
                    targets.append(tg[i]); weights.append(w[i])
                }
                if quality == .modularity { nodeWeight[v] = degree }
                offsets[v + 1] = targets.count
            }
        }}}
        self.nodeCount = n; self.offsets = offsets; self.targets = targets
        self.weights = weights; self.nodeWeight = nodeWeight
    }

    init(nodeCount: Int, offsets: [Int], targets: [Int32], weights: [Double], nodeWeight: [Double]) {
        self.nodeCount = nodeCount; self.offsets = offsets; self.targets = targets
        self.weights = weights; self.nodeWeight = nodeWeight
    }

    /// The graph whose nodes are the communities of `labels` (dense, `0..<count`); arcs
    /// between communities are summed, arcs inside a community dropped. Large graphs are
    /// aggregated on all cores, each worker building the rows of a range of communities.
    /// - Complexity: O(n + m) time, using a per-community accumulator with a touched list
    ///   (one per worker).
    func aggregated(by labels: [Int32], count: Int) -> CommunityGraph {
        let n = nodeCount
        // Members of each community, by counting sort.
        var start = [Int](repeating: 0, count: count + 1)
        for c in labels { start[Int(c) + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var fill = start
        var members = [Int32](repeating: 0, count: n)
        for v in 0..<n { let c = Int(labels[v]); members[fill[c]] = Int32(v); fill[c] += 1 }
        let parts = targets.count >= 1_000_000 ? ProcessInfo.processInfo.activeProcessorCount : 1
        var bounds = [0]
        for k in 1..<parts {
            var c = bounds[k - 1]
            while c < count && start[c] < n * k / parts { c += 1 }
            bounds.append(c)
        }
        bounds.append(count)
        let rows = ParallelSlots(count: parts, initial: AggregateBlock())
        offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tg in
        weights.withUnsafeBufferPointer { w in
        nodeWeight.withUnsafeBufferPointer { nw in
        labels.withUnsafeBufferPointer { lab in
        start.withUnsafeBufferPointer { start in
        members.withUnsafeBufferPointer { members in
            let offP = SendableBuffer(off), tgP = SendableBuffer(tg), wP = SendableBuffer(w), nwP = SendableBuffer(nw)
            let labP = SendableBuffer(lab), startP = SendableBuffer(start), membersP = SendableBuffer(members)
            let limits = bounds
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var block = AggregateBlock()
                var acc = [Double](repeating: 0, count: count)
                var seen = [Bool](repeating: false, count: count)
                var touched: [Int32] = []
                for c in limits[part]..<limits[part + 1] {
                    var weight = 0.0
                    for j in startP[c]..<startP[c + 1] {
                        let v = Int(membersP[j])
                        weight += nwP[v]
                        for i in offP[v]..<offP[v + 1] {
                            let cu = Int(labP[Int(tgP[i])])
                            if cu == c { continue }
                            if !seen[cu] { seen[cu] = true; touched.append(Int32(cu)) }
                            acc[cu] += wP[i]
                        }
                    }
                    for cu in touched {
                        block.targets.append(cu); block.weights.append(acc[Int(cu)])
                        acc[Int(cu)] = 0; seen[Int(cu)] = false
                    }
                    touched.removeAll(keepingCapacity: true)
                    block.rowEnds.append(block.targets.count)
                    block.nodeWeight.append(weight)
                }
                rows.set(part, block)
            }
        }}}}}}}
        // Concatenate the workers' rows.
        var newOffsets = [Int](repeating: 0, count: count + 1)
        var newTargets: [Int32] = [], newWeights: [Double] = [], newNodeWeight: [Double] = []
        newNodeWeight.reserveCapacity(count)
        var c = 0
        for block in rows.all {
            let base = newTargets.count
            newTargets.append(contentsOf: block.targets)
            newWeights.append(contentsOf: block.weights)
            newNodeWeight.append(contentsOf: block.nodeWeight)
            for end in block.rowEnds { c += 1; newOffsets[c] = base + end }
        }
        return CommunityGraph(nodeCount: count, offsets: newOffsets, targets: newTargets,
                              weights: newWeights, nodeWeight: newNodeWeight)
    }
}

/// The rows of an aggregate graph built by one worker of `CommunityGraph.aggregated`.
private struct AggregateBlock {
    var targets: [Int32] = []
    var weights: [Double] = []
    var rowEnds: [Int] = []
    var nodeWeight: [Double] = []
}

/// Renumbers labels densely `0..<k` in order of first appearance; returns the count.
func denseLabels(_ labels: inout [Int32], labelBound: Int) -> Int {
    var map = [Int32](repeating: -1, count: labelBound)
    var next: Int32 = 0
    for i in labels.indices {
        let l = Int(labels[i])
        if map[l] < 0 { map[l] = next; next += 1 }
        labels[i] = map[l]
    }
    return Int(next)
}

/// Local moving of nodes between communities on a `CommunityGraph`, shared by Louvain and
/// Leiden. The gain of putting node v (weight k_v) into community C is
/// `w(v, C) − γ' k_v K_C`, with `γ' = γ / 2m` for modularity and `γ' = γ` for CPM.
final class LocalMover {
    let gammaPrime: Double
    let epsilon: Double
    let n: Int
    /// Community of each node.
    let membership: UnsafeMutableBufferPointer<Int32>
    let communityWeight: UnsafeMutableBufferPointer<Double>
    let communitySize: UnsafeMutableBufferPointer<Int32>
    // Per-community accumulator with a touched list, reset after each node.
    let acc: UnsafeMutableBufferPointer<Double>
    let seen: UnsafeMutableBufferPointer<Bool>
    let touched: UnsafeMutableBufferPointer<Int32>
    var touchedCount = 0
    var emptyCommunities: [Int32] = []

    /// Starts from `initial` labels, which must be `< graph.nodeCount`.
    init(graph g: CommunityGraph, initial: [Int32], gammaPrime: Double, epsilon: Double) {
        n = g.nodeCount
        self.gammaPrime = gammaPrime
        self.epsilon = epsilon
        membership = .allocate(capacity: n)
        _ = membership.initialize(from: initial)
        communityWeight = .allocate(capacity: n); communityWeight.initialize(repeating: 0)
        communitySize = .allocate(capacity: n); communitySize.initialize(repeating: 0)
        acc = .allocate(capacity: n); acc.initialize(repeating: 0)
        seen = .allocate(capacity: n); seen.initialize(repeating: false)
        touched = .allocate(capacity: n); touched.initialize(repeating: 0)
        for v in 0..<n {
            communityWeight[Int(initial[v])] += g.nodeWeight[v]
            communitySize[Int(initial[v])] += 1
        }
        for c in stride(from: n - 1, through: 0, by: -1) where communitySize[c] == 0 {
            emptyCommunities.append(Int32(c))
        }
    }

    deinit {
        membership.deallocate(); communityWeight.deallocate(); communitySize.deallocate()
        acc.deallocate(); seen.deallocate(); touched.deallocate()
    }

    /// The labels as an array.
    var labels: [Int32] { Array(membership) }

    /// Moves `v` to the community of best gain (staying unless another is strictly better);
    /// returns the new community when `v` moved.
    @inline(__always)
    func move(_ v: Int, nodeWeight kv: Double, off: UnsafeBufferPointer<Int>, tg: UnsafeBufferPointer<Int32>,
              w: UnsafeBufferPointer<Double>) -> Int32? {
        let mem = membership, acc = acc, seen = seen, touched = touched, cw = communityWeight
        var count = 0
        for i in off[v]..<off[v + 1] {
            let c = Int(mem[Int(tg[i])])
            if !seen[c] { seen[c] = true; touched[count] = Int32(c); count += 1 }
            acc[c] += w[i]
        }
        let cv = mem[v]
        cw[Int(cv)] -= kv
        var best = cv
        var bestGain = acc[Int(cv)] - gammaPrime * kv * cw[Int(cv)]
        let stay = bestGain
        for j in 0..<count {
            let c = touched[j]
            let gain = acc[Int(c)] - gammaPrime * kv * cw[Int(c)]
            if gain > bestGain && c != cv { bestGain = gain; best = c }
        }
        for j in 0..<count { let c = Int(touched[j]); acc[c] = 0; seen[c] = false }
        // An empty community has gain 0; it only helps when v shares its community.
        if communitySize[Int(cv)] > 1 && 0 > bestGain, let empty = emptyCommunities.last {
            best = empty; bestGain = 0
        }
        if best == cv || bestGain <= stay + epsilon {
            cw[Int(cv)] += kv
            return nil
        }
        if best == emptyCommunities.last { emptyCommunities.removeLast() }
        cw[Int(best)] += kv
        communitySize[Int(best)] += 1
        communitySize[Int(cv)] -= 1
        if communitySize[Int(cv)] == 0 { emptyCommunities.append(cv) }
        mem[v] = best
        return best
    }

    /// Louvain's local moving: sweeps over the nodes in `order` until a sweep moves nothing.
    /// Returns whether any node moved.
    func sweep(_ g: CommunityGraph, order: [Int32]) -> Bool {
        var movedAny = false
        g.offsets.withUnsafeBufferPointer { off in
        g.targets.withUnsafeBufferPointer { tg in
        g.weights.withUnsafeBufferPointer { w in
        g.nodeWeight.withUnsafeBufferPointer { nw in
            while true {
                var moves = 0
                for v in order where move(Int(v), nodeWeight: nw[Int(v)], off: off, tg: tg, w: w) != nil { moves += 1 }
                if moves == 0 { break }
                movedAny = true
            }
        }}}}
        return movedAny
    }

    /// Leiden's fast local moving: a queue that starts with every node in `order`; after a
    /// move, the neighbours outside the new community that are not queued are queued.
    /// Returns whether any node moved.
    func fastMove(_ g: CommunityGraph, order: [Int32]) -> Bool {
        if n == 0 { return false }
        var queue = order
        var queued = [Bool](repeating: true, count: n)
        var movedAny = false
        let mem = membership
        g.offsets.withUnsafeBufferPointer { off in
        g.targets.withUnsafeBufferPointer { tg in
        g.weights.withUnsafeBufferPointer { w in
        g.nodeWeight.withUnsafeBufferPointer { nw in
        queue.withUnsafeMutableBufferPointer { q in
        queued.withUnsafeMutableBufferPointer { inQueue in
            var head = 0, count = n
            while count > 0 {
                let v = Int(q[head])
                head = head + 1 == n ? 0 : head + 1
                count -= 1
                inQueue[v] = false
                guard let c = move(v, nodeWeight: nw[v], off: off, tg: tg, w: w) else { continue }
                movedAny = true
                for i in off[v]..<off[v + 1] {
                    let u = Int(tg[i])
                    if !inQueue[u] && mem[u] != c {
                        inQueue[u] = true
                        var tail = head + count
                        if tail >= n { tail -= n }
                        q[tail] = Int32(u)
                        count += 1
                    }
                }
            }
        }}}}}}
        return movedAny
    }
}

/// Shared parameter checks and set-up for Louvain and Leiden.
struct CommunitySetup {
    let base: CommunityGraph
    let undirected: Graph
    let gammaPrime: Double
    let epsilon: Double

    init(graph: Graph, quality: CommunityQuality, resolution: Double, algorithm: String) throws {
        guard resolution >= 0 && resolution.isFinite else {
            throw AlgorithmError.parameterOutOfRange(algorithm: algorithm, parameter: "resolution", range: "[0, ∞)", value: resolution)
        }
        try graph.validateWeights(for: algorithm)
        undirected = graph.isDirected ? graph.undirected() : graph
        base = CommunityGraph(undirected, quality: quality)
        let totalNodeWeight = base.nodeWeight.reduce(0, +)
        switch quality {
        case .modularity: gammaPrime = totalNodeWeight > 0 ? resolution / totalNodeWeight : 0
        case .cpm: gammaPrime = resolution
        }
        // Gains are in units of edge weight; ignore improvements below rounding noise.
        let meanArc = base.weights.isEmpty ? 1 : base.weights.reduce(0, +) / Double(base.weights.count)
        epsilon = 1e-12 * max(meanArc, .leastNormalMagnitude)
    }

    /// The reported quality of a flat membership on the original (undirected) graph.
    func quality(_ membership: [Int32], _ q: CommunityQuality, _ resolution: Double) -> Double {
        switch q {
        case .modularity: return Modularity.value(of: membership, on: undirected, resolution: resolution)
        case .cpm: return CPM.value(of: membership, on: undirected, resolution: resolution)
        }
    }
}
