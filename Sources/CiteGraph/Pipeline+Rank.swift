import CiteGraphAlgorithms
import CiteGraphCore
import CiteGraphStore
import CiteGraphText
import Foundation

/// One paper's place in an influence ranking.
public struct RankedNode: Sendable, Equatable {
    public var rank: Int
    /// The id as the source gave it (papers), the term label (topics) or the author name.
    public var id: String
    public var title: String
    public var year: Int?
    public var score: Double
}

/// What `rank` measures.
public enum RankMeasure: String, Sendable, CaseIterable {
    /// PageRank (Brin & Page 1998), weighted, dangling mass spread uniformly.
    case pagerank
    /// HITS authority and hub scores (Kleinberg 1999), each summing to 1.
    case authority, hub
    /// In-degree: for the citation graph, citations received. Counted over every node of the
    /// graph, so cited-only works get their global count and corpus papers their local one.
    case indegree
    /// Sum of edge weights at the node (out-weight for directed graphs).
    case weightedDegree = "weighted-degree"
    /// k-core number (Batagelj & Zaversnik 2003) on in + out degree.
    case kcore
    /// Betweenness (Brandes 2001), exact up to 5,000 nodes, else from 1,000 sampled sources
    /// with the Hoeffding error bound stored in the run's summary.
    case betweenness
}

/// Parameters of a ranking run.
public struct RankOptions: Sendable {
    public var measure: RankMeasure = .pagerank
    public var damping = 0.85
    public var tolerance = 1e-12
    public var maxIterations = 1000
    /// Personalised PageRank: teleport (and dangling mass) only to these nodes, given by their
    /// ids as shown (a paper's DOI or source id, a topic, an author name).
    public var seeds: [String] = []
    /// Personalised PageRank: teleport to the papers carrying this key phrase.
    public var topic: String? = nil
    public init(measure: RankMeasure = .pagerank, damping: Double = 0.85, tolerance: Double = 1e-12, maxIterations: Int = 1000,
                seeds: [String] = [], topic: String? = nil) {
        self.measure = measure; self.damping = damping; self.tolerance = tolerance; self.maxIterations = maxIterations
        self.seeds = seeds; self.topic = topic
    }
}

extension Pipeline {
    /// Ranks the nodes of the graph of `kind` (built first when it is not) by `options.measure`,
    /// stores the scores with the run's parameters, and returns the nodes ranked.
    /// - Throws: `AlgorithmError` for invalid parameters, store errors.
    @discardableResult
    public func rank(graph kind: GraphKind, options: RankOptions = RankOptions()) throws -> [RankedNode] {
        let (scores, nodes, _) = try computeScores(graph: kind, options: options)
        let labels = try nodeLabels(kind)
        return scores.ranking().enumerated().map { position, node in
            let label = labels[nodes[node]] ?? NodeLabel(id: String(nodes[node]), title: "", year: nil)
            return RankedNode(rank: position + 1, id: label.id, title: label.title, year: label.year, score: scores.values[node])
        }
    }

    /// Ranks and stores like `rank(graph:options:)`, returning the scores by node position and
    /// the nodes' row ids (no labels read: the whole pipeline only stores the ranking), and the
    /// graph as loaded, for a communities step that follows at once.
    func computeScores(graph kind: GraphKind, options: RankOptions = RankOptions()) throws -> (Scores, [Int64], Graph) {
        try ensureBuilt(kind)
        let measure = options.measure
        progress.begin("\(measure.rawValue) \(kind.rawValue)")
        let (graph, nodes) = try store.loadGraph(kind)
        let scores: Scores
        var parameters: [String: Any] = ["algorithm": measure.rawValue]
        switch measure {
        case .pagerank:
            let personalization = try teleportVector(kind: kind, nodes: nodes, options: options)
            let pagerank = PageRank(damping: options.damping, tolerance: options.tolerance, maxIterations: options.maxIterations,
                                    personalization: personalization)
            scores = try pagerank.run(on: graph)
            parameters.merge([
                "damping": options.damping, "tolerance": options.tolerance, "max_iterations": options.maxIterations,
                "dangling": personalization == nil ? "uniform" : "personalization", "weighted": true,
            ]) { $1 }
            if !options.seeds.isEmpty { parameters["seeds"] = options.seeds }
            if let topic = options.topic { parameters["topic"] = topic }
        case .authority, .hub:
            let result = try HITS(tolerance: options.tolerance, maxIterations: options.maxIterations).run(on: graph)
            scores = measure == .authority ? result.authorities : result.hubs
            parameters["tolerance"] = options.tolerance
        case .indegree:
            scores = Scores(values: Degree.inDegrees(of: graph).map(Double.init))
        case .weightedDegree:
            scores = Scores(values: Degree.outWeights(of: graph))
        case .kcore:
            scores = Scores(values: KCore.coreNumbers(of: graph).map(Double.init))
        case .betweenness:
            let sampler = Betweenness(samples: graph.nodeCount > 5_000 ? 1_000 : nil, seed: 1)
            scores = try sampler.run(on: graph)
            parameters["samples"] = sampler.samples ?? graph.nodeCount
            parameters["error_bound_95"] = sampler.errorBound(nodeCount: graph.nodeCount)
        }
        let summary = JSON.object([
            "iterations": scores.iterations, "residual": scores.residual, "converged": scores.converged,
            "nodes": graph.nodeCount, "arcs": graph.arcCount,
        ])
        try store.saveScores(
            graph: kind, measure: measure.rawValue, parameters: JSON.object(parameters), summary: summary, nodes: nodes, values: scores.values)
        progress.finish("\(measure.rawValue) \(kind.rawValue): \(graph.nodeCount) nodes, \(scores.iterations) iterations, residual \(scores.residual)")
        return (scores, nodes, graph)
    }

