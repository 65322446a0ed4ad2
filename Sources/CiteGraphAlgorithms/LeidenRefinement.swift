import CiteGraphCore
import Dispatch
import Foundation

/// The refinement phase of Leiden (Traag, Waltman & van Eck 2019, Algorithm A.2,
/// `RefinePartition` / `MergeNodesSubset`): inside each community S of the partition P,
/// start from singletons and merge each still-singleton, well-connected node v into a
/// well-connected refined community of S chosen at random with probability
/// ∝ exp(gain / θ) among non-negative gains (its own singleton has gain 0).
///
/// Communities of P are refined independently (the paper's loop over S ∈ P), so they are
/// processed in parallel: every write touches only nodes of the community being refined
/// (refined communities are named by one of their nodes). Each community draws from its own
/// generator seeded from `seed` and its label, and visits its nodes in the order they have
/// in `order`, so the result does not depend on the number of threads.
///
/// - Complexity: O(n + m) time; O(n) memory for the shared arrays plus per-thread scratch.
struct LeidenRefinement {
    let gammaPrime: Double
    /// θ > 0.
    let randomness: Double
    /// Graphs with at least this many nodes are refined on all cores.
    var parallelThreshold = 50_000

    /// - Parameters:
    ///   - partition: dense labels `0..<communities`.
    ///   - order: a permutation of the nodes (the visiting order within each community).
    /// - Returns: refined labels (not dense); each refined community lies inside one
    ///   community of `partition` and is connected.
    func refine(_ g: CommunityGraph, partition p: [Int32], communities: Int, order: [Int32], seed: UInt64) -> [Int32] {
        let n = g.nodeCount
        var total = [Double](repeating: 0, count: communities)  // ‖S‖ per community of P
        for v in 0..<n { total[Int(p[v])] += g.nodeWeight[v] }
        // Members of each community, in `order` (counting sort, stable).
        var start = [Int](repeating: 0, count: communities + 1)
        for v in 0..<n { start[Int(p[v]) + 1] += 1 }
        for c in 0..<communities { start[c + 1] += start[c] }
        var fill = start
        var members = [Int32](repeating: 0, count: n)
        for v32 in order { let c = Int(p[Int(v32)]); members[fill[c]] = v32; fill[c] += 1 }

        var refined = (0..<n).map { Int32($0) }
        var refinedWeight = g.nodeWeight
        var refinedSize = [Int32](repeating: 1, count: n)
        var external = [Double](repeating: 0, count: n)  // E(R, S − R) per refined community
        var acc = [Double](repeating: 0, count: n)
        var seen = [Bool](repeating: false, count: n)
        let parts = n >= parallelThreshold ? ProcessInfo.processInfo.activeProcessorCount * 4 : 1
        // Chunks of consecutive communities with about equal numbers of members.
        var chunkStarts = [0]
        for k in 1..<parts {
            let goal = n * k / parts
            var c = chunkStarts[k - 1]
            while c < communities && start[c] < goal { c += 1 }
            chunkStarts.append(c)
        }
        chunkStarts.append(communities)
        let step = RefinementStep(gammaPrime: gammaPrime, randomness: randomness)
        g.offsets.withUnsafeBufferPointer { off in
        g.targets.withUnsafeBufferPointer { tg in
        g.weights.withUnsafeBufferPointer { w in
        g.nodeWeight.withUnsafeBufferPointer { nw in
        p.withUnsafeBufferPointer { p in
        total.withUnsafeBufferPointer { total in
        start.withUnsafeBufferPointer { start in
        members.withUnsafeBufferPointer { members in
        refined.withUnsafeMutableBufferPointer { refined in
        refinedWeight.withUnsafeMutableBufferPointer { refinedWeight in
        refinedSize.withUnsafeMutableBufferPointer { refinedSize in
        external.withUnsafeMutableBufferPointer { external in
        acc.withUnsafeMutableBufferPointer { acc in
        seen.withUnsafeMutableBufferPointer { seen in
            let shared = RefinementArrays(
                off: SendableBuffer(off), tg: SendableBuffer(tg), w: SendableBuffer(w), nodeWeight: SendableBuffer(nw),
                p: SendableBuffer(p), total: SendableBuffer(total), refined: SendableBuffer(refined),
                refinedWeight: SendableBuffer(refinedWeight), refinedSize: SendableBuffer(refinedSize),
                external: SendableBuffer(external), acc: SendableBuffer(acc), seen: SendableBuffer(seen))
            let startP = SendableBuffer(start), membersP = SendableBuffer(members)
            let chunks = chunkStarts
            let work: @Sendable (Int) -> Void = { chunk in
                var scratch = RefinementScratch()
                for c in chunks[chunk]..<chunks[chunk + 1] {
                    let lo = startP[c], hi = startP[c + 1]
                    // E(v, S − v) for the members of c.
                    for j in lo..<hi {
                        let v = Int(membersP[j])
                        var e = 0.0
                        for i in shared.off[v]..<shared.off[v + 1] where shared.p[Int(shared.tg[i])] == Int32(c) { e += shared.w[i] }
                        shared.external[v] = e
                    }
                    guard hi - lo > 1 else { continue }
                    var rng = SeededGenerator(seed: seed &+ UInt64(c) &* 0x9E37_79B9_7F4A_7C15)
                    for j in lo..<hi {
                        step.visit(Int(membersP[j]), community: c, shared, &scratch, &rng)
                    }
                }
            }
            if chunks.count > 2 {
                DispatchQueue.concurrentPerform(iterations: chunks.count - 1, execute: work)
            } else {
                work(0)
            }
        }}}}}}}}}}}}}}
        return refined
    }
}

