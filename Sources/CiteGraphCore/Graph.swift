/// An immutable graph in compressed-sparse-row form.
///
/// Node ids are dense `Int32` values `0..<nodeCount`; mapping to paper ids happens at the
/// boundary (see `NodeIndex`). The out-neighbours of node `v` are
/// `targets[offsets[v]..<offsets[v + 1]]` with matching `weights`. `offsets` is always
/// `nodeCount + 1` long. An undirected graph stores each edge in both directions (a
/// self-loop once).
public struct Graph: Sendable, Equatable {
    /// Number of nodes.
    public let nodeCount: Int
    /// Row offsets, `nodeCount + 1` entries.
    public let offsets: [Int]
    /// Column indices (neighbour node ids), `offsets[nodeCount]` entries.
    public let targets: [Int32]
    /// Edge weights, parallel to `targets`.
    public let weights: [Double]
    /// Whether edges are directed (`source → target`).
    public let isDirected: Bool

    /// Number of stored arcs (an undirected edge counts twice, a self-loop once).
    public var arcCount: Int { targets.count }

    /// Number of edges: arcs for a directed graph, undirected edges otherwise.
    public var edgeCount: Int {
        if isDirected { return arcCount }
        var loops = 0
        for v in 0..<nodeCount {
            for i in offsets[v]..<offsets[v + 1] where Int(targets[i]) == v { loops += 1 }
        }
        return (arcCount - loops) / 2 + loops
    }

    /// Creates a graph from CSR arrays that are already valid.
    /// - Precondition: `offsets.count == nodeCount + 1`, targets in range, `weights.count == targets.count`.
    public init(nodeCount: Int, offsets: [Int], targets: [Int32], weights: [Double], isDirected: Bool) {
        precondition(offsets.count == nodeCount + 1, "offsets must be nodeCount + 1 long")
        precondition(targets.count == weights.count, "targets and weights must have equal length")
        precondition(offsets.last == targets.count, "offsets must end at targets.count")
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.isDirected = isDirected
    }

    /// Builds a graph from an edge list with a counting sort; duplicate edges have their
    /// weights summed.
    ///
    /// For an undirected graph each edge `(u, v)` is stored as `u → v` and `v → u`; give each
    /// undirected edge once.
    /// - Complexity: O(n + m log d) time where d is the largest degree, O(n + m) memory.
    public init(nodeCount: Int, edges: EdgeList, isDirected: Bool) {
        let m = edges.sources.count
        var degree = [Int](repeating: 0, count: nodeCount + 1)
        for i in 0..<m {
            let s = Int(edges.sources[i]), t = Int(edges.targets[i])
            precondition(s >= 0 && s < nodeCount && t >= 0 && t < nodeCount, "edge endpoint out of range")
            degree[s + 1] += 1
            if !isDirected && s != t { degree[t + 1] += 1 }
        }
        for v in 0..<nodeCount { degree[v + 1] += degree[v] }
        let total = degree[nodeCount]
        var cursor = degree
        var rawTargets = [Int32](repeating: 0, count: total)
        var rawWeights = [Double](repeating: 0, count: total)
        for i in 0..<m {
            let s = Int(edges.sources[i]), t = Int(edges.targets[i])
            let w = edges.weights.isEmpty ? 1.0 : edges.weights[i]
            rawTargets[cursor[s]] = Int32(t); rawWeights[cursor[s]] = w; cursor[s] += 1
            if !isDirected && s != t {
                rawTargets[cursor[t]] = Int32(s); rawWeights[cursor[t]] = w; cursor[t] += 1
            }
        }
        // Edges given in (source, target) order without repeats — as the store reads them —
        // leave every row sorted already: then the placed arrays are the graph.
        let rowsSorted = rawTargets.withUnsafeBufferPointer { targets in
            (0..<nodeCount).allSatisfy { v in
                var i = degree[v] + 1
                while i < degree[v + 1] {
                    if targets[i - 1] >= targets[i] { return false }
                    i += 1
                }
                return true
            }
        }
        if rowsSorted {
            self.init(nodeCount: nodeCount, offsets: degree, targets: rawTargets, weights: rawWeights, isDirected: isDirected)
            return
        }
        // Sort each row by target and merge duplicates.
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var outTargets = [Int32](); outTargets.reserveCapacity(total)
        var outWeights = [Double](); outWeights.reserveCapacity(total)
        var row: [(Int32, Double)] = []
        for v in 0..<nodeCount {
            row.removeAll(keepingCapacity: true)
            for i in degree[v]..<degree[v + 1] { row.append((rawTargets[i], rawWeights[i])) }
            row.sort { $0.0 < $1.0 }
            var i = 0
            while i < row.count {
                var w = row[i].1
                var j = i + 1
                while j < row.count && row[j].0 == row[i].0 { w += row[j].1; j += 1 }
                outTargets.append(row[i].0); outWeights.append(w)
                i = j
            }
            offsets[v + 1] = outTargets.count
        }
        self.init(nodeCount: nodeCount, offsets: offsets, targets: outTargets, weights: outWeights, isDirected: isDirected)
    }

    /// Out-degree (number of stored arcs) of `node`.
    @inlinable public func degree(_ node: Int) -> Int { offsets[node + 1] - offsets[node] }

