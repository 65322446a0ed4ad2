import Foundation
import FoundationXML
import Testing

/// End-to-end: the real executable on the bundled sample corpus, in a temporary directory.
@Suite(.serialized) struct CommandLineTests {
    /// The sample corpus: 671 records, 586 papers after de-duplication (see StoreTests).
    static let samplePapers = 586

    @Test func runWritesDiagramsAndReportsAndIsIdempotent() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        let first = try cli.run(["run", "--quiet", "--db", "store.sqlite", "--out", "."])
        #expect(first.status == 0, "\(first.stderr)")

        // SVG parses as XML and has one node group per diagram node.
        let svg = try #require(cli.contents("graphs/cotopic.svg"))
        let parser = XMLParser(data: svg)
        let counter = SVGCounter()
        parser.delegate = counter
        #expect(parser.parse(), "graphs/cotopic.svg is not well-formed XML")
        #expect(counter.nodes > 10)
        let png = try #require(cli.contents("graphs/cotopic.png"))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(cli.contents("graphs/cotopic.dot").map { String(decoding: $0, as: UTF8.self).contains("graph") } == true)
        #expect(cli.contents("graphs/topics.svg") != nil)

        // papers.csv: header then one row per paper, ranked 1…n, ids unique.
        let papers = CSV.parse(String(decoding: try #require(cli.contents("reports/papers.csv")), as: UTF8.self))
        #expect(papers.first?.prefix(5) == ["rank", "id", "title", "year", "pagerank"])
        #expect(papers.count == Self.samplePapers + 1)
        #expect(Set(papers.dropFirst().map { $0[1] }).count == Self.samplePapers)
        #expect(papers.dropFirst().map { Int($0[0]) } == (1...Self.samplePapers).map { $0 })
        let total = papers.dropFirst().compactMap { Double($0[4]) }.reduce(0, +)
        #expect(abs(total - 1) < 1e-6, "PageRank sums to 1")

        // Topic-personalised PageRank: all teleport mass goes to the papers carrying the
        // phrase, so the top-ranked paper is one of them (papers.csv lists top terms).
        let topic = try cli.run(["rank", "--quiet", "--db", "store.sqlite", "--graph", "cotopic", "--topic", "layer normalization",
                                 "--top", "3", "--format", "csv"])
        #expect(topic.status == 0, "\(topic.stderr)")
        let topPaper = try #require(CSV.parse(topic.stdout).dropFirst().first)
        let carriers = papers.dropFirst().filter { $0[7].lowercased().contains("layer normalization") }.map { $0[1] }
        #expect(carriers.contains(topPaper[1]), "top paper \(topPaper) does not carry the topic; carriers \(carriers.prefix(5))")
        let noTopic = try cli.run(["rank", "--quiet", "--db", "store.sqlite", "--graph", "cotopic", "--topic", "no such phrase anywhere"])
        #expect(noTopic.status != 0 && noTopic.stderr.contains("--topic"), "\(noTopic.stderr)")

        // communities.csv: sizes add up to the paper count, every label non-empty.
        let communities = CSV.parse(String(decoding: try #require(cli.contents("reports/communities.csv")), as: UTF8.self))
        #expect(communities.first == ["community", "size", "label", "top_terms", "top_papers"])
        #expect(communities.dropFirst().compactMap { Int($0[1]) }.reduce(0, +) == Self.samplePapers)
        #expect(communities.dropFirst().allSatisfy { !$0[2].isEmpty })
        #expect(cli.contents("reports/index.html") != nil)

        let stats = try cli.run(["stats", "--json", "--db", "store.sqlite"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(json["papers"] as? Int == Self.samplePapers)
        let edges = try #require(json["edges"] as? [String: Int])
        #expect((edges["cotopic"] ?? 0) > 0)

        // A second run leaves the same papers.
        let second = try cli.run(["run", "--quiet", "--db", "store.sqlite", "--out", "."])
        #expect(second.status == 0)
        let again = try cli.run(["stats", "--json", "--db", "store.sqlite"])
        #expect(again.stdout == stats.stdout)
    }

    @Test func badInputFailsNamingTheFileAndLeavesTheStore() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CiteGraph/SampleCorpus/000_73ef4b26953d8cfe.txt").path
        #expect(try cli.run(["ingest", "--quiet", "--db", "s.sqlite", sample]).status == 0)
        let before = try cli.run(["stats", "--json", "--db", "s.sqlite"]).stdout

        let missing = try cli.run(["ingest", "--db", "s.sqlite", "nowhere.txt"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nowhere.txt"))

        try FileManager.default.createDirectory(atPath: cli.path("folder"), withIntermediateDirectories: true)
        let directory = try cli.run(["ingest", "--db", "s.sqlite", "folder"])
        #expect(directory.status != 0)
        #expect(directory.stderr.contains("folder"))

        try "Dear diary,\ntoday I read no papers.\n".write(toFile: cli.path("diary.txt"), atomically: true, encoding: .utf8)
        // A good file before the bad one: nothing from either is stored.
        let other = sample.replacingOccurrences(of: "000_73ef4b26953d8cfe", with: "004_639bd8d6488af004")
        let notAPage = try cli.run(["ingest", "--db", "s.sqlite", other, "diary.txt"])
        #expect(notAPage.status != 0)
        #expect(notAPage.stderr.contains("diary.txt"))

        #expect(try cli.run(["stats", "--json", "--db", "s.sqlite"]).stdout == before)
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        for command in ["run", "ingest", "build", "rank", "communities", "render", "report", "stats"] {
            let help = try cli.run([command, "--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.contains("citegraph \(command)"), "\(command) --help shows an example")
        }
    }

    @Test func rankAndCommunitiesOutputFormats() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        #expect(try cli.run(["ingest", "--quiet", "--db", "r.sqlite"] + CLIHarness.sampleFiles).status == 0)
        let csv = try cli.run(["rank", "--quiet", "--db", "r.sqlite", "--graph", "cotopic", "--top", "0", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = CSV.parse(csv.stdout)
        #expect(rows.first == ["rank", "id", "title", "year", "pagerank"])
        #expect(rows.count == Self.samplePapers + 1)
        let json = try cli.run(["communities", "--quiet", "--db", "r.sqlite", "--graph", "cotopic", "--seed", "3", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["algorithm"] as? String == "leiden")
        #expect(object["seed"] as? Int == 3)
        #expect((object["modularity"] as? Double ?? 0) > 0.3)
        let membership = try cli.run(["communities", "--quiet", "--db", "r.sqlite", "--graph", "cotopic", "--seed", "3", "--format", "csv"])
        #expect(CSV.parse(membership.stdout).count == Self.samplePapers + 1)
        let again = try cli.run(["communities", "--quiet", "--db", "r.sqlite", "--graph", "cotopic", "--seed", "3", "--format", "csv"])
        #expect(again.stdout == membership.stdout, "same seed, same partition")
    }
}

extension CLIHarness {
    static var sampleFiles: [String] {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CiteGraph/SampleCorpus")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted().map { dir.appendingPathComponent($0).path }
    }
}

/// Counts Graphviz node groups in an SVG.
final class SVGCounter: NSObject, XMLParserDelegate {
    var nodes = 0
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if name == "g" && attributes["class"] == "node" { nodes += 1 }
    }
}
