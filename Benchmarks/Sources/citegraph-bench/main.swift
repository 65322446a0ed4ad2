// citegraph-bench: the citegraph side of peer_compare.sh.
//   citegraph-bench generate NODES EDGES FILE   writes "citing cited" lines (0-based ids)
//   citegraph-bench time NODES EDGES [REPEATS [SCORES]]  times PageRank and Leiden on the same graph
//   citegraph-bench pagerank NODES EDGES [TOL]  PageRank per solver: time, extra peak memory
//   citegraph-bench leiden NODES EDGES [ITERATIONS]  Leiden alone (until stable without ITERATIONS)
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
guard args.count >= 4, let nodes = Int(args[2]), let edges = Int(args[3]) ?? Optional(0) else {
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
    // The tolerance 1e-9 (networkx's criterion: L1 change < n × tol); the default
    // solver on a directed graph is the components one, checked by a power step.
    let prTimes = try (0..<repeats).map { _ in try seconds { pr = try PageRank(tolerance: 1e-9).run(on: directed) } }
    if args.count >= 6 {  // scores for the peer script to compare with igraph's
        try pr.values.map { String($0) }.joined(separator: "\n").write(toFile: args[5], atomically: true, encoding: .utf8)
    }
    var part = Partition(membership: [], quality: 0)
    let leidenTimes = try (0..<repeats).map { _ in try seconds { part = try Leiden(seed: 1).run(on: undirected) } }
    var two = Partition(membership: [], quality: 0)
    let leiden2Times = try (0..<repeats).map { _ in try seconds { two = try Leiden(seed: 1, maxIterations: 2).run(on: undirected) } }
    let result: [String: Any] = [
        "nodes": nodes, "arcs": directed.arcCount,
        "pagerank_seconds": prTimes.min()!, "pagerank_iterations": pr.iterations, "pagerank_residual": pr.residual,
        "leiden_seconds": leidenTimes.min()!, "leiden_modularity": part.quality,
        "leiden_communities": part.communityCount,
        "leiden2_seconds": leiden2Times.min()!, "leiden2_modularity": two.quality,
    ]
    let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    print(String(data: json, encoding: .utf8)!)
case "pagerank":
    // PageRank alone: time and extra peak memory (VmHWM growth beyond the graph) per method.
    let directed = generator.directed()
    let tol = args.count >= 5 ? Double(args[4]) ?? 1e-9 : 1e-9
    for method in [PageRank.Method.components, .powerIteration] {
        var pagerank = PageRank(tolerance: tol)
        pagerank.method = method
        let sampler = ResidentSampler()
        sampler.start()
        var pr = Scores(values: [])
        let total = try seconds { pr = try pagerank.run(on: directed) }
        let extra = Double(sampler.stop()) / 1_048_576
        print("\(method.rawValue): \(total) s, iterations \(pr.iterations), residual \(pr.residual), extra peak memory \(Int(extra)) MB (graph \(directed.arcCount) arcs)")
    }
case "leiden-file":
    // leiden-file NODES PATH [ITERATIONS]: Leiden on an undirected "source target weight" file.
    var list = EdgeList()
    let text = try String(contentsOfFile: args[3], encoding: .utf8)
    for line in text.split(separator: "\n") {
        let f = line.split(separator: " ")
        guard f.count >= 2, let a = Int32(f[0]), let b = Int32(f[1]) else { continue }
        list.append(a, b, f.count > 2 ? Double(f[2]) ?? 1 : 1)
    }
    let graph = Graph(nodeCount: nodes, edges: list, isDirected: false)
    let iterations = args.count >= 5 ? Int(args[4]) : nil
    var part = Partition(membership: [], quality: 0)
    let total = try seconds { part = try Leiden(seed: 1, maxIterations: iterations).run(on: graph) }
    print("leiden: \(total) s, modularity \(part.quality), communities \(part.communityCount)")
case "leiden":
    // Leiden alone: LEIDEN N M [ITERATIONS]; without ITERATIONS, until stable.
    let undirected = generator.undirected()
    let iterations = args.count >= 5 ? Int(args[4]) : nil
    let environment = ProcessInfo.processInfo.environment
    for seed in UInt64(1)...UInt64(environment["SEEDS"].flatMap { Int($0) } ?? 1) {
        var leiden = Leiden(seed: seed, maxIterations: iterations)
        if let threshold = environment["STABILITY"].flatMap({ Double($0) }) { leiden.stabilityThreshold = threshold }
        var part = Partition(membership: [], quality: 0)
        let total = try seconds { part = try leiden.run(on: undirected) }
        print("leiden seed \(seed): \(total) s, modularity \(part.quality), communities \(part.communityCount)")
    }
default:
    exit(2)
}

/// Samples the resident set (/proc/self/statm) every millisecond on a background thread;
/// `stop()` returns the peak growth in bytes over the resident set at `start()`. Arrays of
/// this size are mmapped by malloc and unmapped when freed, so the resident set follows them.
final class ResidentSampler: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    private var peak = 0
    private var base = 0
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
    func start() {
        base = Self.residentBytes()
        peak = base
        Thread.detachNewThread { [self] in
            while true {
                let now = Self.residentBytes()
                lock.lock()
                peak = max(peak, now)
                let go = running
                lock.unlock()
                if !go { return }
                usleep(1000)
            }
        }
    }
    func stop() -> Int {
        let now = Self.residentBytes()
        lock.lock(); running = false; peak = max(peak, now); let p = peak; lock.unlock()
        usleep(5000)
        return p - base
    }
}
