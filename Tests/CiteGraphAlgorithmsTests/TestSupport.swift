import CiteGraphAlgorithms
import CiteGraphCore
import Foundation

/// Locations of the shared reference data and of this module's fixtures, found from this
/// file's own path so that tests work from any working directory. `shared/` sits beside the
/// repository (in CI too).
enum TestPaths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()  // CiteGraphAlgorithmsTests
        .deletingLastPathComponent()  // Tests
    static let sharedData = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data")
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures/algorithms")

    static func data(_ relative: String) -> URL { sharedData.appendingPathComponent(relative) }
    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Parsed JSON fixture from Tests/Fixtures/algorithms.
    static func fixture(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}

/// A citation graph read from the shared data, with paper ids.
struct LabelledGraph {
    var graph: Graph
    var index: NodeIndex<String>

    func node(_ id: String) -> Int { Int(index.id(of: id)!) }

    /// Builds a simple directed graph (duplicates collapsed to weight 1, self-loops dropped),
    /// as the peers did.
    init(pairs: [(String, String)], extraNodes: [String] = []) {
        var index = NodeIndex<String>()
        var edges = EdgeList()
        for id in extraNodes { _ = index.insert(id) }
        for (citing, cited) in pairs {
            let s = index.insert(citing), t = index.insert(cited)
            if s != t { edges.append(s, t) }
        }
        let g = Graph(nodeCount: index.count, edges: edges, isDirected: true)
        graph = Graph(nodeCount: g.nodeCount, offsets: g.offsets, targets: g.targets,
                      weights: [Double](repeating: 1, count: g.arcCount), isDirected: true)
        self.index = index
    }
}

/// The three reference citation graphs of shared/data, as their READMEs say the peers
/// built them.
enum DataSet: String, CaseIterable, Sendable {
    case cora = "cora_linqs_cites"
    case aan = "aan_acl_anthology_network"
    case citeseer = "citeseer_m10_tridnr"

    var directory: URL { TestPaths.data(rawValue) }
    var isAvailable: Bool { TestPaths.exists(directory) }
    static let missingMessage = "shared/data is not beside the repository; reference-data tests skipped"

    func load() throws -> LabelledGraph {
        switch self {
        case .cora:
            // Header line, then "<cited>\t<citing>".
            let text = try String(contentsOf: directory.appendingPathComponent("cora.cites"), encoding: .utf8)
            let pairs = text.split(separator: "\n").dropFirst().map { line -> (String, String) in
                let f = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
                return (String(f[1]), String(f[0]))
            }
            return LabelledGraph(pairs: pairs)
        case .aan:
            // "<citing> , <cited>".
            let text = try String(contentsOf: directory.appendingPathComponent("acl.txt"), encoding: .utf8)
            let pairs = text.split(separator: "\n").compactMap { line -> (String, String)? in
                let f = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                return f.count == 2 ? (f[0], f[1]) : nil
            }
            return LabelledGraph(pairs: pairs)
        case .citeseer:
            // "<node> <nbr> <nbr> ...", arcs node → nbr; listed nodes kept even when isolated.
            let text = try String(contentsOf: directory.appendingPathComponent("adjedges.txt"), encoding: .utf8)
            var nodes: [String] = []
            var pairs: [(String, String)] = []
            for line in text.split(separator: "\n") {
                let f = line.split(separator: " ").map(String.init)
                guard let first = f.first else { continue }
                nodes.append(first)
                for nbr in f.dropFirst() { pairs.append((first, nbr)) }
            }
            return LabelledGraph(pairs: pairs, extraNodes: nodes)
        }
    }

    /// peer_metrics.json of the data set.
    func peerMetrics() throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("peer_metrics.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// networkx's PageRank top 20 from peer_metrics.json: (paper id, score).
    func peerPageRankTop20() throws -> [(String, Double)] {
        let pr = try peerMetrics()["pagerank"] as! [String: Any]
        return (pr["top20_networkx"] as! [[Any]]).map { ($0[0] as! String, ($0[1] as! NSNumber).doubleValue) }
    }

    /// Modularities reported by a peer for seeds 0–4.
    func peerModularities(_ key: String) throws -> [Double] {
        let m = try peerMetrics()["modularity_undirected"] as! [String: Any]
        return ((m[key] as! [String: Any])["modularity"] as! [NSNumber]).map(\.doubleValue)
    }
}

/// Random graphs for property tests, from the module's seeded generator.
enum RandomGraphs {
    /// G(n, m)-like graph: `edges` random pairs (duplicates merged, self-loops allowed when
    /// `loops`), weights in [0.5, 2) when `weighted`.
    static func uniform(nodes: Int, edges: Int, seed: UInt64, directed: Bool, weighted: Bool = false,
                        loops: Bool = false) -> Graph {
        var rng = SeededGenerator(seed: seed)
        var list = EdgeList()
        for _ in 0..<edges {
            let s = rng.nextInt(below: nodes), t = rng.nextInt(below: nodes)
            if s == t && !loops { continue }
            list.append(Int32(s), Int32(t), weighted ? 0.5 + 1.5 * rng.nextDouble() : 1)
        }
        return Graph(nodeCount: nodes, edges: list, isDirected: directed)
    }

    /// Planted partition: `groups` groups of `size` nodes; each node gets `inside` random
    /// neighbours in its group and `outside` anywhere.
    static func planted(groups: Int, size: Int, inside: Int, outside: Int, seed: UInt64) -> Graph {
        var rng = SeededGenerator(seed: seed)
        var list = EdgeList()
        let n = groups * size
        for v in 0..<n {
            let g = v / size
            for _ in 0..<inside {
                let u = g * size + rng.nextInt(below: size)
                if u != v { list.append(Int32(min(u, v)), Int32(max(u, v))) }
            }
            for _ in 0..<outside {
                let u = rng.nextInt(below: n)
                if u != v { list.append(Int32(min(u, v)), Int32(max(u, v))) }
            }
        }
        let g = Graph(nodeCount: n, edges: list, isDirected: false)
        return Graph(nodeCount: n, offsets: g.offsets, targets: g.targets,
                     weights: [Double](repeating: 1, count: g.arcCount), isDirected: false)
    }
}

extension Array where Element == Double {
    func maxAbsDifference(_ other: [Double]) -> Double {
        zip(self, other).map { abs($0 - $1) }.max() ?? 0
    }
}
