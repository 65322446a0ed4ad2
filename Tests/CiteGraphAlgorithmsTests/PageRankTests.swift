import CiteGraphAlgorithms
import CiteGraphCore
import Foundation
import Testing

@Suite("PageRank")
struct PageRankTests {
    /// The Langville–Meyer graph of networkx's test_pagerank.py with values recomputed by
    /// Tests/Fixtures/algorithms/make_fixtures.py (networkx 3.6.1, tol 1e-14).
    static func small(weighted: Bool = false) throws -> (Graph, [String: Any]) {
        let f = try TestPaths.fixture("pagerank_small.json")
        var list = EdgeList()
        if weighted {
            for e in f["weighted_edges"] as! [[NSNumber]] {
                list.append(Int32(e[0].intValue - 1), Int32(e[1].intValue - 1), e[2].doubleValue)
            }
        } else {
            for e in f["edges"] as! [[Int]] { list.append(Int32(e[0] - 1), Int32(e[1] - 1)) }
        }
        return (Graph(nodeCount: 6, edges: list, isDirected: true), f)
    }

    static func expected(_ f: [String: Any], _ key: String) -> [Double] {
        (f[key] as! [NSNumber]).map(\.doubleValue)
    }

    @Test("Langville–Meyer example equals networkx (1e-12)", arguments: [0.9, 0.85])
    func langvilleMeyer(damping: Double) throws {
        let (g, f) = try Self.small()
        let scores = try PageRank(damping: damping, tolerance: 1e-15).run(on: g)
        let want = Self.expected(f, damping == 0.9 ? "alpha0.9" : "alpha0.85")
        #expect(scores.values.maxAbsDifference(want) < 1e-12)
        #expect(scores.converged)
        #expect(abs(scores.values.reduce(0, +) - 1) < 1e-12)
    }

    @Test("Personalised, weighted and undirected variants equal networkx (1e-12)")
    func variants() throws {
        let (g, f) = try Self.small()
        let p = Self.expected(f, "personalization")
        let personalised = try PageRank(tolerance: 1e-15, personalization: p).run(on: g)
        #expect(personalised.values.maxAbsDifference(Self.expected(f, "alpha0.85_personalized")) < 1e-12)
        let (w, _) = try Self.small(weighted: true)
        let weighted = try PageRank(tolerance: 1e-15).run(on: w)
        #expect(weighted.values.maxAbsDifference(Self.expected(f, "alpha0.85_weighted")) < 1e-12)
        // networkx's to_undirected keeps one arc of a reciprocal pair (weight 1).
        let undirected = try PageRank(tolerance: 1e-15).run(on: g.undirected())
        #expect(undirected.values.maxAbsDifference(Self.expected(f, "alpha0.85_undirected")) < 1e-12)
    }

    @Test("Top 20 of Cora, AAN and CiteSeer equal networkx (max abs < 1e-6)",
          .enabled(if: DataSet.cora.isAvailable, "\(DataSet.missingMessage)"),
          arguments: DataSet.allCases)
    func peers(dataSet: DataSet) throws {
        let data = try dataSet.load()
        let metrics = try dataSet.peerMetrics()
        #expect(data.graph.nodeCount == metrics["nodes"] as! Int)
        #expect(data.graph.arcCount == metrics["directed_edges"] as! Int)
        // The peers ran networkx with tol 1e-12 (peer_metrics.json); use the same criterion.
        let scores = try PageRank(tolerance: 1e-12).run(on: data.graph)
        var worst = 0.0
        for (id, value) in try dataSet.peerPageRankTop20() {
            worst = max(worst, abs(scores.values[data.node(id)] - value))
        }
        print("PageRank \(dataSet): max abs diff vs networkx on top 20 = \(worst), iterations \(scores.iterations)")
        #expect(worst < 1e-6)
        // Same top-20 order as networkx.
        let ours = scores.ranking().prefix(20).map { data.index[Int32($0)] }
        #expect(ours == (try dataSet.peerPageRankTop20()).map(\.0))
        #expect(abs(scores.values.reduce(0, +) - 1) < 1e-9)
    }

