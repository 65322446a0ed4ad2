import CiteGraphAlgorithms
import CiteGraphCore
import Foundation
import Testing

/// Zachary's karate club as networkx ships it, unweighted (fixture karate.json).
func karate() throws -> (Graph, [String: Any]) {
    let f = try TestPaths.fixture("karate.json")
    var list = EdgeList()
    for e in f["edges"] as! [[Int]] { list.append(Int32(e[0]), Int32(e[1])) }
    return (Graph(nodeCount: f["nodes"] as! Int, edges: list, isDirected: false), f)
}

@Suite("Modularity and CPM")
struct ModularityTests {
    @Test("Karate club split equals networkx's modularity (1e-12), at resolutions 1, 0.5, 2")
    func karateClub() throws {
        let (g, f) = try karate()
        let club = (f["club"] as! [Int]).map(Int32.init)
        for (key, gamma) in [("club_modularity", 1.0), ("club_modularity_resolution_0.5", 0.5), ("club_modularity_resolution_2", 2)] {
            let want = (f[key] as! NSNumber).doubleValue
            #expect(abs(Modularity.value(of: club, on: g, resolution: gamma) - want) < 1e-12)
        }
    }

    @Test("Self-loops count as networkx counts them")
    func selfLoops() throws {
        let (g, f) = try karate()
        var list = EdgeList()
        for v in 0..<g.nodeCount {
            for i in g.offsets[v]..<g.offsets[v + 1] where Int(g.targets[i]) > v { list.append(Int32(v), g.targets[i]) }
        }
        for e in f["self_loops"] as! [[Int]] { list.append(Int32(e[0]), Int32(e[1])) }
        let looped = Graph(nodeCount: g.nodeCount, edges: list, isDirected: false)
        let club = (f["club"] as! [Int]).map(Int32.init)
        let want = (f["club_modularity_with_self_loops"] as! NSNumber).doubleValue
        #expect(abs(Modularity.value(of: club, on: looped) - want) < 1e-12)
    }

    @Test("Trivial partitions; directed formula; CPM by hand")
    func smallCases() {
        // Two triangles joined by one edge.
        let g = Graph(nodeCount: 6, edges: EdgeList(sources: [0, 1, 2, 3, 4, 5, 2], targets: [1, 2, 0, 4, 5, 3, 3]), isDirected: false)
        #expect(abs(Modularity.value(of: [Int32](repeating: 0, count: 6), on: g)) < 1e-15)
        // Q = 2 × (3/7 − (7/14)²) = 5/14.
        #expect(abs(Modularity.value(of: [0, 0, 0, 1, 1, 1], on: g) - 5.0 / 14) < 1e-15)
        // CPM with γ = 0.5: 2 × (3 − 0.5 × 3) = 3.
        #expect(abs(CPM.value(of: [0, 0, 0, 1, 1, 1], on: g, resolution: 0.5) - 3) < 1e-15)
        // Directed 2-cycle plus an arc: Q = Σ L_c/m − d⁺d⁻/m².
        let d = Graph(nodeCount: 3, edges: EdgeList(sources: [0, 1, 1], targets: [1, 0, 2]), isDirected: true)
        // c0 = {0,1}: L = 2, out = 3, in = 2; c1 = {2}: L = 0, out = 0, in = 1 → 2/3 − 6/9.
        #expect(abs(Modularity.value(of: [0, 0, 1], on: d) - (2.0 / 3 - 6.0 / 9)) < 1e-15)
        #expect(Modularity.value(of: [0, 1], on: Graph(nodeCount: 2, edges: EdgeList(), isDirected: false)) == 0)
    }
}
