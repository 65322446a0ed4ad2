import Foundation
import Testing

/// The command line against networkx numbers committed in ../shared/data.
@Suite(.serialized) struct PeerReferenceTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")

    /// Cora (LINQS): `rank --graph citation` equals networkx PageRank (damping 0.85) within 1e-6
    /// on the published top 20 (peer_pagerank_top20.csv), and stats count nodes and edges as
    /// peer_metrics.json does.
    @Test func coraPageRankThroughTheCommandLine() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        let cites = Self.data.appendingPathComponent("cora_linqs_cites/cora.cites").path
        let ingest = try cli.run(["ingest", "--quiet", "--db", "cora.sqlite", "--format", "edge-list-cited-first", cites])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let rank = try cli.run(["rank", "--quiet", "--db", "cora.sqlite", "--graph", "citation", "--top", "0", "--format", "csv"])
        #expect(rank.status == 0, "\(rank.stderr)")
        let rows = CSV.parse(rank.stdout)
        #expect(rows.count == 2708 + 1)
        var ours: [String: Double] = [:]
        for row in rows.dropFirst() {
            guard row.count == 5 else { Issue.record("malformed CSV row \(row)"); continue }
            ours[row[1]] = Double(row[4])
        }
        let peer = CSV.parse(try String(contentsOf: Self.data.appendingPathComponent("cora_linqs_cites/peer_pagerank_top20.csv"), encoding: .utf8))
        for row in peer.dropFirst() {
            let expected = try #require(Double(row[2]))
            let got = try #require(ours[row[1]], "node \(row[1]) missing")
            #expect(abs(got - expected) < 1e-6, "node \(row[1]): \(got) vs networkx \(expected)")
        }
        #expect(rows[1][1] == "15429", "top node as networkx")
        // Personalised: teleport to cora_reference.json's seeds; networkx's values
        // (Tests/Fixtures/algorithms/make_fixtures.py) within 1e-9.
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/algorithms/cora_reference.json")
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [String: Any])
        let seeds = try #require(reference["personalized_seeds"] as? [String])
        let personalised = try cli.run(
            ["rank", "--quiet", "--db", "cora.sqlite", "--graph", "citation", "--top", "0", "--format", "csv", "--tolerance", "1e-13"]
                + seeds.flatMap { ["--seed", $0] })
        #expect(personalised.status == 0, "\(personalised.stderr)")
        var personalisedScores: [String: Double] = [:]
        for row in CSV.parse(personalised.stdout).dropFirst() where row.count == 5 { personalisedScores[row[1]] = Double(row[4]) }
        for pair in try #require(reference["personalized_pagerank_top20"] as? [[Any]]) {
            let id = try #require(pair[0] as? String), want = try #require((pair[1] as? NSNumber)?.doubleValue)
            let got = try #require(personalisedScores[id], "node \(id) missing")
            #expect(abs(got - want) < 1e-9, "personalised \(id): \(got) vs networkx \(want)")
        }
        let unknown = try cli.run(["rank", "--quiet", "--db", "cora.sqlite", "--graph", "citation", "--seed", "no-such-paper"])
        #expect(unknown.status != 0 && unknown.stderr.contains("--seed no-such-paper"), "\(unknown.stderr)")
        // Citations received: peer_metrics.json's top-20 in-degree (35: 166, 6213: 76, …).
        let indegree = try cli.run(["rank", "--quiet", "--db", "cora.sqlite", "--graph", "citation", "--measure", "indegree", "--top", "0", "--format", "csv"])
        var counts: [String: Double] = [:]
        for row in CSV.parse(indegree.stdout).dropFirst() where row.count == 5 { counts[row[1]] = Double(row[4]) }
        let metrics = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.data.appendingPathComponent("cora_linqs_cites/peer_metrics.json"))) as? [String: Any])
        let top = try #require(metrics["top20_in_degree"] as? [[Any]])
        for pair in top {
            let id = try #require(pair[0] as? String), count = try #require(pair[1] as? Int)
            #expect(counts[id] == Double(count), "in-degree of \(id)")
        }
        let stats = try cli.run(["stats", "--json", "--db", "cora.sqlite"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(json["papers"] as? Int == 2708)
        #expect(json["references"] as? Int == 5429)
        #expect(json["resolved_references"] as? Int == 5429)
        #expect((json["edges"] as? [String: Int])?["citation"] == 5429)
    }
}