/// The arrays the refinement shares between threads; each thread writes only the entries
/// of nodes in the communities it refines.
private struct RefinementArrays: Sendable {
    let off: SendableBuffer<Int>, tg: SendableBuffer<Int32>, w: SendableBuffer<Double>, nodeWeight: SendableBuffer<Double>
    let p: SendableBuffer<Int32>, total: SendableBuffer<Double>
    let refined: SendableBuffer<Int32>, refinedWeight: SendableBuffer<Double>, refinedSize: SendableBuffer<Int32>
    let external: SendableBuffer<Double>, acc: SendableBuffer<Double>, seen: SendableBuffer<Bool>
}

/// Per-thread candidate lists, reused from node to node.
private struct RefinementScratch {
    var touched: [Int32] = []
    var candidates: [Int32] = []
    var gains: [Double] = []
    var cumulative: [Double] = []
}

/// One node's step of `MergeNodesSubset`.
private struct RefinementStep: Sendable {
    let gammaPrime: Double
    let randomness: Double

    @inline(__always)
    func visit(_ v: Int, community s: Int, _ a: RefinementArrays, _ scratch: inout RefinementScratch, _ rng: inout SeededGenerator) {
        let r0 = Int(a.refined[v])
        guard a.refinedSize[r0] == 1 else { return }
        let kv = a.nodeWeight[v], totalS = a.total[s]
        // v must be well connected to its community S.
        guard a.external[v] >= gammaPrime * kv * (totalS - kv) else { return }
        for i in a.off[v]..<a.off[v + 1] {
            let u = Int(a.tg[i])
            guard a.p[u] == Int32(s) else { continue }
            let r = Int(a.refined[u])
            if !a.seen[r] { a.seen[r] = true; scratch.touched.append(Int32(r)) }
            a.acc[r] += a.w[i]
        }
        // Candidates: v's own singleton (gain 0) and well-connected refined communities
        // with non-negative gain.
        scratch.candidates.removeAll(keepingCapacity: true)
        scratch.gains.removeAll(keepingCapacity: true)
        var maxGain = 0.0
        scratch.candidates.append(Int32(r0)); scratch.gains.append(0)
        for r32 in scratch.touched where Int(r32) != r0 {
            let r = Int(r32)
            let kr = a.refinedWeight[r]
            guard a.external[r] >= gammaPrime * kr * (totalS - kr) else { continue }
            let gain = a.acc[r] - gammaPrime * kv * kr
            guard gain >= 0 else { continue }
            scratch.candidates.append(r32); scratch.gains.append(gain)
            maxGain = max(maxGain, gain)
        }
        var chosen = r0
        if scratch.candidates.count > 1 {
            scratch.cumulative.removeAll(keepingCapacity: true)
            var sum = 0.0
            for gain in scratch.gains { sum += exp((gain - maxGain) / randomness); scratch.cumulative.append(sum) }
            let x = rng.nextDouble() * sum
            var j = 0
            while j < scratch.cumulative.count - 1 && scratch.cumulative[j] <= x { j += 1 }
            chosen = Int(scratch.candidates[j])
        }
        if chosen != r0 {
            a.external[chosen] = a.external[chosen] + a.external[v] - 2 * a.acc[chosen]
            a.refinedWeight[chosen] += kv
            a.refinedSize[chosen] += 1
            a.refinedSize[r0] = 0
            a.refined[v] = Int32(chosen)
        }
        for r in scratch.touched { a.acc[Int(r)] = 0; a.seen[Int(r)] = false }
        scratch.touched.removeAll(keepingCapacity: true)
    }
}
