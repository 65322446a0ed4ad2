import ArgumentParser
import CiteGraph
import CiteGraphCore
import Foundation

extension RankMeasure: ExpressibleByArgument {}

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Influence ranking: PageRank (default; weighted, dangling nodes redistributed uniformly), HITS, citations, degree, k-core.",
        discussion: """
            Builds the graph first when needed; stores the scores with the run's parameters.

            Examples:
              citegraph rank --graph cotopic --top 20
              citegraph rank --graph citation --damping 0.5 --format csv > ranks.csv
              citegraph rank --graph citation --measure indegree --top 10
              citegraph rank --graph citation --seed 10.1038/nature14539 --seed 1706.03762   # personalised
              citegraph rank --graph cotopic --topic "graph neural network"                  # topic-personalised
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Graph to rank.")
    var graph: GraphKind

    @Option(help: "pagerank, authority, hub (HITS), indegree (citations received), weighted-degree, kcore or betweenness.")
    var measure: RankMeasure = .pagerank

    @Option(help: "Damping factor in [0, 1).")
    var damping: Double = 0.85

    @Option(help: "Convergence tolerance per node: stops when the L1 change is below nodes × tolerance (as networkx).")
    var tolerance: Double = 1e-12

    @Option(name: .customLong("seed"), help: "Personalised PageRank: teleport to this node (id as printed; repeatable).")
    var seeds: [String] = []

    @Option(help: "Personalised PageRank: teleport to the papers carrying this key phrase.")
    var topic: String?

    @Option(help: "Rows to print (0: all).")
    var top: Int = 20

    @Option(help: "Output: table, csv or json.")
    var format: TableFormat = .table

    func validate() throws {
        if !(0..<1).contains(damping) { throw ValidationError("--damping must be in [0, 1), got \(damping)") }
        if top < 0 { throw ValidationError("--top must not be negative") }
        if (!seeds.isEmpty || topic != nil) && measure != .pagerank {
            throw ValidationError("--seed and --topic personalise PageRank; they cannot be used with --measure \(measure.rawValue)")
        }
    }

    func run() throws {
        let ranked = try store.pipeline().rank(graph: graph, options: RankOptions(measure: measure, damping: damping, tolerance: tolerance, seeds: seeds, topic: topic))
        let rows = top == 0 ? ranked : Array(ranked.prefix(top))
        switch format {
        case .csv:
            print(Output.csv(header: ["rank", "id", "title", "year", measure.rawValue],
                rows: rows.map { [String($0.rank), $0.id, $0.title, $0.year.map(String.init) ?? "", Output.number($0.score)] }), terminator: "")
        case .json:
            print(Output.json(rows.map { ["rank": $0.rank, "id": $0.id, "title": $0.title, "year": $0.year as Any, measure.rawValue: $0.score] }))
        case .table:
            print(Output.table(header: ["rank", measure.rawValue, "id", "title"],
                rows: rows.map { [String($0.rank), String(format: "%.6f", $0.score), $0.id, Output.clip($0.title, 70)] }))
        }
    }
}
