import CiteGraphCore

/// The strongly connected components of a directed graph in topological order of the
/// condensation: for every arc `u → v` between different components, `u`'s component comes
/// first. On a citation graph (citing → cited) citing papers come before the papers they cite.
///
/// Computed with Tarjan's algorithm (Tarjan 1972, "Depth-first search and linear graph
/// algorithms", SIAM J. Comput. 1(2)), which emits components sinks-first; the emission
/// order reversed is a topological order. The depth-first search keeps an explicit stack.
///
/// - Complexity: O(n + m) time, O(n) memory (about 24 bytes per node).
struct CondensationOrder: Sendable {
    /// Nodes grouped by component; components in topological order.
    let nodes: [Int32]
    /// Component `c` is `nodes[starts[c]..<starts[c + 1]]`.
    let starts: [Int32]
    /// Component of each node (index into `starts`).
    let component: [Int32]

    var componentCount: Int { starts.count - 1 }

    /// The largest component's size (0 for an empty graph).
    var largestSize: Int {
        var best: Int32 = 0
        for c in 0..<componentCount { best = max(best, starts[c + 1] - starts[c]) }
        return Int(best)
    }

    init(_ graph: Graph) {
        let n = graph.nodeCount
        // Emission order (sinks first) is written from the back of `order`, so that `order`
        // ends up sources first without a reversal pass.
        var order = [Int32](repeating: 0, count: n)
        var emittedStarts: [Int32] = []  // start of each component in `order`, in emission order
        var label = [Int32](repeating: -1, count: n)
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var tarjanStack = [Int32](repeating: 0, count: n)
        var callNode = [Int32](repeating: 0, count: n)
        var callEdge = [Int](repeating: 0, count: n)
        var componentCount: Int32 = 0
        var write = n
        graph.offsets.withUnsafeBufferPointer { off in
        graph.targets.withUnsafeBufferPointer { tg in
        index.withUnsafeMutableBufferPointer { index in
        low.withUnsafeMutableBufferPointer { low in
        label.withUnsafeMutableBufferPointer { label in
        order.withUnsafeMutableBufferPointer { order in
        tarjanStack.withUnsafeMutableBufferPointer { stack in
        callNode.withUnsafeMutableBufferPointer { callNode in
        callEdge.withUnsafeMutableBufferPointer { callEdge in
            var counter: Int32 = 0
            var stackTop = 0, callTop = 0
            for s in 0..<n where index[s] < 0 {
                index[s] = counter; low[s] = counter; counter += 1
                stack[stackTop] = Int32(s); stackTop += 1
                callNode[callTop] = Int32(s); callEdge[callTop] = off[s]; callTop += 1
                while callTop > 0 {
                    let v = Int(callNode[callTop - 1])
                    var i = callEdge[callTop - 1]
                    let end = off[v + 1]
                    var descended = false
                    while i < end {
                        let w = Int(tg[i])
                        i += 1
                        if index[w] < 0 {
                            callEdge[callTop - 1] = i
                            index[w] = counter; low[w] = counter; counter += 1
                            stack[stackTop] = Int32(w); stackTop += 1
                            callNode[callTop] = Int32(w); callEdge[callTop] = off[w]; callTop += 1
                            descended = true
                            break
                        } else if label[w] < 0 {  // still on the Tarjan stack
                            if index[w] < low[v] { low[v] = index[w] }
                        }
                    }
                    if descended { continue }
                    callTop -= 1
                    if low[v] == index[v] {
                        while true {
                            stackTop -= 1
                            let w = Int(stack[stackTop])
                            label[w] = componentCount
                            write -= 1
                            order[write] = Int32(w)
                            if w == v { break }
                        }
                        emittedStarts.append(Int32(write))
                        componentCount += 1
                    }
                    if callTop > 0 {
                        let parent = Int(callNode[callTop - 1])
                        if low[v] < low[parent] { low[parent] = low[v] }
                    }
                }
            }
        }}}}}}}}}
        // Component k in emission order occupies order[emittedStarts[k] ..< previous start];
        // topological position of emission k is count - 1 - k.
        let count = Int(componentCount)
        var starts = [Int32](repeating: Int32(n), count: count + 1)
        for k in 0..<count { starts[count - 1 - k] = emittedStarts[k] }
        let last = Int32(count - 1)
        for v in 0..<n { label[v] = last - label[v] }
        nodes = order
        self.starts = starts
        component = label
    }
}
