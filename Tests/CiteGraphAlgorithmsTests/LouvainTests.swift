import CiteGraphAlgorithms
import CiteGraphCore
import Foundation
import Testing

/// Checks that a partition labels every node with `0..<k` in canonical order.
func isCanonical(_ p: Partition, nodeCount: Int) -> Bool {
    p.membership.count == nodeCount && p.membership == Partition.canonicalMembership(p.membership)
        && Set(p.membership).count == p.communityCount
}

@Suite("Louvain")
struct LouvainTests {
    @Test("Modularity never drops across levels; partition valid; same seed, same result",
          arguments: [31, 32, 33] as [UInt64])
    func properties(seed: UInt64) throws {
        print("Louvain property test seed \(seed)")
        let g = RandomGraphs.uniform(nodes: 400, edges: 1600, seed: seed, directed: false, weighted: seed == 32, loops: true)
        let levels = try Louvain(seed: seed).partitions(on: g)
        #expect(!levels.isEmpty)
        var previous = Modularity.value(of: (0..<g.nodeCount).map { Int32($0) }, on: g)
        for level in levels {
            #expect(level.quality >= previous - 1e-12)
            #expect(abs(level.quality - Modularity.value(of: level, on: g)) < 1e-12)
            #expect(isCanonical(level, nodeCount: g.nodeCount))
            previous = level.quality
        }
        #expect(try Louvain(seed: seed).run(on: g) == levels.last)
    }

    @Test("Karate club: Q at least networkx's Louvain mean (seeds 0–4)")
    func karateClub() throws {
        let (g, f) = try karate()
        let peers = (f["louvain_modularity_seeds0-4"] as! [NSNumber]).map(\.doubleValue)
        let mean = peers.reduce(0, +) / Double(peers.count)
        let ours = try (0..<5).map { try Louvain(seed: UInt64($0)).run(on: g).quality }
        print("Louvain karate: ours \(ours), networkx \(peers)")
        #expect(ours.reduce(0, +) / 5 >= mean - 1e-9)
    }

    @Test("Cora, AAN, CiteSeer: mean Q over seeds 0–4 ≥ networkx Louvain mean",
          .enabled(if: DataSet.cora.isAvailable, "\(DataSet.missingMessage)"),
          arguments: DataSet.allCases)
    func peers(dataSet: DataSet) throws {
        let g = try dataSet.load().graph.undirected()
        let peer = try dataSet.peerModularities("networkx_louvain_seeds0-4")
        let peerMean = peer.reduce(0, +) / 5
        let ours = try (0..<5).map { try Louvain(seed: UInt64($0)).run(on: g).quality }
        let mean = ours.reduce(0, +) / 5
        print("Louvain \(dataSet): mean Q \(mean) (seeds 0–4: \(ours)); networkx mean \(peerMean)")
        #expect(mean >= peerMean - 0.002)
    }

    @Test("Invalid resolution throws")
    func validation() throws {
        let (g, _) = try karate()
        #expect(throws: AlgorithmError.self) { try Louvain(resolution: -1).run(on: g) }
        #expect(throws: AlgorithmError.self) { try Louvain(maxLevels: 0).run(on: g) }
    }
}
