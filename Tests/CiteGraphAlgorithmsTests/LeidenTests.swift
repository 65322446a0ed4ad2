import CiteGraphAlgorithms
import CiteGraphCore
import Foundation
import Testing

/// Whether every community of `p` induces a connected subgraph of `g`.
func communitiesAreConnected(_ p: Partition, on g: Graph) -> Bool {
    // Keep only arcs inside communities; then each community must be one component.
    var list = EdgeList()
    for v in 0..<g.nodeCount {
        for i in g.offsets[v]..<g.offsets[v + 1] where p.membership[Int(g.targets[i])] == p.membership[v] {
            list.append(Int32(v), g.targets[i])
        }
    }
    let inside = Graph(nodeCount: g.nodeCount, edges: list, isDirected: true)
    return Components.weaklyConnected(inside).count == p.communityCount
}

@Suite("Leiden")
struct LeidenTests {
    @Test("Karate club: Q ≥ 0.4198 (the known optimum), communities connected")
    func karateClub() throws {
        let (g, _) = try karate()
        for seed in 0..<5 as Range<UInt64> {
            let p = try Leiden(seed: seed).run(on: g)
            print("Leiden karate seed \(seed): Q = \(p.quality), \(p.communityCount) communities")
            #expect(p.quality >= 0.4197896)
            #expect(communitiesAreConnected(p, on: g))
        }
    }

    @Test("Cora, AAN, CiteSeer: Q ≥ leidenalg's best of five seeds, or within 0.005",
          .enabled(if: DataSet.cora.isAvailable, "\(DataSet.missingMessage)"),
          arguments: DataSet.allCases)
    func peers(dataSet: DataSet) throws {
        let g = try dataSet.load().graph.undirected()
        let best = try dataSet.peerModularities("leidenalg_ModularityVertexPartition_seeds0-4").max()!
        let p = try Leiden(seed: 0).run(on: g)
        print("Leiden \(dataSet): Q \(p.quality), \(p.communityCount) communities; leidenalg best \(best), gap \(best - p.quality)")
        #expect(p.quality >= best - 0.005)
        #expect(communitiesAreConnected(p, on: g))
        #expect(abs(p.quality - Modularity.value(of: p, on: g)) < 1e-12)
    }

    @Test("Random graphs: valid, connected, deterministic, stable across seeds",
          arguments: [41, 42, 43] as [UInt64])
    func properties(seed: UInt64) throws {
        print("Leiden property test seed \(seed)")
        let g = RandomGraphs.planted(groups: 8, size: 50, inside: 4, outside: 1, seed: seed)
        let a = try Leiden(seed: seed).run(on: g)
        let b = try Leiden(seed: seed).run(on: g)
        #expect(a == b)
        #expect(isCanonical(a, nodeCount: g.nodeCount))
        #expect(communitiesAreConnected(a, on: g))
        let other = try Leiden(seed: seed + 100).run(on: g)
        let nmi = PartitionComparison.normalizedMutualInformation(a, other)
        print("Leiden seed \(seed) vs \(seed + 100): NMI \(nmi), Q \(a.quality) / \(other.quality)")
        #expect(nmi > 0.9)
        // Leiden starts where Louvain ends in quality terms.
        #expect(a.quality >= (try Louvain(seed: seed).run(on: g)).quality - 0.01)
    }

    @Test("CPM: communities denser than γ; quality equals CPM.value")
    func cpm() throws {
        let (g, _) = try karate()
        let p = try Leiden(resolution: 0.1, quality: .cpm, seed: 1).run(on: g)
        #expect(abs(p.quality - CPM.value(of: p.membership, on: g, resolution: 0.1)) < 1e-12)
        #expect(communitiesAreConnected(p, on: g))
        #expect(p.quality > CPM.value(of: (0..<34).map { Int32($0) }, on: g, resolution: 0.1))
    }

    @Test("Invalid parameters throw; edge cases")
    func validation() throws {
        let (g, _) = try karate()
        #expect(throws: AlgorithmError.self) { try Leiden(randomness: 0).run(on: g) }
        #expect(throws: AlgorithmError.self) { try Leiden(resolution: .nan).run(on: g) }
        #expect(throws: AlgorithmError.self) { try Leiden(maxIterations: 0).run(on: g) }
        let empty = try Leiden().run(on: Graph(nodeCount: 0, edges: EdgeList(), isDirected: false))
        #expect(empty.membership.isEmpty)
        let isolated = try Leiden().run(on: Graph(nodeCount: 3, edges: EdgeList(), isDirected: false))
        #expect(isolated.communityCount == 3)
    }
}
