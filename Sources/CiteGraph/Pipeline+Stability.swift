import CiteGraphAlgorithms
import CiteGraphCore
import Foundation

/// How stable a community partition is across random seeds.
public struct StabilityReport: Sendable {
    /// Seeds used, the first being the reference run.
    public var seeds: [UInt64]
    /// Modularity of each run.
    public var modularities: [Double]
    /// Number of communities of each run.
    public var communityCounts: [Int]
    /// Mean normalised mutual information over all pairs of runs (1: identical partitions).
    public var meanPairwiseNMI: Double
    /// For each community of the reference run: the mean, over the other runs, of the best
    /// Jaccard overlap with any of that run's communities (1: it reappears exactly every time).
    public var persistence: [Double]
}

extension Pipeline {
    /// Runs the community algorithm with `runs` consecutive seeds from `options.seed` and
    /// measures how much the partitions agree. The reference run (first seed) is stored.
    ///
    /// - Complexity: `runs` community detections plus O(runs² · n) for the comparisons.
    public func stability(graph kind: GraphKind, options: CommunityOptions, runs: Int) throws -> (CommunityResult, StabilityReport) {
        precondition(runs >= 2, "stability needs at least two runs")
        let reference = try communities(graph: kind, options: options)
        let (directed, _) = try store.loadGraph(kind)
        let graph = directed.undirected(combining: .sum)
        var partitions: [[Int32]] = [reference.membership.map { Int32($0.community) }]
        var modularities = [reference.modularity]
        var seeds = [options.seed]
        progress.begin("stability: \(runs) runs", total: runs)
        for run in 1..<runs {
            let seed = options.seed &+ UInt64(run)
            let partition: Partition
            switch options.algorithm {
            case .leiden: partition = try Leiden(resolution: options.resolution, seed: seed).run(on: graph)
            case .louvain: partition = try Louvain(resolution: options.resolution, seed: seed).run(on: graph)
            }
            partitions.append(partition.membership)
            modularities.append(Modularity.value(of: partition.membership, on: graph, resolution: options.resolution))
            seeds.append(seed)
            progress.update(run + 1)
        }
        var nmiSum = 0.0
        var pairs = 0
        for i in 0..<runs {
            for j in (i + 1)..<runs {
                nmiSum += PartitionComparison.normalizedMutualInformation(partitions[i], partitions[j])
                pairs += 1
            }
        }
        let persistence = Self.persistence(of: partitions[0], in: Array(partitions.dropFirst()))
        progress.finish("stability: mean pairwise NMI \(String(format: "%.4f", nmiSum / Double(pairs)))")
        return (
            reference,
            StabilityReport(
                seeds: seeds, modularities: modularities, communityCounts: partitions.map { Int(($0.max() ?? -1) + 1) },
                meanPairwiseNMI: nmiSum / Double(pairs), persistence: persistence)
        )
    }

    /// Best-match Jaccard overlap of each reference community with each other partition,
    /// averaged over the other partitions.
    static func persistence(of reference: [Int32], in others: [[Int32]]) -> [Double] {
        let k = Int((reference.max() ?? -1) + 1)
        var sizes = [Int](repeating: 0, count: k)
        for c in reference { sizes[Int(c)] += 1 }
        var total = [Double](repeating: 0, count: k)
        for other in others {
            let m = Int((other.max() ?? -1) + 1)
            var otherSizes = [Int](repeating: 0, count: m)
            for c in other { otherSizes[Int(c)] += 1 }
            var overlap: [Int64: Int] = [:]
            for (a, b) in zip(reference, other) { overlap[Int64(a) << 32 | Int64(b), default: 0] += 1 }
            var best = [Double](repeating: 0, count: k)
            for (key, shared) in overlap {
                let a = Int(key >> 32), b = Int(key & 0xffff_ffff)
                let jaccard = Double(shared) / Double(sizes[a] + otherSizes[b] - shared)
                best[a] = max(best[a], jaccard)
            }
            for c in 0..<k { total[c] += best[c] }
        }
        return total.map { $0 / Double(max(1, others.count)) }
    }
}
