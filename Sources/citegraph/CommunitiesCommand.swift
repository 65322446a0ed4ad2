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
              citegraph communities --graph cotopic --runs 10      # stability across seeds 1…10
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

    @Option(help: "Also run seeds SEED…SEED+N-1 and report stability: mean pairwise NMI and each community's persistence.")
    var runs: Int = 1

    func validate() throws {
        if !(resolution > 0) { throw ValidationError("--resolution must be positive, got \(resolution)") }
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let pipeline = try store.pipeline()
        let options = CommunityOptions(algorithm: algorithm, resolution: resolution, seed: seed)
        var stability: StabilityReport? = nil
        let result: CommunityResult
        if runs > 1 {
            (result, stability) = try pipeline.stability(graph: graph, options: options, runs: runs)
        } else {
            result = try pipeline.communities(graph: graph, options: options)
        }
        switch format {
        case .csv:
            print(Output.csv(header: ["id", "community"], rows: result.membership.map { [$0.id, String($0.community)] }), terminator: "")
        case .json:
            var object: [String: Any] = [
                "algorithm": algorithm.rawValue, "resolution": resolution, "seed": seed, "modularity": result.modularity,
                "communities": result.labels.map { ["community": $0.community, "size": $0.size, "label": $0.label] },
            ]
            if let stability {
                object["stability"] = [
                    "runs": runs, "seeds": stability.seeds, "modularities": stability.modularities,
                    "community_counts": stability.communityCounts, "mean_pairwise_nmi": stability.meanPairwiseNMI,
                    "persistence": stability.persistence,
                ] as [String: Any]
            }
            print(Output.json(object))
        case .table:
            print("\(algorithm.rawValue), resolution \(resolution), seed \(seed): \(result.labels.count) communities, modularity \(String(format: "%.4f", result.modularity))")
            if let stability {
                print("stability over \(runs) seeds: mean pairwise NMI \(String(format: "%.4f", stability.meanPairwiseNMI)), modularity \(String(format: "%.4f", stability.modularities.min()!))–\(String(format: "%.4f", stability.modularities.max()!))")
                print(Output.table(header: ["community", "size", "persistence", "label"],
                    rows: result.labels.prefix(30).map {
                        [String($0.community), String($0.size), String(format: "%.2f", stability.persistence[$0.community]), Output.clip($0.label, 70)]
                    }))
            } else {
                print(Output.table(header: ["community", "size", "label"],
                    rows: result.labels.prefix(30).map { [String($0.community), String($0.size), Output.clip($0.label, 80)] }))
            }
        }
    }
}
