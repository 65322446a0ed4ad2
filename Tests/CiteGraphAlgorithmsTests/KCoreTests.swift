import CiteGraphAlgorithms
import CiteGraphCore
import Foundation
import Testing

@Suite("KCore")
struct KCoreTests {
    @Test("Cora core numbers equal networkx's core_number (directed and undirected)",
          .enabled(if: DataSet.cora.isAvailable, "\(DataSet.missingMessage)"))
    func cora() throws {
        let data = try DataSet.cora.load()
        let f = try TestPaths.fixture("cora_reference.json")
        for (key, graph) in [("core_number_directed", data.graph), ("core_number_undirected", data.graph.undirected())] {
            let cores = KCore.coreNumbers(of: graph)
            let want = f[key] as! [String: Int]
            var mismatches = 0
            for (id, core) in want where cores[data.node(id)] != core { mismatches += 1 }
            #expect(mismatches == 0, "\(key): \(mismatches) nodes differ")
            #expect(cores.max() == want.values.max())
        }
    }

    @Test("Clique with a tail")
    func clique() {
        // K4 on 0..3, tail 3-4-5, self-loop on 5 ignored.
        var list = EdgeList()
        for a in 0..<4 { for b in (a + 1)..<4 { list.append(Int32(a), Int32(b)) } }
        list.append(3, 4); list.append(4, 5); list.append(5, 5)
        let g = Graph(nodeCount: 7, edges: list, isDirected: false)
        #expect(KCore.coreNumbers(of: g) == [3, 3, 3, 3, 1, 1, 0])
    }
}
