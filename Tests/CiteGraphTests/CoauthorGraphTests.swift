import CiteGraph
import CiteGraphAlgorithms
import CiteGraphCore
import Foundation
import Testing

/// Co-author graphs of real WoS exports against networkx (scripts/eval/coauthor_peer_check.py).
///
/// peer_metrics_*.json count nodes as exact AU strings (ManyAuthors: 2540 nodes, 34215 edges,
/// 305 components, largest 326). citegraph joins spellings of one name ("BREVIK, I" and
/// "Brevik, I."), so its graph is networkx's graph over citegraph's name key: 2525 / 34052 /
/// 294 / 337 — the script prints both.
@Suite struct CoauthorGraphTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/metaknowledge_testfiles_wos_scopus_medline")

    @Test(arguments: [("ManyAuthors.isi", 2525, 34052, 294, 337), ("savedrecs.txt", 44, 46, 19, 8)])
    func matchesNetworkxUnderTheNameKey(file: String, nodes: Int, edges: Int, components: Int, largest: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipeline = try Pipeline(databasePath: dir.appendingPathComponent("c.sqlite").path)
        let summary = try pipeline.ingest(paths: [Self.data.appendingPathComponent(file).path])
        #expect(summary[0].newPapers == summary[0].records, "distinct WoS ids are never merged by title")
        try pipeline.build([.coauthor])
        let (graph, ids) = try pipeline.store.loadGraph(.coauthor)
        #expect(ids.count == nodes)
        #expect(graph.edgeCount == edges)
        let labels = Components.weaklyConnected(graph)
        #expect(labels.count == components)
        #expect(labels.sizes.max() == largest)
    }
}
