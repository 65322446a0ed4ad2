import CiteGraphAlgorithms
import CiteGraphCore
import CiteGraphStore
import Foundation

/// Community detection algorithms offered on the command line.
public enum CommunityAlgorithm: String, Sendable, CaseIterable {
    case leiden, louvain
}

/// Parameters of a communities run.
public struct CommunityOptions: Sendable {
    public var algorithm: CommunityAlgorithm = .leiden
    /// Resolution γ of modularity (higher: more, smaller communities).
    public var resolution = 1.0
    /// Seed of the random order; the same seed gives the same partition.
    public var seed: UInt64 = 1
    public init(algorithm: CommunityAlgorithm = .leiden, resolution: Double = 1, seed: UInt64 = 1) {
        self.algorithm = algorithm; self.resolution = resolution; self.seed = seed
    }
}

/// The outcome of a communities run.
public struct CommunityResult: Sendable {
    public var options: CommunityOptions
    public var modularity: Double
    /// (node id as shown, community) for every node of the graph, in node order.
    public var membership: [(id: String, community: Int)]
    public var labels: [CommunityLabel]
}

extension Pipeline {
    /// Finds communities of the undirected version of the graph of `kind` (built first when
    /// needed), labels each by its top phrases (papers) or top members (topics, authors), and
    /// stores the partition with the run's parameters.
    @discardableResult
    public func communities(graph kind: GraphKind, options: CommunityOptions = CommunityOptions()) throws -> CommunityResult {
        try communities(graph: kind, options: options, loaded: nil)
    }

    /// `communities(graph:options:)` on the graph of `kind` already loaded (its CSR and node
    /// row ids, as the ranking step just read them), or loaded here when nil.
    @discardableResult
    func communities(graph kind: GraphKind, options: CommunityOptions = CommunityOptions(), loaded: (Graph, [Int64])?) throws -> CommunityResult {
        try ensureBuilt(kind)
        progress.begin("\(options.algorithm.rawValue) \(kind.rawValue)")
        let (directed, nodes) = try loaded ?? store.loadGraph(kind)
        let graph = directed.undirected(combining: .sum)
        let partition: Partition
        switch options.algorithm {
        case .leiden:
            partition = try Leiden(resolution: options.resolution, seed: options.seed).run(on: graph)
        case .louvain:
            partition = try Louvain(resolution: options.resolution, seed: options.seed).run(on: graph)
        }
        let modularity = Modularity.value(of: partition.membership, on: graph, resolution: options.resolution)
        let labels = try communityLabels(kind: kind, graph: graph, nodes: nodes, partition: partition)
        let parameters = JSON.object([
            "algorithm": options.algorithm.rawValue, "resolution": options.resolution, "seed": options.seed,
            "quality": "modularity", "graph": "undirected, reciprocal weights summed",
        ])
        let summary = JSON.object(["modularity": modularity, "communities": partition.communityCount, "nodes": graph.nodeCount])
        try store.saveCommunities(
            graph: kind, parameters: parameters, summary: summary, nodes: nodes, membership: partition.membership, labels: labels)
        progress.finish("\(options.algorithm.rawValue) \(kind.rawValue): \(partition.communityCount) communities, modularity \(String(format: "%.4f", modularity))")
        let shown = try shownIDs(kind)
        let membership = nodes.enumerated().map { (id: shown[$0.element] ?? String($0.element), community: Int(partition.membership[$0.offset])) }
        return CommunityResult(options: options, modularity: modularity, membership: membership, labels: labels)
    }

    /// A readable label per community: for paper graphs the three phrases with the largest
    /// summed weight over the members (minus what the corpus average would give), for other
    /// graphs the three members of largest weighted degree.
    func communityLabels(kind: GraphKind, graph: Graph, nodes: [Int64], partition: Partition) throws -> [CommunityLabel] {
        let sizes = partition.sizes
        var labels = [[String]](repeating: [], count: sizes.count)
        if kind.nodeType == .paper {
            // Integer keys throughout (term row ids); labels are looked up for the winners only.
            let lists = try store.paperTermLists()
            let termLabel = try store.termLabels()
            var wordCount: [Int64: Double] = [:]
            for (term, label) in termLabel { wordCount[term] = Double(label.split(separator: " ").count) }
            var position: [Int64: Int] = [:]
            for (i, node) in nodes.enumerated() { position[node] = i }
            var corpus: [Int64: Double] = [:]
            var perCommunity = [[Int64: Double]](repeating: [:], count: sizes.count)
            for (paper, terms) in lists {
                let community = position[paper].map { Int(partition.membership[$0]) }
                for t in terms {
                    corpus[t.term, default: 0] += t.weight
                    if let community { perCommunity[community][t.term, default: 0] += t.weight }
                }
            }
            let paperCount = Double(max(1, lists.count))
            for c in 0..<sizes.count {
                let expected = Double(sizes[c]) / paperCount
                // Excess weight over what a random set of papers this size would carry; phrases of
                // several words are favoured, being more readable labels than single words.
                var best: [(label: String, score: Double)] = []
                for (term, weight) in perCommunity[c] {
                    let words = wordCount[term] ?? 1
                    let score = (weight - expected * corpus[term]!) * (1 + 0.5 * (min(words, 3) - 1))
                    if best.count == 3, let worst = best.last, score < worst.score { continue }
                    let label = termLabel[term] ?? ""
                    best.append((label, score))
                    best.sort { $0.score != $1.score ? $0.score > $1.score : $0.label < $1.label }
                    if best.count > 3 { best.removeLast() }
                }
                labels[c] = best.map(\.label)
            }
        } else {
            let names = try nodeLabels(kind)
            var best = [[(String, Double)]](repeating: [], count: sizes.count)
            for i in 0..<graph.nodeCount {
                best[Int(partition.membership[i])].append((names[nodes[i]]?.title ?? "", graph.weightedDegree(i)))
            }
            for c in 0..<sizes.count {
                labels[c] = best[c].sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
            }
        }
        return (0..<sizes.count).map { CommunityLabel(community: $0, size: sizes[$0], label: labels[$0].joined(separator: " · ")) }
    }
}
