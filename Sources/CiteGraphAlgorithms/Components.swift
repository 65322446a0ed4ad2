import CiteGraphCore

/// Connected components: a label per node, numbered like `Partition.canonicalMembership`
/// (largest component 0, ties by smallest member).
public struct ComponentLabels: Sendable, Equatable {
    /// Component of each node.
    public var membership: [Int32]
    /// Number of components (isolated nodes count, one each).
    public var count: Int
    /// Component sizes indexed by component id (non-increasing).
    public var sizes: [Int]

    init(rawLabels: [Int32]) {
        membership = Partition.canonicalLabels(rawLabels)
        count = (membership.max().map { Int($0) } ?? -1) + 1
        var s = [Int](repeating: 0, count: count)
        for c in membership { s[Int(c)] += 1 }
        sizes = s
    }
}

/// Weakly and strongly connected components.
public enum Components {
    /// Weakly connected components: arcs are followed in both directions (for an undirected
    /// graph, the connected components). Union–find with union by size and path halving.
    /// - Complexity: O(n + m α(n)) time, O(n) memory.
    public static func weaklyConnected(_ graph: Graph) -> ComponentLabels {
        let n = graph.nodeCount
        var parent = [Int32](unsafeUninitializedCapacity: n) { b, c in
            for i in 0..<n { b[i] = Int32(i) }
            c = n
        }
        var size = [Int32](repeating: 1, count: n)
        parent.withUnsafeMutableBufferPointer { par in
        size.withUnsafeMutableBufferPointer { sz in
        graph.offsets.withUnsafeBufferPointer { off in
        graph.targets.withUnsafeBufferPointer { tg in
            func find(_ x: Int32) -> Int32 {
                var x = x
                while par[Int(x)] != x {
                    par[Int(x)] = par[Int(par[Int(x)])]
                    x = par[Int(x)]
                }
                return x
            }
            for v in 0..<n {
                for i in off[v]..<off[v + 1] {
                    var a = find(Int32(v)), b = find(tg[i])
                    if a == b { continue }
                    if sz[Int(a)] < sz[Int(b)] { swap(&a, &b) }
                    par[Int(b)] = a
                    sz[Int(a)] += sz[Int(b)]
                }
            }
            for v in 0..<n { par[v] = find(Int32(v)) }
        }}}}
        return ComponentLabels(rawLabels: parent)
    }

    /// Strongly connected components (Tarjan 1972, "Depth-first search and linear graph
    /// algorithms", SIAM J. Comput. 1(2)), with an explicit stack instead of recursion so that
    /// deep graphs cannot overflow the call stack. For an undirected graph these are the
    /// connected components.
    /// - Complexity: O(n + m) time, O(n) memory.
    public static func stronglyConnected(_ graph: Graph) -> ComponentLabels {
        let n = graph.nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var label = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var callNode: [Int32] = []
        var callEdge: [Int] = []
        var counter: Int32 = 0
        var components: Int32 = 0
        graph.offsets.withUnsafeBufferPointer { off in
        graph.targets.withUnsafeBufferPointer { tg in
            for s in 0..<n where index[s] < 0 {
                index[s] = counter; low[s] = counter; counter += 1
                stack.append(Int32(s)); onStack[s] = true
                callNode.append(Int32(s)); callEdge.append(off[s])
                while let v32 = callNode.last {
                    let v = Int(v32)
                    let i = callEdge[callEdge.count - 1]
                    if i < off[v + 1] {
                        callEdge[callEdge.count - 1] = i + 1
                        let w = Int(tg[i])
                        if index[w] < 0 {
                            index[w] = counter; low[w] = counter; counter += 1
                            stack.append(Int32(w)); onStack[w] = true
                            callNode.append(Int32(w)); callEdge.append(off[w])
                        } else if onStack[w] {
                            low[v] = min(low[v], index[w])
                        }
                    } else {
                        callNode.removeLast(); callEdge.removeLast()
                        if low[v] == index[v] {
                            while true {
                                let w = Int(stack.removeLast())
                                onStack[w] = false
                                label[w] = components
                                if w == v { break }
                            }
                            components += 1
                        }
                        if let parent = callNode.last {
                            low[Int(parent)] = min(low[Int(parent)], low[v])
                        }
                    }
                }
            }
        }}
        return ComponentLabels(rawLabels: label)
    }
}
