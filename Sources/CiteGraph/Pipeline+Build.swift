import CiteGraphAlgorithms
import CiteGraphCore
import CiteGraphStore
import Foundation

/// Parameters of the graph builders.
public struct BuildOptions: Sendable {
    /// Co-topic: neighbours kept per paper.
    public var neighbours = 10
    /// Co-topic: smallest cosine similarity kept.
    public var minSimilarity = 0.05
    /// Key phrases kept per paper.
    public var termsPerPaper = 10
    /// Topic map: number of topics (by number of papers) kept as nodes.
    public var topicCount = 100
    /// A VOSviewer thesaurus file (`label<TAB>replace by`; empty replacement drops the term).
    public var thesaurus: String? = nil
    /// Co-author and co-occurrence counting.
    public var counting: Cooccurrence.Counting = .full
    /// Co-author: papers with more authors are left out of the graph (nil: keep all). Large
    /// consortia add k² pairs each.
    public var maxAuthorsPerPaper: Int? = nil

    public init() {}
}

extension Pipeline {
    /// Builds the graphs of `kinds` (each replacing its earlier edges, with the run's
    /// parameters stored). Topics are extracted first when a text-based graph needs them.
    /// - Returns: edge count per kind.
    @discardableResult
    public func build(_ kinds: [GraphKind], options: BuildOptions = BuildOptions()) throws -> [GraphKind: Int] {
        var counts: [GraphKind: Int] = [:]
        if kinds.contains(where: { [.citation, .coupling, .cocitation].contains($0) }) {
            progress.begin("resolving references")
            let resolved = try store.resolveReferences()
            progress.finish("resolved \(resolved) reference(s) to corpus papers")
        }
        for kind in kinds {
            progress.begin("building \(kind.rawValue)")
            let (edges, parameters) = try edges(for: kind, options: options)
            PhaseClock.mark("edges \(kind)")
            try store.replaceEdges(kind: kind, parameters: parameters, edges: edges)
            PhaseClock.mark("replaceEdges \(kind)")
            counts[kind] = edges.count
            progress.finish("\(kind.rawValue): \(edges.count) edges")
        }
        return counts
    }

    private func edges(for kind: GraphKind, options: BuildOptions) throws -> ([StoredEdge], String) {
        switch kind {
        case .cotopic:
            return try cotopicEdges(options: options)
        case .topics:
            return try topicMapEdges(options: options)
        case .coauthor:
            let groups = try store.authorGroups()
            return (cooccurrenceEdges(groups, counting: options.counting, maxGroupSize: options.maxAuthorsPerPaper),
                JSON.object(["counting": options.counting.rawValue, "max_authors_per_paper": options.maxAuthorsPerPaper ?? 0]))
        case .citation:
            var edges: [StoredEdge] = []
            var seen = Set<Int64>()
            for (paper, cited) in try store.referenceLists() {
                seen.removeAll(keepingCapacity: true)
                for target in cited where target != paper && seen.insert(target).inserted {
                    edges.append(StoredEdge(source: paper, target: target, weight: 1))
                }
            }
            return (edges, JSON.object(["source": "resolved references", "direction": "citing -> cited"]))
        case .coupling:
            var citing: [Int64: [Int64]] = [:]
            for (paper, cited) in try store.referenceLists() {
                for target in Set(cited) { citing[target, default: []].append(paper) }
            }
            let groups = citing.keys.sorted().map { citing[$0]! }
            return (cooccurrenceEdges(groups, counting: .full, maxGroupSize: nil),
                JSON.object(["weight": "shared references (resolved and cited-only)"]))
        case .cocitation:
            let groups = try store.referenceLists().map(\.cited)
            return (cooccurrenceEdges(groups, counting: .full, maxGroupSize: nil),
                JSON.object(["weight": "papers citing both (resolved and cited-only)"]))
        case .mention:
            let texts = try store.paperTexts()
            let finder = MentionFinder()
            let documents = texts.map { MentionFinder.Document(title: $0.title, text: $0.title + "\n" + ($0.abstract ?? "")) }
            let edges = finder.mentions(in: documents).map { StoredEdge(source: texts[$0.source].id, target: texts[$0.target].id, weight: 1) }
            return (edges, JSON.object(["names": "title short names and distinctive short titles", "max_phrase_document_fraction": finder.maxPhraseDocumentFraction]))
        }
    }

    /// Pairs of store row ids co-occurring in groups, through `Cooccurrence.pairs`.
    private func cooccurrenceEdges(_ groups: [[Int64]], counting: Cooccurrence.Counting, maxGroupSize: Int?) -> [StoredEdge] {
        var index = NodeIndex<Int64>()
        let dense = groups.map { $0.map { index.insert($0) } }
        let pairs = Cooccurrence.pairs(groups: dense, itemCount: index.count, counting: counting, maxGroupSize: maxGroupSize)
        return (0..<pairs.count).map {
            StoredEdge(source: index[pairs.sources[$0]], target: index[pairs.targets[$0]], weight: pairs.weights[$0])
        }
    }

    /// The topic map: topics co-occurring in papers' key phrases, association-strength
    /// normalised, among the `topicCount` topics found in most papers.
    private func topicMapEdges(options: BuildOptions) throws -> ([StoredEdge], String) {
        if try !store.presence().terms { try extractTerms(options: options) }
        let lists = try store.paperTermLists()
        var occurrences: [Int64: Double] = [:]
        for (_, terms) in lists { for t in terms.prefix(options.termsPerPaper) { occurrences[t.term, default: 0] += 1 } }
        let top = Set(occurrences.keys.sorted { occurrences[$0]! != occurrences[$1]! ? occurrences[$0]! > occurrences[$1]! : $0 < $1 }
            .prefix(options.topicCount))
        let groups = lists.map { $0.terms.prefix(options.termsPerPaper).map(\.term).filter { top.contains($0) } }
        let total = occurrences.values.reduce(0, +)
        let raw = cooccurrenceEdges(groups, counting: .full, maxGroupSize: nil)
        let edges = raw.map { edge in
            StoredEdge(
                source: edge.source, target: edge.target,
                weight: Cooccurrence.associationStrength(
                    count: edge.weight, occurrencesA: occurrences[edge.source]!, occurrencesB: occurrences[edge.target]!, totalOccurrences: total))
        }
        return (edges, JSON.object(["topics": options.topicCount, "terms_per_paper": options.termsPerPaper, "normalisation": "association strength"]))
    }
}
