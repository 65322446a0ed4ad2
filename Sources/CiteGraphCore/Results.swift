/// Per-node scores from a ranking algorithm (PageRank, HITS, degree), with how they were
/// obtained.
public struct Scores: Sendable, Equatable {
    /// One score per node, indexed by dense node id.
    public var values: [Double]
    /// Iterations run (0 for non-iterative measures).
    public var iterations: Int
    /// Final residual (L1 change in the last iteration; 0 for non-iterative measures).
    public var residual: Double
    /// Whether the iteration met its tolerance before the iteration limit.
    public var converged: Bool

    public init(values: [Double], iterations: Int = 0, residual: Double = 0, converged: Bool = true) {
        self.values = values; self.iterations = iterations; self.residual = residual; self.converged = converged
    }

    /// Node ids ordered by decreasing score; ties broken by node id.
    public func ranking() -> [Int] {
        values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
    }
}

/// A partition of nodes into communities.
public struct Partition: Sendable, Equatable {
    /// Community of each node, `0..<communityCount`, numbered by decreasing size (ties by
    /// smallest member), so the largest community is 0.
    public var membership: [Int32]
    /// Quality of the partition (modularity or CPM value) under the parameters used.
    public var quality: Double

    public init(membership: [Int32], quality: Double) {
        self.membership = membership; self.quality = quality
    }

    /// Number of communities.
    public var communityCount: Int { (membership.max().map { Int($0) } ?? -1) + 1 }

    /// Community sizes indexed by community id.
    public var sizes: [Int] {
        var s = [Int](repeating: 0, count: communityCount)
        for c in membership { s[Int(c)] += 1 }
        return s
    }

    /// Renumbers arbitrary community labels so that communities are `0..<k`, ordered by
    /// decreasing size, ties by their smallest node id.
    public static func canonicalMembership(_ labels: [Int32]) -> [Int32] {
        var size: [Int32: Int] = [:]
        var first: [Int32: Int] = [:]
        for (v, c) in labels.enumerated() {
            size[c, default: 0] += 1
            if first[c] == nil { first[c] = v }
        }
        let order = size.keys.sorted {
            size[$0]! != size[$1]! ? size[$0]! > size[$1]! : first[$0]! < first[$1]!
        }
        var newLabel: [Int32: Int32] = [:]
        for (i, c) in order.enumerated() { newLabel[c] = Int32(i) }
        return labels.map { newLabel[$0]! }
    }
}
