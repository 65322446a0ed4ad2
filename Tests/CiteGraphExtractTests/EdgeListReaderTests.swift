import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct EdgeListReaderTests {
    /// Cora (LINQS): header line, then 5,429 `cited<TAB>citing` lines over 2,708 ids
    /// (README and peer_metrics.json of cora_linqs_cites).
    @Test func coraCitedFirst() throws {
        let file = try RecordFile(path: SharedData.path("cora_linqs_cites/cora.cites"))
        #expect(try FormatSniffer.detect(file) == .edgeList)
        let result = try Extractor.read(file, format: .edgeListCitedFirst)
        #expect(result.records.count == 2708)
        #expect(result.records.reduce(0) { $0 + $1.references.count } == 5429)
        // "35<TAB>1033": 1033 cites 35.
        let citing = try #require(result.records.first { $0.ids == [WorkID(kind: .local, value: "1033")] })
        #expect(citing.references.contains("35"))
    }

    /// AAN acl.txt: "citing , cited" lines; the peer graph has 16,589 nodes and 94,931 arcs after
    /// dropping 42 self-loops (peer_metrics.json).
    @Test func aanCommaSeparated() throws {
        let peer = try SharedData.json("aan_acl_anthology_network/peer_metrics.json")
        let result = try Extractor.read(try RecordFile(path: SharedData.path("aan_acl_anthology_network/acl.txt")))
        #expect(result.format == .edgeList)
        #expect(result.records.count == peer["nodes"] as? Int)
        let arcs = Set(result.records.flatMap { r in r.references.map { r.ids[0].value + ">" + $0 } })
        #expect(arcs.count == peer["directed_edges"] as? Int)
    }

    /// CiteSeer-M10 adjacency lines `node nbr nbr …`: 38,996 nodes, 76,572 distinct non-loop arcs.
    @Test func citeseerAdjacency() throws {
        let peer = try SharedData.json("citeseer_m10_tridnr/peer_metrics.json")
        let result = try Extractor.read(try RecordFile(path: SharedData.path("citeseer_m10_tridnr/adjedges.txt")), format: .edgeList)
        #expect(result.records.count == peer["nodes"] as? Int)
        let arcs = Set(result.records.flatMap { r in r.references.map { r.ids[0].value + ">" + $0 } })
        #expect(arcs.count == peer["directed_edges"] as? Int)
    }

    @Test func commentsHeaderAndTabs() throws {
        let text = "# a comment\nsource\ttarget\na\tb\nb c\n% another\nc,a\n"
        let result = try Extractor.read(RecordFile(path: "e.txt", bytes: Array(text.utf8)), format: .edgeList)
        #expect(result.records.map { $0.ids[0].value } == ["a", "b", "c"])
        #expect(result.records.map(\.references) == [["b"], ["c"], ["a"]])
    }
}
