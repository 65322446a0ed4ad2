import CiteGraphAlgorithms
import CiteGraphCore
import Foundation
import Testing

@Suite("HITS")
struct HITSTests {
    @Test("Cora hubs and authorities equal networkx's SVD-based hits (1e-9)",
          .enabled(if: DataSet.cora.isAvailable, "\(DataSet.missingMessage)"))
    func cora() throws {
        let data = try DataSet.cora.load()
        let f = try TestPaths.fixture("cora_reference.json")  // make_fixtures.py, networkx 3.6.1
        let result = try HITS().run(on: data.graph)
        #expect(result.authorities.converged)
        for (key, scores) in [("hits_hubs_top20", result.hubs), ("hits_authorities_top20", result.authorities)] {
            var worst = 0.0
            for pair in f[key] as! [[Any]] {
                worst = max(worst, abs(scores.values[data.node(pair[0] as! String)] - (pair[1] as! NSNumber).doubleValue))
            }
            print("HITS \(key): max abs diff vs networkx \(worst), iterations \(scores.iterations)")
            #expect(worst < 1e-9)
            #expect(abs(scores.values.reduce(0, +) - 1) < 1e-9)
        }
    }

    @Test("Star: the centre is the authority, the leaves are hubs")
    func star() throws {
        let g = Graph(nodeCount: 4, edges: EdgeList(sources: [1, 2, 3], targets: [0, 0, 0]), isDirected: true)
        let r = try HITS().run(on: g)
        #expect(abs(r.authorities.values[0] - 1) < 1e-12)
        #expect(r.hubs.values[1...].allSatisfy { abs($0 - 1.0 / 3) < 1e-12 })
        #expect(throws: AlgorithmError.self) { try HITS(tolerance: 0).run(on: g) }
        #expect(try HITS().run(on: Graph(nodeCount: 3, edges: EdgeList(), isDirected: true)).hubs.values == [0, 0, 0])
    }
}