    @Test("Personalised PageRank on Cora equals networkx (1e-9)",
          .enabled(if: DataSet.cora.isAvailable, "\(DataSet.missingMessage)"))
    func personalisedCora() throws {
        let data = try DataSet.cora.load()
        let f = try TestPaths.fixture("cora_reference.json")
        var p = [Double](repeating: 0, count: data.graph.nodeCount)
        for id in f["personalized_seeds"] as! [String] { p[data.node(id)] = 1 }
        let scores = try PageRank(tolerance: 1e-13, personalization: p).run(on: data.graph)
        for pair in f["personalized_pagerank_top20"] as! [[Any]] {
            let want = (pair[1] as! NSNumber).doubleValue
            #expect(abs(scores.values[data.node(pair[0] as! String)] - want) < 1e-9)
        }
    }

    @Test("Random graphs: scores sum to 1, relabelling permutes scores", arguments: [11, 12, 13] as [UInt64])
    func properties(seed: UInt64) throws {
        print("PageRank property test seed \(seed)")
        let g = RandomGraphs.uniform(nodes: 300, edges: 1200, seed: seed, directed: true, weighted: seed % 2 == 0)
        let scores = try PageRank().run(on: g)
        #expect(abs(scores.values.reduce(0, +) - 1) < 1e-9)
        #expect(scores.converged)
        // Relabel nodes by a seeded permutation.
        var rng = SeededGenerator(seed: seed &+ 1000)
        var perm = Array(0..<g.nodeCount)
        rng.shuffle(&perm)
        var list = EdgeList()
        for v in 0..<g.nodeCount {
            for i in g.offsets[v]..<g.offsets[v + 1] {
                list.append(Int32(perm[v]), Int32(perm[Int(g.targets[i])]), g.weights[i])
            }
        }
        let relabelled = try PageRank().run(on: Graph(nodeCount: g.nodeCount, edges: list, isDirected: true))
        let diff = (0..<g.nodeCount).map { abs(scores.values[$0] - relabelled.values[perm[$0]]) }.max()!
        #expect(diff < 1e-12)
    }

    @Test("Parallel and serial iterations give the same scores")
    func parallelMatchesSerial() throws {
        let g = RandomGraphs.uniform(nodes: 20_000, edges: 100_000, seed: 5, directed: true)
        var serial = PageRank(); serial.parallelThreshold = .max
        var parallel = PageRank(); parallel.parallelThreshold = 0
        let a = try serial.run(on: g), b = try parallel.run(on: g)
        #expect(a.values.maxAbsDifference(b.values) < 1e-15)
        #expect(a.iterations == b.iterations)
    }

    @Test("Invalid parameters throw actionable errors")
    func validation() throws {
        let (g, _) = try Self.small()
        #expect(throws: AlgorithmError.self) { try PageRank(damping: 1.2).run(on: g) }
        do {
            _ = try PageRank(damping: 1.2).run(on: g)
        } catch {
            #expect(error.localizedDescription == "PageRank damping must be in [0, 1), got 1.2")
        }
        #expect(throws: AlgorithmError.vectorLengthMismatch(algorithm: "PageRank", parameter: "personalization", expected: 6, actual: 2)) {
            try PageRank(personalization: [1, 2]).run(on: g)
        }
        #expect(throws: AlgorithmError.zeroSum(algorithm: "PageRank", parameter: "personalization")) {
            try PageRank(personalization: [0, 0, 0, 0, 0, 0]).run(on: g)
        }
        let negative = Graph(nodeCount: 2, edges: EdgeList(sources: [0], targets: [1], weights: [-1]), isDirected: true)
        #expect(throws: AlgorithmError.self) { try PageRank().run(on: negative) }
        #expect(try PageRank().run(on: Graph(nodeCount: 0, edges: EdgeList(), isDirected: true)).values.isEmpty)
    }

    @Test("Iteration limit reports non-convergence")
    func iterationLimit() throws {
        let (g, _) = try Self.small()
        let s = try PageRank(maxIterations: 2).run(on: g)
        #expect(s.iterations == 2)
        #expect(!s.converged)
        #expect(s.residual > 0)
    }
}
