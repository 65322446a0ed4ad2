import CiteGraphAlgorithms
import CiteGraphCore
import Foundation
import Testing

@Suite("Components")
struct ComponentsTests {
    @Test("Cora weak and strong components equal networkx",
          .enabled(if: DataSet.cora.isAvailable, "\(DataSet.missingMessage)"))
    func cora() throws {
        let data = try DataSet.cora.load()
        let f = try TestPaths.fixture("cora_reference.json")
        let weak = Components.weaklyConnected(data.graph)
        let strong = Components.stronglyConnected(data.graph)
        #expect(weak.count == f["weak_component_count"] as! Int)  // 78, also in peer_metrics.json
        #expect(Array(weak.sizes.prefix(10)) == f["weak_component_sizes_top10"] as! [Int])
        #expect(strong.count == f["strong_component_count"] as! Int)  // 2526
        #expect(Array(strong.sizes.prefix(10)) == f["strong_component_sizes_top10"] as! [Int])
    }

    @Test("AAN and CiteSeer weak component counts equal peer_metrics.json",
          .enabled(if: DataSet.aan.isAvailable, "\(DataSet.missingMessage)"),
          arguments: [DataSet.aan, DataSet.citeseer])
    func peers(dataSet: DataSet) throws {
        let data = try dataSet.load()
        let m = try dataSet.peerMetrics()
        let weak = Components.weaklyConnected(data.graph)
        #expect(weak.count == m["weakly_connected_components"] as! Int)
        #expect(weak.sizes[0] == m["largest_wcc_nodes"] as! Int)
        #expect(Components.stronglyConnected(data.graph).count == m["strongly_connected_components"] as! Int)
    }

    @Test("Cycle, chain and a deep path (no recursion)")
    func shapes() {
        // 0→1→2→0 is one SCC; 3→4 two; 5 isolated.
        let g = Graph(nodeCount: 6, edges: EdgeList(sources: [0, 1, 2, 3], targets: [1, 2, 0, 4]), isDirected: true)
        let s = Components.stronglyConnected(g)
        #expect(s.count == 4)
        #expect(s.membership[0] == s.membership[1] && s.membership[1] == s.membership[2])
        #expect(s.membership[0] == 0)  // largest first
        #expect(Components.weaklyConnected(g).sizes == [3, 2, 1])
        // A directed cycle of 200k nodes would overflow a recursive Tarjan.
        let n = 200_000
        let path = Graph(nodeCount: n, edges: EdgeList(sources: (0..<n).map { Int32($0) },
                                                      targets: (0..<n).map { Int32(($0 + 1) % n) }), isDirected: true)
        #expect(Components.stronglyConnected(path).count == 1)
    }
}