    /// The graph with every arc reversed (in-edges become out-edges). An undirected graph is
    /// its own transpose.
    /// - Complexity: O(n + m).
    public func transposed() -> Graph {
        if !isDirected { return self }
        var counts = [Int](repeating: 0, count: nodeCount + 1)
        for t in targets { counts[Int(t) + 1] += 1 }
        for v in 0..<nodeCount { counts[v + 1] += counts[v] }
        var cursor = counts
        var newTargets = [Int32](repeating: 0, count: arcCount)
        var newWeights = [Double](repeating: 0, count: arcCount)
        offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tg in
        weights.withUnsafeBufferPointer { w in
        cursor.withUnsafeMutableBufferPointer { cursor in
        newTargets.withUnsafeMutableBufferPointer { newTargets in
        newWeights.withUnsafeMutableBufferPointer { newWeights in
            for v in 0..<nodeCount {
                for i in off[v]..<off[v + 1] {
                    let t = Int(tg[i])
                    let slot = cursor[t]
                    newTargets[slot] = Int32(v)
                    newWeights[slot] = w[i]
                    cursor[t] = slot + 1
                }
            }
        }}}}}}
        return Graph(nodeCount: nodeCount, offsets: counts, targets: newTargets, weights: newWeights, isDirected: true)
    }

    /// How reciprocal arcs `u → v`, `v → u` combine into one undirected edge.
    public enum ReciprocalWeight: Sendable {
        /// The larger weight (networkx's `to_undirected` keeps one arc's data; for unit
        /// weights this is the same).
        case max
        /// The sum of both weights.
        case sum
    }

    /// The undirected version of this graph: each pair of nodes joined by at least one arc
    /// becomes one undirected edge.
    /// Rows must be sorted by target without repeats, as `init(nodeCount:edges:isDirected:)`
    /// builds them.
    /// - Complexity: O(n + m): a transpose and one merge of sorted rows per node.
    public func undirected(combining rule: ReciprocalWeight = .max) -> Graph {
        if !isDirected { return self }
        // Row v of the result merges v's out-row and v's in-row (the transpose's row), both
        // sorted by neighbour: a reciprocal pair meets in the merge and combines; a self-loop
        // appears in both rows and is kept once.
        let incoming = transposed()
        var newOffsets = [Int](repeating: 0, count: nodeCount + 1)
        var newTargets = [Int32](repeating: 0, count: 2 * arcCount)
        var newWeights = [Double](repeating: 0, count: 2 * arcCount)
        var count = 0
        offsets.withUnsafeBufferPointer { outOff in
        targets.withUnsafeBufferPointer { outT in
        weights.withUnsafeBufferPointer { outW in
        incoming.offsets.withUnsafeBufferPointer { inOff in
        incoming.targets.withUnsafeBufferPointer { inT in
        incoming.weights.withUnsafeBufferPointer { inW in
        newTargets.withUnsafeMutableBufferPointer { tg in
        newWeights.withUnsafeMutableBufferPointer { wt in
            for v in 0..<nodeCount {
                var i = outOff[v], j = inOff[v]
                let iEnd = outOff[v + 1], jEnd = inOff[v + 1]
                while i < iEnd || j < jEnd {
                    let a = i < iEnd ? outT[i] : Int32.max, b = j < jEnd ? inT[j] : Int32.max
                    if a == b {
                        let w = Int(a) == v ? outW[i] : (rule == .max ? Swift.max(outW[i], inW[j]) : outW[i] + inW[j])
                        tg[count] = a; wt[count] = w
                        i += 1; j += 1
                    } else if a < b {
                        tg[count] = a; wt[count] = outW[i]; i += 1
                    } else {
                        tg[count] = b; wt[count] = inW[j]; j += 1
                    }
                    count += 1
                }
                newOffsets[v + 1] = count
            }
        }}}}}}}}
        newTargets.removeLast(newTargets.count - count)
        newWeights.removeLast(newWeights.count - count)
        return Graph(nodeCount: nodeCount, offsets: newOffsets, targets: newTargets, weights: newWeights, isDirected: false)
    }

    /// Sum of the weights of the arcs leaving `node`.
    public func weightedDegree(_ node: Int) -> Double {
        var s = 0.0
        for i in offsets[node]..<offsets[node + 1] { s += weights[i] }
        return s
    }
}

/// A growable list of weighted edges in structure-of-arrays form, used to build a `Graph`.
public struct EdgeList: Sendable, Equatable {
    public var sources: [Int32] = []
    public var targets: [Int32] = []
    /// Empty means every weight is 1.
    public var weights: [Double] = []

    public init() {}

    public init(sources: [Int32], targets: [Int32], weights: [Double] = []) {
        precondition(sources.count == targets.count)
        precondition(weights.isEmpty || weights.count == sources.count)
        self.sources = sources; self.targets = targets; self.weights = weights
    }

    public var count: Int { sources.count }

    public mutating func reserveCapacity(_ n: Int) {
        sources.reserveCapacity(n); targets.reserveCapacity(n); weights.reserveCapacity(n)
    }

    /// Appends one edge. Mixing weighted and unweighted appends is a programmer error.
    public mutating func append(_ source: Int32, _ target: Int32, _ weight: Double = 1) {
        sources.append(source); targets.append(target); weights.append(weight)
    }
}
