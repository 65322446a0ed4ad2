import ArgumentParser
import CiteGraph
import CiteGraphCore
import Foundation

extension CommunityAlgorithm: ExpressibleByArgument {}

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Communities by Leiden (default) or Louvain on the undirected graph, maximising modularity.",
        discussion: """
            The same seed gives the same partition. Stores the partition and community labels
            with the run's parameters.

            Examples:
              citegraph communities --graph cotopic
              citegraph communities --graph citation --algorithm louvain --resolution 0.5 --seed 7 --format json
              citegraph communities --graph cotopic --format csv > membership.csv
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Graph to partition.")
    var graph: GraphKind

    @Option(help: "leiden or louvain.")
    var algorithm: CommunityAlgorithm = .leiden

    @Option(help: "Resolution γ (> 0; higher gives more, smaller communities).")
    var resolution: Double = 1

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Output: table, csv (id,community) or json.")
    var format: TableFormat = .table

    func validate() throws {
        if !(resolution > 0) { throw ValidationError("--resolution must be positive, got \(resolution)") }
    }

    func run() throws {
        let result = try store.pipeline().communities(
            graph: graph, options: CommunityOptions(algorithm: algorithm, resolution: resolution, seed: seed))
        switch format {
        case .csv:
            print(Output.csv(header: ["id", "community"], rows: result.membership.map { [$0.id, String($0.community)] }), terminator: "")
        case .json:
            print(Output.json([
                "algorithm": algorithm.rawValue, "resolution": resolution, "seed": seed, "modularity": result.modularity,
                "communities": result.labels.map { ["community": $0.community, "size": $0.size, "label": $0.label] },
            ] as [String: Any]))
        case .table:
            print("\(algorithm.rawValue), resolution \(resolution), seed \(seed): \(result.labels.count) communities, modularity \(String(format: "%.4f", result.modularity))")
            print(Output.table(header: ["community", "size", "label"],
                rows: result.labels.prefix(30).map { [String($0.community), String($0.size), Output.clip($0.label, 80)] }))
        }
    }
}
