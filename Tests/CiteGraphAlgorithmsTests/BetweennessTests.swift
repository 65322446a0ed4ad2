import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphAlgorithms

/// Reference values: networkx 3.6.1 `betweenness_centrality(normalized=True)`, written by
/// Tests/Fixtures/algorithms/make_betweenness.py into betweenness.json.
@Suite struct BetweennessTests {
    @Test func karateClubEqualsNetworkx() throws {
        let fixture = try TestPaths.fixture("betweenness.json")
        let pairs = try #require(fixture["karate_edges"] as? [[Int]])
        var edges = EdgeList()
        for p in pairs { edges.append(Int32(p[0]), Int32(p[1])) }
        let graph = Graph(nodeCount: 34, edges: edges, isDirected: false)
        let scores = try Betweenness().run(on: graph)
        let expected = try #require(fixture["karate"] as? [String: Double])
        for (node, value) in expected {
            #expect(abs(scores.values[Int(node)!] - value) < 1e-12, "node \(node)")
        }
    }

    @Test func coraDirectedTop20EqualsNetworkx() throws {
        guard DataSet.cora.isAvailable else { print(DataSet.missingMessage); return }
        let fixture = try TestPaths.fixture("betweenness.json")
        let top = try #require(fixture["cora_top20"] as? [[Any]])
        let cora = try DataSet.cora.load()
        let scores = try Betweenness().run(on: cora.graph)
        for pair in top {
            let id = try #require(pair[0] as? String), value = try #require(pair[1] as? Double)
            #expect(abs(scores.values[cora.node(id)] - value) < 1e-12, "node \(id)")
        }
    }

    /// Sampling: estimates within the stated Hoeffding bound of the exact values (seed printed).
    @Test func sampledEstimateIsWithinItsBound() throws {
        let seed: UInt64 = 11
        print("betweenness sampling seed \(seed)")
        let fixture = try TestPaths.fixture("betweenness.json")
        let pairs = try #require(fixture["karate_edges"] as? [[Int]])
        var edges = EdgeList()
        for p in pairs { edges.append(Int32(p[0]), Int32(p[1])) }
        let graph = Graph(nodeCount: 34, edges: edges, isDirected: false)
        let exact = try Betweenness().run(on: graph).values
        let sampler = Betweenness(samples: 20, seed: seed)
        let estimate = try sampler.run(on: graph).values
        let bound = sampler.errorBound(nodeCount: 34, delta: 0.05)
        #expect(bound > 0)
        #expect(zip(exact, estimate).allSatisfy { abs($0 - $1) <= bound })
        #expect(try Betweenness(samples: 20, seed: seed).run(on: graph).values == estimate, "same seed, same estimate")
    }
}