    /// The teleport vector of a personalised PageRank (1 on each seed node and on each paper
    /// carrying the topic), or nil for the classic uniform one.
    /// - Throws: `PipelineError.unknownSeed` / `.unknownTopic` when a seed or the topic
    ///   matches no node of the graph.
    func teleportVector(kind: GraphKind, nodes: [Int64], options: RankOptions) throws -> [Double]? {
        guard !options.seeds.isEmpty || options.topic != nil else { return nil }
        var position: [Int64: Int] = [:]
        for (i, row) in nodes.enumerated() { position[row] = i }
        var vector = [Double](repeating: 0, count: nodes.count)
        if !options.seeds.isEmpty {
            var byShownID: [String: Int64] = [:]
            for (row, label) in try nodeLabels(kind) where position[row] != nil { byShownID[label.id] = row }
            for seed in options.seeds {
                guard let row = byShownID[seed], let i = position[row] else {
                    throw PipelineError.unknownSeed(id: seed, graph: kind.rawValue)
                }
                vector[i] = 1
            }
        }
        if let topic = options.topic {
            let papers = try store.papers(withTerm: topic, key: KeyPhraseExtractor.key(of: topic)).compactMap { position[$0] }
            guard !papers.isEmpty else { throw PipelineError.unknownTopic(phrase: topic) }
            for i in papers { vector[i] = 1 }
        }
        return vector
    }

    /// The stored PageRank scores and communities of `kind`, building, ranking and clustering
    /// first whatever is missing.
    func rankedAndClustered(_ kind: GraphKind) throws -> (scores: [Int64: Double], membership: [Int64: Int], labels: [CommunityLabel]) {
        try ensureBuilt(kind)
        var scores = try store.scores(graph: kind, measure: RankMeasure.pagerank.rawValue)
        if scores.isEmpty {
            _ = try computeScores(graph: kind)
            scores = try store.scores(graph: kind, measure: RankMeasure.pagerank.rawValue)
        }
        var (membership, labels, _) = try store.communities(graph: kind)
        if membership.isEmpty {
            try communities(graph: kind)
            (membership, labels, _) = try store.communities(graph: kind)
        }
        return (scores, membership, labels)
    }

    /// Builds `kind` when the store has no build run for it.
    func ensureBuilt(_ kind: GraphKind) throws {
        if try !store.isBuilt(kind) { try build([kind]) }
    }

    /// Display id, title and year of nodes of a graph of `kind` (all of them when `ids` is
    /// nil), by store row id.
    func nodeLabels(_ kind: GraphKind, ids: [Int64]? = nil) throws -> [Int64: NodeLabel] {
        switch kind.nodeType {
        case .paper:
            let infos = try ids.map { try store.paperInfos(ids: $0) } ?? store.paperInfos()
            return infos.mapValues { NodeLabel(id: $0.id, title: $0.title, year: $0.year) }
        case .term:
            return try store.termLabels().mapValues { NodeLabel(id: $0, title: $0, year: nil) }
        case .author:
            return try store.authorNames().mapValues { NodeLabel(id: $0, title: $0, year: nil) }
        }
    }
}

extension Pipeline {
    /// The id shown for each node of a graph of `kind` (papers' external ids, topic labels,
    /// author names), by store row id.
    func shownIDs(_ kind: GraphKind) throws -> [Int64: String] {
        switch kind.nodeType {
        case .paper: return try store.paperShownIDs()
        case .term: return try store.termLabels()
        case .author: return try store.authorNames()
        }
    }
}

/// How a node is shown: its external id, title (or name) and year.
struct NodeLabel: Sendable {
    var id: String
    var title: String
    var year: Int?
}
