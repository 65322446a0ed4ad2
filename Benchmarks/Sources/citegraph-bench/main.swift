// citegraph-bench: the citegraph side of peer_compare.sh.
//   citegraph-bench generate NODES EDGES FILE   writes "citing cited" lines (0-based ids)
//   citegraph-bench time NODES EDGES [REPEATS]  times PageRank and Leiden on the same graph
import CitationGraphGenerator
import CiteGraphAlgorithms
import CiteGraphCore
import Foundation

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let args = CommandLine.arguments
guard args.count >= 4, let nodes = Int(args[2]), let edges = Int(args[3]) else {
    FileHandle.standardError.write("usage: citegraph-bench generate|time NODES EDGES [FILE|REPEATS]\n".data(using: .utf8)!)
    exit(2)
}
let generator = CitationGraphGenerator(nodes: nodes, edges: edges)
switch args[1] {
case "generate":
    guard args.count >= 5 else { exit(2) }
    let list = generator.edgeList()
    var out = ""
    out.reserveCapacity(list.count * 16)
    for i in 0..<list.count { out += "\(list.sources[i]) \(list.targets[i])\n" }
    try out.write(toFile: args[4], atomically: true, encoding: .utf8)
    print("wrote \(list.count) arcs over \(nodes) nodes to \(args[4])")
case "time":
    let repeats = args.count >= 5 ? Int(args[4]) ?? 3 : 3
    let directed = generator.directed()
    let undirected = generator.undirected()
    var pr = Scores(values: [])
    // Same criterion as igraph's PRPACK is not iterative; use networkx's default-like 1e-10.
    let prTimes = try (0..<repeats).map { _ in try seconds { pr = try PageRank().run(on: directed) } }
    var part = Partition(membership: [], quality: 0)
    let leidenTimes = try (0..<repeats).map { _ in try seconds { part = try Leiden(seed: 1).run(on: undirected) } }
    var two = Partition(membership: [], quality: 0)
    let leiden2Times = try (0..<repeats).map { _ in try seconds { two = try Leiden(seed: 1, maxIterations: 2).run(on: undirected) } }
    let result: [String: Any] = [
        "nodes": nodes, "arcs": directed.arcCount,
        "pagerank_seconds": prTimes.min()!, "pagerank_iterations": pr.iterations,
        "leiden_seconds": leidenTimes.min()!, "leiden_modularity": part.quality,
        "leiden_communities": part.communityCount,
        "leiden2_seconds": leiden2Times.min()!, "leiden2_modularity": two.quality,
    ]
    let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    print(String(data: json, encoding: .utf8)!)
default:
    exit(2)
}
