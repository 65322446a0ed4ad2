import CiteGraphAlgorithms
import CiteGraphCore
import Foundation
import Testing

@Suite("Degree")
struct DegreeTests {
    @Test("In-degree of Cora's most cited papers equals peer_metrics.json",
          .enabled(if: DataSet.cora.isAvailable, "\(DataSet.missingMessage)"))
    func cora() throws {
        let data = try DataSet.cora.load()
        let inDegree = Degree.inDegrees(of: data.graph)
        for pair in try DataSet.cora.peerMetrics()["top20_in_degree"] as! [[Any]] {
            #expect(inDegree[data.node(pair[0] as! String)] == pair[1] as! Int)
        }
        #expect(inDegree.reduce(0, +) == data.graph.arcCount)
        #expect(Degree.outDegrees(of: data.graph).reduce(0, +) == data.graph.arcCount)
        let dangling = Degree.outDegrees(of: data.graph).filter { $0 == 0 }.count
        #expect(dangling == (try DataSet.cora.peerMetrics())["dangling_nodes_out_degree_0"] as! Int)
    }

    @Test("Weighted in/out sums")
    func weighted() {
        let g = Graph(nodeCount: 3, edges: EdgeList(sources: [0, 1, 0], targets: [1, 2, 2], weights: [2, 3, 0.5]), isDirected: true)
        #expect(Degree.inWeights(of: g) == [0, 2, 3.5])
        #expect(Degree.outWeights(of: g) == [2.5, 3, 0])
        #expect(Degree.inDegrees(of: g) == [0, 1, 2])
        #expect(Degree.citationScores(of: g, weighted: true).ranking() == [2, 1, 0])
    }
}
